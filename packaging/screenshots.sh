#!/usr/bin/env bash
# Takes the screenshots the AppStream metainfo shows (docs/images/*.png): the real app on a virtual X server
# (Xvfb), driven like a user would with xdotool, captured by ImageMagick's `import` (an external X client:
# the app has no screenshot code). Run it after UI changes and commit the PNGs.
#   lookup.png        the Lookup tab: "localhost" looked up, the answer's bytes selected in the wire view
#   lookup-zh_CN.png  the same in Simplified Chinese (LANG=zh_CN.UTF-8, no saved language)
#   about.png         Help > About
# Needs: xvfb xauth xdotool imagemagick fonts-wqy-microhei (Chinese glyphs).
# Usage: packaging/screenshots.sh SOCKETEER_BINARY [OUTPUT_DIR (default docs/images)]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
binary=$(readlink -f "${1:?usage: screenshots.sh SOCKETEER_BINARY [OUTPUT_DIR]}")
out=$(readlink -f "${2:-$here/../docs/images}")
for tool in xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
mkdir -p "$out"

if [ -z "${SOCKETEER_SCREENSHOT_INNER:-}" ]; then
    exec env SOCKETEER_SCREENSHOT_INNER=1 xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$binary" "$out"
fi

# --- inside Xvfb --------------------------------------------------------------------------------------
work=$(mktemp -d)
app_pid=""
cleanup() {
    [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# start LANG: a fresh HOME (no saved language or geometry), so the language follows LANG. No window manager
# runs, so the window sits at 0,0 and the clicks below are in window coordinates.
start() {
    HOME="$work/home-$1" XDG_CONFIG_HOME="$work/home-$1/.config" LANG=$1 LC_ALL=$1 QT_QPA_PLATFORM=xcb \
        "$binary" >"$work/app.log" 2>&1 &
    app_pid=$!
    window=$(xdotool search --sync --all --onlyvisible --pid "$app_pid" --class socketeer | awk "NR == 1")
    xdotool windowsize "$window" 1000 640 windowmove "$window" 0 0
}
stop() {
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}
# Returns once the window has painted and settled: the same picture for a second (four captures in a row).
settle() { # settle WINDOW
    local previous="" current same=0
    for _ in $(seq 60); do
        sleep 0.25
        import -window "$1" "png:$work/shot.png"
        current=$(md5sum <"$work/shot.png")
        if [ "$current" = "$previous" ]; then
            same=$((same + 1))
            [ "$same" -lt 3 ] || break
        else
            same=0
        fi
        previous=$current
    done
}
capture() { # capture WINDOW FILE
    settle "$1"
    import -window "$1" -strip "png:$2"
    echo "wrote $2" >&2
}

lookup_localhost() { # lookup_localhost LANG FILE
    start "$1"
    xdotool mousemove --window "$window" 500 66 click 1 type --delay 20 'localhost'
    xdotool key Return
    settle "$window" # the answer is in
    xdotool mousemove --window "$window" 300 427 click 1 # the received addresses in the wire view
    capture "$window" "$2"
    stop
}
lookup_localhost C.UTF-8 "$out/lookup.png"
lookup_localhost zh_CN.UTF-8 "$out/lookup-zh_CN.png"

start C.UTF-8
xdotool mousemove --window "$window" 100 8 click 1 # the Help menu
until [ "$(xdotool search --all --onlyvisible --pid "$app_pid" --class socketeer | wc -l)" -gt 1 ]; do sleep 0.1; done
xdotool key Down Return # its first entry: About Socketeer
about=$(xdotool search --sync --all --onlyvisible --pid "$app_pid" --name '^About Socketeer$' | awk "NR == 1")
capture "$about" "$out/about.png"
stop

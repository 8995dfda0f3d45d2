#!/usr/bin/env bash
# The real AppImage, run every way a user can: `--selftest` (main window offscreen, TLS, zh_CN) through
# --appimage-extract-and-run, APPIMAGE_EXTRACT_AND_RUN=1, an --appimage-extract'ed squashfs-root/AppRun, and the
# FUSE mount when this machine allows one; each leaves nothing behind in TMPDIR. The command line works through
# it too (`--version` prints the version), AppRun keeps a host's QT_PLUGIN_PATH out, and the bundled xcb
# platform plugin drives a real X server (Xvfb).
# Usage: test_appimage_run.sh APPIMAGE VERSION
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh"
image=$(readlink -f "${1:?usage: test_appimage_run.sh APPIMAGE VERSION}")
version=${2:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work/tmp" HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" QT_QPA_PLATFORM=offscreen
mkdir -p "$TMPDIR" "$HOME"
leftovers() { find "$TMPDIR" -mindepth 1 -maxdepth 1 ! -name 'runtime-*' | wc -l; }

selftest_passes() { # selftest_passes LABEL COMMAND... : runs the self test, checks its verdict and the clean-up
    local label=$1 rc=0
    shift
    "$@" --selftest >"$work/out" 2>"$work/err" || rc=$?
    check "$label: --selftest exits 0 (got $rc)" test "$rc" = 0
    check "$label: selftest passed" grep -q '^selftest passed' "$work/out"
    check "$label: TLS and zh_CN checked" test "$(grep -cE '^ok.*(TLS|zh_CN)' "$work/out")" = 2
    [ "$rc" = 0 ] || cat "$work/out" "$work/err" >&2
}

selftest_passes "--appimage-extract-and-run" "$image" --appimage-extract-and-run
check "--appimage-extract-and-run cleaned up" test "$(leftovers)" = 0

APPIMAGE_EXTRACT_AND_RUN=1 selftest_passes "APPIMAGE_EXTRACT_AND_RUN=1" "$image"
check "APPIMAGE_EXTRACT_AND_RUN=1 cleaned up" test "$(leftovers)" = 0

# A host QT_PLUGIN_PATH full of plugins that cannot load (not ELF): AppRun must keep them out.
mkdir -p "$work/badplugins/platforms"
echo "not a plugin" > "$work/badplugins/platforms/libqoffscreen.so"
QT_PLUGIN_PATH="$work/badplugins" QT_DEBUG_PLUGINS=1 APPIMAGE_EXTRACT_AND_RUN=1 selftest_passes "host QT_PLUGIN_PATH" "$image"
check "the host plugin directory was not even looked at" test -z "$(grep -F "$work/badplugins" "$work/err" || true)"

(cd "$work" && "$image" --appimage-extract >/dev/null)
check "--appimage-extract wrote squashfs-root/AppRun" test -x "$work/squashfs-root/AppRun"
selftest_passes "extracted AppRun" "$work/squashfs-root/AppRun"
check "the extracted binary runs the command line" \
    test "$("$work/squashfs-root/AppRun" --version)" = "socketeer $version"
rm -rf "$work/squashfs-root"

check "the command line through the AppImage" test "$(APPIMAGE_EXTRACT_AND_RUN=1 "$image" --version)" = "socketeer $version"
check "--appimage-version" grep -q "type 2" <<<"$("$image" --appimage-version)"

# The classroom case: a real X server (Xvfb) and the bundled xcb platform plugin with its bundled xcb libraries.
if command -v xvfb-run >/dev/null; then
    QT_QPA_PLATFORM=xcb APPIMAGE_EXTRACT_AND_RUN=1 selftest_passes "xcb on Xvfb" xvfb-run -a "$image"
else
    echo "note: xvfb-run is not installed (apt-get install xvfb xauth): the xcb platform was not exercised" >&2
fi

if [ -e /dev/fuse ] && { [ "$(id -u)" = 0 ] || command -v fusermount3 >/dev/null; }; then
    selftest_passes "FUSE mount" "$image"
    if grep -qF 'FUSE is not available' "$work/err"; then
        echo "note: /dev/fuse exists but mounting was refused (a container without CAP_SYS_ADMIN?): fell back" >&2
    fi
    for _ in $(seq 50); do # the FUSE server unmounts right after the app exits; allow it up to 5 s
        [ "$(leftovers)" = 0 ] && break
        sleep 0.1
    done
    check "FUSE mount: unmounted and removed afterwards" test "$(leftovers)" = 0
else
    echo "note: FUSE is not usable here: the mounted path was not exercised (the fallback was, above)" >&2
fi
summary

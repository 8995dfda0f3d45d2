#!/usr/bin/env bash
# The AppImage runtime on small images made here (no app needed): the environment AppRun gets, arguments
# with spaces, exit codes, --appimage-extract (all, and with a pattern), hard and symbolic links,
# extract-and-run (flag and APPIMAGE_EXTRACT_AND_RUN=1) and its clean-up, the automatic fallback when FUSE
# is unusable, TARGET_APPIMAGE, the refusal of LZO images and of unknown options, and a FUSE mount when
# this machine allows one.
# Usage: test_runtime.sh RUNTIME
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh"
runtime=$(readlink -f "${1:?usage: test_runtime.sh RUNTIME}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
leftovers() { find "$TMPDIR" -mindepth 1 -maxdepth 1 | wc -l; }

# An AppDir whose AppRun reports what it got, reads a file through a link, and exits with $EXIT_WITH.
appdir="$work/My App.AppDir"
mkdir -p "$appdir/usr/share/data"
cat > "$appdir/AppRun" <<'APPRUN'
#!/bin/sh
printf 'APPDIR=%s\nAPPIMAGE=%s\nARGV0=%s\nOWD=%s\n' "$APPDIR" "$APPIMAGE" "$ARGV0" "$OWD"
for arg in "$@"; do printf 'ARG=[%s]\n' "$arg"; done
printf 'DATA=%s\n' "$(cat "$APPDIR/data-link")"
exit "${EXIT_WITH:-0}"
APPRUN
chmod 755 "$appdir/AppRun"
echo "payload 42" > "$appdir/usr/share/data/file.txt"
ln -s usr/share/data/file.txt "$appdir/data-link"
ln "$appdir/usr/share/data/file.txt" "$appdir/hard-link.txt"
image="$work/My App-x86_64.AppImage"
mksquashfs "$appdir" "$work/image.sqfs" -comp zstd -all-root -noappend -quiet -no-progress >/dev/null
cat "$runtime" "$work/image.sqfs" > "$image"
chmod 755 "$image"
runtime_size=$(stat -c %s "$runtime")

# --appimage-offset, --appimage-version, --appimage-help, an unknown option
check "offset is the runtime's size" test "$("$image" --appimage-offset)" = "$runtime_size"
check "version" contains "$("$image" --appimage-version)" "type 2"
check "help lists --appimage-extract" contains "$("$image" --appimage-help)" "--appimage-extract"
rc=0; "$image" --appimage-frobnicate 2>/dev/null || rc=$?
check "unknown option is a usage error (2), got $rc" test "$rc" = 2
check "update information section is readable" "$image" --appimage-updateinformation

# extract-and-run: environment, arguments, exit code, clean-up
cd "$work"
out=$("$image" --appimage-extract-and-run "a b" "" "c" 2>&1)
check "APPIMAGE is the file" contains "$out" "APPIMAGE=$image"
check "ARGV0 is argv[0]" contains "$out" "ARGV0=$image"
check "OWD is the caller's directory" contains "$out" "OWD=$work"
check "APPDIR is a temporary extraction" contains "$out" "APPDIR=$TMPDIR/appimage_extracted_"
check "arguments keep spaces" contains "$out" "ARG=[a b]"
check "empty arguments survive" contains "$out" "ARG=[]"
check "extract-and-run option is not passed on" test "$(grep -c '^ARG=' <<<"$out")" = 3
check "symlink resolves inside the image" contains "$out" "DATA=payload 42"
check "extract-and-run cleans up" test "$(leftovers)" = 0
rc=0; EXIT_WITH=7 APPIMAGE_EXTRACT_AND_RUN=1 "$image" >/dev/null 2>&1 || rc=$?
check "exit code of the app is the AppImage's (7), got $rc" test "$rc" = 7
check "APPIMAGE_EXTRACT_AND_RUN=1 cleans up" test "$(leftovers)" = 0
out=$(NO_CLEANUP=1 APPIMAGE_EXTRACT_AND_RUN=1 "$image" 2>&1)
check "NO_CLEANUP=1 keeps the extraction" test "$(leftovers)" = 1
rm -rf "${TMPDIR:?}"/*

# --appimage-extract: everything, then with a pattern
mkdir "$work/x" && cd "$work/x"
"$image" --appimage-extract >/dev/null
check "extract: AppRun executable" test -x squashfs-root/AppRun
check "extract: symlink kept" test "$(readlink squashfs-root/data-link)" = usr/share/data/file.txt
check "extract: hard link kept" test "$(stat -c %h squashfs-root/hard-link.txt)" = 2
check "extract: content" test "$(cat squashfs-root/usr/share/data/file.txt)" = "payload 42"
check "extract: same tree as unsquashfs" test "$(cd squashfs-root && find . | sort | sed 's|^\.||' | grep -c .)" = \
    "$(unsquashfs -o "$runtime_size" -l "$image" | sed 's|^squashfs-root||' | grep -c .)"
rm -rf squashfs-root
"$image" --appimage-extract 'usr/share' >/dev/null
check "pattern: matching subtree extracted" test -f squashfs-root/usr/share/data/file.txt
check "pattern: the rest left out" test ! -e squashfs-root/AppRun
cd "$work"

# TARGET_APPIMAGE: the runtime serves another AppImage's image
other="$work/other.AppImage"
mkdir -p "$work/other.AppDir"
printf '#!/bin/sh\necho OTHER-APP\n' > "$work/other.AppDir/AppRun"
chmod 755 "$work/other.AppDir/AppRun"
mksquashfs "$work/other.AppDir" "$work/other.sqfs" -comp xz -all-root -noappend -quiet -no-progress >/dev/null
cat "$runtime" "$work/other.sqfs" > "$other"
check "TARGET_APPIMAGE (and xz images)" contains "$(TARGET_APPIMAGE="$other" "$image" --appimage-extract-and-run)" "OTHER-APP"

# LZO images are refused with a reason (the LZO decompressor is GPL-2 and left out)
mksquashfs "$work/other.AppDir" "$work/lzo.sqfs" -comp lzo -all-root -noappend -quiet -no-progress >/dev/null
cat "$runtime" "$work/lzo.sqfs" > "$work/lzo.AppImage"
chmod 755 "$work/lzo.AppImage"
rc=0; err=$("$work/lzo.AppImage" 2>&1) || rc=$?
check "LZO refused (exit 1), got $rc" test "$rc" = 1
check "LZO refusal says why" contains "$err" "LZO"

# A damaged image: a clear error, no crash
head -c "$((runtime_size + 200))" "$image" > "$work/truncated.AppImage"
chmod 755 "$work/truncated.AppImage"
rc=0; "$work/truncated.AppImage" --appimage-extract-and-run >/dev/null 2>&1 || rc=$?
check "truncated image fails cleanly (1), got $rc" test "$rc" = 1

# FUSE unusable (as in a container) -> extract-and-run by itself. Without /dev/fuse that is this machine as it
# is; with it, /dev/fuse is hidden in a private mount namespace when that is allowed.
fallback=""
if [ ! -e /dev/fuse ]; then
    fallback=("$image")
elif [ "$(id -u)" = 0 ] && unshare -m sh -c 'mount --bind /dev/null /dev/fuse' 2>/dev/null; then
    fallback=(unshare -m sh -c 'mount --bind /dev/null /dev/fuse && exec "$0"' "$image")
fi
if [ -n "${fallback[0]:-}" ]; then
    out=$("${fallback[@]}" 2>&1) || true
    check "fallback runs the app" contains "$out" "DATA=payload 42"
    check "fallback says why" contains "$out" "FUSE is not available"
    check "fallback cleans up" test "$(leftovers)" = 0
else
    echo "note: /dev/fuse exists and cannot be hidden here: the fallback is covered by the clean-room test" >&2
fi

# FUSE mount: APPDIR is the mount point, unmounted and removed when the app exits
out=""
if [ -e /dev/fuse ] && { [ "$(id -u)" = 0 ] || command -v fusermount3 >/dev/null; }; then
    out=$("$image" 2>&1)
fi
if [ -z "$out" ]; then
    echo "note: FUSE is not usable here: the mount path was not exercised" >&2
elif contains "$out" "FUSE is not available"; then
    echo "note: /dev/fuse exists but mounting was refused (a container without CAP_SYS_ADMIN?): fell back" >&2
    check "refused mount: fallback still runs the app" contains "$out" "DATA=payload 42"
else
    check "mounted: APPDIR is a mount point" contains "$out" "APPDIR=$TMPDIR/.mount_My App"
    check "mounted: data readable" contains "$out" "DATA=payload 42"
    for _ in $(seq 50); do # the server unmounts right after the app exits; give it up to 5 s
        [ "$(leftovers)" = 0 ] && break
        sleep 0.1
    done
    check "mounted: unmounted and removed afterwards" test "$(leftovers)" = 0
    check "mounted: no mount left" test -z "$(grep -F "$TMPDIR" /proc/mounts || true)"
fi

summary

#!/usr/bin/env bash
# The AppImage's library closure:
#  1. statically: every ELF in the AppDir finds each DT_NEEDED library inside the AppDir (usr/lib) or in the
#     excludelist (left to the host), and carries an $ORIGIN-relative RPATH (no absolute path);
#  2. at run time: `--selftest` (main window offscreen, TLS, zh_CN) passes while LD_DEBUG=libs records every
#     object the dynamic loader initialises, with QT_PLUGIN_PATH pointing at the system's Qt plugins to tempt
#     a leak: nothing may come from outside the AppDir except excludelist libraries (in the AppImage's own
#     processes; host programs it runs load what they load).
# Usage: test_appimage_closure.sh APPIMAGE EXCLUDELIST
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh"
image=$(readlink -f "${1:?usage: test_appimage_closure.sh APPIMAGE EXCLUDELIST}")
excludelist=${2:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

declare -A excluded=()
while read -r soname _; do excluded[$soname]=1; done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$excludelist")
check "excludelist read" test "${#excluded[@]}" -gt 10

# --- 1. static closure ---------------------------------------------------------------------------------
(cd "$work" && "$image" --appimage-extract >/dev/null)
appdir="$work/squashfs-root"
elves=0
while IFS= read -r -d '' file; do
    [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = 177ELF ] || continue
    elves=$((elves + 1))
    rel=${file#"$appdir"/}
    dynamic=$(readelf -d -W "$file")
    while read -r needed; do
        if [ -z "${excluded[$needed]:-}" ] && [ ! -e "$appdir/usr/lib/$needed" ]; then
            echo "FAIL: $rel needs $needed: neither bundled nor in the excludelist" >&2
            failures=$((failures + 1))
        fi
    done < <(sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' <<<"$dynamic")
    rpath=$(sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p' <<<"$dynamic")
    case $rel in
        usr/bin/*) want='$ORIGIN/../lib' ;;
        usr/lib/*) want='$ORIGIN' ;;
        usr/plugins/*) want='$ORIGIN/../../lib' ;;
        *) want="" ;;
    esac
    check "$rel: RPATH '$rpath' is '$want'" test "$rpath" = "$want"
done < <(find "$appdir" -type f -print0)
check "found the ELF files ($elves)" test "$elves" -gt 50

# --- 2. what the loader really loads -------------------------------------------------------------------
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
host_plugins=$(ls -d /usr/lib/*/qt6/plugins 2>/dev/null | head -n 1 || true)
set +e
QT_PLUGIN_PATH=${host_plugins:-/nonexistent} QT_QPA_PLATFORM=offscreen LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/ld" \
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "$image" --selftest >"$work/out" 2>"$work/err"
rc=$?
set -e
cat "$work/out"
check "--selftest exits 0 (got $rc)" test "$rc" = 0
check "--selftest reports success" grep -q '^selftest passed' "$work/out"
check "--selftest checked TLS" grep -q '^ok.*TLS' "$work/out"
check "--selftest loaded zh_CN" grep -q '^ok.*zh_CN' "$work/out"
# Only the AppImage's own processes: a host program it starts (the classroom panel asks `nft`/`iptables` whether a
# firewall drops connections) inherits LD_DEBUG and loads the host's libraries, as it should.
ours=()
for file in "$work"/ld.*; do
    if grep -qE "calling init: $TMPDIR/(\.mount_|appimage_extracted_)" "$file"; then ours+=("$file"); fi
done
check "LD_DEBUG recorded the AppImage's process (${#ours[@]})" test "${#ours[@]}" -ge 1
loaded=$(cat "${ours[@]}" | sed -n 's/.*calling init: //p' | sort -u)
check "LD_DEBUG recorded the loads" test "$(grep -c . <<<"$loaded")" -gt 50
inside=0
while read -r path; do
    if [[ "$path" =~ ^"$TMPDIR"/(\.mount_|appimage_extracted_)[^/]+/usr/ ]]; then
        inside=$((inside + 1))
    elif [ -z "${excluded[$(basename "$path")]:-}" ]; then
        echo "FAIL: loaded from the host and not in the excludelist: $path" >&2
        failures=$((failures + 1))
    fi
done <<<"$loaded"
check "bundled Qt libraries and plugins were loaded ($inside)" test "$inside" -gt 40
check "no host Qt library" test -z "$(grep -E '^/(usr/)?lib/.*libQt6' <<<"$loaded" || true)"
check "no host Qt plugin despite QT_PLUGIN_PATH" test -z "$(grep -F "${host_plugins:-/nonexistent}" <<<"$loaded" || true)"
check "the bundled TLS backend and libssl were used" test "$(grep -cE "/(plugins/tls/libqopensslbackend|lib/libssl)\.so" <<<"$loaded")" -ge 2
summary

#!/usr/bin/env bash
# Desktop integration: the .desktop file passes desktop-file-validate and has zh_CN names, the AppStream
# metainfo passes `appstreamcli validate --no-net` and names every committed screenshot, the icon renders,
# and `cmake --install` into a fresh prefix gives the FHS layout (binary, desktop file, icons in every
# size, metainfo, translations).
# Usage: test_desktop_integration.sh SOURCE_DIR BUILD_DIR METAINFO
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh"
source_dir=${1:?usage: test_desktop_integration.sh SOURCE_DIR BUILD_DIR METAINFO}
build_dir=${2:?}
metainfo=${3:?}
id=io.github.socketeer.Socketeer
desktop="$source_dir/resources/$id.desktop"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$(desktop-file-validate "$desktop" 2>&1) && rc=0 || rc=$?
check "desktop-file-validate: clean (rc $rc) $out" test "$rc" = 0 -a -z "$out"
for key in 'Name[zh_CN]' 'Comment[zh_CN]' 'GenericName[zh_CN]'; do
    check "desktop file has $key" awk -F= -v k="$key" '$1 == k && $2 != "" { found = 1 } END { exit !found }' "$desktop"
done
check "desktop Icon is the app id" grep -qx "Icon=$id" "$desktop"

out=$(appstreamcli validate --no-net --pedantic "$metainfo" 2>&1) && rc=0 || rc=$?
check "appstreamcli validate --no-net: passes (rc $rc)" test "$rc" = 0
check "appstreamcli: no warnings or errors" test -z "$(grep -E '^[EW]:' <<<"$out" || true)"
[ "$rc" = 0 ] || echo "$out" >&2
# Screenshots: every <image> the metainfo names is a committed docs/images PNG of a plausible window size.
mapfile -t shots < <(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' "$metainfo")
check "metainfo has screenshots (${#shots[@]})" test "${#shots[@]}" -ge 1
check "one default screenshot" test "$(grep -c '<screenshot type="default">' "$metainfo")" = 1
for url in "${shots[@]}"; do
    shot="$source_dir/docs/images/$(basename "$url")"
    check "$url is a web URL" grep -qE '^https://' <<<"$url"
    check "$(basename "$shot") is committed in docs/images" test -f "$shot"
    check "$(basename "$shot") is a real PNG" test "$(od -An -c -j1 -N3 "$shot" 2>/dev/null | tr -d ' ')" = PNG
    read -r width height < <(od -An -tu1 -j16 -N8 "$shot" 2>/dev/null |
        awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
    check "$(basename "$shot") is window-sized (${width:-?}x${height:-?})" test "${width:-0}" -ge 300 -a "${height:-0}" -ge 200
done
check "metainfo launches the desktop file" grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo"

check "the icon renders" rsvg-convert -w 64 -h 64 -o "$work/icon.png" "$source_dir/resources/icons/socketeer.svg"

prefix="$work/prefix"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
for path in bin/socketeer "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml" \
    "share/icons/hicolor/scalable/apps/$id.svg" share/socketeer/translations/socketeer_zh_CN.qm; do
    check "installed $path" test -s "$prefix/$path"
done
for size in 16 24 32 48 64 128 256 512; do
    png="$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png"
    want=$(printf '%08x%08x' "$size" "$size")
    check "installed ${size}x${size} icon of that size" test "$(od -An -tx1 -j16 -N8 "$png" 2>/dev/null | tr -d ' ')" = "$want"
done
check "installed binary runs" "$prefix/bin/socketeer" --version
check "nothing else installed" test -z "$(cd "$prefix" && find . -type f | grep -vE '^\./(bin/socketeer|share/(applications|metainfo|icons|socketeer/translations)/)' || true)"
summary

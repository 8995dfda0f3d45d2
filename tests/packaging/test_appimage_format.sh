#!/usr/bin/env bash
# The AppImage's format: type-2 magic at offset 8, the .upd_info and .sha256_sig sections (1024 bytes each),
# --appimage-offset = the runtime's size = the ELF's end, a zstd squashfs there that unsquashfs lists as the
# complete AppDir (AppRun, one .desktop, icon, .DirIcon, binary, qt.conf, libraries, every plugin family,
# translations, metainfo).
# Usage: test_appimage_format.sh APPIMAGE RUNTIME
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh"
image=$(readlink -f "${1:?usage: test_appimage_format.sh APPIMAGE RUNTIME}")
runtime=$(readlink -f "${2:?}")
id=io.github.socketeer.Socketeer

check "magic AI\\x02 at offset 8" test "$(od -An -tx1 -j8 -N3 "$image" | tr -d ' ')" = 414902
check "ELF magic" test "$(od -An -c -j1 -N3 "$image" | tr -d ' ')" = ELF
sections=$(readelf -S -W "$image")
for section in .upd_info .sha256_sig; do
    size=$(awk -v s="$section" '$0 ~ "] "s" " { for (i = 1; i <= NF; ++i) if ($i == s) print $(i + 4) }' <<<"$sections")
    check "$section is 1024 bytes (got '$size')" test "$size" = 000400
    check "$section has bytes in the file (PROGBITS), for tools to write into" \
        grep -qE "\] \\$section +PROGBITS " <<<"$sections"
done

offset=$("$image" --appimage-offset)
check "--appimage-offset ($offset) = runtime size" test "$offset" = "$(stat -c %s "$runtime")"
shoff=$(readelf -h "$image" | awk '/Start of section headers/ { print $5 }')
shnum=$(readelf -h "$image" | awk '/Number of section headers/ { print $5 }')
shentsize=$(readelf -h "$image" | awk '/Size of section headers/ { print $5 }')
check "--appimage-offset = end of the section header table" test "$offset" = $((shoff + shnum * shentsize))
check "squashfs magic at the offset" test "$(od -An -c -j"$offset" -N4 "$image" | tr -d ' ')" = hsqs

check "zstd compression" contains "$(unsquashfs -o "$offset" -s "$image")" "Compression zstd"
listing=$(unsquashfs -o "$offset" -l "$image")
for path in AppRun .DirIcon "$id.desktop" "$id.svg" usr/bin/socketeer usr/bin/qt.conf \
    usr/lib/libQt6Core.so.6 usr/lib/libQt6Widgets.so.6 usr/lib/libssl.so.3 usr/lib/libcrypto.so.3 \
    usr/plugins/platforms/libqxcb.so usr/plugins/platforms/libqwayland-egl.so usr/plugins/platforms/libqoffscreen.so \
    usr/plugins/wayland-shell-integration/libxdg-shell.so usr/plugins/xcbglintegrations/libqxcb-glx-integration.so \
    usr/plugins/platformthemes/libqxdgdesktopportal.so usr/plugins/imageformats/libqsvg.so \
    usr/plugins/iconengines/libqsvgicon.so usr/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so \
    usr/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so usr/plugins/tls/libqopensslbackend.so \
    usr/translations/qtbase_zh_CN.qm "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
    "usr/share/icons/hicolor/256x256/apps/$id.png" "usr/share/icons/hicolor/scalable/apps/$id.svg" \
    usr/share/doc/socketeer/LICENSE usr/share/doc/libqt6core6/copyright \
    usr/share/socketeer/fonts/FreeMono.ttf usr/share/doc/fonts-freefont-ttf/copyright \
    usr/share/doc/socketeer/appimage-runtime/main.c usr/share/doc/socketeer/appimage-runtime/lzo_stub.c \
    usr/share/doc/socketeer/appimage-runtime/README.md; do
    check "image has $path" grep -qxF "squashfs-root/$path" <<<"$listing"
done
check "exactly one .desktop file at the root" test "$(grep -cE '^squashfs-root/[^/]+\.desktop$' <<<"$listing")" = 1
check "no system Qt path baked in" test -z "$(grep -E '/usr/lib/x86_64-linux-gnu' <<<"$listing" || true)"

# The AppDir's pieces as a user's tools see them: AppRun a script that drops QT_PLUGIN_PATH, .DirIcon a PNG.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$image" --appimage-extract AppRun >/dev/null && "$image" --appimage-extract .DirIcon >/dev/null &&
    "$image" --appimage-extract usr/bin >/dev/null)
check "AppRun unsets QT_PLUGIN_PATH" grep -q 'unset QT_PLUGIN_PATH' "$work/squashfs-root/AppRun"
check ".DirIcon is a 256x256 PNG" test "$(od -An -tx1 -j16 -N8 "$work/squashfs-root/.DirIcon" | tr -d ' ')" = 0000010000000100
check "qt.conf points at the bundled plugins" grep -qx 'Plugins = plugins' "$work/squashfs-root/usr/bin/qt.conf"
summary

#!/usr/bin/env bash
# Builds Socketeer-<version>-x86_64.AppImage from a release build of socketeer, offline, with Debian's tools only:
#   1. an AppDir: AppRun, the .desktop file, the icon and .DirIcon, usr/bin (socketeer + qt.conf), usr/plugins
#      (the Qt plugins below), usr/lib (every library they need that the excludelist does not leave to the host),
#      usr/translations (Qt's zh_CN), usr/share (desktop file, icons, metainfo, copyright files, and the
#      runtime's source in usr/share/doc/socketeer/appimage-runtime);
#   2. RPATHs set with patchelf: $ORIGIN/../lib for the binary, $ORIGIN for libraries, $ORIGIN/../../lib for plugins;
#   3. a zstd squashfs made by mksquashfs, appended to our own runtime (packaging/appimage/runtime).
# Normally run by the `appimage` CMake target (cmake --build build --target appimage), which passes every option.
# Usage: build.sh --binary socketeer --runtime appimage-runtime --output X.AppImage --appdir DIR --version V
#                 --metainfo FILE [--icons DIR] [--source DIR] [--qt-plugins DIR] [--qt-translations DIR]
set -euo pipefail
trap 'echo "build.sh: failed (exit $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
binary="" runtime="" output="" appdir="" version="" metainfo="" icons=""
app_id=io.github.socketeer.Socketeer
qt_plugins=/usr/lib/x86_64-linux-gnu/qt6/plugins
qt_translations=/usr/share/qt6/translations

die() { echo "build.sh: $*" >&2; exit 1; }
say() { echo "build.sh: $*" >&2; }

while [ $# -gt 0 ]; do
    case $1 in
        --binary) binary=$2 ;;
        --runtime) runtime=$2 ;;
        --output) output=$2 ;;
        --appdir) appdir=$2 ;;
        --version) version=$2 ;;
        --metainfo) metainfo=$2 ;;
        --icons) icons=$2 ;;
        --source) source_dir=$2 ;;
        --qt-plugins) qt_plugins=$2 ;;
        --qt-translations) qt_translations=$2 ;;
        *) die "unknown option '$1' (see the comment at the top of this script)" ;;
    esac
    shift 2 || die "option '$1' needs a value"
done
for var in binary runtime output appdir version metainfo; do
    [ -n "${!var}" ] || die "--${var} is required"
done
[ -x "$binary" ] || die "no executable at $binary (build the socketeer target first)"
[ -x "$runtime" ] || die "no runtime at $runtime (build the appimage-runtime target first)"
[ -f "$metainfo" ] || die "no metainfo at $metainfo"

# Tools, and the Debian packages that provide them (scripts/deps/build.txt lists them all).
missing=()
for tool in mksquashfs:squashfs-tools patchelf:patchelf strip:binutils readelf:binutils ldd:libc-bin; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
[ -n "$icons" ] || command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
[ ${#missing[@]} -eq 0 ] || die "missing tools; install: ${missing[*]}"

# The plugins Socketeer ships: "<category>/<file>" below Qt's plugin directory. A missing one is an error:
# it names the Debian package to install.
plugins=(
    platforms/libqxcb.so                        # qt6-qpa-plugins
    platforms/libqoffscreen.so                  # qt6-qpa-plugins
    platforms/libqwayland-egl.so                # qt6-wayland
    platforms/libqwayland-generic.so            # qt6-wayland
    wayland-shell-integration/libxdg-shell.so   # qt6-wayland
    wayland-shell-integration/libwl-shell-plugin.so
    wayland-decoration-client/libbradient.so
    wayland-graphics-integration-client/libqt-plugin-wayland-egl.so
    wayland-graphics-integration-client/libshm-emulation-server.so
    wayland-graphics-integration-client/libdmabuf-server.so
    wayland-graphics-integration-client/libdrm-egl-server.so
    xcbglintegrations/libqxcb-glx-integration.so  # libqt6gui6
    xcbglintegrations/libqxcb-egl-integration.so
    platformthemes/libqxdgdesktopportal.so      # qt6-xdgdesktopportal-platformtheme
    platforminputcontexts/libcomposeplatforminputcontextplugin.so  # qt6-qpa-plugins
    platforminputcontexts/libibusplatforminputcontextplugin.so
    platforminputcontexts/libfcitx5platforminputcontextplugin.so   # fcitx5-frontend-qt6 (Chinese input)
    iconengines/libqsvgicon.so                  # libqt6svg6
    imageformats/libqsvg.so                     # libqt6svg6
    imageformats/libqgif.so                     # libqt6gui6
    imageformats/libqico.so
    imageformats/libqjpeg.so
    imageformats/libqwebp.so                    # qt6-image-formats-plugins
    imageformats/libqtiff.so
    tls/libqopensslbackend.so                   # libqt6network6
    tls/libqcertonlybackend.so
    networkinformation/libqnetworkmanager.so
)

ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)

# --- excludelist -------------------------------------------------------------------------------------
declare -A excluded=()
while read -r soname _; do
    excluded[$soname]=1
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/excludelist")

# --- AppDir skeleton ---------------------------------------------------------------------------------
say "assembling $appdir"
rm -rf "$appdir"
mkdir -p "$appdir"/usr/{bin,lib,plugins,translations} "$appdir"/usr/share/{applications,metainfo}
install -m 755 "$here/AppRun" "$appdir/AppRun"
install -m 755 "$binary" "$appdir/usr/bin/socketeer"
strip --strip-unneeded "$appdir/usr/bin/socketeer"
install -m 644 "$here/qt.conf" "$appdir/usr/bin/qt.conf"

desktop="$source_dir/resources/$app_id.desktop"
svg="$source_dir/resources/icons/socketeer.svg"
install -m 644 "$desktop" "$appdir/$app_id.desktop"
install -m 644 "$desktop" "$appdir/usr/share/applications/$app_id.desktop"
install -m 644 "$metainfo" "$appdir/usr/share/metainfo/$app_id.metainfo.xml"
install -m 644 "$svg" "$appdir/$app_id.svg"
install -D -m 644 "$svg" "$appdir/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 24 32 48 64 128 256 512; do
    png="$appdir/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    mkdir -p "$(dirname "$png")"
    if [ -n "$icons" ]; then
        install -m 644 "$icons/${size}x${size}/$app_id.png" "$png"
    else
        rsvg-convert -w "$size" -h "$size" -o "$png" "$svg"
    fi
done
cp "$appdir/usr/share/icons/hicolor/256x256/apps/$app_id.png" "$appdir/.DirIcon"

# GNU FreeMono: the wire views' ␍ ␊ symbols, which the usual default fonts lack (registered by the app at start)
freemono=/usr/share/fonts/truetype/freefont/FreeMono.ttf
[ -f "$freemono" ] || die "no $freemono (install fonts-freefont-ttf)"
install -D -m 644 "$freemono" "$appdir/usr/share/socketeer/fonts/FreeMono.ttf"
install -D -m 644 /usr/share/doc/fonts-freefont-ttf/copyright "$appdir/usr/share/doc/fonts-freefont-ttf/copyright"

# Qt's own zh_CN strings (standard buttons and dialogs); the app's are embedded in the binary.
for qm in qtbase_zh_CN.qm qt_zh_CN.qm; do
    [ -f "$qt_translations/$qm" ] || die "no $qt_translations/$qm (install qt6-translations-l10n)"
    install -m 644 "$qt_translations/$qm" "$appdir/usr/translations/$qm"
done

for plugin in "${plugins[@]}"; do
    [ -f "$qt_plugins/$plugin" ] || die "Qt plugin $qt_plugins/$plugin is missing (see the package named beside it in $0)"
    install -D -m 644 "$qt_plugins/$plugin" "$appdir/usr/plugins/$plugin"
done
bundled_files=("${plugins[@]##*/}")

# --- libraries: the closure of every ELF's needs, minus the excludelist ------------------------------
# libssl is dlopen()ed by the TLS plugin rather than linked, so it is named explicitly.
explicit_libs=(libssl.so.3 libcrypto.so.3)
# bundled_files: real file names of everything bundled from the host (for the licence files below)
copy_lib() { # copy_lib /path/to/lib soname
    local target="$appdir/usr/lib/$2" real
    [ -e "$target" ] && return 1
    real=$(readlink -f "$1")
    install -m 644 "$real" "$target"
    bundled_files+=("$(basename "$real")")
    return 0
}
for lib in "${explicit_libs[@]}"; do
    # awk reads to the end (no early exit): with pipefail, ldconfig killed by SIGPIPE would fail the build
    path=$("$ldconfig" -p | awk -v l="$lib" '!found && $1 == l && /x86-64/ { print $NF; found = 1 }')
    [ -n "$path" ] || die "$lib not found (install libssl3)"
    copy_lib "$path" "$lib" || true
done

# ldd resolves with the host's search path; "not found" is fatal (the image would not run anywhere).
pending=("$appdir/usr/bin/socketeer" "$appdir"/usr/plugins/*/*.so "$appdir"/usr/lib/*.so*)
while [ ${#pending[@]} -gt 0 ]; do
    next=()
    for elf in "${pending[@]}"; do
        while read -r soname arrow path _; do
            [ "$arrow" = "=>" ] || continue
            [ -z "${excluded[$soname]:-}" ] || continue
            [ "$path" != "not" ] || die "$elf needs $soname, which is not installed"
            if copy_lib "$path" "$soname"; then
                next+=("$appdir/usr/lib/$soname")
            fi
        done < <(LD_LIBRARY_PATH="$appdir/usr/lib" ldd "$elf")
    done
    pending=("${next[@]+"${next[@]}"}")
done

# Qt's TLS backend dlopen()s "libssl.so" / "libcrypto.so" before the versioned names: without these links a
# host with libssl-dev would hand it the host's copies (and a second libcrypto beside the bundled one).
ln -sf libssl.so.3 "$appdir/usr/lib/libssl.so"
ln -sf libcrypto.so.3 "$appdir/usr/lib/libcrypto.so"

# --- RPATHs ------------------------------------------------------------------------------------------
# DT_RPATH (--force-rpath), not DT_RUNPATH: it applies to the whole load and wins over a host's
# LD_LIBRARY_PATH, so a host's Qt cannot be picked up by accident.
patchelf --force-rpath --set-rpath '$ORIGIN/../lib' "$appdir/usr/bin/socketeer"
for lib in "$appdir"/usr/lib/*.so*; do
    [ -L "$lib" ] && continue
    patchelf --force-rpath --set-rpath '$ORIGIN' "$lib"
done
for plugin in "$appdir"/usr/plugins/*/*.so; do
    patchelf --force-rpath --set-rpath '$ORIGIN/../../lib' "$plugin"
done

# --- licences: the Debian copyright file of every bundled library's package -------------------------
if command -v dpkg >/dev/null; then
    patterns=()
    for file in "${bundled_files[@]}"; do
        patterns+=("*/$file")
    done
    mapfile -t packages < <(dpkg -S "${patterns[@]}" 2>/dev/null | cut -d: -f1 | tr ',' '\n' | tr -d ' ' | sort -u)
    for pkg in "${packages[@]}"; do
        if [ -f "/usr/share/doc/$pkg/copyright" ]; then
            install -D -m 644 "/usr/share/doc/$pkg/copyright" "$appdir/usr/share/doc/$pkg/copyright"
        fi
    done
fi
install -D -m 644 "$source_dir/LICENSE" "$appdir/usr/share/doc/socketeer/LICENSE"
# The runtime's source (it links libfuse3 and glibc, LGPL-2.1, statically: users may rebuild it).
runtime_src="$appdir/usr/share/doc/socketeer/appimage-runtime"
mkdir -p "$runtime_src"
install -m 644 "$here"/runtime/*.c "$here"/runtime/*.h "$here/runtime/README.md" "$here/set-magic.sh" \
    "$source_dir/LICENSE" "$runtime_src/"

# --- the image ---------------------------------------------------------------------------------------
say "squashing $(du -sh "$appdir" | cut -f1) with zstd"
squashfs="$output.squashfs"
rm -f "$squashfs"
mksquashfs "$appdir" "$squashfs" -comp zstd -all-root -no-xattrs -noappend -quiet -no-progress >&2
cat "$runtime" "$squashfs" > "$output.part"
rm -f "$squashfs"
chmod 755 "$output.part"
mv "$output.part" "$output"
say "wrote Socketeer $version as $output ($(du -h "$output" | cut -f1)); it needs $("$here/glibc-floor.sh" "$appdir")"

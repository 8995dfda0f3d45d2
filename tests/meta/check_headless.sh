#!/usr/bin/env bash
# Fails when anything under LAYER/ (netcore, presentation) includes a QtGui or QtWidgets header (those layers
# stay headless), or when the layer's CMake links a GUI module. The header names come from the installed Qt itself.
# Usage: check_headless.sh SOURCE_DIR QT_INCLUDE_DIR LAYER
set -euo pipefail
src=$1 qtinc=$2 layer=$3
[ -d "$qtinc/QtGui" ] && [ -d "$qtinc/QtWidgets" ] || { echo "Qt headers not found under $qtinc"; exit 1; }

names=$( (ls "$qtinc/QtGui"; ls "$qtinc/QtWidgets") | sort -u)
bad=0
while IFS= read -r -d '' file; do
    while IFS= read -r inc; do
        base=${inc##*/}
        if [[ $inc == QtGui/* || $inc == QtWidgets/* || $inc == QtGui || $inc == QtWidgets ]] || grep -qxF "$base" <<<"$names"; then
            # A header that also exists in QtCore/QtNetwork (none do today) would be fine.
            if [ ! -e "$qtinc/QtCore/$base" ] && [ ! -e "$qtinc/QtNetwork/$base" ]; then
                echo "$layer must stay headless: $file includes <$inc>"
                bad=1
            fi
        fi
    done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/p' "$file")
done < <(find "$src/$layer" -type f \( -name '*.h' -o -name '*.cpp' -o -name '*.c' \) -print0)

if grep -rEn 'Qt6?::(Gui|Widgets)|Qt6?(Gui|Widgets)\b' "$src/$layer" --include=CMakeLists.txt --include='*.cmake'; then
    echo "$layer's CMake must not link QtGui or QtWidgets"
    bad=1
fi
files=$(find "$src/$layer" -type f \( -name '*.h' -o -name '*.cpp' \) | wc -l)
[ "$bad" -eq 0 ] && echo "$layer is headless: $files files checked"
exit "$bad"

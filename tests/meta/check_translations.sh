#!/usr/bin/env bash
# Fails when translations/socketeer_zh_CN.ts is out of date with the sources or has unfinished entries:
# lupdate is run on a copy, so a string added to the code without a translation is caught.
set -euo pipefail
src=$1 lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/socketeer_zh_CN.ts" "$tmp/check.ts"
mapfile -t sources < <(find "$src/app" "$src/widgets" "$src/presentation" "$src/netcore" -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
"$lupdate" -no-obsolete -locations none -I "$src" "${sources[@]}" -ts "$tmp/check.ts" > "$tmp/lupdate.log" 2>&1 || { cat "$tmp/lupdate.log"; exit 1; }
total=$(grep -c '<message' "$tmp/check.ts" || true)
unfinished=$(grep -c 'type="unfinished"' "$tmp/check.ts" || true)
if [ "$unfinished" -gt 0 ]; then
    echo "$unfinished of $total strings have no finished zh_CN translation (run: cmake --build build --target update_translations, then translate):"
    grep -B3 'type="unfinished"' "$tmp/check.ts" | grep -E '<source>' | head -40
    exit 1
fi
# Compare parsed messages (order and XML escaping differ between lupdate runs and scripts/fill_translations.py).
if ! python3 - "$src/translations/socketeer_zh_CN.ts" "$tmp/check.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET
def messages(path):
    found = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found.add((name, message.findtext("source")))
    return found
committed, current = messages(sys.argv[1]), messages(sys.argv[2])
if committed != current:
    print("translations/socketeer_zh_CN.ts is not up to date with the sources (run the update_translations target):")
    for name, source in sorted(current - committed)[:20]:
        print(f"  missing: {name}: {source!r}")
    for name, source in sorted(committed - current)[:20]:
        print(f"  obsolete: {name}: {source!r}")
    sys.exit(1)
PY
then
    exit 1
fi
echo "translations complete: $total strings, 0 unfinished"

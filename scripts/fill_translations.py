#!/usr/bin/env python3
"""Fill unfinished entries of a Qt .ts file from TSV files (context<TAB>source<TAB>translation).

Usage: scripts/fill_translations.py translations/socketeer_zh_CN.ts table.tsv [more.tsv ...]
In the TSV, \\n and \\t inside strings stand for newline and tab. A row whose context is '*' matches any context.
Prints the entries still unfinished afterwards (context and source), so they can be added to a table.
"""
import sys
import xml.etree.ElementTree as ET


def unescape(text):
    return text.replace("\\n", "\n").replace("\\t", "\t")


def load(paths):
    table = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 3:
                    print(f"{path}:{number}: expected 3 tab-separated fields, got {len(parts)}", file=sys.stderr)
                    continue
                context, source, translation = (unescape(p) for p in parts)
                table[(context, source)] = translation
    return table


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    ts_path = sys.argv[1]
    table = load(sys.argv[2:])
    tree = ET.parse(ts_path)
    missing = []
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if translation is None or translation.get("type") not in ("unfinished",):
                continue
            text = table.get((name, source), table.get(("*", source)))
            if text is None:
                missing.append((name, source))
                continue
            numerus = message.get("numerus") == "yes"
            translation.attrib.pop("type", None)
            if numerus:
                for child in list(translation):
                    translation.remove(child)
                form = ET.SubElement(translation, "numerusform")
                form.text = text
            else:
                translation.text = text
            filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    # Keep lupdate's DOCTYPE line so the file stays byte-stable across lupdate runs.
    with open(ts_path, encoding="utf-8") as f:
        body = f.read()
    if "<!DOCTYPE TS>" not in body:
        body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        with open(ts_path, "w", encoding="utf-8") as f:
            f.write(body)
    print(f"filled {filled}, still unfinished {len(missing)}")
    for name, source in missing:
        print(f"{name}\t{source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

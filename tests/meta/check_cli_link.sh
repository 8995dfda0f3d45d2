#!/usr/bin/env bash
# The command line is headless: an executable linked from socketeer_cli alone (its whole link closure) must not
# need Qt Widgets or Qt Gui. Usage: check_cli_link.sh PATH_OF_cli_link_probe
set -euo pipefail
probe=$1
needed=$(readelf -d "$probe" | sed -nE 's/.*\(NEEDED\).*\[(.*)\]/\1/p')
[ -n "$needed" ] || { echo "readelf found no NEEDED entries in $probe"; exit 1; }
echo "socketeer_cli's closure needs: $(echo $needed)"
if grep -E 'libQt6(Widgets|Gui)' <<<"$needed"; then
    echo "socketeer_cli drags in a GUI library: the CLI must link only netcore and presentation"
    exit 1
fi
grep -q 'libQt6Network' <<<"$needed" || { echo "the probe does not look like the CLI (no QtNetwork)"; exit 1; }
echo "the CLI links no GUI library"

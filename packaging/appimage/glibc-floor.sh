#!/usr/bin/env bash
# Prints the newest glibc and libstdc++ symbol versions that the ELF files of an AppDir require, e.g.
# "GLIBC_2.35 GLIBCXX_3.4.30": a host needs at least that glibc (and a libstdc++ that provides that version).
# Usage: glibc-floor.sh APPDIR
set -euo pipefail
appdir=${1:?usage: glibc-floor.sh APPDIR}
versions=$(find "$appdir" -type f \( -name '*.so*' -o -perm -u+x \) -print0 |
    { xargs -0 readelf -V -W 2>/dev/null || true; } | grep -oE 'Name: GLIBC(XX)?_[0-9.]+' | sed 's/^Name: //' | sort -u)
glibc=$(grep '^GLIBC_' <<<"$versions" | sort -V | tail -n 1)
glibcxx=$(grep '^GLIBCXX_' <<<"$versions" | sort -V | tail -n 1)
echo "$glibc $glibcxx"

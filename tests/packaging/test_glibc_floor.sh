#!/usr/bin/env bash
# The glibc / libstdc++ floor that docs/packaging.md states is the one the bundled ELFs really need.
# Usage: test_glibc_floor.sh GLIBC_FLOOR_SH APPDIR DOC
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/lib.sh"
floor=$(bash "${1:?usage: test_glibc_floor.sh GLIBC_FLOOR_SH APPDIR DOC}" "${2:?}")
read -r glibc glibcxx <<<"$floor"
check "computed a glibc floor ($glibc)" grep -qE '^GLIBC_2\.[0-9]+$' <<<"$glibc"
check "computed a libstdc++ floor ($glibcxx)" grep -qE '^GLIBCXX_3\.4\.[0-9]+$' <<<"$glibcxx"
check "${3:?} states glibc ${glibc#GLIBC_}" grep -q "glibc ${glibc#GLIBC_}\b" "$3"
check "$3 states $glibcxx" grep -qF "$glibcxx" "$3"
summary

#!/usr/bin/env bash
# Quick start, command 2: set everything up (test peers included) and run every test with ctest.
# Usage: ./test.sh [--sanitize] [extra ctest arguments, e.g. -R lookup or -L meta]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
setup_args=(--tests)
if [ "${1:-}" = --sanitize ]; then
    setup_args+=(--sanitize)
    shift
fi
build_dir=$("$here/scripts/setup.sh" "${setup_args[@]}" | tail -n 1)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$here/$build_dir"
exec ctest --output-on-failure --parallel 2 "$@"

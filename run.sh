#!/usr/bin/env bash
# Quick start, command 1: set everything up and run Socketeer.
# With no display, socketeer says so and runs the headless classroom servers instead.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=$("$here/scripts/setup.sh" | tail -n 1)
exec "$here/$build_dir/app/socketeer" "$@"

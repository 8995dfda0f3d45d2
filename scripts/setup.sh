#!/usr/bin/env bash
# Sets up everything Socketeer needs, idempotently and fast on a second run:
#   1. installs the Debian packages listed in scripts/deps/*.txt that are missing (apt-get; sudo when not root),
#   2. configures a CMake + Ninja build once, 3. builds incrementally.
# Usage: scripts/setup.sh [--tests] [--sanitize]
#   --tests     also install the test peers (scripts/deps/test.txt)
#   --sanitize  build in build-asan/ with AddressSanitizer + UndefinedBehaviorSanitizer
# All progress goes to stderr; stdout gets only the build directory.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

lists=(scripts/deps/build.txt scripts/deps/run.txt)
build_dir=build
build_type=RelWithDebInfo
sanitize=OFF
for arg in "$@"; do
    case $arg in
        --tests) lists+=(scripts/deps/test.txt) ;;
        --sanitize) build_dir=build-asan; sanitize=ON; build_type=Debug ;;
        *) echo "setup.sh: unknown option '$arg' (use --tests, --sanitize)" >&2; exit 2 ;;
    esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# 1. Packages: only what is missing, so a second run costs one dpkg-query.
mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "${lists[@]}" | tr -d ' \t' | sort -u)
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${#missing[@]} Debian package(s): ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    # tshark asks whether non-root users may capture: answer no, without a prompt.
    echo 'wireshark-common wireshark-common/install-setuid boolean false' | "${sudo[@]}" debconf-set-selections
    "${sudo[@]}" apt-get update -q >&2
    "${sudo[@]}" apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=900 "${missing[@]}" >&2
fi

# 2. Configure once (re-run automatically by Ninja when CMake files change).
if [ ! -f "$build_dir/build.ninja" ]; then
    say "Configuring $build_dir ($build_type, sanitizers $sanitize)"
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DSOCKETEER_SANITIZE="$sanitize" >&2
fi

# 3. Build incrementally.
say "Building in $build_dir"
cmake --build "$build_dir" >&2
echo "$build_dir"

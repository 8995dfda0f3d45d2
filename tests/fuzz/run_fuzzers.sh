#!/usr/bin/env bash
# Builds every tests/fuzz target as a libFuzzer binary with clang (its own build directory, build-fuzz/) and fuzzes
# each for a bounded time, starting from its seed corpus in tests/fuzz/corpus/<name>/. New inputs and crash
# reproducers go to a scratch directory, never into the repository. Exits non-zero when a target crashed, printing
# the reproducer's path (keep it as tests/fuzz/corpus/<name>/regression-<what> once the decoder is fixed).
#
# Usage: tests/fuzz/run_fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default: 360 seconds divided among the targets (with the build, the step stays near 10 minutes)
#   TARGET              names as in tests/fuzz/CMakeLists.txt (chatline, httprequest, ...); default: all
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_WORK_DIR (default: a new directory under /tmp),
#              FUZZ_JOBS (ninja -j, default: ninja's own), FUZZ_REPORT_ONLY=1 (a crash is reported, with the
#              reproducer's bytes, and the exit status stays 0: CI's exploratory step).
# Needs clang and libFuzzer (Debian: clang, libclang-rt-14-dev; scripts/deps/test.txt lists them).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

total_budget=360
per_target=${1:-}
[ $# -gt 0 ] && shift
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
work=${FUZZ_WORK_DIR:-$(mktemp -d /tmp/socketeer-fuzz.XXXXXX)}
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The targets, from the one list in CMakeLists.txt.
mapfile -t all < <(sed -n '/^set(SOCKETEER_FUZZ_TARGETS$/,/^)/p' "$here/CMakeLists.txt" | sed -e '1d;$d' -e 's/#.*//' | tr -d ' ' | sed '/^$/d')
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
if [ -z "$per_target" ]; then
    per_target=$(( total_budget / ${#targets[@]} ))
fi
case $per_target in ''|*[!0-9]*) echo "run_fuzzers.sh: SECONDS_PER_TARGET must be a number" >&2; exit 2 ;; esac

command -v clang++ >/dev/null || { echo "run_fuzzers.sh: clang++ not found (install clang and libclang-rt-14-dev)" >&2; exit 1; }

# Maximum input length per target: a few lines or datagrams; larger where the decoder's limits are large.
max_len() {
    case $1 in
        httprequest|httpresponse|requestchecker) echo 8192 ;;
        chatline|filesprotocol|prettyhtml) echo 4096 ;;
        *) echo 1024 ;;
    esac
}

if [ ! -f "$build_dir/build.ninja" ]; then
    say "Configuring $build_dir (clang, libFuzzer + ASan + UBSan)"
    CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" \
        -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DSOCKETEER_FUZZ=ON -DSOCKETEER_BUILD_TESTS=OFF >&2
fi
say "Building the fuzz targets in $build_dir"
jobs=()
[ -n "${FUZZ_JOBS:-}" ] && jobs=(-j "$FUZZ_JOBS")
ninja -C "$build_dir" "${jobs[@]}" "${targets[@]/#/fuzz_}" >&2

say "Fuzzing ${#targets[@]} target(s), ${per_target}s each; new inputs and crashes in $work"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for name in "${targets[@]}"; do
    corpus="$work/corpus/$name"
    artifacts="$work/artifacts/$name"
    mkdir -p "$corpus" "$artifacts"
    say "fuzz_$name (${per_target}s, -max_len=$(max_len "$name"))"
    # The first corpus directory receives new inputs (scratch); the seed corpus is only read.
    if ! "$build_dir/tests/fuzz/fuzz_$name" -max_total_time="$per_target" -max_len="$(max_len "$name")" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$corpus" "$here/corpus/$name" >"$work/$name.log" 2>&1; then
        tail -n 40 "$work/$name.log" >&2
        reproducers=$(find "$artifacts" -type f | sort)
        echo "run_fuzzers.sh: fuzz_$name crashed; reproducer(s):" >&2
        echo "${reproducers:-  (none written: see $work/$name.log)}" >&2
        # The scratch directory does not outlive a CI machine: the reproducer's bytes go into the log too.
        for r in $reproducers; do
            echo "run_fuzzers.sh: bytes of $(basename "$r") (xxd -r turns them back into the file):" >&2
            head -c 4096 "$r" | xxd >&2
        done
        failed+=("$name")
    else
        grep -E '^stat::(number_of_executed_units|new_units_added)' "$work/$name.log" | tr '\n' ' ' >&2 || true
        echo >&2
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "run_fuzzers.sh: ${#failed[@]} target(s) crashed: ${failed[*]} (logs and reproducers in $work)" >&2
    # CI's exploratory step (FUZZ_REPORT_ONLY=1) reports a new crash loudly without failing the run: inputs kept in
    # the corpus are what both test passes fail on. Run by hand, a crash is a failure.
    if [ "${FUZZ_REPORT_ONLY:-0}" = 1 ]; then
        echo "run_fuzzers.sh: NEW CRASH FOUND (reported, not failing: FUZZ_REPORT_ONLY=1) — fix it and keep the input as tests/fuzz/corpus/<name>/regression-<what>" >&2
        exit 0
    fi
    exit 1
fi
say "No crash in ${#targets[@]} target(s); scratch corpus in $work"

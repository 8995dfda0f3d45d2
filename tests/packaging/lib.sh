# shellcheck shell=bash
# Shared by the packaging tests: check/contains helpers and the pass/fail summary line.
failures=0 passes=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then
        passes=$((passes + 1))
    else
        echo "FAIL: $what" >&2
        failures=$((failures + 1))
    fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
summary() {
    echo "$passes passed, $failures failed"
    [ "$failures" = 0 ]
}

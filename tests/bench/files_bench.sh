#!/usr/bin/env bash
# File-transfer benchmark (not part of ctest): on loopback, file to file on the same filesystem, in one run:
#   socat -b 262144 (file -> TCP -> file)   the raw-copy anchor
#   socketeer files get / put               SHA-256 verified on both ends
#   socketeer files get --classic 2018      the course's protocol, for contrast
#   10 clients downloading the big file at once from one server (server peak RSS)
# Prints MB/s, the ratio to socat and the peak RSS of client and server (/usr/bin/time -v).
#
# Usage: tests/bench/files_bench.sh [SOCKETEER_BINARY]   (env: SIZE_MIB=2048, WORKDIR=a fresh temp dir,
#        BASELINE=another socketeer binary, e.g. an older commit's: its GET and PUT are timed in the same run, right
#        after ours, so a change is compared with what it replaced under the same conditions)
set -euo pipefail

SOCKETEER=${1:-${SOCKETEER:-$(dirname "$0")/../../build/app/socketeer}}
SIZE_MIB=${SIZE_MIB:-2048}
CLIENTS=${CLIENTS:-10}
WORK=$(mktemp -d "${WORKDIR:-${TMPDIR:-/tmp}}/files-bench.XXXXXX")
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in socat /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "files_bench: needs $tool (apt-get install socat time python3)" >&2; exit 2; }
done
[ -x "$SOCKETEER" ] || { echo "files_bench: no socketeer binary at $SOCKETEER" >&2; exit 2; }
BASELINE=${BASELINE:-}
[ -z "$BASELINE" ] || [ -x "$BASELINE" ] || { echo "files_bench: no baseline binary at $BASELINE" >&2; exit 2; }
BIN=$SOCKETEER   # the binary start_server and socketeer_row run

mkdir -p "$WORK/src" "$WORK/dst" "$WORK/up"
SRC="$WORK/src/big.bin"
echo "Creating a ${SIZE_MIB} MiB random file in $WORK ..." >&2
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$SRC"
BYTES=$(stat -c %s "$SRC")
SRC_SHA=$(sha256sum "$SRC" | cut -d' ' -f1)
# every run starts with no dirty pages in flight: the source file's own writeback must not slow the first run
settle() { sync; }
settle

now() { date +%s.%N; }
rss_kib() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
# user + system CPU seconds of the processes timed into the given files, together
cpu_s() { cat "$@" | awk -F': ' '/(User|System) time \(seconds\)/ {t += $2} END {printf "%.2f", t}'; }
mbps() { python3 -c "print(f'{$BYTES / 1e6 / ($2 - $1):.0f}')"; }

# Starts `socketeer serve files ARGS` under /usr/bin/time -v; sets SERVER_PID, SERVER_PORT, SERVER_TIME.
start_server() {
    local name=$1; shift
    SERVER_TIME="$WORK/$name.server.time"
    # every client comes from 127.0.0.1: the per-host cap (default 16) is lifted above CLIENTS
    local caps=(--max-clients "$((CLIENTS + 16))")
    # (a baseline from before the per-host cap has no such flag, and no such cap)
    if "$BIN" serve files --help 2>&1 | grep -q -- --max-per-host; then caps+=(--max-per-host "$((CLIENTS + 16))"); fi
    /usr/bin/time -v -o "$SERVER_TIME" "$BIN" serve files --port 0 --bind 127.0.0.1 \
        "${caps[@]}" "$@" > "$WORK/$name.server.log" 2>&1 &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    for _ in $(seq 1 200); do
        SERVER_PORT=$(sed -n 's/^socketeer: listening files tcp [^ ]* \([0-9]*\)$/\1/p' "$WORK/$name.server.log" | awk 'NR == 1')
        [ -n "$SERVER_PORT" ] && return 0
        sleep 0.05
    done
    echo "files_bench: server $name did not start" >&2; cat "$WORK/$name.server.log" >&2; exit 3
}
stop_server() {
    pkill -TERM -P "$SERVER_PID" 2>/dev/null || true   # the server under /usr/bin/time
    wait "$SERVER_PID" 2>/dev/null || true
}
check_sha() {
    local got; got=$(sha256sum "$1" | cut -d' ' -f1)
    [ "$got" = "$SRC_SHA" ] || { echo "files_bench: $1 does not match the source" >&2; exit 3; }
}

ROWS=()
row() { ROWS+=("$(printf '%-34s %9s %8s %12s %12s %10s' "$@")"); }

# --- socat: the raw-copy anchor --------------------------------------------------------------------------
SOCAT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/time -v -o "$WORK/socat.server.time" socat -u -b 262144 "TCP-LISTEN:$SOCAT_PORT,bind=127.0.0.1,reuseaddr" \
    "OPEN:$WORK/dst/socat.bin,creat,trunc" &
SOCAT_PID=$!
PIDS+=("$SOCAT_PID")
for _ in $(seq 1 200); do  # socat says nothing when it listens: poll the socket table
    [ -n "$(ss -Hltn "sport = :$SOCAT_PORT")" ] && break
    sleep 0.05
done
settle
t0=$(now)
/usr/bin/time -v -o "$WORK/socat.client.time" socat -u -b 262144 "OPEN:$SRC" "TCP:127.0.0.1:$SOCAT_PORT"
wait "$SOCAT_PID"
t1=$(now)
check_sha "$WORK/dst/socat.bin"
SOCAT_MBPS=$(mbps "$t0" "$t1")
row "socat -b 262144 (raw copy)" "$SOCAT_MBPS" "1.00" "$(rss_kib "$WORK/socat.client.time")" "$(rss_kib "$WORK/socat.server.time")" \
    "$(cpu_s "$WORK/socat.client.time" "$WORK/socat.server.time")"
rm -f "$WORK/dst/socat.bin"
ratio() { python3 -c "print(f'{$1 / $SOCAT_MBPS:.2f}')"; }

# One socketeer transfer against its own server (`serve files --root ROOT [SERVER_FLAG]`), timed, checked, added
# as a row. Usage: socketeer_row NAME LABEL RESULT_FILE ROOT SERVER_FLAG CLIENT_ARGS...
# The client runs as `socketeer files CLIENT_ARGS... --quiet`; the word SERVER in them becomes the server's address.
socketeer_row() {
    local name=$1 label=$2 result=$3 root=$4 flag=$5
    shift 5
    start_server "$name" --root "$root" ${flag:+"$flag"}
    local args=("${@/#SERVER/127.0.0.1:$SERVER_PORT}")
    settle
    t0=$(now)
    /usr/bin/time -v -o "$WORK/$name.client.time" "$BIN" files "${args[@]}" --quiet > /dev/null
    t1=$(now)
    stop_server
    check_sha "$result"
    M=$(mbps "$t0" "$t1")
    row "$label" "$M" "$(ratio "$M")" "$(rss_kib "$WORK/$name.client.time")" "$(rss_kib "$SERVER_TIME")" \
        "$(cpu_s "$WORK/$name.client.time" "$SERVER_TIME")"
    rm -f "$result"
}

socketeer_row get "socketeer GET (SHA-256 verified)" "$WORK/dst/get.bin" "$WORK/src" "" \
    get SERVER big.bin "$WORK/dst/get.bin"
socketeer_row put "socketeer PUT (SHA-256 verified)" "$WORK/up/big.bin" "$WORK/up" "" \
    put SERVER "$SRC" big.bin
if [ -n "$BASELINE" ]; then
    BIN=$BASELINE
    socketeer_row baseget "baseline GET" "$WORK/dst/baseget.bin" "$WORK/src" "" \
        get SERVER big.bin "$WORK/dst/baseget.bin"
    socketeer_row baseput "baseline PUT" "$WORK/up/big.bin" "$WORK/up" "" \
        put SERVER "$SRC" big.bin
    BIN=$SOCKETEER
fi
# classic mode, for contrast
socketeer_row classic "socketeer GET --classic 2018" "$WORK/dst/classic.bin" "$WORK/src" --classic \
    get SERVER big.bin "$WORK/dst/classic.bin" --classic 2018

# --- one server, CLIENTS downloads at once (raw protocol clients that hash and discard) --------------------
start_server many --root "$WORK/src"
settle
t0=$(now)
python3 - "$SERVER_PORT" "$CLIENTS" "$BYTES" "$SRC_SHA" <<'PY'
import hashlib, socket, sys, threading
port, clients, size, expected = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
bad = []
def fetch():
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    f.readline()                                  # HELLO
    s.sendall(b"GET 0 big.bin\n")
    assert f.readline().strip() == b"OK %d" % size
    left, h, buf = size, hashlib.sha256(), bytearray(1 << 20)
    while left:
        n = f.readinto(memoryview(buf)[: min(left, len(buf))])
        if not n:
            break
        h.update(memoryview(buf)[:n]); left -= n
    end = f.readline().split()
    if left or end != [b"END", h.hexdigest().encode()] or h.hexdigest() != expected:
        bad.append(1)
    s.sendall(b"QUIT\n"); f.readline(); s.close()
threads = [threading.Thread(target=fetch) for _ in range(clients)]
[t.start() for t in threads]; [t.join() for t in threads]
sys.exit(1 if bad else 0)
PY
t1=$(now)
stop_server
M=$(python3 -c "print(f'{$BYTES * $CLIENTS / 1e6 / ($t1 - $t0):.0f}')")
row "$CLIENTS clients at once (total MB/s)" "$M" "-" "(python)" "$(rss_kib "$SERVER_TIME")" "-"

echo
echo "File transfer, ${SIZE_MIB} MiB random file over loopback, $(nproc) cores ($(date -u +%Y-%m-%dT%H:%MZ))"
printf '%-34s %9s %8s %12s %12s %10s\n' "transfer" "MB/s" "x socat" "client KiB" "server KiB" "CPU s"
printf '%s\n' "${ROWS[@]}"
echo "(peak RSS = maximum resident set size from /usr/bin/time -v; CPU s = user + system seconds of client and server"
echo " together; every copy's SHA-256 was checked)"

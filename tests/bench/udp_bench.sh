#!/usr/bin/env bash
# UDP receive benchmark (not part of ctest): Socketeer's headless listener (`socketeer udp listen`, the same
# netcore::udp::UdpListener the tab uses) against iperf3's UDP server, at the same offered loads on loopback:
# 64- and 1400-byte datagrams at 100k and 300k datagrams/s. For each run it prints what the sender achieved
# (vs requested), what the receiver got (% and per second), the receiver's CPU per datagram and its peak RSS.
# iperf3's server only accepts its own client, so each receiver gets its own sender: compare received/s and
# CPU per datagram when the senders achieve different rates. Build Release for meaningful numbers.
#
# Usage: tests/bench/udp_bench.sh [path/to/socketeer] [seconds per run (default 3)]
# Needs: iperf3 (scripts/deps/test.txt), python3.
set -euo pipefail

SOCKETEER=${1:-${SOCKETEER:-$(dirname "$0")/../../build/app/socketeer}}
SECONDS_PER_RUN=${2:-3}
command -v iperf3 >/dev/null || { echo "iperf3 is not installed (apt-get install iperf3)" >&2; exit 2; }
[ -x "$SOCKETEER" ] || { echo "socketeer binary not found: $SOCKETEER" >&2; exit 2; }

exec python3 - "$SOCKETEER" "$SECONDS_PER_RUN" <<'PY'
import json, os, re, resource, socket, subprocess, sys, time

socketeer, seconds = sys.argv[1], float(sys.argv[2])
SIZES = (64, 1400)
RATES = (100_000, 300_000)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def reap(proc):
    """Waits for proc; returns (cpu seconds, peak RSS KiB, wall seconds since start)."""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def run_socketeer(size, rate):
    count = int(rate * seconds)
    start = time.monotonic()
    listener = subprocess.Popen([socketeer, "udp", "listen", "0", "--bind", "127.0.0.1", "--stats",
                                 "--count", str(count), "--timeout", str(seconds + 3)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    port = re.search(r":(\d+)", listener.stdout.readline()).group(1)
    sender = subprocess.run([socketeer, "udp", "send", "127.0.0.1", port, "--rate", str(rate), "--count", str(count),
                             "--sequenced", "--size", str(size), "x"], capture_output=True, text=True)
    achieved = float(re.search(r"([\d.]+) datagrams/s", sender.stdout.splitlines()[-1]).group(1))
    sent = int(re.search(r"sent (\d+)", sender.stdout).group(1))
    out = listener.stdout.read()
    cpu, rss = reap(listener)
    wall = time.monotonic() - start
    received = int(re.search(r"(?m)^datagrams\s+(\d+)", out).group(1))
    return achieved, sent, received, cpu, sent / max(achieved, 1), rss


def run_iperf3(size, rate):
    port = str(free_port())
    start = time.monotonic()
    # the server says "Server listening on PORT" once its socket is bound; the client waits for that line
    server = subprocess.Popen(["iperf3", "-s", "-1", "-p", port, "--forceflush"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in server.stdout:
        if "listening" in line:
            break
    else:
        sys.exit("iperf3 -s did not start: " + server.stderr.read())
    client = subprocess.run(["iperf3", "-c", "127.0.0.1", "-p", port, "-u", "-b", str(rate * size * 8), "-l", str(size),
                             "-t", str(seconds), "-J"], capture_output=True, text=True)
    if client.returncode != 0:
        sys.exit("iperf3 -c failed: " + client.stdout + client.stderr)
    out = server.stdout.read()
    cpu, rss = reap(server)
    wall = time.monotonic() - start
    c = json.loads(client.stdout)["end"]["sum"]
    sent = c.get("packets", 0)
    achieved = sent / c.get("seconds", seconds)
    # the server's own summary: "... Lost/Total Datagrams" as "lost/total (pct%)  receiver"
    lost, total = map(int, re.findall(r"(\d+)/(\d+) \([\d.e+-]+%\)\s+receiver", out)[-1])
    received = total - lost
    return achieved, sent, received, cpu, c.get("seconds", seconds), rss


rows = []
for size in SIZES:
    for rate in RATES:
        for name, fn in (("socketeer", run_socketeer), ("iperf3", run_iperf3)):
            achieved, sent, received, cpu, duration, rss = fn(size, rate)
            rows.append((name, size, rate, achieved, sent, received, 100.0 * received / max(sent, 1), received / duration,
                         1e6 * cpu / max(received, 1), rss / 1024))

print()
print(f"{'receiver':<10} {'bytes':>5} {'requested/s':>12} {'sender got/s':>12} {'sent':>9} {'received':>9} {'recv %':>7} "
      f"{'received/s':>10} {'rx CPU us/dgram':>15} {'rx peak RSS MiB':>15}")
for name, size, rate, achieved, sent, received, pct, per_second, cpu, rss in rows:
    print(f"{name:<10} {size:>5} {rate:>12,} {achieved:>12,.0f} {sent:>9,} {received:>9,} {pct:>7.1f} {per_second:>10,.0f} "
          f"{cpu:>15.2f} {rss:>15.1f}")
print()
print("sender: socketeer udp send --rate (for socketeer), iperf3 -c -u -b (for iperf3); loopback; "
      f"{seconds:g} s of sending requested per run (a sender that falls behind takes longer).")
print("received/s = received over the sender's duration; rx CPU = the receiver's user+sys per received datagram "
      "(whole process lifetime, start-up included).")
PY

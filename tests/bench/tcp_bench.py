#!/usr/bin/env python3
"""TCP echo benchmark: Socketeer's TCP server against `socat TCP-LISTEN:P,fork,reuseaddr PIPE` in the same run.
Not a ctest test: run it by hand (on an idle machine) and read the table.

    SOCKETEER=build/app/socketeer TCP_LOAD=build/tests/bench/tcp_load python3 tests/bench/tcp_bench.py \
        [--bytes 1G] [--connections 200] [--messages 1000] [--size 32] [--threads 2] [--server listen|serve] [--rounds 3]

The load comes from tcp_load (tests/bench/tcp_load.cpp: C++, epoll, no Qt), so the client is not the limit:
  (a) one connection, 64 KiB writes, the echo read back and checked: MB/s (each way; MB = 10^6 bytes)
  (b) `connections` connections at once, each echoing `messages` messages of `size` bytes, one outstanding per
      connection: round trips per second, p50 / p99 latency
Socketeer runs as `socketeer tcp listen PORT --echo` when that verb exists (--server listen), otherwise as
`socketeer serve tcp --port P` (echo by default); either way --max-per-host / --max-clients raised to the connection count,
its stdout (one log line per read) to /dev/null. Memory: each server's peak proportional set size (PSS, from
/proc/PID/smaps_rollup, sampled every 50 ms; for socat the sum over the listener and its forked children) and,
for Socketeer, VmHWM.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from procs import free_port, peak_rss_kib as vm_hwm_kib, pss_kib, wait_accepting  # noqa: E402

DEADLINE_S = 600


def children(pid):
    out = []
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                out += [int(x) for x in f.read().split()]
    except OSError:
        pass
    return out


class MemorySampler(threading.Thread):
    """The peak PSS of a process tree (the process and its direct children), sampled every 50 ms."""

    def __init__(self, pid, tree):
        super().__init__(daemon=True)
        self.pid, self.tree, self.peak, self.stop = pid, tree, 0, threading.Event()

    def run(self):
        while not self.stop.is_set():
            pids = [self.pid] + (children(self.pid) if self.tree else [])
            self.peak = max(self.peak, sum(pss_kib(p) for p in pids))
            self.stop.wait(0.05)


def parse_size(text):
    m = re.fullmatch(r"(\d+)([kKmMgG]?)", text)
    if not m:
        raise argparse.ArgumentTypeError("a size like 512M or 1G")
    return int(m.group(1)) * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()]


def run_load(tcp_load, *arguments):
    r = subprocess.run([tcp_load, *[str(a) for a in arguments]], capture_output=True, text=True, timeout=DEADLINE_S)
    if r.returncode != 0:
        raise SystemExit("tcp_load %s failed: %s" % (" ".join(map(str, arguments)), r.stderr.strip()))
    return json.loads(r.stdout)


def has_listen_verb(socketeer):
    r = subprocess.run([socketeer, "tcp", "--help"], capture_output=True, text=True, timeout=30)
    return re.search(r"^\s+listen\b", r.stdout, re.M) is not None


def start_socketeer(socketeer, port, args):
    # every load connection comes from 127.0.0.1: the per-host and global caps are raised to the connection count
    n = str(max(args.connections, 16))
    caps = ["--max-per-host", n, "--max-clients", n]
    if args.server == "listen":
        argv = [socketeer, "tcp", "listen", str(port), "--echo"] + caps
    else:
        argv = [socketeer, "serve", "tcp", "--port", str(port)] + caps
    return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), argv


def measure(name, proc, tree, port, args):
    try:
        if not wait_accepting(port, proc, timeout=10):
            raise SystemExit("tcp_bench: nothing listens on %d" % port)
        sampler = MemorySampler(proc.pid, tree)
        sampler.start()
        stream = run_load(args.tcp_load, "stream", "127.0.0.1", port, args.bytes, 65536)
        rr = run_load(args.tcp_load, "rr", "127.0.0.1", port, args.connections, args.messages, args.size, args.threads)
        time.sleep(0.2)   # one more memory sample after the load
        sampler.stop.set()
        sampler.join()
        return {"name": name, "stream": stream, "rr": rr, "pss_kib": sampler.peak,
                "hwm_kib": vm_hwm_kib(proc.pid) if not tree else None}
    finally:   # a failed load must not leave the server running
        proc.terminate()
        proc.wait(30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bytes", type=parse_size, default=parse_size("1G"))
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--size", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="tcp_load event-loop threads for (b) (2 drive socat harder than 1)")
    parser.add_argument("--server", choices=("auto", "listen", "serve"), default="auto")
    parser.add_argument("--rounds", type=int, default=3, help="socat and Socketeer alternately, this many times each; "
                                                               "the table shows the medians")
    args = parser.parse_args()
    socketeer = os.environ.get("SOCKETEER", "build/app/socketeer")
    args.tcp_load = os.environ.get("TCP_LOAD", "build/tests/bench/tcp_load")
    for path in (socketeer, args.tcp_load):
        if not os.access(path, os.X_OK):
            raise SystemExit("tcp_bench: no executable %s (build socketeer and tcp_load)" % path)
    if not shutil.which("socat"):
        raise SystemExit("tcp_bench: needs socat (apt-get install socat)")
    if args.server == "auto":
        args.server = "listen" if has_listen_verb(socketeer) else "serve"

    rounds = {"socat": [], "ours": []}
    for _ in range(max(1, args.rounds)):
        port = free_port()
        socat = subprocess.Popen(["socat", "TCP-LISTEN:%d,fork,reuseaddr,backlog=1024,bind=127.0.0.1" % port, "PIPE"],
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rounds["socat"].append(measure("socat fork PIPE", socat, True, port, args))
        port = free_port()
        ours, argv = start_socketeer(socketeer, port, args)
        rounds["ours"].append(measure("socketeer " + " ".join(argv[1:3]), ours, False, port, args))

    def median(values):
        values = sorted(values)
        return values[len(values) // 2]

    def summary(runs):
        return {"name": runs[0]["name"], "mb_per_s": median(r["stream"]["mb_per_s"] for r in runs),
                "per_s": median(r["rr"]["per_s"] for r in runs), "p50_us": median(r["rr"]["p50_us"] for r in runs),
                "p99_us": median(r["rr"]["p99_us"] for r in runs), "pss_kib": max(r["pss_kib"] for r in runs),
                "hwm_kib": max(r["hwm_kib"] or 0 for r in runs)}

    base, us = summary(rounds["socat"]), summary(rounds["ours"])
    print("(a) 1 connection, 64 KiB writes, %d MiB echoed; (b) %d connections x %d messages of %d bytes; "
          "medians of %d alternating rounds" % (args.bytes >> 20, args.connections, args.messages, args.size,
                                                len(rounds["ours"])))
    print("%-22s %10s %12s %9s %9s %14s" % ("server", "(a) MB/s", "(b) rt/s", "p50 ms", "p99 ms", "peak PSS MiB"))
    for r in (base, us):
        print("%-22s %10.1f %12.0f %9.2f %9.2f %14.1f" % (r["name"], r["mb_per_s"], r["per_s"], r["p50_us"] / 1000,
                                                         r["p99_us"] / 1000, r["pss_kib"] / 1024))
    print("%-22s %9.2fx %11.2fx %9s %9s" % ("ratio", us["mb_per_s"] / base["mb_per_s"], us["per_s"] / base["per_s"], "", ""))
    ratios_a = [o["stream"]["mb_per_s"] / s["stream"]["mb_per_s"] for s, o in zip(rounds["socat"], rounds["ours"])]
    ratios_b = [o["rr"]["per_s"] / s["rr"]["per_s"] for s, o in zip(rounds["socat"], rounds["ours"])]
    print("per round: (a) %s; (b) %s; Socketeer VmHWM %.1f MiB"
          % (" ".join("%.2fx" % r for r in ratios_a), " ".join("%.2fx" % r for r in ratios_b), us["hwm_kib"] / 1024))

if __name__ == "__main__":
    main()

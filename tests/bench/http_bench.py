#!/usr/bin/env python3
"""Benchmark (not a ctest test): the HTTP capture/static server and the HTTP client against their peers.

1. wrk, keep-alive, 64 connections, a small static file: `socketeer serve http --root` vs
   `python3 -m http.server` (the course's world) vs nginx with one worker. Targets: >= 10x python,
   >= 0.5x nginx, zero errors.
2. 1,000 sequential keep-alive requests: `socketeer http send --repeat 1000` (the client engine) vs one
   curl run fetching the URL 1,000 times. Target: socketeer <= 1.5x curl's time.

Usage: SOCKETEER=build-release/app/socketeer python3 tests/bench/http_bench.py [--seconds 5]   (a Release build:
a Debug build measures the compiler, not the design; numbers swing with the machine's load, so compare within one run)
Everything runs on loopback ports the OS chose. Needs wrk, nginx, curl, python3 (scripts/deps/test.txt).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from procs import free_port, stop_group as stop, wait_accepting  # noqa: E402

SOCKETEER = os.environ.get("SOCKETEER", "socketeer")


def start_socketeer(root):
    # wrk's 64 connections all come from 127.0.0.1: above the default per-host cap (16)
    proc = subprocess.Popen([SOCKETEER, "serve", "http", "--port", "0", "--root", root, "--max-per-host", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    m = re.search(rb"^socketeer: listening http tcp 127\.0\.0\.1 (\d+)$", proc.stdout.readline())
    # the per-request log is drained by a thread so the pipe never fills
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    return proc, int(m.group(1))


def start_python(root):
    proc = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    m = re.search(rb"port (\d+)", proc.stdout.readline())
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    return proc, int(m.group(1))


def start_nginx(prefix, root):
    port = free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = (f"worker_processes 1;\ndaemon off;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\n{user}"
            f"events {{ worker_connections 1024; }}\nhttp {{\n access_log off;\n"
            f" client_body_temp_path {prefix}/b; proxy_temp_path {prefix}/p; fastcgi_temp_path {prefix}/f;\n"
            f" uwsgi_temp_path {prefix}/u; scgi_temp_path {prefix}/s;\n types {{ text/html html; }}\n"
            f" server {{ listen 127.0.0.1:{port}; root {root}; }}\n}}\n")
    path = os.path.join(prefix, "nginx.conf")
    open(path, "w").write(conf)
    # its own session: the master and its worker are one process group, stopped together (stop())
    proc = subprocess.Popen(["nginx", "-p", prefix, "-e", f"{prefix}/error.log", "-c", path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if not wait_accepting(port, proc):
        stop(proc)
        raise SystemExit("nginx did not start")
    return proc, port


def run_wrk(port, seconds):
    out = subprocess.run(["wrk", "-t2", "-c64", f"-d{seconds}s", f"http://127.0.0.1:{port}/index.html"],
                         capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    return rps, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=5)
    ap.add_argument("--requests", type=int, default=1000)
    args = ap.parse_args()
    for tool in ("wrk", "nginx", "curl"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            raise SystemExit(f"{tool} is missing (scripts/deps/test.txt)")
    tmp = tempfile.mkdtemp(prefix="socketeer-http-bench-")
    root = os.path.join(tmp, "www")
    os.makedirs(root)
    open(os.path.join(root, "index.html"), "w").write("<!DOCTYPE html><title>bench</title><p>" + "x" * 500 + "</p>\n")
    procs = []
    try:
        rows = []
        for name, starter in (("socketeer serve http", lambda: start_socketeer(root)),
                              ("python3 -m http.server", lambda: start_python(root)),
                              ("nginx (1 worker)", lambda: start_nginx(tmp, root))):
            proc, port = starter()
            procs.append(proc)
            wait_accepting(port, proc)
            rps, errors = run_wrk(port, args.seconds)
            rows.append((name, rps, errors))
            stop(proc)
        ours, python, nginx = rows[0][1], rows[1][1], rows[2][1]
        print(f"\nwrk -t2 -c64 -d{args.seconds}s, keep-alive, {os.path.getsize(os.path.join(root, 'index.html'))}-byte file")
        print(f"{'server':<26}{'requests/s':>14}{'errors':>10}")
        for name, rps, errors in rows:
            print(f"{name:<26}{rps:>14.0f}{errors:>10}")
        print(f"socketeer / python = {ours / python:.1f}x (target >= 10x)   "
              f"socketeer / nginx = {ours / nginx:.2f}x (target >= 0.5x)")

        # client: N sequential keep-alive requests to nginx
        proc, port = start_nginx(tmp, root)
        procs.append(proc)
        url = f"http://127.0.0.1:{port}/index.html"
        t0 = time.monotonic()
        r = subprocess.run([SOCKETEER, "http", "send", "--repeat", str(args.requests), url], capture_output=True, text=True)
        ours_s = time.monotonic() - t0
        config = os.path.join(tmp, "curl.cfg")
        with open(config, "w") as f:
            for _ in range(args.requests):
                f.write(f'url = "{url}"\noutput = "/dev/null"\n')
        t0 = time.monotonic()
        c = subprocess.run(["curl", "-s", "-K", config], capture_output=True)
        curl_s = time.monotonic() - t0
        print(f"\n{args.requests} sequential keep-alive requests (process start included)")
        print(f"{'client':<26}{'seconds':>10}")
        print(f"{'socketeer http send':<26}{ours_s:>10.3f}   {r.stdout.strip()}")
        print(f"{'curl':<26}{curl_s:>10.3f}   exit {c.returncode}")
        print(f"socketeer / curl = {ours_s / curl_s:.2f}x (target <= 1.5x)")
    finally:
        for proc in procs:
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

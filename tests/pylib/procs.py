"""What the Python benchmarks and end-to-end tests share about the processes they start: a free loopback port,
waiting for a server to accept, a process's memory from /proc, and stopping a server with everything it started.
Not a test; imported by tests/bench/*_bench.py and tests/e2e/test_http.py (they put this folder on sys.path)."""
import os
import signal
import socket
import subprocess
import time


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on (for peers that cannot be told port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_accepting(port, proc=None, timeout=15):
    """True once 127.0.0.1:port accepts a connection; False after `timeout` seconds or when `proc` has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (proc is None or proc.poll() is None):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)  # polling a server we started for its listening socket, not a test outcome
    return False


def _proc_kib(path, field, pid):
    try:
        with open(path % pid) as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_kib(pid):
    """VmHWM: the process's peak resident set, in KiB (0 once it is gone)."""
    return _proc_kib("/proc/%d/status", "VmHWM:", pid)


def pss_kib(pid):
    """The process's proportional set size now, in KiB (shared pages divided among their users)."""
    return _proc_kib("/proc/%d/smaps_rollup", "Pss:", pid)


def stop(proc, timeout=5):
    """Stops a server: SIGTERM, then SIGKILL after `timeout` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def stop_group(proc, timeout=5):
    """Stops a server started in its own session and everything in its process group: nginx's master and its
    worker (a SIGKILL to the master alone would orphan the worker to init)."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + timeout
    while True:
        try:
            os.killpg(proc.pid, signal.SIGKILL if time.monotonic() > deadline else 0)
        except ProcessLookupError:
            break   # nobody left in the group
        if proc.poll() is None:
            try:
                proc.wait(0.05)
            except subprocess.TimeoutExpired:
                pass
        else:
            time.sleep(0.05)  # polling for the group's last process (a worker) to exit, not a fixed wait
    proc.wait()

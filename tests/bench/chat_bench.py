#!/usr/bin/env python3
"""Chat fan-out benchmark: Socketeer's chat server against ngircd (IRC, one channel) in the same run, plus
Socketeer's classic UDP mode. Not a ctest test: run it by hand and read the table.

    SOCKETEER=build/app/socketeer python3 tests/bench/chat_bench.py [--clients 200] [--senders 20] [--messages 500]

Every client joins one room (ngircd: channel #room). `senders` of them each send `messages` lines as fast as
the sockets take them; every client reads everything. Reported: messages delivered to other clients per
second (wall time from the first send to the last delivery), delivery latency p50/p99 (send time is in the
text), deliveries missing, and each server's peak resident memory (VmHWM from /proc/PID/status, read when the
run's deliveries are in, before the clients leave), Socketeer's next to ngircd's.
Both servers run on loopback, started by this script (ngircd with a generated config; its clients become
operators with user mode +F, which turns off ngircd's per-client flood throttling).
"""
import argparse
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from procs import free_port, peak_rss_kib, stop  # noqa: E402

DEADLINE_S = 120


class Dialect:
    """How a client joins and speaks: native Socketeer lines or IRC."""

    def __init__(self, irc):
        self.irc = irc

    def login(self, name):
        if self.irc:
            return ("NICK %s\r\nUSER %s 0 * :%s\r\n" % (name, name, name)).encode()
        return ("NICK %s\n" % name).encode()

    def after_welcome(self, line, name):
        """IRC: once registered (001), become an operator with user mode F (ngircd's "relaxed flood
        protection": no throttling, else each client is held to ~3 commands/s) and join the channel."""
        if self.irc and b" 001 " in line:
            return ("OPER bench bench\r\nMODE %s +F\r\nJOIN #room\r\n" % name).encode()
        return b""

    def joined(self, line):
        # IRC: 366 = end of the channel's NAMES list, sent after JOIN; native: OK
        return b" 366 " in line if self.irc else line.startswith(b"OK ")

    def message(self, index, seq):
        text = "%d %d %d" % (index, seq, time.perf_counter_ns())
        return ("PRIVMSG #room :%s\r\n" % text).encode() if self.irc else ("MSG %s\n" % text).encode()

    def payload(self, line):
        """The text of a chat line from someone, or None."""
        if self.irc:
            if b" PRIVMSG #room :" in line:
                return line.split(b" PRIVMSG #room :", 1)[1]
            return None
        if line.startswith(b"MSG "):
            return line.split(b" ", 2)[2]
        return None


class Conn:
    def __init__(self, index, sock):
        self.index = index
        self.sock = sock
        self.inbuf = b""
        self.outbuf = b""
        self.joined = False


def run_tcp(port, dialect, clients, senders, messages, pid):
    sel = selectors.DefaultSelector()
    conns = []
    for i in range(clients):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.setblocking(False)
        c = Conn(i, s)
        c.outbuf = dialect.login("c%d" % i)
        conns.append(c)
        sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE, c)
    latencies = []
    expected = senders * messages * (clients - 1)
    delivered = 0
    started = None
    last_delivery = None
    deadline = time.monotonic() + DEADLINE_S
    queued = False
    while time.monotonic() < deadline:
        if not queued and all(c.joined for c in conns):
            started = time.perf_counter_ns()
            for seq in range(messages):   # interleave senders, like a busy room
                for c in conns[:senders]:
                    c.outbuf += dialect.message(c.index, seq)
            for c in conns[:senders]:
                sel.modify(c.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, c)
            queued = True
        if queued and delivered >= expected:
            break
        for key, events in sel.select(timeout=1.0):
            c = key.data
            if events & selectors.EVENT_WRITE and c.outbuf:
                try:
                    n = c.sock.send(c.outbuf[:262144])
                    c.outbuf = c.outbuf[n:]
                except BlockingIOError:
                    pass
                if not c.outbuf:
                    sel.modify(c.sock, selectors.EVENT_READ, c)
            if events & selectors.EVENT_READ:
                try:
                    data = c.sock.recv(1 << 20)
                except BlockingIOError:
                    continue
                if not data:
                    sel.unregister(c.sock)
                    continue
                c.inbuf += data
                *lines, c.inbuf = c.inbuf.split(b"\n")
                now = time.perf_counter_ns()
                for line in lines:
                    line = line.rstrip(b"\r")
                    if not c.joined:
                        more = dialect.after_welcome(line, "c%d" % c.index)
                        if more:
                            c.outbuf += more
                            sel.modify(c.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, c)
                        if dialect.joined(line):
                            c.joined = True
                        elif dialect.irc and line.startswith(b"PING"):
                            c.outbuf += b"PONG" + line[4:] + b"\r\n"
                            sel.modify(c.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, c)
                        continue
                    text = dialect.payload(line)
                    if text is None:
                        if line.startswith(b"PING"):
                            c.outbuf += b"PONG" + line[4:] + (b"\r\n" if dialect.irc else b"\n")
                            sel.modify(c.sock, selectors.EVENT_READ | selectors.EVENT_WRITE, c)
                        continue
                    sender, _, sent_ns = text.split(b" ")
                    if int(sender) == c.index:
                        continue   # Socketeer echoes to the sender; IRC does not: count others only
                    delivered += 1
                    latencies.append(now - int(sent_ns))
                    last_delivery = now
    rss = peak_rss_kib(pid)
    for c in conns:
        c.sock.close()
    return summarize(started, last_delivery, delivered, expected, latencies, rss)


def run_udp(port, clients, senders, messages, pid):
    socks = []
    for i in range(clients):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        s.bind(("127.0.0.1", 0))
        s.settimeout(5)
        s.sendto(("L u%d" % i).encode(), ("127.0.0.1", port))
        if s.recv(1024) != b"OK":
            raise SystemExit("classic login refused")
        s.setblocking(False)
        socks.append(s)
    sel = selectors.DefaultSelector()
    for i, s in enumerate(socks):
        sel.register(s, selectors.EVENT_READ, i)
    expected = senders * messages * (clients - 1)
    delivered = 0
    latencies = []
    last_delivery = None
    started = time.perf_counter_ns()

    def drain(timeout):
        nonlocal delivered, last_delivery
        for key, _ in sel.select(timeout=timeout):
            s, index = key.fileobj, key.data
            while True:
                try:
                    data = s.recv(65536)
                except BlockingIOError:
                    break
                now = time.perf_counter_ns()
                parts = data.split(b" : ", 1)
                if len(parts) != 2:
                    continue
                fields = parts[1].split(b" ")
                if len(fields) == 3 and int(fields[0]) != index:
                    delivered += 1
                    latencies.append(now - int(fields[2]))
                    last_delivery = now

    for seq in range(messages):
        for i in range(senders):
            text = "C u%d %d %d %d" % (i, i, seq, time.perf_counter_ns())
            socks[i].sendto(text.encode(), ("127.0.0.1", port))
        drain(0)
    deadline = time.monotonic() + 10
    while delivered < expected and time.monotonic() < deadline:
        drain(0.5)
    rss = peak_rss_kib(pid)
    for i, s in enumerate(socks):
        s.sendto(("Q u%d" % i).encode(), ("127.0.0.1", port))
        s.close()
    return summarize(started, last_delivery, delivered, expected, latencies, rss)


def summarize(started, last, delivered, expected, latencies, rss):
    if not latencies or started is None or last is None:
        return {"rate": 0.0, "p50": float("nan"), "p99": float("nan"), "missing": expected - delivered, "rss": rss}
    latencies.sort()
    seconds = max((last - started) / 1e9, 1e-9)
    return {
        "rate": delivered / seconds,
        "p50": latencies[len(latencies) // 2] / 1e6,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] / 1e6,
        "missing": expected - delivered,
        "rss": rss,
    }


def start_socketeer(binary, clients):
    proc = subprocess.Popen([binary, "serve", "chat", "--port", "0", "--bind", "127.0.0.1",
                             "--max-clients", str(clients + 10),
                             # every client comes from 127.0.0.1: lift the per-host cap (default 8) above them
                             "--max-per-host", str(clients + 10)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first = proc.stdout.readline().decode()
    port = int(re.fullmatch(r"socketeer: listening chat tcp \S+ (\d+)\n", first).group(1))
    # Keep draining the join/leave log so the server never blocks on a full pipe.
    import threading
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    return proc, port


def start_ngircd(workdir):
    port = free_port()
    conf = os.path.join(workdir, "ngircd.conf")
    with open(conf, "w") as f:
        f.write("""[Global]
Name = bench.invalid
Info = Socketeer chat benchmark peer
Listen = 127.0.0.1
Ports = %d
MotdPhrase = bench
PidFile = %s/ngircd.pid
[Limits]
MaxConnections = 0
MaxConnectionsIP = 0
MaxJoins = 0
MaxNickLength = 16
PingTimeout = 600
PongTimeout = 600
[Options]
DNS = no
Ident = no
PAM = no
MaxPenaltyTime = 0
[Operator]
Name = bench
Password = bench
""" % (port, workdir))
    proc = subprocess.Popen(["ngircd", "-n", "-f", conf], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("ngircd did not start")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--senders", type=int, default=20)
    parser.add_argument("--messages", type=int, default=500)
    args = parser.parse_args()
    binary = os.environ.get("SOCKETEER", shutil.which("socketeer") or "")
    if not binary:
        raise SystemExit("set SOCKETEER to the built binary")
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        if shutil.which("ngircd"):
            proc, port = start_ngircd(workdir)
            try:
                rows.append(("ngircd (IRC, TCP)", run_tcp(port, Dialect(True), args.clients, args.senders, args.messages, proc.pid)))
            finally:
                stop(proc)
        else:
            print("ngircd not installed (Debian package ngircd): no comparison row", file=sys.stderr)
        proc, port = start_socketeer(binary, args.clients)
        try:
            rows.append(("Socketeer (native TCP)", run_tcp(port, Dialect(False), args.clients, args.senders, args.messages, proc.pid)))
        finally:
            stop(proc)
        proc, port = start_socketeer(binary, args.clients)
        try:
            rows.append(("Socketeer (classic UDP)", run_udp(port, args.clients, args.senders, args.messages, proc.pid)))
        finally:
            stop(proc)

    print("%d clients in one room, %d senders x %d messages; %d deliveries expected per server"
          % (args.clients, args.senders, args.messages, args.senders * args.messages * (args.clients - 1)))
    print("%-24s %14s %10s %10s %10s %12s" % ("server", "delivered/s", "p50 ms", "p99 ms", "missing", "peak RSS MiB"))
    for name, r in rows:
        print("%-24s %14.0f %10.2f %10.2f %10d %12.1f" % (name, r["rate"], r["p50"], r["p99"], r["missing"], r["rss"] / 1024))
    base = dict(rows).get("ngircd (IRC, TCP)")
    ours = dict(rows).get("Socketeer (native TCP)")
    if base and ours and base["rate"] > 0:
        print("Socketeer/ngircd: %.2fx delivered/s, p99 %.2f ms vs %.2f ms, peak RSS %.1f MiB vs %.1f MiB"
              % (ours["rate"] / base["rate"], ours["p99"], base["p99"], ours["rss"] / 1024, base["rss"] / 1024))


if __name__ == "__main__":
    main()

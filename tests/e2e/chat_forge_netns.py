#!/usr/bin/env python3
"""Runs inside `unshare -Urn` (a user + network namespace: root there, no root outside) — test_chat.py starts it.
Starts `socketeer serve chat` in the namespace, logs in classic users, and sends UDP datagrams with a forged source
address from a raw socket (IP_HDRINCL). A datagram claiming a member's address with another port must not kick
(Q/E) or speak (C) for that member; one forged with the member's exact address and port cannot be told apart on
UDP (docs/protocols/chat.md says so), which the last check shows.
Exit status: 0 passed, 1 failed (reason on stderr), 77 the namespace cannot do this (reason on stderr)."""
import re
import select
import socket
import struct
import subprocess
import sys
import time

DEADLINE_S = 10


def skip(reason):
    print("SKIP: " + reason, file=sys.stderr)
    sys.exit(77)


def fail(reason):
    print("FAIL: " + reason, file=sys.stderr)
    sys.exit(1)


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def forged_udp(src, sport, dst, dport, payload):
    """An IPv4 + UDP datagram with any source address (the kernel fills in nothing but the IP id)."""
    length = 8 + len(payload)
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, socket.IPPROTO_UDP, length)
    header = struct.pack("!HHHH", sport, dport, length, 0)
    udp_sum = checksum(pseudo + header + payload) or 0xFFFF
    udp = struct.pack("!HHHH", sport, dport, length, udp_sum) + payload
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, socket.IPPROTO_UDP, 0,
                     socket.inet_aton(src), socket.inet_aton(dst))
    return ip + udp


class Watcher:
    """A native TCP member that records every line."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE_S)
        self.buffer = b""
        self.lines = []
        self.sock.sendall(b"NICK watcher\n")
        self.wait_for(b"OK watcher")

    def wait_for(self, wanted):
        deadline = time.monotonic() + DEADLINE_S
        while wanted not in self.lines:
            if time.monotonic() > deadline:
                fail("never got %r; got %r" % (wanted, self.lines))
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = self.sock.recv(65536)
            if not chunk:
                fail("the server closed the watcher; got %r" % self.lines)
            self.buffer += chunk
            *done, self.buffer = self.buffer.split(b"\n")
            self.lines.extend(done)


def classic(address, port, name):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((address, 0))
    sock.settimeout(DEADLINE_S)
    sock.sendto(("L " + name).encode(), ("127.0.0.1", port))
    reply, _ = sock.recvfrom(2048)
    if reply != b"OK":
        fail("login %s got %r" % (name, reply))
    return sock


def main():
    socketeer = sys.argv[1]
    try:
        subprocess.run(["ip", "link", "set", "lo", "up"], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as e:
        skip("cannot bring up lo in the namespace: %s" % e)
    try:
        raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
        raw.setsockopt(socket.IPPROTO_IP, socket.IP_HDRINCL, 1)
    except OSError as e:
        skip("no raw socket in the namespace: %s" % e)

    server = subprocess.Popen([socketeer, "serve", "chat", "--port", "0", "--bind", "127.0.0.1"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([server.stdout], [], [], DEADLINE_S)
        first = server.stdout.readline().decode() if ready else ""
        m = re.fullmatch(r"socketeer: listening chat tcp 127\.0\.0\.1 (\d+)\n", first)
        if not m:
            fail("no listening line: %r" % first)
        port = int(m.group(1))
        watcher = Watcher(port)
        ming = classic("127.0.0.2", port, "小明")
        watcher.wait_for("JOIN 小明".encode())
        ming_port = ming.getsockname()[1]
        other_port = ming_port + 1 if ming_port < 65535 else ming_port - 1

        # Forged: 小明's address, another port. Neither the quit nor the chat may count.
        for payload in ("Q 小明", "E 小明", "C 小明 forged", "c 小明 forged"):
            raw.sendto(forged_udp("127.0.0.2", other_port, "127.0.0.1", port, payload.encode()), ("127.0.0.1", 0))
        ming.sendto("C 小明 real".encode(), ("127.0.0.1", port))
        watcher.wait_for("MSG 小明 real".encode())
        if "MSG 小明 forged".encode() in watcher.lines or "LEAVE 小明 quit".encode() in watcher.lines:
            fail("a datagram forged from another port was taken for 小明's: %r" % watcher.lines)

        # The raw socket really delivers forged datagrams: one with the exact address and port is taken (the
        # documented limit of UDP), and the server's answer to it goes to 小明's real socket.
        raw.sendto(forged_udp("127.0.0.2", ming_port, "127.0.0.1", port, "C 小明 exact".encode()), ("127.0.0.1", 0))
        watcher.wait_for("MSG 小明 exact".encode())
        print("forged datagrams from another port ignored; the exact address and port cannot be told apart")
        return 0
    finally:
        server.terminate()
        try:
            server.wait(DEADLINE_S)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())

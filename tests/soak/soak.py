#!/usr/bin/env python3
"""Soak test (issue #12 item 10; not a ctest test): every classroom server at once, for N minutes, with hostile
clients (the issue's attacks, randomised) beside well-behaved ones. See tests/soak/README.md.

    python3 tests/soak/soak.py [--binary build-asan/app/socketeer] [--minutes 10] [--rss-budget-mib 512]

Servers: `socketeer serve chat`, `serve files`, `serve http --root`, `serve tcp` (echo) (one process each, so each has its own RSS and
descriptors), bound to 127.0.0.1. Legit clients connect from 127.0.0.1, attackers from 127.0.0.2 ... 127.0.0.9, so
the per-host caps separate them. Exit status: 0 when every legit request was served, nothing was corrupted, every
server lived, stayed under the RSS budget and stopped cleanly (exit 0) on SIGTERM at the end; 1 otherwise.
"""
import argparse
import hashlib
import os
import random
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
LEGIT_IP = "127.0.0.1"
ATTACKER_IPS = ["127.0.0.%d" % n for n in range(2, 10)]
IO_TIMEOUT_S = 15          # a legit request not answered within this is a failure
SERVER_FLAGS = [            # classroom-sized limits; attackers come from 8 hosts, so the global cap stays above them
    "--max-clients", "512", "--idle-timeout", "60s", "--request-timeout", "15s", "--drain-timeout", "10s",
]


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.attacks = Counter()                 # attack name -> times tried
        self.legit_ok = Counter()                # server -> requests served
        self.legit_failed = Counter()            # server -> requests refused / failed / timed out
        self.latency = defaultdict(list)         # server -> seconds
        self.lost = Counter()                    # server -> messages lost (TCP chat: failure; classic UDP: reported)
        self.corrupted = Counter()               # server -> bad hash / forged line delivered
        self.failures = []                       # first few failure descriptions

    def attack(self, name):
        with self.lock:
            self.attacks[name] += 1

    def ok(self, server, seconds):
        with self.lock:
            self.legit_ok[server] += 1
            self.latency[server].append(seconds)

    def fail(self, server, why):
        with self.lock:
            self.legit_failed[server] += 1
            if len(self.failures) < 30:
                self.failures.append("%s: %s" % (server, why))

    def add(self, counter, server, n=1):
        with self.lock:
            counter[server] += n


STATS = Stats()
STOP = threading.Event()


# --- servers ---------------------------------------------------------------------------------------------------

class ServerProc:
    def __init__(self, name, binary, workdir, *args):
        self.name = name
        self.stderr_path = os.path.join(workdir, name + ".stderr")
        self.proc = subprocess.Popen([binary, "serve", name, "--port", "0", "--bind", LEGIT_IP, *SERVER_FLAGS, *args],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=open(self.stderr_path, "wb"))
        first = self.proc.stdout.readline().decode()
        m = re.fullmatch(r"socketeer: listening %s tcp \S+ (\d+)\n" % name, first)
        if not m:
            self.proc.kill()
            raise SystemExit("soak: %s did not start: %r %s" % (name, first, open(self.stderr_path).read()))
        self.port = int(m.group(1))
        self.peak_fds = 0
        self.peak_rss_kib = 0
        self.died = None
        self.stop_code = None
        self.stop_seconds = None
        threading.Thread(target=self._drain, daemon=True).start()   # the log must never fill the pipe

    def _drain(self):
        for _ in self.proc.stdout:
            pass

    def sample(self):
        if self.proc.poll() is not None:
            if self.died is None:
                self.died = self.proc.returncode
            return
        try:
            self.peak_fds = max(self.peak_fds, len(os.listdir("/proc/%d/fd" % self.proc.pid)))
            with open("/proc/%d/status" % self.proc.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        self.peak_rss_kib = max(self.peak_rss_kib, int(line.split()[1]))
        except OSError:
            pass

    def fds_now(self):
        try:
            return len(os.listdir("/proc/%d/fd" % self.proc.pid))
        except OSError:
            return -1

    def stop(self):
        if self.proc.poll() is not None:
            return
        start = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.stop_code = self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.stop_code = self.proc.wait()
        self.stop_seconds = time.monotonic() - start

    def sanitizer_report(self):
        try:
            text = open(self.stderr_path, errors="replace").read()
        except OSError:
            return ""
        m = re.search(r"ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)[^\n]*", text)
        m = m or re.search(r"runtime error:[^\n]*", text)
        # the CLI's shutdown watchdog: stop() or a destructor blocked past the grace
        m = m or re.search(r"did not finish stopping in time[^\n]*", text)
        return m.group(0) if m else ""


# --- sockets ---------------------------------------------------------------------------------------------------

def connect(port, source, timeout=IO_TIMEOUT_S):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


class Lines:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def line(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed by the server (after %r)" % self.buf[:80])
            self.buf += chunk
        line, _, self.buf = self.buf.partition(b"\n")
        return line.rstrip(b"\r").decode("utf-8", "replace")

    def exactly(self, n):
        while len(self.buf) < n:
            chunk = self.sock.recv(min(1 << 20, n - len(self.buf)) or 1)
            if not chunk:
                raise ConnectionError("closed mid-body")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n:]
        return data


# --- well-behaved clients --------------------------------------------------------------------------------------

def legit_chat(port):
    """Four native members; each round one says a line, every member must see it (the sender included)."""
    names = ["legit%d" % i for i in range(4)]
    members = []

    def join(name):
        s = connect(port, LEGIT_IP)
        lines = Lines(s)
        s.sendall(("NICK %s\n" % name).encode())
        while True:
            line = lines.line()
            if line.startswith("OK "):
                return s, lines
            if line.startswith("ERR"):
                raise ConnectionError(line)

    try:
        members = [join(n) for n in names]
    except OSError as e:
        STATS.fail("chat", "join: %s" % e)
        return
    seq = 0
    while not STOP.is_set():
        sender = seq % len(members)
        token = "soak %d %d" % (seq, random.getrandbits(32))
        start = time.monotonic()
        try:
            members[sender][0].sendall(("MSG %s\n" % token).encode())
            for i, (s, lines) in enumerate(members):
                while True:
                    line = lines.line()
                    if line.startswith("PING"):
                        s.sendall(("PONG" + line[4:] + "\n").encode())
                    elif line == "MSG %s %s" % (names[sender], token):
                        break
                    elif line.startswith("MSG %s " % names[sender]) and "soak" in line:
                        STATS.add(STATS.corrupted, "chat")
            STATS.ok("chat", time.monotonic() - start)
        except (OSError, ConnectionError) as e:
            STATS.fail("chat", "member lost or message not delivered: %s" % e)
            STATS.add(STATS.lost, "chat")
            for s, _ in members:
                s.close()
            try:
                members = [join(n) for n in names]
            except (OSError, ConnectionError) as e2:
                STATS.fail("chat", "rejoin: %s" % e2)
                time.sleep(1)
                continue
        seq += 1
        STOP.wait(random.uniform(0.1, 0.4))
    for s, _ in members:
        try:
            s.sendall(b"QUIT\n")
        except OSError:
            pass
        s.close()


def legit_classic_chat(port):
    """Two classic UDP members; A's lines must reach B, attributed to A (forged lines counted as corrupted)."""
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for s in (a, b):
        s.bind((LEGIT_IP, 0))
        s.settimeout(5)
    try:
        for s, name in ((a, "classicA"), (b, "classicB")):
            s.sendto(("L %s" % name).encode(), ("127.0.0.1", port))
            reply = s.recv(4096)
            if reply != b"OK":
                STATS.fail("chat/udp", "login %s: %r" % (name, reply))
                return
        seq = 0
        while not STOP.is_set():
            text = "hello %d" % seq
            start = time.monotonic()
            a.sendto(("C classicA %s" % text).encode(), ("127.0.0.1", port))
            deadline = time.monotonic() + 5
            got = False
            while time.monotonic() < deadline:
                try:
                    data = b.recv(65536).decode("utf-8", "replace")
                except socket.timeout:
                    break
                if data == "\nclassicA : %s" % text:
                    got = True
                    break
                if ("classicA : " in data and "hello" not in data) or "\n管理员 : " in data or "\x1b" in data:
                    STATS.add(STATS.corrupted, "chat/udp")   # a line forged in A's or the operator's name, or an escape
            if got:
                STATS.ok("chat/udp", time.monotonic() - start)
            else:
                STATS.add(STATS.lost, "chat/udp")
            seq += 1
            STOP.wait(random.uniform(0.2, 0.5))
        a.sendto(b"Q classicA", ("127.0.0.1", port))
        b.sendto(b"Q classicB", ("127.0.0.1", port))
    finally:
        a.close()
        b.close()


def legit_files(port, worker):
    n = 0
    while not STOP.is_set():
        data = os.urandom(random.randint(1, 256 * 1024))
        digest = hashlib.sha256(data).hexdigest()
        name = "legit-%d-%d.bin" % (worker, n % 16)
        n += 1
        try:
            s = connect(port, LEGIT_IP)
            lines = Lines(s)
            hello = lines.line()
            if not hello.startswith("HELLO "):
                STATS.fail("files", "greeting %r" % hello)
                s.close()
                STOP.wait(1)
                continue
            start = time.monotonic()
            s.sendall(("PUT %d %s\n" % (len(data), name)).encode())
            ready = lines.line()
            if not ready.startswith("READY "):
                STATS.fail("files", "PUT: %r" % ready)
                s.close()
                continue
            offset = int(ready.split()[1])
            s.sendall(data[offset:] + ("END %s\n" % digest).encode())
            done = lines.line()
            if done != "DONE " + digest:
                STATS.fail("files", "upload: %r" % done)
                s.close()
                continue
            STATS.ok("files", time.monotonic() - start)
            start = time.monotonic()
            s.sendall(("GET 0 %s\n" % name).encode())
            ok = lines.line()
            if not ok.startswith("OK "):
                STATS.fail("files", "GET: %r" % ok)
                s.close()
                continue
            body = lines.exactly(int(ok.split()[1]))
            end = lines.line()
            if hashlib.sha256(body).hexdigest() != digest or end != "END " + digest:
                STATS.add(STATS.corrupted, "files")
                STATS.fail("files", "download of %s corrupted" % name)
            else:
                STATS.ok("files", time.monotonic() - start)
            if random.random() < 0.3:
                start = time.monotonic()
                s.sendall(b"LIST\n")
                count = int(lines.line().split()[1])
                for _ in range(count):
                    lines.line()
                STATS.ok("files", time.monotonic() - start)
            s.sendall(b"QUIT\n")
            s.close()
        except (OSError, ConnectionError, ValueError, IndexError) as e:
            STATS.fail("files", "%s: %s" % (name, e))
        STOP.wait(random.uniform(0.05, 0.3))


def http_get(lines, sock, path):
    sock.sendall(("GET /%s HTTP/1.1\r\nHost: soak\r\n\r\n" % path).encode())
    status = lines.line()
    length = None
    while True:
        header = lines.line()
        if not header:
            break
        key, _, value = header.partition(":")
        if key.strip().lower() == "content-length":
            length = int(value.strip())
    if length is None:
        raise ConnectionError("no Content-Length in the answer to %s (%s)" % (path, status))
    return status, lines.exactly(length)


def legit_http(port, files):
    while not STOP.is_set():
        try:
            s = connect(port, LEGIT_IP)
            lines = Lines(s)
            for _ in range(random.randint(1, 5)):
                name, digest = random.choice(files)
                start = time.monotonic()
                status, body = http_get(lines, s, name)
                if not status.startswith("HTTP/1.1 200"):
                    STATS.fail("http", "GET %s: %s" % (name, status))
                    break
                if hashlib.sha256(body).hexdigest() != digest:
                    STATS.add(STATS.corrupted, "http")
                    STATS.fail("http", "GET %s: body corrupted" % name)
                    break
                STATS.ok("http", time.monotonic() - start)
            s.close()
        except (OSError, ConnectionError, ValueError) as e:
            STATS.fail("http", str(e))
        STOP.wait(random.uniform(0.05, 0.3))


def legit_tcp(port):
    """The raw TCP echo server: random bytes (1 B - 256 KiB) in one sendall, the same bytes back, compared."""
    while not STOP.is_set():
        try:
            s = connect(port, LEGIT_IP)
            for _ in range(random.randint(1, 5)):
                data = os.urandom(random.randint(1, 256 * 1024))
                start = time.monotonic()
                s.sendall(data)
                back = bytearray()
                while len(back) < len(data):
                    chunk = s.recv(len(data) - len(back))
                    if not chunk:
                        raise ConnectionError("closed after %d of %d echoed bytes" % (len(back), len(data)))
                    back += chunk
                if back != data:
                    STATS.add(STATS.corrupted, "tcp")
                    STATS.fail("tcp", "echo of %d bytes differs" % len(data))
                    break
                STATS.ok("tcp", time.monotonic() - start)
            s.close()
        except (OSError, ConnectionError) as e:
            STATS.fail("tcp", str(e))
        STOP.wait(random.uniform(0.05, 0.3))


# --- attacks (the table) -------------------------------------------------------------------------------

def hold(seconds):
    STOP.wait(seconds)


def quietly(fn):
    try:
        fn()
    except (OSError, ConnectionError, ValueError):
        pass


def attack_http_pipelined_unread(ports, ip):
    s = connect(ports["http"], ip)
    s.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n" * 28)   # one write, never read
    hold(random.uniform(3, 12))
    s.close()


def attack_http_chunk_extension(ports, ip):
    s = connect(ports["http"], ip, timeout=5)
    s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;e=")
    for _ in range(128):                      # up to 8 MiB of extension
        if STOP.is_set():
            break
        s.sendall(b"x" * 65536)
    s.close()


def attack_http_trailers(ports, ip):
    s = connect(ports["http"], ip, timeout=5)
    s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n")
    for i in range(4096):
        if STOP.is_set():
            break
        s.sendall(b"X-T%d: %s\r\n" % (i, b"y" * 2000))
    s.close()


def attack_http_big_bodies(ports, ip):
    socks = []
    for _ in range(8):
        s = connect(ports["http"], ip, timeout=5)
        socks.append(s)
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 8388607\r\n\r\n")
        quietly(lambda: s.sendall(b"z" * (8388607 - 1)))   # all but the last byte
    hold(random.uniform(2, 8))
    for s in socks:
        s.close()


def attack_http_slow_reader(ports, ip):
    s = connect(ports["http"], ip, timeout=5)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
    for _ in range(20):
        if STOP.is_set():
            break
        s.recv(1)
        hold(1)
    s.close()


def attack_files_pipelined_list(ports, ip):
    s = connect(ports["files"], ip)
    s.sendall(b"LIST\n" * (1 << 18))   # 1.25 MiB, never read
    hold(random.uniform(3, 10))
    s.close()


def attack_files_abandoned_upload(ports, ip):
    s = connect(ports["files"], ip, timeout=5)
    lines = Lines(s)
    lines.line()
    s.sendall(b"PUT 10485760 abandoned-%d.bin\n" % random.getrandbits(20))
    if lines.line().startswith("READY"):
        s.sendall(os.urandom(random.randint(1, 512 * 1024)))
    s.close()


def attack_chat_pipelined_who(ports, ip):
    s = connect(ports["chat"], ip)
    if random.random() < 0.5:
        s.sendall(b"WHO\n" * 200000)
    else:
        s.sendall((b"PING " + b"t" * 8000 + b"\n") * 200)
    hold(random.uniform(3, 10))
    s.close()


def attack_tcp_unread_echo(ports, ip):
    s = connect(ports["tcp"], ip, timeout=5)
    # 32 MiB into the echo server, never reading its echo: it must stop reading (backpressure), not queue it all;
    # sendall then blocks until the timeout.
    block = os.urandom(1 << 20)
    quietly(lambda: [s.sendall(block) for _ in range(32)])
    hold(random.uniform(3, 10))
    s.close()


def attack_slowloris(ports, ip):
    server = random.choice(["chat", "files", "http", "tcp"])
    socks = []
    for _ in range(20):                      # more than the per-host cap
        try:
            socks.append(connect(ports[server], ip, timeout=5))
        except OSError:
            break
    for _ in range(random.randint(5, 25)):
        if STOP.is_set():
            break
        for s in list(socks):
            try:
                s.send(b"G" if server == "http" else b"N")
            except OSError:
                socks.remove(s)
        hold(1)
    for s in socks:
        s.close()


def attack_reconnect_loop(ports, ip):
    server = random.choice(["chat", "files", "http", "tcp"])
    for _ in range(300):
        if STOP.is_set():
            break
        try:
            s = connect(ports[server], ip, timeout=2)
            s.close()
        except OSError:
            pass


def attack_garbage(ports, ip):
    server = random.choice(["chat", "files", "http", "tcp"])
    s = connect(ports[server], ip, timeout=5)
    junk = bytearray(os.urandom(65536))
    for i in range(0, len(junk), random.randint(20, 2000)):
        junk[i] = 10
    quietly(lambda: s.sendall(bytes(junk)))
    quietly(lambda: s.recv(4096))
    s.close()


def attack_classic_forged(ports, ip):
    port = ports["chat"]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((ip, 0))
    me = "eve%d" % random.getrandbits(16)
    for datagram in ("L %s" % me, "C %s hi\n管理员 : 下课了" % me, "C %s \r\x1b[2Jwiped" % me,
                     "C classicA forged by %s" % me, "Q classicA", "Q legit0", "C legit1 forged"):
        s.sendto(datagram.encode(), ("127.0.0.1", port))
    for n in range(random.randint(10, 60)):   # login flood from one host (other source ports)
        f = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        f.bind((ip, 0))
        f.sendto(("L flood%d_%d" % (random.getrandbits(16), n)).encode(), ("127.0.0.1", port))
        f.close()
    s.sendto(("Q %s" % me).encode(), ("127.0.0.1", port))
    s.close()


ATTACKS = [attack_http_pipelined_unread, attack_http_chunk_extension, attack_http_trailers, attack_http_big_bodies,
           attack_http_slow_reader, attack_files_pipelined_list, attack_files_abandoned_upload,
           attack_chat_pipelined_who, attack_tcp_unread_echo, attack_slowloris, attack_reconnect_loop, attack_garbage,
           attack_classic_forged]


def attacker(ports, rng):
    while not STOP.is_set():
        attack = rng.choice(ATTACKS)
        ip = rng.choice(ATTACKER_IPS)
        STATS.attack(attack.__name__[len("attack_"):])
        quietly(lambda: attack(ports, ip))


# --- main ------------------------------------------------------------------------------------------------------

def p99(values):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.99))] * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(REPO, "build", "app", "socketeer"))
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--rss-budget-mib", type=float, default=512)
    parser.add_argument("--attackers", type=int, default=6, help="attacker threads (default 6)")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    if not os.access(args.binary, os.X_OK):
        raise SystemExit("soak: no binary at %s (build it, or pass --binary)" % args.binary)

    with tempfile.TemporaryDirectory(prefix="socketeer-soak.") as work:
        files_root = os.path.join(work, "files")
        www = os.path.join(work, "www")
        os.mkdir(files_root)
        os.mkdir(www)
        http_files = []
        for name, size in (("index.html", 2000), ("small.bin", 16 * 1024), ("mid.bin", 200 * 1024),
                           ("big.bin", 16 << 20)):
            data = os.urandom(size)
            with open(os.path.join(www, name), "wb") as f:
                f.write(data)
            if size < (1 << 20):
                http_files.append((name, hashlib.sha256(data).hexdigest()))

        servers = {
            "chat": ServerProc("chat", args.binary, work, "--hello-timeout", "10s"),
            "files": ServerProc("files", args.binary, work, "--root", files_root, "--allow-overwrite",
                                "--hello-timeout", "10s"),
            "http": ServerProc("http", args.binary, work, "--root", www),
            "tcp": ServerProc("tcp", args.binary, work),
        }
        ports = {name: s.port for name, s in servers.items()}
        print("soak: seed %d, %.1f min, %s; chat :%d, files :%d, http :%d, tcp :%d" % (
            seed, args.minutes, args.binary, ports["chat"], ports["files"], ports["http"], ports["tcp"]),
            file=sys.stderr)

        threads = [threading.Thread(target=legit_chat, args=(ports["chat"],)),
                   threading.Thread(target=legit_classic_chat, args=(ports["chat"],)),
                   threading.Thread(target=legit_files, args=(ports["files"], 0)),
                   threading.Thread(target=legit_files, args=(ports["files"], 1)),
                   threading.Thread(target=legit_http, args=(ports["http"], http_files)),
                   threading.Thread(target=legit_http, args=(ports["http"], http_files)),
                   threading.Thread(target=legit_tcp, args=(ports["tcp"],))]
        threads += [threading.Thread(target=attacker, args=(ports, random.Random(rng.random())))
                    for _ in range(args.attackers)]
        for t in threads:
            t.daemon = True
            t.start()
        end = time.monotonic() + args.minutes * 60
        while time.monotonic() < end:
            for s in servers.values():
                s.sample()
            if any(s.died is not None for s in servers.values()):
                break
            time.sleep(1)
        STOP.set()
        for t in threads:
            t.join(30)
        for s in servers.values():
            s.sample()
        fds_after = {name: s.fds_now() for name, s in servers.items()}
        for s in servers.values():
            s.stop()
        reports = {name: s.sanitizer_report() for name, s in servers.items()}   # before the work dir goes
        for name, s in servers.items():   # a server that died: the end of what it said, before the work dir goes
            if s.died is not None:
                try:
                    tail = open(s.stderr_path, errors="replace").read().splitlines()[-60:]
                except OSError:
                    tail = []
                print("--- %s died (%s); the end of its stderr:\n%s" % (name, s.died, "\n".join(tail)), file=sys.stderr)

    # --- the table ---
    print("\nSoak: %.1f min, seed %d, %d attacker threads from %s-%s, legit clients from %s"
          % (args.minutes, seed, args.attackers, ATTACKER_IPS[0], ATTACKER_IPS[-1], LEGIT_IP))
    print("\n%-24s %8s" % ("attack", "tried"))
    for name in sorted(STATS.attacks):
        print("%-24s %8d" % (name, STATS.attacks[name]))
    print("\n%-9s %8s %7s %9s %6s %9s" % ("legit", "served", "failed", "p99 ms", "lost", "corrupted"))
    for name in ("chat", "chat/udp", "files", "http", "tcp"):
        print("%-9s %8d %7d %9.1f %6d %9d" % (name, STATS.legit_ok[name], STATS.legit_failed[name],
                                             p99(STATS.latency[name]), STATS.lost[name], STATS.corrupted[name]))
    print("\n%-7s %13s %10s %12s %6s %14s" % ("server", "peak RSS MiB", "peak fds", "fds at end", "alive",
                                            "SIGTERM exit"))
    problems = []
    for name, s in servers.items():
        stop = "%s in %.2fs" % (s.stop_code, s.stop_seconds) if s.stop_code is not None else "-"
        print("%-7s %13.1f %10d %12d %6s %14s" % (name, s.peak_rss_kib / 1024, s.peak_fds, fds_after[name],
                                                 "yes" if s.died is None else "NO (%s)" % s.died, stop))
        if s.died is not None:
            problems.append("%s died (exit %s)" % (name, s.died))
        if s.peak_rss_kib / 1024 > args.rss_budget_mib:
            problems.append("%s peak RSS %.1f MiB > budget %.0f MiB" % (name, s.peak_rss_kib / 1024, args.rss_budget_mib))
        if s.died is None and (s.stop_code != 0 or s.stop_seconds > 2):
            problems.append("%s did not stop cleanly on SIGTERM (exit %s)" % (name, s.stop_code))
        report = reports[name]
        if report:
            problems.append("%s: %s" % (name, report))
    for name in ("chat", "chat/udp", "files", "http", "tcp"):
        if STATS.legit_failed[name]:
            problems.append("%d legit %s request(s) failed" % (STATS.legit_failed[name], name))
        if STATS.legit_ok[name] == 0:
            problems.append("no legit %s request was served" % name)
    for name in ("chat", "files", "http", "tcp"):
        if STATS.corrupted[name]:
            problems.append("%d corrupted %s transfer(s)" % (STATS.corrupted[name], name))
    if STATS.failures:
        print("\nfirst failures:")
        for line in STATS.failures[:10]:
            print("  " + line)
    print("\nresult: " + ("PASS" if not problems else "FAIL: " + "; ".join(problems)))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())

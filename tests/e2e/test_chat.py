#!/usr/bin/env python3
"""End-to-end tests of `socketeer serve chat` and `socketeer chat`: the built binary against raw sockets
(what nc does), a classic UDP client written from the course's brief, and itself."""
import os
import re
import select
import socket
import subprocess
import sys
import time
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 15
OPEN_SOCKETS = []   # closed after each test


def close_sockets():
    while OPEN_SOCKETS:
        OPEN_SOCKETS.pop().close()


class Server:
    """`socketeer serve chat --port 0`; the machine-readable start-up line names the port it got."""

    def __init__(self, *extra):
        self.proc = subprocess.Popen([SOCKETEER, "serve", "chat", "--port", "0", "--bind", "127.0.0.1", *extra],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        self.log = []
        first = self.readline()
        m = re.fullmatch(r"socketeer: listening chat tcp 127\.0\.0\.1 (\d+)\n", first)
        if not m:
            raise AssertionError("no listening line first: %r" % first)
        self.port = int(m.group(1))
        # the classic protocol shares the port number over UDP; then the sentence for people
        self.wait_log("socketeer: listening chat udp 127.0.0.1 %d" % self.port)

    def readline(self):
        ready, _, _ = select.select([self.proc.stdout], [], [], DEADLINE_S)
        if not ready:
            raise AssertionError("the server logged nothing in time; log so far: %r" % self.log)
        line = self.proc.stdout.readline().decode()
        self.log.append(line.rstrip("\n"))
        return line

    def wait_log(self, wanted):
        while wanted not in self.log:
            self.readline()

    def say(self, text):
        self.proc.stdin.write((text + "\n").encode())
        self.proc.stdin.flush()

    def close(self):
        self.proc.terminate()
        self.proc.wait(DEADLINE_S)
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.proc.stdin.close()


class LineClient:
    """A raw TCP client, as nc would be."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE_S)
        OPEN_SOCKETS.append(self.sock)
        self.buffer = b""
        self.lines = []

    def send(self, data):
        self.sock.sendall(data)

    def wait_for(self, wanted):
        wanted = wanted.encode() if isinstance(wanted, str) else wanted
        deadline = time.monotonic() + DEADLINE_S
        while wanted not in self.lines:
            if time.monotonic() > deadline:
                raise AssertionError("never got %r; got %r" % (wanted, self.lines))
            chunk = self.sock.recv(65536)
            if not chunk:
                raise AssertionError("closed before %r; got %r" % (wanted, self.lines))
            self.buffer += chunk
            *complete, self.buffer = self.buffer.split(b"\n")
            self.lines += [line.rstrip(b"\r") for line in complete]

    def close(self):
        self.sock.close()


class ClassicClient:
    """The course's UDP client: one socket, 'L name', 'C name text', 'Q name'."""

    def __init__(self, port):
        self.port = port
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.settimeout(DEADLINE_S)
        OPEN_SOCKETS.append(self.sock)

    def send(self, text):
        self.sock.sendto(text.encode(), ("127.0.0.1", self.port))

    def recv(self):
        data, _ = self.sock.recvfrom(1024)
        return data.decode()

    def wait_for(self, wanted):
        seen = []
        while True:
            d = self.recv()
            if d == wanted:
                return
            seen.append(d)
            if len(seen) > 50:
                raise AssertionError("never got %r; got %r" % (wanted, seen))


def chat(port, name, *extra, stdin=subprocess.PIPE):
    return subprocess.Popen([SOCKETEER, "chat", "--host", "127.0.0.1", "--port", str(port), "--name", name, *extra],
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)


def read_until(stream, wanted):
    """Reads lines from a pipe until one contains `wanted`; returns everything read."""
    got = []
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        line = stream.readline().decode()
        if not line:
            break
        got.append(line)
        if wanted in line:
            return got
    raise AssertionError("never saw %r; got %r" % (wanted, got))


class ChatEndToEnd(unittest.TestCase):
    def setUp(self):
        self.server = Server()

    def tearDown(self):
        close_sockets()
        self.server.close()

    def test_raw_socket_session_and_log(self):
        a, b = LineClient(self.server.port), LineClient(self.server.port)
        a.send(b"NICK alice\r\n")
        a.wait_for("OK alice")
        b.send("nick 小明\n".encode())
        b.wait_for("USERS alice 小明")
        a.wait_for("JOIN 小明")
        self.server.wait_log("chat: join 小明 127.0.0.1:%d tcp" % b.sock.getsockname()[1])
        b.send("MSG 大家好\n".encode())
        a.wait_for("MSG 小明 大家好")
        a.send(b"MSG " + b"x" * 20000 + b"\n")
        a.wait_for("ERR line-too-long lines have at most 8192 bytes; the line was dropped")
        a.send(b"MSG \xff\n")
        a.wait_for("ERR invalid-utf8 the line is not valid UTF-8")
        self.server.say("下课了")
        b.wait_for("SYS 下课了")
        b.close()   # abrupt
        a.wait_for("LEAVE 小明 lost")
        self.server.wait_log("chat: leave 小明 lost")
        a.send(b"QUIT\n")
        self.server.wait_log("chat: leave alice quit")
        a.close()

    def test_classic_client_from_the_brief_shares_the_room(self):
        tcp = LineClient(self.server.port)
        tcp.send(b"NICK tcp\n")
        tcp.wait_for("OK tcp")
        ming = ClassicClient(self.server.port)
        ming.send("L 小明")
        self.assertEqual(ming.recv(), "OK")
        tcp.wait_for("JOIN 小明")
        again = ClassicClient(self.server.port)
        again.send("L 小明")
        self.assertEqual(again.recv(), "FAIL")
        ming.send("C 小明 你好 世界")
        tcp.wait_for("MSG 小明 你好 世界")
        tcp.send(b"MSG hello udp\n")
        ming.wait_for("\ntcp : hello udp")
        ming.send("Q 小明")
        ming.wait_for("EXIT")
        tcp.wait_for("LEAVE 小明 quit")
        self.server.wait_log("chat: leave 小明 quit")
        tcp.close()

    def test_terminal_client_talks_and_hears(self):
        watcher = LineClient(self.server.port)
        watcher.send(b"NICK watcher\n")
        watcher.wait_for("OK watcher")
        bob = chat(self.server.port, "bob")
        try:
            read_until(bob.stderr, "Joined")
            # The first room list is the server's, with everyone in it, not just bob.
            room = read_until(bob.stderr, "In the room")[-1]
            self.assertIn("watcher", room)
            self.assertIn("bob", room)
            bob.stdin.write("hello 大家\n/to watcher psst\n".encode())
            bob.stdin.flush()
            watcher.wait_for("MSG bob hello 大家")
            watcher.wait_for("PRIV bob watcher psst")
            watcher.send(b"MSG hi bob\n")
            out = read_until(bob.stdout, "<watcher> hi bob")
            self.assertTrue(any("<bob> hello 大家" in line for line in out), out)
            watcher.send(b"QUIT\n")
            read_until(bob.stdout, "* watcher left the room (left)")
            bob.stdin.close()   # end of input: leave normally
            self.assertEqual(bob.wait(DEADLINE_S), 0)
        finally:
            bob.kill()
            bob.wait()
            bob.stdout.close()
            bob.stderr.close()
        self.server.wait_log("chat: leave bob quit")

    def test_terminal_client_classic_mode(self):
        watcher = LineClient(self.server.port)
        watcher.send(b"NICK watcher\n")
        watcher.wait_for("OK watcher")
        ming = chat(self.server.port, "小明", "--classic", "--quit-with", "E")
        try:
            read_until(ming.stderr, "Joined")
            watcher.wait_for("JOIN 小明")
            ming.stdin.write("经典模式\n".encode())
            ming.stdin.flush()
            watcher.wait_for("MSG 小明 经典模式")
            watcher.send(b"MSG back\n")
            read_until(ming.stdout, "<watcher> back")
            ming.stdin.close()
            self.assertEqual(ming.wait(DEADLINE_S), 0)
            watcher.wait_for("LEAVE 小明 quit")   # the 2020 "E 小明"
        finally:
            ming.kill()
            ming.wait()
            ming.stdout.close()
            ming.stderr.close()

    def test_terminal_client_exit_codes(self):
        holder = LineClient(self.server.port)
        holder.send(b"NICK Taken\n")
        holder.wait_for("OK Taken")
        r = subprocess.run([SOCKETEER, "chat", "--port", str(self.server.port), "--name", "tAKEN"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("already has that name", r.stderr)
        r = subprocess.run([SOCKETEER, "chat", "--port", str(self.server.port), "--name", "two words"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 2, r.stderr)
        r = subprocess.run([SOCKETEER, "chat", "--port", str(self.server.port)],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 2, r.stderr)
        free = socket.socket()
        free.bind(("127.0.0.1", 0))
        closed_port = free.getsockname()[1]
        free.close()
        r = subprocess.run([SOCKETEER, "chat", "--port", str(closed_port), "--name", "x"],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("nobody is listening", r.stderr.lower())
        # The server goes away under a connected client: exit 3 (lost).
        bob = chat(self.server.port, "bob")
        try:
            read_until(bob.stderr, "Joined")
            self.server.close()
            self.assertEqual(bob.wait(DEADLINE_S), 3)
            self.assertIn("lost", bob.stderr.read().decode())
        finally:
            bob.kill()
            bob.wait()
            bob.stdout.close()
            bob.stderr.close()
            bob.stdin.close()
        self.server = Server()   # for tearDown


class ServeOptions(unittest.TestCase):
    def tearDown(self):
        close_sockets()

    def test_bad_options_are_usage_errors(self):
        for args in (["--port", "70000"], ["--bind", "nowhere"], ["--max-clients", "0"]):
            r = subprocess.run([SOCKETEER, "serve", "chat", *args], capture_output=True, text=True,
                               stdin=subprocess.DEVNULL, timeout=DEADLINE_S)
            self.assertEqual(r.returncode, 2, (args, r.stderr))

    def test_max_clients(self):
        server = Server("--max-clients", "1")
        try:
            first = LineClient(server.port)
            first.send(b"NICK one\n")
            first.wait_for("OK one")
            second = LineClient(server.port)
            second.wait_for("ERR server-full the room is full (1 clients)")
            r = subprocess.run([SOCKETEER, "chat", "--port", str(server.port), "--name", "two"],
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=DEADLINE_S)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertIn("full", r.stderr)
        finally:
            server.close()

    def test_port_in_use_fails(self):
        holder = socket.socket()
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        try:
            r = subprocess.run([SOCKETEER, "serve", "chat", "--bind", "127.0.0.1", "--port",
                                str(holder.getsockname()[1])],
                               capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=DEADLINE_S)
            self.assertEqual(r.returncode, 3, r.stderr)
            self.assertIn("cannot start the chat server", r.stderr)
        finally:
            holder.close()

# docs/protocols/chat.md, "Conformance": each row's bytes, sent raw, and the server's exact answer. The room holds
# Alice; `me` is None (a fresh, unjoined connection) or a name the connection joins with first ({me} in the answer).
NATIVE_ROWS = [
    (None, b"WHO\n", "USERS Alice"),
    (None, b"PING t1\n", "PONG t1"),
    (None, b"MSG hi\n", "ERR not-joined choose a name first: NICK <name>"),
    (None, b"NICK ALICE\n", "ERR name-taken someone in the room is already called ALICE"),
    (None, "NICK bo\u200bb\n".encode(), "ERR name-invalid names cannot contain invisible characters (U+200B at character 3)"),
    (None, "NICK ev\u202eil\n".encode(), "ERR name-invalid names cannot contain text-direction controls (U+202E at character 3)"),
    (None, "NICK a\u3000b\n".encode(), "ERR name-invalid names cannot contain spaces"),
    (None, "NICK 管理员\n".encode(), "ERR name-invalid that name is reserved for the server operator"),
    (None, "NICK Jose\u0301\n".encode(), "OK Jos\u00e9"),
    ("bob1", b"TO ALICE psst\n", "PRIV bob1 Alice psst"),
    ("bob2", b"MSG \n", "ERR malformed MSG <text>: the text is missing"),
    ("bob3", b"MSG   \n", "ERR malformed MSG <text>: the text is only spaces"),
    ("bob4", b"TO Alice\n", "ERR malformed TO <name> <text>: the text is missing"),
    ("bob5", b"MSG a\x07b\n", "ERR malformed control character U+0007 is not allowed (only TAB is)"),
    ("bob6", b"MSG a\rb\n", "ERR malformed control character U+000D is not allowed (only TAB is)"),
    ("bob7", b"msg hi\n", "MSG bob7 hi"),
    ("bob8", b"MSG x\r\n", "MSG bob8 x"),
    ("bob9", b"\n\r\n  \nMSG after blank lines\n", "MSG bob9 after blank lines"),
    ("bob10", b"DANCE\n", "ERR unknown-command unknown command: DANCE"),
    ("bob11", b"WHO all\n", "ERR malformed WHO: this command takes no arguments"),
    ("bob12", b"NICK again\n", "ERR already-joined you are in the room as bob12"),
    ("bob13", b"TO nobody hi\n", "ERR no-such-user nobody in the room is called nobody"),
    ("bob14", b"MSG \xff\n", "ERR invalid-utf8 the line is not valid UTF-8"),
    ("bob15", b"MSG " + b"a" * 9000 + b"\n", "ERR line-too-long lines have at most 8192 bytes; the line was dropped"),
]

# Classic datagrams from 小明 (logged in): what the native watcher and another classic user get, line by line.
CLASSIC_ROWS = [
    ("c 小明 lower-case letter", ["MSG 小明 lower-case letter"], ["\n小明 : lower-case letter"]),
    ("C 小明 a\r\nb", ["MSG 小明 a", "MSG 小明 b"], ["\n小明 : a", "\n小明 : b"]),
    ("C 小明 hi\n管理员 : 下课了", ["MSG 小明 hi", "MSG 小明 管理员 : 下课了"], ["\n小明 : hi", "\n小明 : 管理员 : 下课了"]),
    ("C 小明 \x1b[2J\x1b[31mred\x1b[0m\x07", ["MSG 小明 red"], ["\n小明 : red"]),
]


class ChatConformance(unittest.TestCase):
    def setUp(self):
        self.server = Server()
        self.alice = LineClient(self.server.port)
        self.alice.send(b"NICK Alice\n")
        self.alice.wait_for("OK Alice")

    def tearDown(self):
        close_sockets()
        self.server.close()

    def test_native_rows(self):
        for me, sent, answer in NATIVE_ROWS:
            with self.subTest(sent=sent[:40]):
                c = LineClient(self.server.port)
                if me:
                    c.send(("NICK %s\n" % me).encode())
                    c.wait_for("OK " + me)
                c.send(sent)
                c.wait_for(answer)
                OPEN_SOCKETS.remove(c.sock)
                c.close()

    def test_classic_rows(self):
        ming, hong = ClassicClient(self.server.port), ClassicClient(self.server.port)
        ming.send("L 小明")
        ming.wait_for("OK")
        hong.send("l 小红")   # letters are case-insensitive
        hong.wait_for("OK")
        ming.wait_for("\n欢迎 小红 进入聊天室")
        for datagram, native, others in CLASSIC_ROWS:
            with self.subTest(datagram=datagram):
                ming.send(datagram)
                for line in native:
                    self.alice.wait_for(line)
                for d in others:
                    hong.wait_for(d)
        # No trailing space where a CR stood, nothing of the escapes.
        self.assertNotIn("MSG 小明 a ".encode(), self.alice.lines)
        # One name per socket: another name from 小明's socket is refused, the same name again is OK.
        ming.send("L 小明2")
        ming.wait_for("FAIL")
        ming.send("L 小明")
        ming.wait_for("OK")
        # Names compare NFC + case-folded across both protocols.
        clash = ClassicClient(self.server.port)
        clash.send("L ALICE")
        clash.wait_for("FAIL")

    def test_classic_forged_source_in_a_network_namespace(self):
        probe = subprocess.run(["unshare", "-Urn", "true"], capture_output=True, text=True)
        if probe.returncode != 0:
            self.skipTest("unshare -Urn is not permitted here: %s" % probe.stderr.strip())
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "chat_forge_netns.py")
        r = subprocess.run(["unshare", "-Urn", sys.executable, script, SOCKETEER], capture_output=True, text=True,
                           timeout=60)
        if r.returncode == 77:
            self.skipTest(r.stderr.strip())
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/env python3
"""`socketeer tcp connect` and `socketeer tcp listen` against real peers: Python AF_UNIX servers and clients, socat
and nc both ways, GBK text checked by Python's `gbk` codec, half-close (a Python server still sends after our EOF),
--reset (the Python side sees ConnectionResetError), TLS against `openssl s_server` with a self-signed certificate
made here, the interactive mode (lines typed on stdin), the TCP_INFO facts, and bad input refused with a clear
error and a non-zero exit."""
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 15


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def wait_for_line(stream, needle):
    """Reads `stream` line by line until one contains `needle` (a peer saying it listens)."""
    while True:
        ready, _, _ = select.select([stream], [], [], DEADLINE_S)
        if not ready:
            raise AssertionError("the peer never said %r" % needle)
        line = stream.readline()
        if not line:
            raise AssertionError("the peer ended before saying %r" % needle)
        if needle in line:
            return line


def connect_cli(*arguments, stdin=subprocess.DEVNULL, input=None):
    if input is not None:
        stdin = None
    return subprocess.run([SOCKETEER, "tcp", "connect", *arguments], stdin=stdin, input=input, capture_output=True,
                          timeout=DEADLINE_S)


class PeerServer(threading.Thread):
    """A one-connection Python server (TCP on port 0, or AF_UNIX at `path`): reads until EOF or a reset, then
    sends `reply` (if any) and closes. `got` is what it read, `error` the exception a reset raised."""

    def __init__(self, path=None, reply=b"", echo=False):
        super().__init__(daemon=True)
        if path:
            self.srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.srv.bind(path)
        else:
            self.srv = socket.socket()
            self.srv.bind(("127.0.0.1", 0))
            self.port = self.srv.getsockname()[1]
        self.srv.listen(1)
        self.reply = reply
        self.echo = echo
        self.got = None
        self.error = None

    def run(self):
        conn, _ = self.srv.accept()
        with conn:
            got = b""
            try:
                while True:
                    data = conn.recv(1024)
                    if not data:
                        break
                    got += data
                    if self.echo:
                        conn.sendall(data)
            except ConnectionResetError as e:
                self.error = e
            self.got = got
            if self.reply and self.error is None:
                conn.sendall(self.reply(got) if callable(self.reply) else self.reply)
        self.srv.close()


class Listen:
    """`socketeer tcp listen ...`; reads the machine line ("socketeer: listening tcp tcp ADDR PORT" or
    "socketeer: listening tcp unix PATH")."""

    def __init__(self, *arguments):
        self.proc = subprocess.Popen([SOCKETEER, "tcp", "listen", *arguments], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        first = self.line_matching(r"^socketeer: listening ")
        m = re.match(r"socketeer: listening tcp tcp \S+ (\d+)$", first.strip())
        self.port = int(m.group(1)) if m else None

    def line_matching(self, pattern):
        while True:
            ready, _, _ = select.select([self.proc.stdout], [], [], DEADLINE_S)
            if not ready:
                raise AssertionError("no line matching %r" % pattern)
            line = self.proc.stdout.readline().decode()
            if not line:
                raise AssertionError("output ended before %r: %s" % (pattern, self.proc.stderr.read().decode()))
            if re.search(pattern, line):
                return line

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(DEADLINE_S)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return code


class UnixSockets(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "s.sock")

    def tearDown(self):
        self.dir.cleanup()

    def test_our_client_against_a_python_unix_server(self):
        peer = PeerServer(path=self.path, reply=lambda got: b"got %d bytes\n" % len(got))
        peer.start()
        r = connect_cli("--unix", self.path, "--send", "hello unix\\n", "--half-close")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(peer.got, b"hello unix\n")
        self.assertIn(b"[read 13] got 11 bytes\\n\n", r.stdout)   # sent after our EOF, still read

    def test_a_python_unix_client_against_our_listener(self):
        server = Listen("--unix", self.path, "--echo", "--max-clients", "4")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.settimeout(DEADLINE_S)
                client.connect(self.path)
                server.line_matching(r"^tcp: #1 unix\S* connected")
                client.sendall(b"ping over unix\n")
                got = b""
                while len(got) < 15:
                    got += client.recv(1024)
                self.assertEqual(got, b"ping over unix\n")
                server.line_matching(r"^tcp: #1 \S+ read 15: ping over unix\\n")
                client.shutdown(socket.SHUT_WR)
                self.assertEqual(client.recv(1024), b"")
            server.line_matching(r"^tcp: #1 closed")
        finally:
            self.assertEqual(server.stop(), 0)
        self.assertFalse(os.path.exists(self.path))   # the listener removed its socket file

    def test_a_stale_socket_file_is_replaced(self):
        stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        stale.bind(self.path)
        stale.close()   # the file stays, nobody listens
        r = connect_cli("--unix", self.path, "--send", "x")
        self.assertEqual(r.returncode, 3)
        self.assertIn(b"refused", r.stderr)
        server = Listen("--unix", self.path)
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.connect(self.path)
                server.line_matching(r"connected")
        finally:
            self.assertEqual(server.stop(), 0)

    def test_a_path_that_is_not_a_socket(self):
        with open(self.path, "w") as f:
            f.write("plain file")
        r = connect_cli("--unix", self.path, "--send", "x")
        self.assertEqual(r.returncode, 3)
        self.assertIn(b"not a socket", r.stderr)
        r = subprocess.run([SOCKETEER, "tcp", "listen", "--unix", self.path], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 3)
        self.assertIn(b"not a socket", r.stderr)
        with open(self.path) as f:
            self.assertEqual(f.read(), "plain file")   # left alone

    def test_no_such_socket(self):
        r = connect_cli("--unix", self.path + ".missing", "--send", "x")
        self.assertEqual(r.returncode, 3)
        self.assertIn(b"does not exist", r.stderr)


class Peers(unittest.TestCase):
    def test_socat_talks_to_our_listener(self):
        if not shutil.which("socat"):
            self.skipTest("socat is not installed")
        server = Listen("0", "--echo")
        try:
            r = subprocess.run(["socat", "-t", "2", "-", "TCP:127.0.0.1:%d" % server.port], input=b"hi socat\n",
                               capture_output=True, timeout=DEADLINE_S)
            self.assertEqual(r.stdout, b"hi socat\n")
            server.line_matching(r"read 9: hi socat\\n")
        finally:
            self.assertEqual(server.stop(), 0)

    def test_our_client_talks_to_socat(self):
        if not shutil.which("socat"):
            self.skipTest("socat is not installed")
        port = free_port()
        with tempfile.TemporaryDirectory() as folder:
            received = os.path.join(folder, "got")
            peer = subprocess.Popen(["socat", "-d", "-d", "-u", "TCP-LISTEN:%d,bind=127.0.0.1,reuseaddr" % port,
                                     "CREATE:" + received], stderr=subprocess.PIPE)
            try:
                wait_for_line(peer.stderr, b"listening on")
                r = connect_cli("127.0.0.1", str(port), "--send", "from socketeer", "--line-ending", "lf",
                                "--half-close")
                self.assertEqual(r.returncode, 0, r.stderr)
                peer.wait(DEADLINE_S)
                with open(received, "rb") as f:
                    self.assertEqual(f.read(), b"from socketeer\n")
            finally:
                peer.kill()
                peer.wait()
                peer.stderr.close()

    def test_our_client_talks_to_nc(self):
        if not shutil.which("nc"):
            self.skipTest("nc is not installed")
        port = free_port()
        # nc -l prints nothing when it listens: -v says "Listening on ..." on stderr (OpenBSD nc).
        peer = subprocess.Popen(["nc", "-v", "-N", "-l", "127.0.0.1", str(port)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            wait_for_line(peer.stderr, b"Listening")
            peer.stdin.write(b"from nc\n")
            peer.stdin.close()   # -N: nc half-closes after its input
            r = connect_cli("127.0.0.1", str(port), "--send", "to nc\n", "--half-close", "--lines")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, b"from nc\n")
            self.assertEqual(peer.stdout.read(), b"to nc\n")
        finally:
            peer.kill()
            peer.wait()
            peer.stdout.close()
            peer.stderr.close()

    def test_nc_talks_to_our_listener(self):
        if not shutil.which("nc"):
            self.skipTest("nc is not installed")
        server = Listen("0", "--reply", "pong\\n")
        try:
            r = subprocess.run(["nc", "-N", "127.0.0.1", str(server.port)], input=b"ping\n", capture_output=True,
                               timeout=DEADLINE_S)
            self.assertEqual(r.stdout, b"pong\n")
        finally:
            self.assertEqual(server.stop(), 0)

    def test_gbk_round_trip_with_python_codec(self):
        peer = PeerServer(reply=lambda got: ("收到：" + got.decode("gbk")).encode("gbk"))
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), "--send", "你好，世界\\n", "--encoding", "gbk", "--half-close",
                        "--lines")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(peer.got.decode("gbk"), "你好，世界\n")
        self.assertEqual(peer.got, "你好，世界\n".encode("gbk"))
        self.assertIn("收到：你好，世界\n", r.stdout.decode())

    def test_half_close_lets_the_python_server_send_after_our_eof(self):
        peer = PeerServer(reply=b"after your EOF\n")
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), "--send", "data", "--half-close", "--show-chunks")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(peer.got, b"data")
        self.assertIn(b"[read 15] after your EOF\\n", r.stdout)

    def test_reset_is_connection_reset_on_the_python_side(self):
        peer = PeerServer()
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), "--send", "bye", "--reset")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIsInstance(peer.error, ConnectionResetError)

    def test_interactive_lines_from_stdin(self):
        peer = PeerServer(reply=b"typed ok\n")
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), input=b"first line\nsecond\n")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(peer.got, b"first line\nsecond\n")   # line by line, lf; the end of input half-closed
        self.assertEqual(r.stdout, b"typed ok\n")               # what arrives, as text

    def test_info_prints_tcp_facts(self):
        peer = PeerServer(echo=True)
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), "--send", "y", "--wait", "300ms", "--info")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"ESTABLISHED", r.stderr)
        self.assertRegex(r.stderr.decode(), r"Round-trip time: \d+\.\d+ ms")


class Tls(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not shutil.which("openssl"):
            raise unittest.SkipTest("openssl is not installed")
        cls.dir = tempfile.TemporaryDirectory()
        cls.key = os.path.join(cls.dir.name, "key.pem")
        cls.cert = os.path.join(cls.dir.name, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", cls.key, "-out",
                        cls.cert, "-days", "1", "-subj", "/CN=localhost"], check=True, capture_output=True,
                       timeout=DEADLINE_S)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def server(self):
        port = free_port()
        proc = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:%d" % port, "-cert", self.cert, "-key",
                                 self.key, "-naccept", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, bufsize=0)
        self.addCleanup(lambda: (proc.kill(), proc.wait(), proc.stdout.close(), proc.stdin.close()))
        wait_for_line(proc.stdout, b"ACCEPT")   # s_server listens
        return proc, port

    def connect_when_ready(self, port, *arguments):
        return connect_cli("localhost", str(port), "--tls", *arguments)

    def test_self_signed_is_refused_without_insecure(self):
        _, port = self.server()
        r = self.connect_when_ready(port, "--send", "x")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn(b"not trusted", r.stderr)
        self.assertIn(b"self-signed", r.stderr)

    def test_insecure_talks_tls(self):
        proc, port = self.server()
        r = self.connect_when_ready(port, "--insecure", "--send", "over tls\\n", "--wait", "500ms")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr.decode(), r"Protocol: TLS 1\.[23]")
        self.assertIn(b"CN=localhost", r.stderr)
        wait_for_line(proc.stdout, b"over tls")   # s_server prints what it decrypted


class BadInput(unittest.TestCase):
    def test_usage_errors(self):
        port = str(free_port())
        for arguments, needle in ((["127.0.0.1", port, "--encoding", "ebcdic", "--send", "x"], b"ebcdic"),
                                  (["127.0.0.1", port, "--hex", "abc"], b"--hex"),
                                  (["127.0.0.1", port, "--encoding", "gbk", "--send", "ok \U0001F600"], b"U+1F600"),
                                  (["127.0.0.1", port, "--insecure"], b"--insecure"),
                                  (["--unix", "/tmp/x", "127.0.0.1", port], b"")):
            with self.subTest(arguments=arguments):
                r = connect_cli(*arguments)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(needle, r.stderr)

    def test_refused_port(self):
        r = connect_cli("127.0.0.1", str(free_port()), "--send", "x")
        self.assertEqual(r.returncode, 3)
        self.assertIn(b"refused", r.stderr)

    def test_listen_needs_a_port_or_unix(self):
        r = subprocess.run([SOCKETEER, "tcp", "listen"], stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 2)
        r = subprocess.run([SOCKETEER, "tcp", "listen", "0", "--echo", "--show"], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)

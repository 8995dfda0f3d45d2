#!/usr/bin/env python3
"""`socketeer tcp connect` and `socketeer serve tcp` from the built binary, against Python peers written the way the
course writes them (and socat when it is installed): every read printed with its size, framings re-cutting the
reads, half-close (the peer reads EOF and its reply still arrives), the server's echo / reply / rule modes, and
bad input refused with the option's name."""
import os
import re
import select
import shutil
import socket
import subprocess
import threading
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 15


class Serve:
    """`socketeer serve tcp --port 0 ...` (or `serve echo`); the first stdout line names the port it got."""

    def __init__(self, *extra, name="tcp"):
        self.proc = subprocess.Popen([SOCKETEER, "serve", name, "--port", "0", *extra], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        ready, _, _ = select.select([self.proc.stdout], [], [], DEADLINE_S)
        if not ready:
            self.proc.kill()
            raise AssertionError("no start-up line")
        first = self.proc.stdout.readline().decode()
        m = re.fullmatch(r"socketeer: listening tcp tcp 127\.0\.0\.1 (\d+)\n", first)
        if not m:
            self.proc.kill()
            raise AssertionError("no listening line first: %r" % first)
        self.port = int(m.group(1))
        self.proc.stdout.readline()   # the sentence

    def line_matching(self, pattern):
        while True:
            ready, _, _ = select.select([self.proc.stdout], [], [], DEADLINE_S)
            if not ready:
                raise AssertionError("no line matching %r" % pattern)
            line = self.proc.stdout.readline().decode()
            if re.search(pattern, line):
                return line

    def close(self):
        self.proc.terminate()
        self.proc.wait(DEADLINE_S)
        self.proc.stdout.close()
        self.proc.stderr.close()


class OnePeer(threading.Thread):
    """A one-connection Python server on port 0: reads until EOF, then sends `reply` and closes (a loop server)."""

    def __init__(self, reply=b"", send_first=b""):
        super().__init__(daemon=True)
        self.srv = socket.socket()
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(1)
        self.port = self.srv.getsockname()[1]
        self.reply = reply
        self.send_first = send_first
        self.got = None

    def run(self):
        conn, _ = self.srv.accept()
        with conn:
            if self.send_first:
                conn.sendall(self.send_first)
                conn.shutdown(socket.SHUT_WR)
            got = b""
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                got += data
            self.got = got
            if self.reply:
                conn.sendall(self.reply)
        self.srv.close()


def connect_cli(*arguments):
    return subprocess.run([SOCKETEER, "tcp", "connect", *arguments], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=DEADLINE_S)


class Client(unittest.TestCase):
    def test_half_close_lets_the_peer_answer_after_our_eof(self):
        peer = OnePeer(reply=b"got it\n")
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), "--send", "hello", "--line-ending", "crlf", "--half-close")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(peer.got, b"hello\r\n")                  # the peer read our bytes, then our FIN
        self.assertIn("[read 7] got it\\n\n", r.stdout)           # and its answer after our EOF still arrived

    def test_framing_recuts_the_reads(self):
        peer = OnePeer(send_first=b"\x00\x03abc\x00\x02de\x00\x09xy")
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), "--framing", "length:2", "--half-close")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        frames = re.findall(r"^\[frame (\d+)\] (.*)$", r.stdout, re.M)
        self.assertEqual(frames, [("3", "abc"), ("2", "de")])   # the last frame is incomplete: not shown
        reads = [int(n) for n in re.findall(r"^\[read (\d+)\]", r.stdout, re.M)]
        self.assertEqual(sum(reads), 13)

    def test_wait_closes_gracefully(self):
        peer = OnePeer()
        peer.start()
        r = connect_cli("127.0.0.1", str(peer.port), "--hex", "de ad be ef", "--wait", "200ms")
        peer.join(DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(peer.got, b"\xde\xad\xbe\xef")

    def test_refused_port_is_a_runtime_failure(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        r = connect_cli("127.0.0.1", str(port), "--send", "x")
        self.assertEqual(r.returncode, 3)
        self.assertIn("refused", r.stderr)

    def test_bad_input_names_the_option(self):
        for arguments, flag in ((["--framing", "length:3"], "--framing"), (["--framing", "bogus"], "--framing"),
                                (["--line-ending", "cr"], "--line-ending"), (["--hex", "abc"], "--hex"),
                                (["--send", "bad\\q"], "--send")):
            with self.subTest(arguments=arguments):
                r = connect_cli("127.0.0.1", "9", *arguments)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(flag + ":", r.stderr)


class Server(unittest.TestCase):
    def exchange(self, server, payload, expect):
        with socket.create_connection(("127.0.0.1", server.port), timeout=DEADLINE_S) as s:
            s.sendall(payload)
            got = b""
            while len(got) < len(expect):
                data = s.recv(1024)
                if not data:
                    break
                got += data
            return got

    def test_echo_and_the_read_log(self):
        server = Serve()
        try:
            self.assertEqual(self.exchange(server, b"one##two##", b"one##two##"), b"one##two##")
            line = server.line_matching(r" read ")
            self.assertRegex(line, r"^tcp: #1 127\.0\.0\.1:\d+ read 10: one##two##$")
        finally:
            server.close()

    def test_fixed_reply(self):
        server = Serve("--mode", "reply", "--reply", "OK\\n")
        try:
            self.assertEqual(self.exchange(server, b"anything", b"OK\n"), b"OK\n")
        finally:
            server.close()

    def test_rules(self):
        server = Serve("--mode", "reply", "--rule", "ping=pong\\n", "--rule", "time=now\\n")
        try:
            self.assertEqual(self.exchange(server, b"what time?", b"now\n"), b"now\n")
        finally:
            server.close()

    def test_regex_rules(self):
        server = Serve("--rule", "/^GET /\\w+/=HTTP/1.0 200 OK\\r\\n\\r\\n", "--rule", "GET=plain\\n")
        try:
            self.assertEqual(self.exchange(server, b"GET /index HTTP/1.0\r\n", b"HTTP/1.0 200 OK\r\n\r\n"),
                             b"HTTP/1.0 200 OK\r\n\r\n")
        finally:
            server.close()
        r = subprocess.run([SOCKETEER, "serve", "tcp", "--port", "0", "--rule", "/ab(c/=x"], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("not a valid regular expression at character 5", r.stderr)

    def test_serve_echo_is_the_tcp_echo_server(self):
        server = Serve(name="echo")
        try:
            self.assertEqual(self.exchange(server, b"hello\n", b"hello\n"), b"hello\n")
        finally:
            server.close()

    def test_our_client_against_our_server_with_half_close(self):
        server = Serve("--max-per-host", "4", "--idle-timeout", "10s")
        try:
            r = connect_cli("127.0.0.1", str(server.port), "--send", "a##", "--send", "b##", "--half-close",
                            "--framing", "delimiter:##")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(re.findall(r"^\[frame \d+\] (.*)$", r.stdout, re.M), ["a", "b"])
        finally:
            server.close()

    def test_socat_talks_to_our_server(self):
        if not shutil.which("socat"):
            self.skipTest("socat is not installed")
        server = Serve()
        try:
            r = subprocess.run(["socat", "-t", "2", "-", "TCP:127.0.0.1:%d" % server.port], input=b"hi socat\n",
                               capture_output=True, timeout=DEADLINE_S)
            self.assertEqual(r.stdout, b"hi socat\n")
        finally:
            server.close()

    def test_mode_mistakes_are_usage_errors(self):
        for arguments in (["--mode", "reply"], ["--mode", "loud"], ["--echo", "--reply", "x"],
                          ["--mode", "reply", "--rule", "=x"], ["--reply", "x", "--rule", "a=b"]):
            with self.subTest(arguments=arguments):
                r = subprocess.run([SOCKETEER, "serve", "tcp", "--port", "0", *arguments], stdin=subprocess.DEVNULL,
                                   capture_output=True, text=True, timeout=DEADLINE_S)
                self.assertEqual(r.returncode, 2, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)

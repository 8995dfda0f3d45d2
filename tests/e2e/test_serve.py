#!/usr/bin/env python3
"""`socketeer serve` in general, from the built binary: a clean stop on SIGTERM, SIGINT and SIGHUP (every server
exits 0 within a second or so, with a client connected; chat says `LEAVE <name> shutdown` to its members first), a
second signal that quits at once, and the limit flags every serve verb shares (accepted, bad values refused with
the flag's name, flags a server does not have refused)."""
import os
import re
import select
import signal
import socket
import subprocess
import tempfile
import time
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 15
STOP_WITHIN_S = 2.0   # the server's own grace is 1 s; the rest is process start/exit slack on a loaded machine
SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class Serve:
    """`socketeer serve NAME --port 0 --bind 127.0.0.1 ...`; the first stdout line names the port it got."""

    def __init__(self, name, *extra):
        self.name = name
        self.proc = subprocess.Popen([SOCKETEER, "serve", name, "--port", "0", "--bind", "127.0.0.1", *extra],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     bufsize=0)
        ready, _, _ = select.select([self.proc.stdout], [], [], DEADLINE_S)
        if not ready:
            self.proc.kill()
            raise AssertionError("%s: no start-up line" % name)
        first = self.proc.stdout.readline().decode()
        m = re.fullmatch(r"socketeer: listening %s tcp 127\.0\.0\.1 (\d+)\n" % name, first)
        if not m:
            self.proc.kill()
            raise AssertionError("%s: no listening line first: %r (stderr %r)" % (name, first, self.proc.stderr.read()))
        self.port = int(m.group(1))

    def stop_with(self, signum):
        """Sends `signum`; returns (exit code, seconds until the process ended)."""
        start = time.monotonic()
        self.proc.send_signal(signum)
        try:
            code = self.proc.wait(DEADLINE_S)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("%s did not end within %d s of %s" % (self.name, DEADLINE_S, signum.name))
        return code, time.monotonic() - start

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


def connect(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=DEADLINE_S)
    return sock


def read_until_closed(sock):
    """Everything the server sends until it closes the connection (or the deadline)."""
    data = b""
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not chunk:
            break
        data += chunk
    return data


def read_line(sock, buffer=b""):
    while b"\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError("closed before a line; got %r" % buffer)
        buffer += chunk
    line, _, rest = buffer.partition(b"\n")
    return line.decode(), rest


class CleanShutdown(unittest.TestCase):
    def check_stop(self, server, signum):
        code, took = server.stop_with(signum)
        self.assertEqual(code, 0, "%s on %s: exit %d, stderr %r" % (server.name, signum.name, code,
                                                                      server.proc.stderr.read()))
        self.assertLess(took, STOP_WITHIN_S, "%s took %.2f s to stop on %s" % (server.name, took, signum.name))

    def test_chat_says_goodbye(self):
        # Depends on ChatServer::stop() sending LEAVE <name> shutdown (docs/protocols/chat.md, "Stopping").
        for signum in SIGNALS:
            with self.subTest(signal=signum.name):
                server = Serve("chat")
                try:
                    alice = connect(server.port)
                    bob = connect(server.port)
                    alice.sendall(b"NICK alice\n")
                    line, rest = read_line(alice)
                    self.assertEqual(line, "OK alice")
                    bob.sendall(b"NICK bob\n")
                    line, _ = read_line(bob)
                    self.assertEqual(line, "OK bob")
                    self.check_stop(server, signum)
                    said = (rest + read_until_closed(alice)).decode(errors="replace").splitlines()
                    self.assertTrue(any(re.fullmatch(r"LEAVE (alice|bob) shutdown", l) for l in said),
                                    "alice got no LEAVE ... shutdown: %r" % said)
                    alice.close()
                    bob.close()
                finally:
                    server.close()

    def test_files_with_a_client(self):
        with tempfile.TemporaryDirectory() as root:
            for signum in SIGNALS:
                with self.subTest(signal=signum.name):
                    server = Serve("files", "--root", root)
                    try:
                        client = connect(server.port)
                        line, _ = read_line(client)
                        self.assertTrue(line.startswith("HELLO socketeer-files 1"), line)
                        self.check_stop(server, signum)
                        read_until_closed(client)   # the connection ends too (EOF or reset), it does not hang
                        client.close()
                    finally:
                        server.close()

    def test_http_with_a_request_half_sent(self):
        for signum in SIGNALS:
            with self.subTest(signal=signum.name):
                server = Serve("http")
                try:
                    client = connect(server.port)
                    client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")   # the request is never finished
                    self.check_stop(server, signum)
                    read_until_closed(client)
                    client.close()
                finally:
                    server.close()

    def test_second_signal_quits_at_once(self):
        server = Serve("chat")
        try:
            client = connect(server.port)
            client.sendall(b"NICK carol\n")
            read_line(client)
            start = time.monotonic()
            server.proc.send_signal(signal.SIGTERM)
            server.proc.send_signal(signal.SIGTERM)
            code = server.proc.wait(DEADLINE_S)
            # Either the clean stop won the race (0) or the second signal ended it (128 + SIGTERM).
            self.assertIn(code, (0, 128 + signal.SIGTERM))
            self.assertLess(time.monotonic() - start, STOP_WITHIN_S)
            client.close()
        finally:
            server.close()


class LimitFlags(unittest.TestCase):
    def run_cli(self, *arguments):
        return subprocess.run([SOCKETEER, *arguments], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=DEADLINE_S)

    def test_every_verb_takes_the_shared_flags(self):
        shared = ["--max-clients", "50", "--max-per-host", "64", "--idle-timeout", "90s", "--request-timeout", "20s",
                  "--drain-timeout", "30s", "--max-queued", "512k"]
        with tempfile.TemporaryDirectory() as root:
            for name, extra in (("chat", ["--hello-timeout", "10s"]), ("files", ["--root", root, "--hello-timeout", "10s"]),
                                ("http", ["--memory-budget", "64M"])):
                with self.subTest(server=name):
                    server = Serve(name, *shared, *extra)
                    try:
                        self.assertEqual(server.stop_with(signal.SIGTERM)[0], 0)
                    finally:
                        server.close()

    def test_bad_values_name_the_flag(self):
        for arguments, flag in ((["serve", "chat", "--max-per-host", "-3"], "--max-per-host"),
                                (["serve", "files", "--idle-timeout", "soon"], "--idle-timeout"),
                                (["serve", "http", "--memory-budget", "lots"], "--memory-budget"),
                                (["serve", "--max-queued", "1Q"], "--max-queued")):
            with self.subTest(arguments=arguments):
                r = self.run_cli(*arguments)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(flag + ":", r.stderr)

    def test_flags_a_server_lacks_are_refused(self):
        for arguments in (["serve", "http", "--hello-timeout", "5s"], ["serve", "chat", "--memory-budget", "1M"]):
            with self.subTest(arguments=arguments):
                r = self.run_cli(*arguments)
                self.assertEqual(r.returncode, 2, r.stderr)

    def test_help_lists_the_flags(self):
        r = self.run_cli("serve", "--help")
        self.assertEqual(r.returncode, 0)
        for flag in ("--max-clients", "--max-per-host", "--idle-timeout", "--request-timeout", "--hello-timeout",
                     "--drain-timeout", "--max-queued", "--memory-budget"):
            self.assertIn(flag, r.stdout)
        r = self.run_cli("serve", "http", "--help")
        self.assertIn("--memory-budget", r.stdout)
        self.assertNotIn("--hello-timeout", r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)

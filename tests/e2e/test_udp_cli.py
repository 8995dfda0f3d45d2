#!/usr/bin/env python3
"""End-to-end tests of `socketeer udp send` and `socketeer udp listen` over loopback, with Python's socket and
struct modules as the peers and the oracle."""
import os
import re
import socket
import struct
import subprocess
import tempfile
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 30
RECEIVERS = []


def run(*args, stdin=None):
    return subprocess.run([SOCKETEER, *args], capture_output=True, text=True, timeout=DEADLINE_S, input=stdin)


def receiver():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(DEADLINE_S)
    RECEIVERS.append(sock)
    return sock


class Listener:
    """`socketeer udp listen 0 ...` in the background; learns its port from the machine-readable start-up line
    (`socketeer: listening udp udp ADDRESS PORT`), then reads the sentence for people that follows it."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([SOCKETEER, "udp", "listen", "0", "--bind", "127.0.0.1", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline()
        match = re.fullmatch(r"socketeer: listening udp udp 127\.0\.0\.1 (\d+)\n", first)
        if not match:
            self.proc.kill()
            raise AssertionError("no listening line first: %r %r" % (first, self.proc.stderr.read()))
        self.port = int(match.group(1))
        self.banner = self.proc.stdout.readline()
        assert "127.0.0.1:%d" % self.port in self.banner, self.banner

    def finish(self):
        out, err = self.proc.communicate(timeout=DEADLINE_S)
        return self.proc.returncode, out, err


class UdpCli(unittest.TestCase):
    def tearDown(self):
        while RECEIVERS:
            RECEIVERS.pop().close()

    def test_struct_payload_matches_python_struct(self):
        sock = receiver()
        port = sock.getsockname()[1]
        r = run("udp", "send", "127.0.0.1", str(port), "--struct", "!i8sf", "7", "zhangsan", "1.75")
        self.assertEqual(r.returncode, 0, r.stderr)
        data, _ = sock.recvfrom(2048)
        self.assertEqual(data, struct.pack("!i8sf", 7, b"zhangsan", 1.75))
        self.assertIn("SO_BROADCAST=0", r.stdout)
        self.assertIn("sent 1 datagram", r.stdout)
        # negative values after --
        r = run("udp", "send", "127.0.0.1", str(port), "--struct", "<hq?", "--", "-2", "-9000000000", "True")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sock.recvfrom(2048)[0], struct.pack("<hq?", -2, -9000000000, True))

    def test_values_that_look_like_options(self):
        # the record: negative numbers after --struct FORMAT are values, with no -- needed
        sock = receiver()
        port = str(sock.getsockname()[1])
        r = run("udp", "send", "127.0.0.1", port, "--struct", "<hHq", "-2", "65535", "-9000000000")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sock.recvfrom(2048)[0], struct.pack("<hHq", -2, 65535, -9000000000))
        # options may still follow the values, and floats/exponents are values too
        r = run("udp", "send", "127.0.0.1", port, "--struct", "!fd", "-1.5", "-2e3", "--count", "2", "--quiet")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "")
        for _ in range(2):
            self.assertEqual(sock.recvfrom(2048)[0], struct.pack("!fd", -1.5, -2e3))
        # an unknown option is still an error, not a value
        r = run("udp", "send", "127.0.0.1", port, "--struct", "<h", "-2", "--bogus")
        self.assertEqual(r.returncode, 2)
        self.assertIn("bogus", r.stderr)

    def test_text_hex_and_file_payloads(self):
        sock = receiver()
        port = str(sock.getsockname()[1])
        self.assertEqual(run("udp", "send", "127.0.0.1", port, r"hi\r\n\x00\t你好").returncode, 0)
        self.assertEqual(sock.recvfrom(2048)[0], b"hi\r\n\x00\t" + "你好".encode())
        self.assertEqual(run("udp", "send", "127.0.0.1", port, "--hex", "de ad:be-ef").returncode, 0)
        self.assertEqual(sock.recvfrom(2048)[0], b"\xde\xad\xbe\xef")
        with tempfile.NamedTemporaryFile() as f:
            f.write(bytes(range(256)) * 4)
            f.flush()
            self.assertEqual(run("udp", "send", "127.0.0.1", port, "--file", f.name).returncode, 0)
            self.assertEqual(sock.recvfrom(4096)[0], bytes(range(256)) * 4)

    def test_count_and_rate(self):
        sock = receiver()
        port = str(sock.getsockname()[1])
        r = run("udp", "send", "127.0.0.1", port, "--count", "50", "--rate", "500", "--sequenced", "--size", "40", "x")
        self.assertEqual(r.returncode, 0, r.stderr)
        seqs = []
        for _ in range(50):
            data = sock.recvfrom(2048)[0]
            self.assertEqual(len(data), 40)
            self.assertEqual(data[:4], b"SKSQ")
            seqs.append(struct.unpack("!Q", data[4:12])[0])
        self.assertEqual(seqs, list(range(50)))
        seconds = float(re.search(r"in ([\d.]+) s", r.stdout).group(1))
        self.assertGreaterEqual(seconds, 49 / 500)

    def test_listen_counts_sequenced_traffic(self):
        listener = Listener("--count", "20", "--stats", "--timeout", "20")
        r = run("udp", "send", "127.0.0.1", str(listener.port), "--count", "20", "--interval", "1", "--sequenced", "hello")
        self.assertEqual(r.returncode, 0, r.stderr)
        code, out, err = listener.finish()
        self.assertEqual(code, 0, err)
        self.assertRegex(out, r"(?m)^datagrams\s+20$")
        self.assertRegex(out, r"(?m)^lost\s+0$")
        self.assertRegex(out, r"(?m)^expected\s+20$")

    def test_listen_prints_datagrams_and_replies(self):
        listener = Listener("--count", "2", "--reply", r"I am here\n")
        sock = receiver()
        sock.sendto(b"hello\n", ("127.0.0.1", listener.port))
        self.assertEqual(sock.recvfrom(2048), (b"I am here\n", ("127.0.0.1", listener.port)))
        sock.sendto(b"\x01bin", ("127.0.0.1", listener.port))
        code, out, err = listener.finish()
        self.assertEqual(code, 0, err)
        lines = out.splitlines()
        self.assertEqual(len(lines), 2, out)  # the start-up lines were read by Listener
        self.assertIn("127.0.0.1:%d" % sock.getsockname()[1], lines[0])
        self.assertIn(" 6 byte", lines[0])
        self.assertIn("hello␊", lines[0])
        self.assertIn(r"\x01bin", lines[1])

    def test_listen_timeout_before_count_exits_1(self):
        listener = Listener("--count", "5", "--timeout", "0.3", "--quiet")
        code, out, err = listener.finish()
        self.assertEqual(code, 1)
        self.assertIn("0 of 5", err)

    def test_usage_errors(self):
        r = run("udp", "send", "127.0.0.1", "9", "--struct", "!i8z", "1", "x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("character 4", r.stderr)
        r = run("udp", "send", "127.0.0.1", "9", "--struct", "!b", "300")
        self.assertEqual(r.returncode, 2)
        self.assertIn("127", r.stderr)
        r = run("udp", "send", "127.0.0.1")
        self.assertEqual(r.returncode, 2)
        r = run("udp", "send", "127.0.0.1", "9", r"bad \q escape")
        self.assertEqual(r.returncode, 2)
        self.assertIn("character 5", r.stderr)
        r = run("udp", "send", "127.0.0.1", "9", "--interval", "1", "--rate", "5", "x")
        self.assertEqual(r.returncode, 2)
        r = run("udp", "listen", "70000")
        self.assertEqual(r.returncode, 2)
        self.assertIn("'70000' is not a port", r.stderr)
        r = run("udp", "send", "127.0.0.1", "9", "--interval", "5parsecs", "x")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--interval: '5parsecs' is not a duration", r.stderr)
        r = run("udp", "send", "127.0.0.1", "9", "--interval", "20ms", "--count", "2", "--quiet", "x")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run("udp", "frob")
        self.assertEqual(r.returncode, 2)
        r = run("udp", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("listen", r.stdout)
        r = run("udp", "send", "--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("--struct", r.stdout)


if __name__ == "__main__":
    unittest.main()

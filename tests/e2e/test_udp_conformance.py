#!/usr/bin/env python3
"""UDP conformance (docs/protocols/udp.md, "Conformance"): raw datagrams crafted with Python's socket and struct,
sent to the built `socketeer udp listen`, one test per row of the doc's table."""
import os
import re
import socket
import struct
import subprocess
import time
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 30
TOP = 2**64 - 1


def sequenced(seq, send_us=None, payload=b""):
    if send_us is None:
        send_us = int(time.time() * 1e6)
    return struct.pack("!4sQq", b"SKSQ", seq, send_us) + payload


class Listener:
    """`socketeer udp listen 0 --bind 127.0.0.1 --count N ...`; learns its port from the start-up line."""

    def __init__(self, count, *args):
        self.proc = subprocess.Popen([SOCKETEER, "udp", "listen", "0", "--bind", "127.0.0.1", "--count", str(count),
                                      "--timeout", "20", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = self.proc.stdout.readline()
        match = re.fullmatch(r"socketeer: listening udp udp 127\.0\.0\.1 (\d+)\n", first)
        if not match:
            self.proc.kill()
            raise AssertionError("no listening line first: %r %r" % (first, self.proc.stderr.read()))
        self.port = int(match.group(1))
        self.proc.stdout.readline()   # the sentence for people

    def finish(self):
        out, err = self.proc.communicate(timeout=DEADLINE_S)
        if self.proc.returncode != 0:
            raise AssertionError("listener exit %d: %s" % (self.proc.returncode, err))
        return out


def send_all(port, datagrams, sock=None):
    own = sock is None
    if own:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("127.0.0.1", 0))
    for d in datagrams:
        sock.sendto(d, ("127.0.0.1", port))
    if own:
        sock.close()


def stats(datagrams):
    listener = Listener(len(datagrams), "--stats")
    send_all(listener.port, datagrams)
    out = listener.finish()
    table = {}
    for line in out.splitlines():
        m = re.fullmatch(r"(\S.*?)\s{2,}(\S+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table, out


def lines(datagrams):
    listener = Listener(len(datagrams))
    send_all(listener.port, datagrams)
    return listener.finish().splitlines()


class Conformance(unittest.TestCase):
    def test_header_exactly_20_bytes_is_sequenced(self):
        out = lines([sequenced(7)])
        self.assertRegex(out[0], r" 20 byte.*  seq 7 ")

    def test_19_bytes_with_magic_is_plain(self):
        table, _ = stats([sequenced(1)[:19]])
        self.assertEqual(table["datagrams"], "1")
        self.assertNotIn("sequenced", table)

    def test_wrong_magic_is_plain(self):
        table, _ = stats([b"sksq" + sequenced(1)[4:], b"SKSQ"[::-1] + sequenced(2)[4:]])
        self.assertEqual(table["datagrams"], "2")
        self.assertNotIn("sequenced", table)

    def test_empty_datagram_is_counted(self):
        table, _ = stats([b""])
        self.assertEqual(table["datagrams"], "1")
        self.assertEqual(table["bytes"], "0")

    def test_largest_ipv4_datagram_arrives_whole(self):
        out = lines([sequenced(3, payload=b"x" * (65507 - 20))])
        self.assertRegex(out[0], r" 65507 byte.*  seq 3 ")

    def test_sequences_at_and_above_2_to_63(self):
        # issue #13: these were not recognised as sequenced (a signed 64-bit number underneath)
        out = lines([sequenced(2**63), sequenced(TOP)])
        self.assertIn("  seq 9223372036854775808 ", out[0])
        self.assertIn("  seq 18446744073709551615 ", out[1])
        table, _ = stats([sequenced(2**63 + k) for k in (0, 1, 2, 4)])
        self.assertEqual(table["sequenced"], "4")
        self.assertEqual(table["expected"], "5")
        self.assertEqual(table["lost"], "1")

    def test_run_not_starting_at_zero(self):
        table, _ = stats([sequenced(s) for s in (5, 6, 7)])
        self.assertEqual((table["expected"], table["lost"]), ("3", "0"))

    def test_gap_reorder_duplicate(self):
        table, _ = stats([sequenced(s) for s in (0, 1, 3, 2, 2, 6)])
        self.assertEqual(table["expected"], "7")
        self.assertEqual(table["lost"], "2")            # 4 and 5
        self.assertEqual(table["out of order"], "1")    # 2 after 3
        self.assertEqual(table["duplicates"], "1")      # the second 2

    def test_no_wrap_around(self):
        # 0 after 2^64-1 is late, not the next one; expected saturates at 2^64-1
        table, _ = stats([sequenced(s) for s in (TOP - 1, TOP, 0)])
        self.assertEqual(table["out of order"], "1")
        self.assertEqual(table["expected"], str(TOP))
        self.assertEqual(table["lost"], str(TOP - 3))

    def test_clock_offset_does_not_make_jitter(self):
        # send times a day in the past and in the future: a constant offset cancels out
        now = int(time.time() * 1e6)
        for offset in (-86_400_000_000, 86_400_000_000):
            table, _ = stats([sequenced(s, now + offset + s * 1000) for s in range(5)])
            self.assertLess(float(table["jitter (ms)"]), 5.0)

    def test_several_sources_per_source_rows(self):
        listener = Listener(12, "--stats")
        a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        a.bind(("127.0.0.1", 0))
        b.bind(("127.0.0.1", 0))
        now = int(time.time() * 1e6)
        # a: 0..5 with 1 missing; b: 0..5 complete, its send times jumping by 50 ms each (high jitter)
        send_all(listener.port, [sequenced(s, now) for s in (0, 2, 3, 4, 5, 6)], a)
        send_all(listener.port, [sequenced(s, now - s * 50_000) for s in range(6)], b)
        port_a, port_b = a.getsockname()[1], b.getsockname()[1]
        out = listener.finish()
        a.close()
        b.close()
        self.assertRegex(out, r"(?m)^sources\s+2$")
        self.assertRegex(out, r"(?m)^lost \(sum of sources\)\s+1$")
        self.assertRegex(out, r"(?m)^expected \(sum of sources\)\s+13$")
        rows = {m.group(1): m for m in re.finditer(
            r"(?m)^  (127\.0\.0\.1:\d+)  received (\d+)  expected (\d+)  lost (\d+)  out of order (\d+)  "
            r"duplicates (\d+)  jitter ([\d.]+) ms$", out)}
        self.assertEqual(len(rows), 2, out)
        self.assertEqual(rows["127.0.0.1:%d" % port_a].group(4), "1")   # a lost one
        self.assertEqual(rows["127.0.0.1:%d" % port_b].group(4), "0")
        jitters = sorted(float(m.group(7)) for m in rows.values())
        worst = float(re.search(r"(?m)^jitter \(ms, worst source\)\s+([\d.]+)$", out).group(1))
        self.assertAlmostEqual(worst, jitters[-1], places=3)   # the worst source's, not a mean
        self.assertGreater(jitters[-1], 10.0)


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""The course's broadcast demo with the command line, for real: two network namespaces on a veth pair
(10.78.0.1/24 and 10.78.0.2/24). Two `socketeer udp listen` receivers share port P in one namespace; `socketeer udp
send` broadcasts from the other to the subnet's x.x.x.255 (recognised from the interface list: SO_BROADCAST is set
without --broadcast) and to '<broadcast>'. Needs root for `ip netns`; exits 77 (ctest: skipped) otherwise."""
import os
import re
import subprocess
import sys
import time
import unittest

SOCKETEER = os.environ["SOCKETEER"]
DEADLINE_S = 30
SKIP = 77
PID = str(os.getpid())
NS_A, NS_B = "skt-ucli-a-" + PID, "skt-ucli-b-" + PID
IF_A, IF_B = "uca" + PID, "ucb" + PID


def ip(*args):
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=DEADLINE_S)


def set_up():
    steps = [
        ("netns", "add", NS_A), ("netns", "add", NS_B),
        ("link", "add", IF_A, "netns", NS_A, "type", "veth", "peer", "name", IF_B, "netns", NS_B),
        ("-n", NS_A, "addr", "add", "10.78.0.1/24", "dev", IF_A), ("-n", NS_B, "addr", "add", "10.78.0.2/24", "dev", IF_B),
        ("-n", NS_A, "link", "set", IF_A, "up"), ("-n", NS_B, "link", "set", IF_B, "up"),
    ]
    for step in steps:
        r = ip(*step)
        if r.returncode != 0:
            return "ip %s: %s" % (" ".join(step), r.stderr.strip())
    # Until the kernel's link watcher has attached a real qdisc, frames on the veth are dropped.
    deadline = time.monotonic() + 10
    for ns, dev in ((NS_A, IF_A), (NS_B, IF_B)):
        while True:
            state = ip("-n", ns, "-o", "link", "show", "dev", dev).stdout
            if "state UP" in state and "qdisc noop" not in state:
                break
            if time.monotonic() > deadline:
                return "the veth link did not come up: " + state
    return None


def tear_down():
    ip("netns", "del", NS_A)
    ip("netns", "del", NS_B)


def in_ns(ns, *args):
    return ["ip", "netns", "exec", ns, SOCKETEER, *args]


class BroadcastDemo(unittest.TestCase):
    def start_receiver(self, port, count):
        proc = subprocess.Popen(in_ns(NS_B, "udp", "listen", str(port), "--count", str(count), "--timeout", "20"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = proc.stdout.readline()   # the machine-readable start-up line, then the sentence for people
        match = re.fullmatch(r"socketeer: listening udp udp 0\.0\.0\.0 (\d+)\n", first)
        if not match:
            proc.kill()
            self.fail(first + proc.stderr.read())
        proc.stdout.readline()
        return proc, int(match.group(1))

    def test_one_sends_many_receive(self):
        first, port = self.start_receiver(0, 2)
        second, _ = self.start_receiver(port, 2)
        r = subprocess.run(in_ns(NS_A, "udp", "send", "10.78.0.255", str(port), "hello, everyone"),
                           capture_output=True, text=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("subnet broadcast", r.stdout)
        self.assertIn("SO_BROADCAST=1", r.stdout)
        r = subprocess.run(in_ns(NS_A, "udp", "send", "<broadcast>", str(port), "--bind", "10.78.0.1", "limited"),
                           capture_output=True, text=True, timeout=DEADLINE_S)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("limited broadcast", r.stdout)
        for proc in (first, second):
            out, err = proc.communicate(timeout=DEADLINE_S)
            self.assertEqual(proc.returncode, 0, err)
            lines = out.splitlines()
            self.assertEqual(len(lines), 2, out)
            self.assertIn("10.78.0.1:", lines[0])
            self.assertIn("hello, everyone", lines[0])
            self.assertIn("limited", lines[1])


if __name__ == "__main__":
    if os.geteuid() != 0:
        print("SKIP: creating network namespaces (ip netns) needs root", file=sys.stderr)
        sys.exit(SKIP)
    problem = set_up()
    if problem:
        tear_down()
        print("SKIP: cannot create the test's network namespaces: " + problem, file=sys.stderr)
        sys.exit(SKIP)
    try:
        result = unittest.main(exit=False).result
    finally:
        tear_down()
    sys.exit(0 if result.wasSuccessful() else 1)

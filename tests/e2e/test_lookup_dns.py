#!/usr/bin/env python3
"""`socketeer lookup dns` against a real DNS server (lookup_dns_responder.py) on 127.0.0.1:53.
Qt 6.4's QDnsLookup asks name servers on port 53 only, so this test runs itself inside a private network
namespace (`unshare -rn`: its own loopback, where port 53 is free and ours); without namespaces it needs to be
able to bind 127.0.0.1:53 directly, else it skips. It also shows the course's teaching point: DNS never reads
/etc/hosts, getaddrinfo does."""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import unittest

from lookup_common import lookup, lookup_json

IN_NAMESPACE = "SOCKETEER_LOOKUP_DNS_NS"


def try_enter_namespace():
    """Re-runs this script in a new user + network namespace; returns its exit code, or None if impossible."""
    if os.environ.get(IN_NAMESPACE) or not shutil.which("unshare") or not shutil.which("ip"):
        return None
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    env = dict(os.environ, **{IN_NAMESPACE: "1"})
    script = f'ip link set lo up && exec "{sys.executable}" "{os.path.abspath(__file__)}"'
    return subprocess.run(["unshare", "-rn", "sh", "-c", script], env=env).returncode


class Dns(unittest.TestCase):
    responder = None

    @classmethod
    def setUpClass(cls):
        from lookup_dns_responder import Responder
        try:
            cls.responder = Responder()
        except OSError as error:
            raise unittest.SkipTest(f"cannot own 127.0.0.1:53 here ({error}); QDnsLookup in Qt 6.4 has no port setting")

    @classmethod
    def tearDownClass(cls):
        if cls.responder:
            cls.responder.close()

    def query(self, name, rtype, expect=0, *extra):
        return lookup_json(self, "dns", name, "--type", rtype, "--server", "127.0.0.1", *extra, expect=expect)

    def test_every_record_type(self):
        from lookup_dns_responder import TTL, ZONE
        for (name, rtype), records in ZONE.items():
            out = self.query(name, rtype)
            self.assertIsNone(out["error"], (name, rtype))
            self.assertEqual(out["server"], "127.0.0.1")
            got = [json.dumps({k: v for k, v in r.items() if k not in ("type", "name", "ttl")}, sort_keys=True)
                   for r in out["records"]]
            self.assertEqual(sorted(got), sorted(json.dumps(value, sort_keys=True) for _, value in records), (name, rtype))
            for record in out["records"]:
                self.assertEqual((record["type"], record["name"], record["ttl"]), (rtype, name, TTL))

    def test_ptr_accepts_an_address(self):
        out = self.query("192.0.2.10", "PTR")
        self.assertEqual(out["name"], "10.2.0.192.in-addr.arpa")
        self.assertEqual([r["target"] for r in out["records"]], ["host.socketeer.test"])

    def test_text_output(self):
        r = lookup("dns", "mail.socketeer.test", "--type", "mx", "--server", "127.0.0.1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("mx1.socketeer.test", r.stdout)
        self.assertIn("/etc/hosts", r.stdout)

    def test_errors(self):
        self.assertEqual(self.query("missing.socketeer.test", "A", 1)["error"], "not-found")
        self.assertEqual(self.query("refused.socketeer.test", "A", 3)["error"], "server-refused")
        self.assertEqual(self.query("servfail.socketeer.test", "A", 3)["error"], "server-failure")
        # The name exists, no MX: glibc's res_nquery calls that NODATA; Qt 6.4 reports an invalid reply.
        # Qt 6.4 cannot tell that from no reply at all, so it is a failure (3), not "nothing found" (1).
        self.assertEqual(self.query("host.socketeer.test", "MX", 3)["error"], "invalid-reply")

    def test_timeout(self):
        started = time.monotonic()
        r = lookup("dns", "silent.socketeer.test", "--server", "127.0.0.1", "--timeout", "1")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual(len(r.stderr.splitlines()), 1)

    def test_dns_skips_etc_hosts(self):
        # getaddrinfo finds localhost in /etc/hosts; the DNS server has never heard of it.
        self.assertEqual(lookup("host", "localhost").returncode, 0)
        self.assertEqual(self.query("localhost", "A", 1)["error"], "not-found")


@unittest.skipUnless(os.environ.get(IN_NAMESPACE), "needs a private network namespace")
class NoNetwork(unittest.TestCase):
    def test_closed_port(self):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.bind(("127.0.0.2", 53))
            except OSError:
                self.skipTest("cannot bind")
        r = lookup("dns", "host.socketeer.test", "--server", "127.0.0.2", "--timeout", "10", "--json")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn(json.loads(r.stdout)["error"], ("invalid-reply", "resolver-error", "timeout"))

    def test_host_lookup_without_network_fails_in_plain_words(self):
        # No route anywhere: the name server in /etc/resolv.conf is unreachable.
        started = time.monotonic()
        r = lookup("host", "no-such-host.invalid", "--timeout", "10")
        self.assertIn(r.returncode, (1, 3), r.stderr)
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        self.assertLess(time.monotonic() - started, 15)


if __name__ == "__main__":
    code = try_enter_namespace()
    if code is not None:
        sys.exit(code)
    unittest.main(verbosity=2)

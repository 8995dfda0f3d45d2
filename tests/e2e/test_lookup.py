#!/usr/bin/env python3
"""End-to-end tests of `socketeer lookup`: every verb against the system's own answers (python's socket module,
getent), --json and --help on every verb, and a matrix of malformed input (exit 2, never a crash)."""
import json
import random
import socket
import subprocess
import unittest

from lookup_common import assert_usage_error, lookup, lookup_json

VERBS = ("host", "addr", "dns", "service", "convert", "subnet", "interfaces")


def getaddrinfo_addresses(name, family=0):
    infos = socket.getaddrinfo(name, None, family, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)
    return infos, [info[4][0] for info in infos]


def hosts_file_names():
    names = []
    with open("/etc/hosts", encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.split("#", 1)[0].split()
            names.extend(fields[1:])
    return names


class Host(unittest.TestCase):
    def test_localhost_matches_getaddrinfo(self):
        infos, addresses = getaddrinfo_addresses("localhost")
        out = lookup_json(self, "host", "localhost")
        self.assertIsNone(out["error"])
        self.assertEqual(out["addresses"], list(dict.fromkeys(addresses)))
        self.assertEqual(out["canonicalName"], infos[0][3])
        self.assertGreater(out["elapsedUs"], 0)

    def test_localhost_agrees_with_getent(self):
        # gethostbyname's view (getent hosts) must be among our addresses.
        getent = subprocess.run(["getent", "hosts", "localhost"], capture_output=True, text=True, check=True)
        first = getent.stdout.split()[0]
        out = lookup_json(self, "host", "localhost")
        self.assertIn(first, out["addresses"])
        self.assertIn(first, out["hostsFileAddresses"])

    def test_ipv4_only(self):
        _, addresses = getaddrinfo_addresses("localhost", socket.AF_INET)
        out = lookup_json(self, "host", "localhost", "--ipv4")
        self.assertEqual(out["addresses"], list(dict.fromkeys(addresses)))
        self.assertEqual(out["family"], "ipv4")

    def test_own_hostname_from_etc_hosts(self):
        name = socket.gethostname()
        if name not in hosts_file_names():
            self.skipTest("this machine's host name is not in /etc/hosts")
        _, addresses = getaddrinfo_addresses(name)
        out = lookup_json(self, "host", name)
        self.assertEqual(out["addresses"], list(dict.fromkeys(addresses)))

    def test_reserved_name_is_not_found(self):
        r = lookup("host", "no-such-host.invalid")
        # NXDOMAIN from a name server -> 1; without any network the resolver fails -> 3. Never success, never a crash.
        self.assertIn(r.returncode, (1, 3), r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        out = json.loads(lookup("host", "no-such-host.invalid", "--json").stdout)
        self.assertIn(out["error"], ("no-such-host", "temporary-failure"))
        self.assertEqual(out["addresses"], [])

    def test_text_output_names_the_hosts_file(self):
        r = lookup("host", "localhost")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("/etc/hosts", r.stdout)


class Addr(unittest.TestCase):
    def test_loopback_matches_gethostbyaddr(self):
        expected = socket.gethostbyaddr("127.0.0.1")[0]
        out = lookup_json(self, "addr", "127.0.0.1")
        self.assertEqual(out["hostName"], expected)
        self.assertEqual(out["ptrName"], "1.0.0.127.in-addr.arpa")

    def test_legacy_form_is_accepted(self):
        self.assertEqual(lookup_json(self, "addr", "127.1")["address"], "127.0.0.1")


class Service(unittest.TestCase):
    @staticmethod
    def getent_services():
        text = subprocess.run(["getent", "services"], capture_output=True, text=True, check=True).stdout
        entries = []
        for line in text.splitlines():
            fields = line.split()
            if len(fields) >= 2 and "/" in fields[1]:
                port, proto = fields[1].split("/")
                if proto in ("tcp", "udp"):
                    entries.append((fields[0], int(port), proto))
        return entries

    def test_names_and_ports_match_getent(self):
        entries = self.getent_services()
        if not entries:
            self.skipTest("no services database")
        sample = random.Random(11).sample(entries, min(40, len(entries)))
        for name, port, proto in sample:
            expected_port = socket.getservbyname(name, proto)  # first entry for a name listed twice
            out = lookup_json(self, "service", name, "--proto", proto)
            self.assertEqual([e["port"] for e in out["entries"]], [expected_port], name)
            expected_name = socket.getservbyport(port, proto)
            out = lookup_json(self, "service", str(port), "--proto", proto)
            self.assertEqual([e["name"] for e in out["entries"]], [expected_name], port)

    def test_mysql_is_3306_on_both(self):
        out = lookup_json(self, "service", "mysql")
        self.assertIn((3306, "tcp"), {(e["port"], e["protocol"]) for e in out["entries"]})
        self.assertEqual(out["port"]["class"], "registered")

    def test_port_classes(self):
        for port, cls in ((0, "zero"), (22, "well-known"), (1023, "well-known"), (1024, "registered"),
                          (49151, "registered"), (49152, "dynamic"), (65535, "dynamic")):
            r = lookup("service", str(port), "--json")
            self.assertIn(r.returncode, (0, 1), r.stderr)
            out = json.loads(r.stdout)
            self.assertEqual(out["port"]["class"], cls, port)
            self.assertEqual(out["port"]["needsPrivilegeToBind"], 0 < port < 1024)

    def test_unknown_service_exits_1(self):
        r = lookup("service", "no-such-service-xyz")
        self.assertEqual(r.returncode, 1)
        self.assertIn("no-such-service-xyz", r.stderr)


class Interfaces(unittest.TestCase):
    def test_names_and_indexes_match_if_nameindex(self):
        out = lookup_json(self, "interfaces")
        ours = {(i["name"], i["index"]) for i in out["interfaces"]}
        self.assertEqual(ours, {(name, index) for index, name in socket.if_nameindex()})
        lo = [i for i in out["interfaces"] if "loopback" in i["flags"]]
        self.assertTrue(lo)
        self.assertIn("127.0.0.1", [a["address"] for a in lo[0]["addresses"]])


class Frame(unittest.TestCase):
    def test_every_verb_has_useful_help(self):
        for verb in VERBS:
            r = lookup(verb, "--help")
            self.assertEqual(r.returncode, 0, verb)
            self.assertIn(f"socketeer lookup {verb}", r.stdout.splitlines()[0])
            self.assertIn("--json", r.stdout)
        r = lookup("--help")
        self.assertEqual(r.returncode, 0)
        for verb in VERBS:
            self.assertRegex(r.stdout, rf"(?m)^  {verb}\s+\S")

    def test_every_verb_speaks_json(self):
        cases = {"host": ["localhost"], "addr": ["127.0.0.1"], "service": ["http"], "convert": ["127.1"],
                 "subnet": ["10.0.0.0/8"], "interfaces": []}
        for verb, args in cases.items():
            out = lookup_json(self, verb, *args)
            self.assertIsInstance(out, dict, verb)
        # dns needs a name server; with a closed local port it must still print JSON (with the error).
        r = lookup("dns", "example.test", "--server", "127.0.0.1", "--timeout", "5", "--json")
        self.assertIn(r.returncode, (1, 3))
        self.assertIsNotNone(json.loads(r.stdout)["error"])

    def test_malformed_input_matrix(self):
        matrix = [
            [], ["frob"], ["host"], ["host", ""], ["host", "a", "b"], ["host", "x" * 300], ["host", "--ipv4", "--ipv6", "x"],
            ["host", "localhost", "--timeout", "-1"], ["host", "localhost", "--timeout", "abc"], ["host", "--bogus", "x"],
            ["addr"], ["addr", "not-an-address"], ["addr", "1.2.3.4.5"], ["addr", "::g"], ["addr", "999.1.1.1"],
            ["dns"], ["dns", "example.com", "--type", "MXX"], ["dns", "example.com", "--server", "nope"],
            ["dns", "a..b"], ["dns", ""], ["dns", "x" * 300], ["dns", "example.com", "--type"],
            ["service"], ["service", "70000"], ["service", "99999999999999999999"], ["service", "-1"],
            ["service", "bad name"], ["service", "http", "--proto", "sctp"], ["service", "x" * 100],
            ["convert"], ["convert", "1.2.3.4.5"], ["convert", "256.1"], ["convert", "08.1.1.1"], ["convert", "0x"],
            ["convert", "1:2:3"], ["convert", "::1%"], ["convert", "\u4e2d\u6587"], ["convert", "1.2.3.4", "5"],
            ["subnet"], ["subnet", "10.0.0.0/33"], ["subnet", "::/129"], ["subnet", "10.0.0.1"],
            ["subnet", "10.0.0.0/255.0.255.0"], ["subnet", "10.1/8"], ["subnet", "hello/24"], ["subnet", "10.0.0.0/"],
            ["subnet", "a", "b", "c"], ["subnet", "2001:db8::/ffff::"],
            ["interfaces", "extra"],
        ]
        for args in matrix:
            assert_usage_error(self, lookup(*args), args)

    def test_random_arguments_never_crash(self):
        rng = random.Random(99)
        alphabet = "0123456789abcdefx.:/%- \t\u00e9\u4e2d"
        for _ in range(60):
            # Only the verbs that stay on this machine: random names and addresses would go to the resolver.
            verb = rng.choice(("service", "convert", "subnet", "interfaces"))
            arg = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
            r = lookup(verb, arg) if verb != "interfaces" else lookup(verb)
            self.assertGreaterEqual(r.returncode, 0, f"{verb} {arg!r}: signal {-r.returncode}")
            self.assertIn(r.returncode, (0, 1, 2, 3), f"{verb} {arg!r}")


if __name__ == "__main__":
    unittest.main(verbosity=2)

#!/usr/bin/env python3
"""`socketeer lookup convert` and `subnet` over many generated inputs, against python's own implementations:
socket.inet_aton (glibc's inet_aton: the legacy forms), socket.inet_pton/inet_ntop, and the ipaddress module
(networks, masks, host ranges, classification)."""
import ipaddress
import json
import random
import socket
import unittest

from lookup_common import assert_usage_error, lookup, lookup_json

RNG_SEED = 20240607


def random_part(rng, maximum):
    value = rng.randint(0, maximum)
    style = rng.choice(("dec", "dec", "hex", "oct"))
    if style == "hex":
        return rng.choice(("0x", "0X")) + format(value, rng.choice(("x", "X")))
    if style == "oct":
        return "0" + format(value, "o")
    return str(value)


def random_legacy_address(rng):
    parts = rng.randint(1, 4)
    maxima = {1: [0xFFFFFFFF], 2: [255, 0xFFFFFF], 3: [255, 255, 0xFFFF], 4: [255] * 4}[parts]
    texts = [random_part(rng, m) for m in maxima]
    if rng.random() < 0.25:  # a near miss: one part too large, a bad digit, an extra part...
        i = rng.randrange(len(texts))
        texts[i] = rng.choice((str(maxima[i] + 1), texts[i] + "8", texts[i] + "g", "", "0x", texts[i] + ".1.2.3"))
    return ".".join(texts)


def python_inet_aton(text):
    try:
        return socket.inet_aton(text)
    except OSError:
        return None


class Convert(unittest.TestCase):
    def test_legacy_forms_match_inet_aton(self):
        rng = random.Random(RNG_SEED)
        accepted = rejected = 0
        for _ in range(100):
            text = random_legacy_address(rng)
            expected = python_inet_aton(text)
            r = lookup("convert", text, "--json")
            if expected is None:
                assert_usage_error(self, r, text)
                rejected += 1
                continue
            accepted += 1
            self.assertEqual(r.returncode, 0, f"{text!r}: {r.stderr}")
            out = json.loads(r.stdout)
            self.assertEqual(out["bytes"], expected.hex(), text)
            self.assertEqual(out["canonical"], socket.inet_ntoa(expected), text)
            self.assertEqual(out["hostOrderValue"], int.from_bytes(expected, "big"), text)
            self.assertEqual(out["memoryValue"], int.from_bytes(expected, "little" if out["littleEndianHost"] else "big"))
            self.assertEqual(out["inetAton"]["form"], text.count(".") + 1, text)
            strict = True
            try:
                socket.inet_pton(socket.AF_INET, text)
            except OSError:
                strict = False
            self.assertEqual(out["acceptedByInetPton"], strict, text)
        self.assertGreater(accepted, 20)
        self.assertGreater(rejected, 8)

    def test_course_examples(self):
        for text, dotted, bases in (("127.1", "127.0.0.1", ["decimal", "decimal"]),
                                    ("0x7f.1", "127.0.0.1", ["hexadecimal", "decimal"]),
                                    ("0177.0.0.1", "127.0.0.1", ["octal", "decimal", "decimal", "decimal"])):
            out = lookup_json(self, "convert", text)
            self.assertEqual(out["canonical"], dotted)
            self.assertEqual(out["canonical"], socket.inet_ntoa(socket.inet_aton(text)))
            self.assertEqual([p["base"] for p in out["inetAton"]["parts"]], bases)

    def test_ipv6_matches_inet_pton(self):
        rng = random.Random(RNG_SEED + 1)
        for _ in range(25):
            address = ipaddress.IPv6Address(rng.getrandbits(128) if rng.random() < 0.5 else
                                            (rng.getrandbits(16) << 112) | rng.getrandbits(8))
            text = rng.choice((address.compressed, address.exploded, address.exploded.upper()))
            out = lookup_json(self, "convert", text)
            packed = socket.inet_pton(socket.AF_INET6, text)
            self.assertEqual(out["bytes"], packed.hex(), text)
            self.assertEqual(out["canonical"], socket.inet_ntop(socket.AF_INET6, packed), text)
            self.assertEqual(out["expanded"], address.exploded, text)


def random_network(rng):
    prefix = rng.randint(0, 32)
    address = ipaddress.IPv4Address(rng.getrandbits(32))
    style = rng.choice(("cidr", "cidr", "slashmask", "spacemask"))
    if style == "cidr":
        return f"{address}/{prefix}", (f"{address}/{prefix}",)
    mask = ipaddress.IPv4Network(f"0.0.0.0/{prefix}").netmask
    if style == "slashmask":
        return f"{address}/{mask}", (f"{address}/{mask}",)
    return f"{address}/{mask}", (str(address), str(mask))


def python_classes(address):
    classes = set()
    if address.is_loopback:
        classes.add("loopback")
    if address.is_multicast:
        classes.add("multicast")
    if address.is_link_local:
        classes.add("link-local")
    if address.is_unspecified:
        classes.add("unspecified")
    if address.version == 4 and any(address in ipaddress.ip_network(n)
                                    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")):
        classes.add("private")
    if address.version == 6 and address in ipaddress.ip_network("fc00::/7"):
        classes.add("unique-local")
    return classes


CHECKED_CLASSES = {"loopback", "multicast", "link-local", "unspecified", "private", "unique-local"}


class Subnet(unittest.TestCase):
    def test_ipv4_matches_ipaddress(self):
        rng = random.Random(RNG_SEED + 2)
        for _ in range(80):
            python_text, args = random_network(rng)
            net = ipaddress.ip_network(python_text, strict=False)
            out = lookup_json(self, "subnet", *args)
            self.assertEqual(out["network"], str(net.network_address), args)
            self.assertEqual(out["prefixLength"], net.prefixlen, args)
            self.assertEqual(out["mask"], str(net.netmask), args)
            self.assertEqual(out["wildcard"], str(net.hostmask), args)
            self.assertEqual(out["broadcast"], str(net.broadcast_address), args)
            self.assertEqual(out["addressCount"], net.num_addresses, args)
            if net.prefixlen >= 31:
                hosts = list(net.hosts())
                first, last, count = hosts[0], hosts[-1], len(hosts)
            else:
                first, last, count = net.network_address + 1, net.broadcast_address - 1, net.num_addresses - 2
            self.assertEqual(out["firstHost"], str(first), args)
            self.assertEqual(out["lastHost"], str(last), args)
            self.assertEqual(out["hostCount"], count, args)
            address = ipaddress.IPv4Address(python_text.split("/")[0])
            ours = set(out["classification"]["classes"]) & CHECKED_CLASSES
            self.assertEqual(ours, python_classes(address), python_text)

    def test_special_addresses_classified_like_ipaddress(self):
        for text in ("127.0.0.1", "0.0.0.0", "169.254.1.1", "224.0.0.1", "239.255.255.250", "10.0.0.1",
                     "172.16.0.1", "172.32.0.1", "192.168.1.255", "8.8.8.8", "::1", "::", "fe80::1", "ff02::1",
                     "fd00::1", "2001:db8::1", "2606:4700::1"):
            out = lookup_json(self, "convert", text)
            ours = set(out["classification"]["classes"]) & CHECKED_CLASSES
            self.assertEqual(ours, python_classes(ipaddress.ip_address(text)), text)
        self.assertIn("limited-broadcast", lookup_json(self, "convert", "255.255.255.255")["classification"]["classes"])
        mapped = lookup_json(self, "convert", "::ffff:10.0.0.1")["classification"]
        self.assertIn("ipv4-mapped", mapped["classes"])
        self.assertEqual(mapped["embeddedIpv4"], str(ipaddress.IPv6Address("::ffff:10.0.0.1").ipv4_mapped))
        self.assertIn("private", mapped["embeddedClasses"])
        directed = lookup_json(self, "subnet", "192.168.1.255/24")["classification"]["classes"]
        self.assertIn("directed-broadcast", directed)

    def test_ipv6_matches_ipaddress(self):
        rng = random.Random(RNG_SEED + 3)
        for _ in range(30):
            prefix = rng.randint(0, 128)
            text = f"{ipaddress.IPv6Address(rng.getrandbits(128))}/{prefix}"
            net = ipaddress.ip_network(text, strict=False)
            out = lookup_json(self, "subnet", text)
            self.assertEqual(out["network"], str(net.network_address), text)
            self.assertEqual(out["last"], str(net.broadcast_address), text)
            self.assertEqual(out["addressCount"], str(net.num_addresses), text)
            self.assertEqual(out["prefixLength"], prefix)

    def test_rejects_what_ipaddress_rejects(self):
        rng = random.Random(RNG_SEED + 4)
        bad = ["10.0.0.0/33", "::/129", "10.0.0.0/255.0.255.0", "010.0.0.1/8", "1.2.3/8", "10.0.0.0/-1",
               "10.0.0.0/8/8", "2001:db8:::/32", "1.2.3.256/24"]
        for _ in range(15):
            bad.append(f"{rng.getrandbits(8)}.{rng.getrandbits(8)}.{rng.getrandbits(8)}.{rng.getrandbits(8)}/{rng.randint(33, 200)}")
        for text in bad:
            with self.assertRaises(ValueError, msg=text):
                ipaddress.ip_network(text, strict=False)
            assert_usage_error(self, lookup("subnet", text), text)


if __name__ == "__main__":
    unittest.main(verbosity=2)

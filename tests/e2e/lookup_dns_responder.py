"""A tiny authoritative DNS server for the zone socketeer.test, for the lookup tests (stdlib only).
It answers the canned records below over UDP; names under "silent." are never answered (timeouts),
"refused." gets REFUSED, "servfail." gets SERVFAIL, anything else unknown NXDOMAIN."""
import socket
import struct
import threading

TTL = 300
TYPES = {"A": 1, "NS": 2, "CNAME": 5, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33}


def encode_name(name):
    return b"".join(bytes([len(label)]) + label.encode() for label in name.split(".") if label) + b"\0"


# (name, type) -> list of (rdata bytes, value as the CLI's JSON shows it)
ZONE = {
    ("host.socketeer.test", "A"): [(socket.inet_aton("192.0.2.10"), {"address": "192.0.2.10"})],
    ("host.socketeer.test", "AAAA"): [(socket.inet_pton(socket.AF_INET6, "2001:db8::10"), {"address": "2001:db8::10"})],
    ("mail.socketeer.test", "MX"): [(struct.pack("!H", 10) + encode_name("mx1.socketeer.test"),
                                     {"preference": 10, "exchange": "mx1.socketeer.test"}),
                                    (struct.pack("!H", 20) + encode_name("mx2.socketeer.test"),
                                     {"preference": 20, "exchange": "mx2.socketeer.test"})],
    ("alias.socketeer.test", "CNAME"): [(encode_name("host.socketeer.test"), {"target": "host.socketeer.test"})],
    ("socketeer.test", "NS"): [(encode_name("ns1.socketeer.test"), {"target": "ns1.socketeer.test"})],
    ("text.socketeer.test", "TXT"): [(b"\x05hello\x05world", {"texts": ["hello", "world"]})],
    ("_chat._tcp.socketeer.test", "SRV"): [(struct.pack("!HHH", 1, 5, 8888) + encode_name("host.socketeer.test"),
                                            {"priority": 1, "weight": 5, "port": 8888, "target": "host.socketeer.test"})],
    ("10.2.0.192.in-addr.arpa", "PTR"): [(encode_name("host.socketeer.test"), {"target": "host.socketeer.test"})],
}


def answer(query):
    if len(query) < 12:
        return None
    pos, labels = 12, []
    while pos < len(query) and query[pos] != 0:
        length = query[pos]
        labels.append(query[pos + 1:pos + 1 + length].decode("ascii", "replace").lower())
        pos += 1 + length
    if pos + 5 > len(query):
        return None
    name = ".".join(labels)
    qtype = struct.unpack("!H", query[pos + 1:pos + 3])[0]
    question = query[12:pos + 5]
    type_name = next((k for k, v in TYPES.items() if v == qtype), None)
    if name.startswith("silent."):
        return None
    rcode, records = 0, []
    if name.startswith("refused."):
        rcode = 5
    elif name.startswith("servfail."):
        rcode = 2
    elif (name, type_name) in ZONE:
        records = [rdata for rdata, _ in ZONE[(name, type_name)]]
    elif not any(n == name for n, _ in ZONE):
        rcode = 3
    header = query[:2] + struct.pack("!HHHHH", 0x8500 | rcode, 1, len(records), 0, 0)
    body = b"".join(struct.pack("!HHHIH", 0xC00C, qtype, 1, TTL, len(r)) + r for r in records)
    return header + question + body


class Responder:
    """Serves on (host, port) in a daemon thread until close()."""

    def __init__(self, host="127.0.0.1", port=53):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, port))
        self.queries = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                data, peer = self.sock.recvfrom(4096)
            except OSError:
                return
            self.queries += 1
            reply = answer(data)
            if reply:
                self.sock.sendto(reply, peer)

    def close(self):
        self.sock.close()

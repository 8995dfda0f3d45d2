#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringView>

// The subnet calculator: IPv4 "a.b.c.d/n", "a.b.c.d/m.m.m.m", "a.b.c.d m.m.m.m" and IPv6 "x::/n".
// Addresses here are strict (dotted decimal without leading zeros / inet_pton syntax), like Python's
// ipaddress module, which the end-to-end tests use as the oracle. Host bits may be set in the input
// ("192.168.1.77/24"): the network is computed from it and Subnet*::hostBitsSet says so.
namespace netcore::lookup {

enum class SubnetError {
    None,
    Empty,
    InvalidAddress,      // the address part is not a strict IPv4/IPv6 address
    MissingPrefix,       // no "/n" and no mask ("10.0.0.1")
    InvalidPrefix,       // "/" followed by something that is neither a number nor a mask
    PrefixOutOfRange,    // above 32 (IPv4) or 128 (IPv6)
    NonContiguousMask,   // "255.0.255.0": the one bits of a netmask must be contiguous from the left
    MaskNotAllowedForIpv6, // "2001:db8:: ffff::" - IPv6 uses prefix lengths only
};

// /31 and /32 are special: RFC 3021 lets both addresses of a /31 be hosts (point-to-point links, no
// network or broadcast address); a /32 is a single host route.
enum class Ipv4SubnetKind { Normal, PointToPoint31, SingleHost32 };

struct Ipv4Subnet {
    quint32 address = 0;          // as given (host order)
    int prefixLength = 0;
    quint32 mask = 0;             // 255.255.255.0 -> 0xffffff00
    quint32 wildcard = 0;         // ~mask (Cisco ACL "wildcard")
    quint32 network = 0;          // address & mask (x.x.x.0 in a /24)
    quint32 broadcast = 0;        // network | wildcard (x.x.x.255 in a /24): the directed broadcast
    quint32 firstHost = 0;        // network + 1 (often the gateway, x.x.x.1); /31: network; /32: address
    quint32 lastHost = 0;         // broadcast - 1; /31: broadcast; /32: address
    quint64 addressCount = 0;     // 2^(32-prefix)
    quint64 hostCount = 0;        // addressCount - 2; /31: 2; /32: 1
    Ipv4SubnetKind kind = Ipv4SubnetKind::Normal;
    bool maskGiven = false;       // the prefix came from a dotted mask ("/255.255.255.0" or " 255.255.255.0")
    bool maskWasWildcard = false; // the mask was given inverted ("0.0.0.255") and read as a wildcard
    bool hostBitsSet = false;     // address != network
};

struct Ipv6Subnet {
    Q_IPV6ADDR address{};         // as given
    int prefixLength = 0;
    Q_IPV6ADDR network{};         // first address of the prefix
    Q_IPV6ADDR last{};            // last address of the prefix (IPv6 has no broadcast)
    QString addressCount;         // 2^(128-prefix) in decimal, exact ("18446744073709551616" for a /64)
    bool hostBitsSet = false;
};

struct SubnetResult {
    bool ok() const { return error == SubnetError::None; }
    bool isIpv6() const { return ipv6Result; }

    SubnetError error = SubnetError::None;
    QString input;                // trimmed input
    bool ipv6Result = false;
    Ipv4Subnet ipv4;              // valid when ok() && !isIpv6()
    Ipv6Subnet ipv6;              // valid when ok() && isIpv6()
};

// Parses and computes. Surrounding whitespace is trimmed; "a.b.c.d/m.m.m.m", "a.b.c.d m.m.m.m" and
// "a.b.c.d/n" are IPv4, "x::y/n" is IPv6.
SubnetResult calculateSubnet(QStringView text);

// Computes an IPv4 subnet from numbers (prefixLength 0..32; other values are clamped).
Ipv4Subnet ipv4Subnet(quint32 hostOrderAddress, int prefixLength);

// Computes an IPv6 subnet from an address (prefixLength 0..128; other values are clamped).
Ipv6Subnet ipv6Subnet(const Q_IPV6ADDR &address, int prefixLength);

// The prefix length of a contiguous netmask (0xffffff00 -> 24), or -1 if the mask is not contiguous.
int prefixLengthFromMask(quint32 hostOrderMask);
quint32 maskFromPrefixLength(int prefixLength); // 24 -> 0xffffff00 (0..32)

// "11000000.10101000.00000001.01001101": 32 bits in four dotted octets.
QString binaryDotted(quint32 hostOrderValue);
// The same with `marker` inserted after the first `prefixLength` bits (dots still in place):
// binaryDottedSplit(0xc0a8014d, 26, u'|') = "11000000.10101000.00000001.01|001101".
QString binaryDottedSplit(quint32 hostOrderValue, int prefixLength, QChar marker);

// Text of IPv6 addresses in the canonical compressed form ("2001:db8::"), and fully expanded.
QString formatIpv6(const Q_IPV6ADDR &address);
QString expandIpv6(const Q_IPV6ADDR &address);

QString subnetErrorKey(SubnetError error);

} // namespace netcore::lookup

#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

// What kind of address this is: every class that applies, as facts (the tab and CLI word them).
// Ranges follow the IANA special-purpose address registries (RFC 6890 and successors).
namespace netcore::lookup {

enum class AddressClass {
    // both families
    Unspecified,          // 0.0.0.0, :: - "any address" when binding; never a destination
    Loopback,             // 127.0.0.0/8, ::1 - this machine, never leaves it
    LinkLocal,            // 169.254.0.0/16, fe80::/10 - valid on one link only, no router forwards it
    Multicast,            // 224.0.0.0/4, ff00::/8
    Documentation,        // 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20
    Global,               // none of the special-purpose ranges: routable on the Internet
    // IPv4
    ThisNetwork,          // 0.0.0.0/8 (other than 0.0.0.0 itself)
    Private,              // RFC 1918: 10/8, 172.16/12, 192.168/16 - LAN addresses behind NAT
    SharedAddressSpace,   // 100.64.0.0/10 - carrier-grade NAT (RFC 6598)
    Benchmarking,         // 198.18.0.0/15 (RFC 2544)
    Reserved,             // 240.0.0.0/4 (class E), except the limited broadcast
    LimitedBroadcast,     // 255.255.255.255 - the course's '<broadcast>': this link only
    IetfProtocolAssignments, // 192.0.0.0/24
    // IPv4, only when a prefix length is known (classify(address, prefix))
    NetworkAddress,       // host bits all zero (x.x.x.0 in a /24) - names the network, not a host
    DirectedBroadcast,    // host bits all one (x.x.x.255 in a /24) - broadcast to that subnet
    FirstHost,            // network + 1 (x.x.x.1 in a /24) - by convention usually the gateway
    // IPv4, teaching hints when NO prefix is known and the address is unicast, assuming the common /24
    EndsInZero,           // x.x.x.0: in a /24 this is the network address
    EndsInOne,            // x.x.x.1: in a /24 usually the gateway (router)
    EndsIn255,            // x.x.x.255: in a /24 this is the broadcast address
    // IPv6
    UniqueLocal,          // fc00::/7 - IPv6's private addresses
    SiteLocalDeprecated,  // fec0::/10 - deprecated by RFC 3879
    Ipv4Mapped,           // ::ffff:0:0/96 - an IPv4 address seen through an IPv6 socket (embedded* holds it)
    Ipv4Compatible,       // ::a.b.c.d (deprecated), other than :: and ::1
    Nat64,                // 64:ff9b::/96 and 64:ff9b:1::/48
    Teredo,               // 2001::/32
    SixToFour,            // 2002::/16
    DiscardOnly,          // 100::/64
};

struct Classification {
    QHostAddress address;
    std::optional<int> prefixLength;        // as passed to classify()
    QList<AddressClass> classes;            // every class that applies, most important first; never empty
    std::optional<QHostAddress> embeddedIpv4; // for Ipv4Mapped / Ipv4Compatible / Nat64 / SixToFour
    QList<AddressClass> embeddedClasses;    // classify(*embeddedIpv4).classes
};

// Classifies `address`. With a prefix length (IPv4 0..32) the subnet position classes are added
// (NetworkAddress/DirectedBroadcast/FirstHost, not for /31 and /32); without one, the /24 hints
// (EndsInZero/EndsInOne/EndsIn255) are added for unicast IPv4 addresses.
// A null address yields an empty classes list.
Classification classify(const QHostAddress &address, std::optional<int> prefixLength = std::nullopt);

// Stable machine names for JSON ("loopback", "private", "limited-broadcast", ...).
QString addressClassKey(AddressClass addressClass);

} // namespace netcore::lookup

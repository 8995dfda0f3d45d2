#include "netcore/lookup/classification.h"

#include "netcore/lookup/subnet.h"

#include <QtEndian>

#include <array>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

struct V4Range {
    quint32 network;
    int prefix;
    AddressClass addressClass;
};

constexpr quint32 v4(quint8 a, quint8 b, quint8 c, quint8 d)
{
    return (quint32(a) << 24) | (quint32(b) << 16) | (quint32(c) << 8) | d;
}

// IANA IPv4 special-purpose registry (the parts a student meets), most specific first where they overlap.
constexpr std::array kV4Ranges{
    V4Range{v4(127, 0, 0, 0), 8, AddressClass::Loopback},
    V4Range{v4(10, 0, 0, 0), 8, AddressClass::Private},
    V4Range{v4(172, 16, 0, 0), 12, AddressClass::Private},
    V4Range{v4(192, 168, 0, 0), 16, AddressClass::Private},
    V4Range{v4(169, 254, 0, 0), 16, AddressClass::LinkLocal},
    V4Range{v4(224, 0, 0, 0), 4, AddressClass::Multicast},
    V4Range{v4(100, 64, 0, 0), 10, AddressClass::SharedAddressSpace},
    V4Range{v4(192, 0, 2, 0), 24, AddressClass::Documentation},
    V4Range{v4(198, 51, 100, 0), 24, AddressClass::Documentation},
    V4Range{v4(203, 0, 113, 0), 24, AddressClass::Documentation},
    V4Range{v4(198, 18, 0, 0), 15, AddressClass::Benchmarking},
    V4Range{v4(192, 0, 0, 0), 24, AddressClass::IetfProtocolAssignments},
};

bool inV4(quint32 address, quint32 network, int prefix)
{
    return (address & maskFromPrefixLength(prefix)) == network;
}

struct V6Range {
    std::array<quint8, 16> network;
    int prefix;
    AddressClass addressClass;
};

bool inV6(const Q_IPV6ADDR &address, const std::array<quint8, 16> &network, int prefix)
{
    for (int bit = 0; bit < prefix; ++bit) {
        const quint8 mask = quint8(0x80 >> (bit % 8));
        if ((address.c[bit / 8] & mask) != (network[bit / 8] & mask))
            return false;
    }
    return true;
}

const std::array kV6Ranges{
    V6Range{{0xfe, 0x80}, 10, AddressClass::LinkLocal},
    V6Range{{0xff}, 8, AddressClass::Multicast},
    V6Range{{0x20, 0x01, 0x0d, 0xb8}, 32, AddressClass::Documentation},
    V6Range{{0x3f, 0xff}, 20, AddressClass::Documentation},
    V6Range{{0xfc}, 7, AddressClass::UniqueLocal},
    V6Range{{0xfe, 0xc0}, 10, AddressClass::SiteLocalDeprecated},
    V6Range{{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, 96, AddressClass::Ipv4Mapped},
    V6Range{{0, 0x64, 0xff, 0x9b}, 96, AddressClass::Nat64},
    V6Range{{0, 0x64, 0xff, 0x9b, 0, 1}, 48, AddressClass::Nat64},
    V6Range{{0x20, 0x01}, 32, AddressClass::Teredo},
    V6Range{{0x20, 0x02}, 16, AddressClass::SixToFour},
    V6Range{{0x01, 0x00}, 64, AddressClass::DiscardOnly},
};

void addPositionClasses(QList<AddressClass> &classes, quint32 address, std::optional<int> prefixLength)
{
    const bool unicast = !classes.contains(AddressClass::Multicast) && !classes.contains(AddressClass::LimitedBroadcast)
                         && !classes.contains(AddressClass::Unspecified) && !classes.contains(AddressClass::Reserved)
                         && !classes.contains(AddressClass::ThisNetwork);
    if (prefixLength) {
        if (*prefixLength < 0 || *prefixLength > 30 || !unicast)
            return; // /31 and /32 have no network or broadcast address
        const Ipv4Subnet subnet = ipv4Subnet(address, *prefixLength);
        if (address == subnet.network)
            classes.append(AddressClass::NetworkAddress);
        else if (address == subnet.broadcast)
            classes.append(AddressClass::DirectedBroadcast);
        else if (address == subnet.firstHost)
            classes.append(AddressClass::FirstHost);
        return;
    }
    if (!unicast || classes.contains(AddressClass::Loopback))
        return;
    switch (address & 0xff) {
    case 0: classes.append(AddressClass::EndsInZero); break;
    case 1: classes.append(AddressClass::EndsInOne); break;
    case 255: classes.append(AddressClass::EndsIn255); break;
    default: break;
    }
}

QList<AddressClass> classifyV4(quint32 address, std::optional<int> prefixLength)
{
    QList<AddressClass> classes;
    if (address == 0)
        classes.append(AddressClass::Unspecified);
    else if (address == 0xffffffffU)
        classes.append(AddressClass::LimitedBroadcast);
    else if (inV4(address, 0, 8))
        classes.append(AddressClass::ThisNetwork);
    else if (inV4(address, v4(240, 0, 0, 0), 4))
        classes.append(AddressClass::Reserved);
    for (const V4Range &range : kV4Ranges) {
        if (inV4(address, range.network, range.prefix) && !classes.contains(range.addressClass))
            classes.append(range.addressClass);
    }
    if (classes.isEmpty())
        classes.append(AddressClass::Global);
    addPositionClasses(classes, address, prefixLength);
    return classes;
}

QList<AddressClass> classifyV6(const Q_IPV6ADDR &address, std::optional<QHostAddress> &embedded)
{
    QList<AddressClass> classes;
    bool firstTwelveZero = true;
    for (int i = 0; i < 12; ++i)
        firstTwelveZero = firstTwelveZero && address.c[i] == 0;
    const quint32 tail = qFromBigEndian<quint32>(address.c + 12);
    if (firstTwelveZero && tail == 0)
        classes.append(AddressClass::Unspecified);
    else if (firstTwelveZero && tail == 1)
        classes.append(AddressClass::Loopback);
    else if (firstTwelveZero) {
        classes.append(AddressClass::Ipv4Compatible);
        embedded = QHostAddress(tail);
    }
    for (const V6Range &range : kV6Ranges) {
        if (inV6(address, range.network, range.prefix) && !classes.contains(range.addressClass))
            classes.append(range.addressClass);
    }
    if (classes.contains(AddressClass::Ipv4Mapped) || classes.contains(AddressClass::Nat64))
        embedded = QHostAddress(tail);
    if (classes.contains(AddressClass::SixToFour))
        embedded = QHostAddress(qFromBigEndian<quint32>(address.c + 2));
    if (classes.isEmpty())
        classes.append(AddressClass::Global);
    return classes;
}

} // namespace

Classification classify(const QHostAddress &address, std::optional<int> prefixLength)
{
    Classification result;
    result.address = address;
    result.prefixLength = prefixLength;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        result.classes = classifyV4(address.toIPv4Address(), prefixLength);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        result.classes = classifyV6(address.toIPv6Address(), result.embeddedIpv4);
        if (result.embeddedIpv4)
            result.embeddedClasses = classifyV4(result.embeddedIpv4->toIPv4Address(), std::nullopt);
    }
    return result;
}

QString addressClassKey(AddressClass addressClass)
{
    switch (addressClass) {
    case AddressClass::Unspecified: return u"unspecified"_s;
    case AddressClass::Loopback: return u"loopback"_s;
    case AddressClass::LinkLocal: return u"link-local"_s;
    case AddressClass::Multicast: return u"multicast"_s;
    case AddressClass::Documentation: return u"documentation"_s;
    case AddressClass::Global: return u"global"_s;
    case AddressClass::ThisNetwork: return u"this-network"_s;
    case AddressClass::Private: return u"private"_s;
    case AddressClass::SharedAddressSpace: return u"shared-address-space"_s;
    case AddressClass::Benchmarking: return u"benchmarking"_s;
    case AddressClass::Reserved: return u"reserved"_s;
    case AddressClass::LimitedBroadcast: return u"limited-broadcast"_s;
    case AddressClass::IetfProtocolAssignments: return u"ietf-protocol-assignments"_s;
    case AddressClass::NetworkAddress: return u"network-address"_s;
    case AddressClass::DirectedBroadcast: return u"directed-broadcast"_s;
    case AddressClass::FirstHost: return u"first-host"_s;
    case AddressClass::EndsInZero: return u"ends-in-zero"_s;
    case AddressClass::EndsInOne: return u"ends-in-one"_s;
    case AddressClass::EndsIn255: return u"ends-in-255"_s;
    case AddressClass::UniqueLocal: return u"unique-local"_s;
    case AddressClass::SiteLocalDeprecated: return u"site-local-deprecated"_s;
    case AddressClass::Ipv4Mapped: return u"ipv4-mapped"_s;
    case AddressClass::Ipv4Compatible: return u"ipv4-compatible"_s;
    case AddressClass::Nat64: return u"nat64"_s;
    case AddressClass::Teredo: return u"teredo"_s;
    case AddressClass::SixToFour: return u"6to4"_s;
    case AddressClass::DiscardOnly: return u"discard-only"_s;
    }
    return {};
}

} // namespace netcore::lookup

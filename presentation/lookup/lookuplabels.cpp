#include "presentation/lookup/lookuplabels.h"

using namespace netcore::lookup;

namespace presentation::lookup {
namespace {

// lupdate reads the context from this class: presentation::lookup::Lookup.
struct Lookup
{
    Q_DECLARE_TR_FUNCTIONS(presentation::lookup::Lookup)
};

} // namespace


QString addressClassLabel(AddressClass addressClass)
{
    switch (addressClass) {
    case AddressClass::Unspecified: return Lookup::tr("unspecified (any address)");
    case AddressClass::Loopback: return Lookup::tr("loopback");
    case AddressClass::LinkLocal: return Lookup::tr("link-local");
    case AddressClass::Multicast: return Lookup::tr("multicast");
    case AddressClass::Documentation: return Lookup::tr("documentation");
    case AddressClass::Global: return Lookup::tr("global (public)");
    case AddressClass::ThisNetwork: return Lookup::tr("\"this network\" (0.0.0.0/8)");
    case AddressClass::Private: return Lookup::tr("private (RFC 1918)");
    case AddressClass::SharedAddressSpace: return Lookup::tr("shared address space (carrier-grade NAT)");
    case AddressClass::Benchmarking: return Lookup::tr("benchmarking");
    case AddressClass::Reserved: return Lookup::tr("reserved (class E)");
    case AddressClass::LimitedBroadcast: return Lookup::tr("limited broadcast");
    case AddressClass::IetfProtocolAssignments: return Lookup::tr("IETF protocol assignments");
    case AddressClass::NetworkAddress: return Lookup::tr("network address");
    case AddressClass::DirectedBroadcast: return Lookup::tr("directed broadcast");
    case AddressClass::FirstHost: return Lookup::tr("first host (usually the gateway)");
    case AddressClass::EndsInZero: return Lookup::tr("ends in .0");
    case AddressClass::EndsInOne: return Lookup::tr("ends in .1");
    case AddressClass::EndsIn255: return Lookup::tr("ends in .255");
    case AddressClass::UniqueLocal: return Lookup::tr("unique local (IPv6 private)");
    case AddressClass::SiteLocalDeprecated: return Lookup::tr("site-local (deprecated)");
    case AddressClass::Ipv4Mapped: return Lookup::tr("IPv4-mapped");
    case AddressClass::Ipv4Compatible: return Lookup::tr("IPv4-compatible (deprecated)");
    case AddressClass::Nat64: return Lookup::tr("NAT64");
    case AddressClass::Teredo: return Lookup::tr("Teredo");
    case AddressClass::SixToFour: return Lookup::tr("6to4");
    case AddressClass::DiscardOnly: return Lookup::tr("discard-only");
    }
    return {};
}

QString addressClassExplanation(AddressClass addressClass)
{
    switch (addressClass) {
    case AddressClass::Unspecified:
        return Lookup::tr("Bind to it to listen on every interface; it is never a destination.");
    case AddressClass::Loopback: return Lookup::tr("This machine itself; packets never leave it.");
    case AddressClass::LinkLocal: return Lookup::tr("Valid on one link only; routers do not forward it.");
    case AddressClass::Multicast: return Lookup::tr("A group address: one sender, every member receives.");
    case AddressClass::Documentation: return Lookup::tr("Reserved for examples in books and manuals.");
    case AddressClass::Global: return Lookup::tr("Routable on the Internet.");
    case AddressClass::Private: return Lookup::tr("A LAN address; it reaches the Internet only through NAT.");
    case AddressClass::LimitedBroadcast:
        return Lookup::tr("Python's '<broadcast>': every host on this link; routers never forward it.");
    case AddressClass::NetworkAddress: return Lookup::tr("Host bits all zero: it names the network, not a host.");
    case AddressClass::DirectedBroadcast: return Lookup::tr("Host bits all one: a datagram to it reaches every host of the subnet.");
    case AddressClass::FirstHost: return Lookup::tr("By convention the router (gateway) often takes the first host address.");
    case AddressClass::EndsInZero: return Lookup::tr("In a /24 network this is the network address, not a host.");
    case AddressClass::EndsInOne: return Lookup::tr("In a /24 network this is usually the gateway.");
    case AddressClass::EndsIn255: return Lookup::tr("In a /24 network this is the broadcast address.");
    case AddressClass::Ipv4Mapped: return Lookup::tr("How an IPv6 socket sees an IPv4 peer.");
    default: return {};
    }
}

QString numberBaseLabel(NumberBase base)
{
    switch (base) {
    case NumberBase::Decimal: return Lookup::tr("decimal");
    case NumberBase::Octal: return Lookup::tr("octal (leading 0)");
    case NumberBase::Hexadecimal: return Lookup::tr("hexadecimal (0x)");
    }
    return {};
}

QString inetAtonErrorText(const InetAtonResult &result)
{
    const int part = result.errorPart + 1;
    switch (result.error) {
    case InetAtonError::None: return {};
    case InetAtonError::Empty: return Lookup::tr("no address given");
    case InetAtonError::ExpectedDigit:
        return Lookup::tr("part %1 does not start with a digit (at character %2)").arg(part).arg(result.errorPosition + 1);
    case InetAtonError::InvalidCharacter:
        return Lookup::tr("unexpected character at position %1 (a leading 0 means octal: no 8 or 9)").arg(result.errorPosition + 1);
    case InetAtonError::TooManyParts: return Lookup::tr("more than four parts");
    case InetAtonError::PartTooLarge: return Lookup::tr("part %1 is larger than 255").arg(part);
    case InetAtonError::LastPartTooLarge: return Lookup::tr("the last part does not fit in the bytes left");
    case InetAtonError::NonAscii: return Lookup::tr("contains characters other than ASCII");
    }
    return {};
}

QString conversionErrorText(const Conversion &conversion)
{
    switch (conversion.error) {
    case ConversionError::None: return {};
    case ConversionError::Empty: return Lookup::tr("no address given");
    case ConversionError::InvalidIpv4:
        return Lookup::tr("not an IPv4 address: %1").arg(inetAtonErrorText(conversion.ipv4));
    case ConversionError::InvalidIpv6: return Lookup::tr("not an IPv6 address");
    case ConversionError::InvalidScope: return Lookup::tr("the zone after '%' is empty or malformed");
    }
    return {};
}

QString subnetErrorText(SubnetError error)
{
    switch (error) {
    case SubnetError::None: return {};
    case SubnetError::Empty: return Lookup::tr("no subnet given");
    case SubnetError::InvalidAddress: return Lookup::tr("not a valid address (write a.b.c.d or an IPv6 address)");
    case SubnetError::MissingPrefix: return Lookup::tr("missing prefix length or mask (e.g. /24 or 255.255.255.0)");
    case SubnetError::InvalidPrefix: return Lookup::tr("the prefix must be a number or a dotted mask");
    case SubnetError::PrefixOutOfRange: return Lookup::tr("prefix length out of range (0-32 for IPv4, 0-128 for IPv6)");
    case SubnetError::NonContiguousMask: return Lookup::tr("the mask's one bits are not contiguous");
    case SubnetError::MaskNotAllowedForIpv6: return Lookup::tr("IPv6 uses prefix lengths, not masks");
    }
    return {};
}

QString portClassLabel(PortClass portClass)
{
    switch (portClass) {
    case PortClass::Zero: return Lookup::tr("0: not a real port (bind to 0 lets the system choose)");
    case PortClass::WellKnown: return Lookup::tr("well-known (1-1023)");
    case PortClass::Registered: return Lookup::tr("registered (1024-49151)");
    case PortClass::Dynamic: return Lookup::tr("dynamic/private (49152-65535)");
    }
    return {};
}

QString resolveErrorText(ResolveError error, const QString &systemMessage, int timeoutMs)
{
    switch (error) {
    case ResolveError::None: return {};
    case ResolveError::InvalidInput: return Lookup::tr("not a valid name or address");
    case ResolveError::NoSuchHost: return Lookup::tr("no such host: neither /etc/hosts nor DNS knows it");
    case ResolveError::TemporaryFailure:
        return Lookup::tr("the name server did not answer (no network, or DNS is down); try again later");
    case ResolveError::Timeout: return Lookup::tr("no answer within %1 s").arg(timeoutMs / 1000.0);
    case ResolveError::Other: return Lookup::tr("lookup failed: %1").arg(systemMessage);
    }
    return {};
}

QString dnsErrorText(DnsError error, const QString &systemMessage, int timeoutMs)
{
    switch (error) {
    case DnsError::None: return {};
    case DnsError::InvalidName: return Lookup::tr("not a valid DNS name");
    case DnsError::NotFound: return Lookup::tr("no such name in DNS (NXDOMAIN)");
    case DnsError::ServerFailure: return Lookup::tr("the name server failed (SERVFAIL)");
    case DnsError::ServerRefused: return Lookup::tr("the name server refused to answer (REFUSED)");
    case DnsError::InvalidReply:
        return Lookup::tr("no usable answer: the name may have no records of this type, the name server may be "
                          "unreachable, or the reply was malformed (Qt 6.4 cannot tell these apart)");
    case DnsError::InvalidRequest: return Lookup::tr("the resolver rejected the request: %1").arg(systemMessage);
    case DnsError::ResolverError:
        return Lookup::tr("no name server could be reached (no network, or nothing listens on port 53): %1").arg(systemMessage);
    case DnsError::Timeout: return Lookup::tr("no answer within %1 s").arg(timeoutMs / 1000.0);
    case DnsError::Other: return Lookup::tr("DNS query failed: %1").arg(systemMessage);
    }
    return {};
}

QString elapsedText(qint64 microseconds)
{
    return Lookup::tr("%1 ms").arg(double(microseconds) / 1000.0, 0, 'f', 3);
}

} // namespace presentation::lookup

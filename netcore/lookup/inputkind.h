#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// What a line typed into the Lookup tab (or given to the CLI) most likely is, so one box can route it
// to the right lookup. Pure functions, no I/O except the local services database (see below).
namespace netcore::lookup {

enum class InputKind {
    Empty,             // nothing but whitespace
    Ipv4Address,       // strict dotted decimal "a.b.c.d" (what inet_pton(AF_INET) accepts)
    Ipv4LegacyForm,    // accepted by inet_aton only: "127.1", "0x7f.1", "0177.0.0.1", "2130706433"
    Ipv6Address,       // anything inet_pton(AF_INET6) accepts, optionally with a "%scope" suffix
    Ipv4Cidr,          // "10.0.0.0/8"
    Ipv4AddressMask,   // "10.0.0.0/255.0.0.0" or "10.0.0.0 255.0.0.0"
    Ipv6Prefix,        // "2001:db8::/32"
    PortNumber,        // "0".."65535" (all digits)
    ServiceName,       // a single word the services database knows for tcp or udp ("http", "mysql")
    HostName,          // a syntactically valid host name ("localhost", "example.com", "my-pc.local")
    Invalid,           // none of the above
};

// The single best reading of `text` (leading/trailing whitespace ignored).
// Priority when several readings fit: addresses and subnets first, then a port number (a bare number like
// "8080" is also a legacy inet_aton form: possibleInputKinds() lists both), then a known service name,
// then a host name.
InputKind detectInputKind(QStringView text);

// Every reading that fits, best first (detectInputKind() is the first element; {Invalid} or {Empty} if none).
// Example: "8080" -> {PortNumber, Ipv4LegacyForm}; "http" -> {ServiceName, HostName}.
QList<InputKind> possibleInputKinds(QStringView text);

// True for a syntactically valid host name: labels of letters, digits, '-' and '_' (seen in the wild),
// separated by dots, each 1..63 characters, not starting or ending with '-', total <= 253 (a trailing dot
// is allowed), not all-numeric in the last label. Non-ASCII (IDN) names are accepted if their punycode
// form is valid.
bool isValidHostName(QStringView text);

// Stable machine names for JSON output and settings ("ipv4-address", "host-name", ...).
QString inputKindKey(InputKind kind);

} // namespace netcore::lookup

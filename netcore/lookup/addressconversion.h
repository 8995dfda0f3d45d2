#pragma once

#include "netcore/lookup/inetaton.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

// inet_aton / inet_ntoa / inet_pton / inet_ntop in one place: the text, the bytes on the wire and the
// 32-bit integer in both byte orders (a classic source of bugs: the course's struct.pack('!I') vs '<I').
namespace netcore::lookup {

enum class AddressFamily { Ipv4, Ipv6 };

enum class ConversionError {
    None,
    Empty,
    InvalidIpv4,   // see Conversion::ipv4 for where and why inet_aton rejected it
    InvalidIpv6,   // inet_pton(AF_INET6) rejected it (text contains ':')
    InvalidScope,  // "%scope" suffix is empty or malformed
};

struct Conversion {
    bool ok() const { return error == ConversionError::None; }

    ConversionError error = ConversionError::None;
    QString input;                 // trimmed input
    AddressFamily family = AddressFamily::Ipv4;

    QString canonical;             // inet_ntoa (IPv4) / inet_ntop (IPv6) of the bytes: "127.0.0.1", "2001:db8::1"
    QByteArray bytes;              // 4 or 16 bytes in NETWORK order (as in struct in_addr / in6_addr)

    // IPv4 only
    InetAtonResult ipv4;           // how inet_aton read the text (form, parts, bases); valid also on InvalidIpv4
    bool acceptedByInetPton = false; // inet_pton(AF_INET) accepts the same text (strict dotted quad only)
    quint32 hostOrderValue = 0;    // ntohl(s_addr): 127.0.0.1 -> 0x7f000001 = 2130706433
    quint32 memoryValue = 0;       // s_addr read as a native integer on THIS machine (0x0100007f on little endian)
    bool hostIsLittleEndian = true;

    // IPv6 only
    QString expanded;              // all eight groups, four hex digits each: "2001:0db8:0000:...:0001"
    QString scopeId;               // text after '%' ("eth0", "2"), empty if none
    std::optional<quint32> embeddedIpv4; // host-order IPv4 inside ::ffff:a.b.c.d (mapped) or ::a.b.c.d (compatible)
};

// Converts an address given as text. Text containing ':' is IPv6 (inet_pton), anything else IPv4 (inet_aton
// legacy rules, see inetaton.h). Surrounding whitespace is trimmed.
Conversion convertAddress(QStringView text);

// "7f 00 00 01": bytes as two-digit lower-case hex separated by spaces.
QString hexBytes(const QByteArray &bytes);

QString conversionErrorKey(ConversionError error);

} // namespace netcore::lookup

#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// inet_aton's legacy IPv4 syntax, re-implemented so every step can be shown (a teaching point of the course):
//   a.b.c.d   four parts, each one byte
//   a.b.c     c fills the last 16 bits       ("128.1.1"   = 128.1.0.1)
//   a.b       b fills the last 24 bits       ("127.1"     = 127.0.0.1)
//   a         one 32-bit number              ("2130706433" = 127.0.0.1)
// Each part is read like a C integer constant: "0x"/"0X" prefix = hexadecimal, a leading "0" = octal
// ("0177" = 127, "010" = 8!), otherwise decimal. Like glibc, anything after the address that starts with a
// whitespace character is ignored ("1.2.3.4 junk" is accepted). The result matches glibc's inet_aton()
// byte for byte (the unit tests cross-check with the real libc function).
namespace netcore::lookup {

enum class NumberBase { Decimal, Octal, Hexadecimal };

// How one part of the input was read.
struct Ipv4Part {
    QString text;          // the characters of this part as typed ("0x7f")
    NumberBase base = NumberBase::Decimal;
    quint32 value = 0;     // its numeric value
    int byteCount = 1;     // how many bytes of the address it fills (1 for a non-final part; 4,3,2,1 for the last)
};

enum class InetAtonError {
    None,
    Empty,             // no text at all
    ExpectedDigit,     // a part does not start with a digit (includes "1..2", "1.2.", ".1", "-1", "+1")
    InvalidCharacter,  // a part contains something else ("08" - 8 is not octal, "0x" alone, "1a", "1.2.3.4x")
    TooManyParts,      // more than four parts ("1.2.3.4.5")
    PartTooLarge,      // a non-final part above 255 ("256.1")
    LastPartTooLarge,  // the final part does not fit the bytes left ("1.2.65536", "1.2.3.256", "4294967296")
    NonAscii,          // characters outside ASCII
};

// The four legacy shapes (how many parts were given).
enum class Ipv4Form { OnePart = 1, TwoParts = 2, ThreeParts = 3, FourParts = 4 };

struct InetAtonResult {
    bool ok() const { return error == InetAtonError::None; }

    InetAtonError error = InetAtonError::None;
    qsizetype errorPosition = -1;   // index into the input where parsing stopped (for errors)
    int errorPart = -1;             // 0-based index of the offending part (for errors), -1 if not part-specific

    quint32 address = 0;            // the result in HOST order (0x7f000001 for 127.0.0.1)
    Ipv4Form form = Ipv4Form::FourParts;
    QList<Ipv4Part> parts;
    QString ignoredTrailing;        // text after the address that glibc ignores (starts with whitespace), else empty
    bool isStrictDottedQuad = false; // four decimal parts without leading zeros: what inet_pton(AF_INET) accepts
};

// Parses like glibc inet_aton(). The input is taken as is (no trimming: leading whitespace is an error,
// as in libc).
InetAtonResult parseInetAton(QStringView text);

// inet_ntoa(): dotted decimal of a host-order 32-bit value ("127.0.0.1").
QString formatIpv4(quint32 hostOrderAddress);

// Stable machine names for JSON ("decimal"/"octal"/"hexadecimal", "expected-digit", ...).
QString numberBaseKey(NumberBase base);
QString inetAtonErrorKey(InetAtonError error);

} // namespace netcore::lookup

#include "netcore/lookup/subnet.h"

#include <QtEndian>

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

constexpr int kIpv4Bits = 32;
constexpr int kIpv6Bits = 128;
constexpr qsizetype kMaxInput = 256;
constexpr int kPrefixCap = 1000; // "/00000024" is still 24, as Python's ipaddress reads it

bool isAsciiPrintable(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

std::optional<quint32> parseStrictIpv4(QStringView text)
{
    if (text.isEmpty() || !isAsciiPrintable(text))
        return std::nullopt;
    const QByteArray latin = text.toLatin1();
    in_addr address{};
    if (::inet_pton(AF_INET, latin.constData(), &address) != 1)
        return std::nullopt;
    return qFromBigEndian<quint32>(&address.s_addr);
}

std::optional<Q_IPV6ADDR> parseStrictIpv6(QStringView text)
{
    if (text.isEmpty() || !isAsciiPrintable(text))
        return std::nullopt;
    const QByteArray latin = text.toLatin1();
    in6_addr address{};
    if (::inet_pton(AF_INET6, latin.constData(), &address) != 1)
        return std::nullopt;
    Q_IPV6ADDR result;
    std::memcpy(result.c, address.s6_addr, 16);
    return result;
}

// -1: not a decimal number; otherwise its value, capped at kPrefixCap (still out of range for both families).
int parsePrefixNumber(QStringView text)
{
    if (text.isEmpty())
        return -1;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
        value = std::min(value * 10 + (c.unicode() - u'0'), kPrefixCap);
    }
    return value;
}

// "2^exponent" in decimal.
QString powerOfTwo(int exponent)
{
    QByteArray digits("1"); // least significant digit first
    for (int i = 0; i < exponent; ++i) {
        int carry = 0;
        for (char &d : digits) {
            const int v = (d - '0') * 2 + carry;
            d = char('0' + v % 10);
            carry = v / 10;
        }
        if (carry)
            digits.append(char('0' + carry));
    }
    std::reverse(digits.begin(), digits.end());
    return QString::fromLatin1(digits);
}

SubnetResult fail(SubnetResult result, SubnetError error)
{
    result.error = error;
    return result;
}

SubnetResult calculateIpv6(SubnetResult result, QStringView address, QStringView prefix, bool slash)
{
    result.ipv6Result = true;
    const std::optional<Q_IPV6ADDR> parsed = parseStrictIpv6(address);
    if (!parsed)
        return fail(result, SubnetError::InvalidAddress);
    if (!slash)
        return fail(result, prefix.isEmpty() ? SubnetError::MissingPrefix : SubnetError::MaskNotAllowedForIpv6);
    const int length = parsePrefixNumber(prefix);
    if (length < 0)
        return fail(result, parseStrictIpv6(prefix) ? SubnetError::MaskNotAllowedForIpv6 : SubnetError::InvalidPrefix);
    if (length > kIpv6Bits)
        return fail(result, SubnetError::PrefixOutOfRange);
    result.ipv6 = ipv6Subnet(*parsed, length);
    return result;
}

SubnetResult calculateIpv4(SubnetResult result, QStringView address, QStringView prefix)
{
    const std::optional<quint32> parsed = parseStrictIpv4(address);
    if (!parsed)
        return fail(result, SubnetError::InvalidAddress);
    if (prefix.isEmpty())
        return fail(result, SubnetError::MissingPrefix);
    int length = parsePrefixNumber(prefix);
    bool maskGiven = false;
    bool wildcard = false;
    if (length < 0) {
        const std::optional<quint32> mask = parseStrictIpv4(prefix);
        if (!mask)
            return fail(result, SubnetError::InvalidPrefix);
        maskGiven = true;
        length = prefixLengthFromMask(*mask);
        if (length < 0) {
            length = prefixLengthFromMask(~*mask);
            wildcard = length >= 0;
        }
        if (length < 0)
            return fail(result, SubnetError::NonContiguousMask);
    }
    if (length > kIpv4Bits)
        return fail(result, SubnetError::PrefixOutOfRange);
    result.ipv4 = ipv4Subnet(*parsed, length);
    result.ipv4.maskGiven = maskGiven;
    result.ipv4.maskWasWildcard = wildcard;
    return result;
}

} // namespace

SubnetResult calculateSubnet(QStringView text)
{
    SubnetResult result;
    const QStringView trimmed = text.trimmed();
    result.input = trimmed.left(kMaxInput).toString();
    if (trimmed.isEmpty())
        return fail(result, SubnetError::Empty);
    if (trimmed.size() > kMaxInput)
        return fail(result, SubnetError::InvalidAddress);

    QStringView address = trimmed;
    QStringView prefix;
    bool slash = false;
    if (const qsizetype at = trimmed.indexOf(u'/'); at >= 0) {
        address = trimmed.first(at);
        prefix = trimmed.sliced(at + 1);
        slash = true;
    } else if (const qsizetype space = trimmed.indexOf(u' '); space >= 0) {
        address = trimmed.first(space);
        prefix = trimmed.sliced(space + 1).trimmed();
    }
    if (slash && prefix.isEmpty())
        return fail(result, SubnetError::InvalidPrefix);
    if (address.contains(u':'))
        return calculateIpv6(result, address, prefix, slash);
    return calculateIpv4(result, address, prefix);
}

Ipv4Subnet ipv4Subnet(quint32 hostOrderAddress, int prefixLength)
{
    Ipv4Subnet s;
    s.address = hostOrderAddress;
    s.prefixLength = std::clamp(prefixLength, 0, kIpv4Bits);
    s.mask = maskFromPrefixLength(s.prefixLength);
    s.wildcard = ~s.mask;
    s.network = s.address & s.mask;
    s.broadcast = s.network | s.wildcard;
    s.addressCount = quint64(1) << (kIpv4Bits - s.prefixLength);
    s.hostBitsSet = s.address != s.network;
    if (s.prefixLength == kIpv4Bits) {
        s.kind = Ipv4SubnetKind::SingleHost32;
        s.firstHost = s.lastHost = s.address;
        s.hostCount = 1;
    } else if (s.prefixLength == kIpv4Bits - 1) {
        s.kind = Ipv4SubnetKind::PointToPoint31;
        s.firstHost = s.network;
        s.lastHost = s.broadcast;
        s.hostCount = 2;
    } else {
        s.firstHost = s.network + 1;
        s.lastHost = s.broadcast - 1;
        s.hostCount = s.addressCount - 2;
    }
    return s;
}

Ipv6Subnet ipv6Subnet(const Q_IPV6ADDR &address, int prefixLength)
{
    Ipv6Subnet s;
    s.address = address;
    s.prefixLength = std::clamp(prefixLength, 0, kIpv6Bits);
    for (int i = 0; i < 16; ++i) {
        const int bitsHere = std::clamp(s.prefixLength - 8 * i, 0, 8);
        const quint8 mask = bitsHere == 0 ? 0 : quint8(0xff << (8 - bitsHere));
        s.network.c[i] = address.c[i] & mask;
        s.last.c[i] = address.c[i] | quint8(~mask);
        s.hostBitsSet = s.hostBitsSet || s.network.c[i] != address.c[i];
    }
    s.addressCount = powerOfTwo(kIpv6Bits - s.prefixLength);
    return s;
}

int prefixLengthFromMask(quint32 hostOrderMask)
{
    const quint32 inverted = ~hostOrderMask;
    if ((inverted & (inverted + 1)) != 0) // host part must be 0...01...1
        return -1;
    int length = 0;
    for (quint32 m = hostOrderMask; m & 0x80000000U; m <<= 1)
        ++length;
    return length;
}

quint32 maskFromPrefixLength(int prefixLength)
{
    const int length = std::clamp(prefixLength, 0, kIpv4Bits);
    return length == 0 ? 0 : ~quint32(0) << (kIpv4Bits - length);
}

QString binaryDotted(quint32 hostOrderValue)
{
    return binaryDottedSplit(hostOrderValue, -1, QChar());
}

QString binaryDottedSplit(quint32 hostOrderValue, int prefixLength, QChar marker)
{
    QString text;
    text.reserve(36);
    for (int bit = 0; bit < kIpv4Bits; ++bit) {
        if (bit > 0 && bit % 8 == 0)
            text += u'.';
        if (bit == prefixLength && bit > 0)
            text += marker;
        text += (hostOrderValue >> (31 - bit)) & 1 ? u'1' : u'0';
    }
    if (prefixLength == kIpv4Bits)
        text += marker;
    if (prefixLength == 0)
        text.prepend(marker);
    return text;
}

QString formatIpv6(const Q_IPV6ADDR &address)
{
    char buffer[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET6, address.c, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

QString expandIpv6(const Q_IPV6ADDR &address)
{
    QString text;
    for (int i = 0; i < 16; i += 2) {
        if (i > 0)
            text += u':';
        text += QString::number((address.c[i] << 8) | address.c[i + 1], 16).rightJustified(4, u'0');
    }
    return text;
}

QString subnetErrorKey(SubnetError error)
{
    switch (error) {
    case SubnetError::None: return u"none"_s;
    case SubnetError::Empty: return u"empty"_s;
    case SubnetError::InvalidAddress: return u"invalid-address"_s;
    case SubnetError::MissingPrefix: return u"missing-prefix"_s;
    case SubnetError::InvalidPrefix: return u"invalid-prefix"_s;
    case SubnetError::PrefixOutOfRange: return u"prefix-out-of-range"_s;
    case SubnetError::NonContiguousMask: return u"non-contiguous-mask"_s;
    case SubnetError::MaskNotAllowedForIpv6: return u"mask-not-allowed-for-ipv6"_s;
    }
    return {};
}

} // namespace netcore::lookup

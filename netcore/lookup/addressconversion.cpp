#include "netcore/lookup/addressconversion.h"

#include "netcore/lookup/subnet.h"

#include <QtEndian>

#include <arpa/inet.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

constexpr qsizetype kMaxAddressText = 256; // longer text cannot be an address (and is not copied to libc)

void fillIpv4(Conversion &result)
{
    const quint32 value = result.ipv4.address;
    result.hostOrderValue = value;
    result.bytes.resize(4);
    qToBigEndian(value, result.bytes.data());
    std::memcpy(&result.memoryValue, result.bytes.constData(), sizeof(quint32));
    result.canonical = formatIpv4(value);
    const QByteArray latin = result.input.toLatin1();
    in_addr strict{};
    result.acceptedByInetPton = ::inet_pton(AF_INET, latin.constData(), &strict) == 1;
}

Conversion convertIpv6(Conversion result)
{
    result.family = AddressFamily::Ipv6;
    QString text = result.input;
    const qsizetype percent = text.indexOf(u'%');
    if (percent >= 0) {
        result.scopeId = text.sliced(percent + 1);
        text.truncate(percent);
        bool scopeOk = !result.scopeId.isEmpty();
        for (const QChar c : std::as_const(result.scopeId))
            scopeOk = scopeOk && c.unicode() > 0x20 && c.unicode() < 0x7f && c != u'%';
        if (!scopeOk) {
            result.error = ConversionError::InvalidScope;
            return result;
        }
    }
    bool ascii = true;
    for (const QChar c : std::as_const(text))
        ascii = ascii && c.unicode() > 0 && c.unicode() < 0x80;
    in6_addr address{};
    const QByteArray latin = text.toLatin1();
    if (!ascii || ::inet_pton(AF_INET6, latin.constData(), &address) != 1) {
        result.error = ConversionError::InvalidIpv6;
        return result;
    }
    result.bytes = QByteArray(reinterpret_cast<const char *>(address.s6_addr), 16);
    Q_IPV6ADDR q;
    std::memcpy(q.c, address.s6_addr, 16);
    char buffer[INET6_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET6, &address, buffer, sizeof buffer);
    result.canonical = QString::fromLatin1(buffer);
    result.expanded = expandIpv6(q);
    bool firstTenZero = true;
    for (int i = 0; i < 10; ++i)
        firstTenZero = firstTenZero && q.c[i] == 0;
    const quint32 tail = qFromBigEndian<quint32>(q.c + 12);
    if (firstTenZero && q.c[10] == 0xff && q.c[11] == 0xff)
        result.embeddedIpv4 = tail;
    else if (firstTenZero && q.c[10] == 0 && q.c[11] == 0 && tail > 1)
        result.embeddedIpv4 = tail;
    return result;
}

} // namespace

Conversion convertAddress(QStringView text)
{
    Conversion result;
    result.input = text.trimmed().toString();
    if (result.input.isEmpty()) {
        result.error = ConversionError::Empty;
        return result;
    }
    result.hostIsLittleEndian = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
    if (result.input.size() > kMaxAddressText) {
        result.error = result.input.contains(u':') ? ConversionError::InvalidIpv6 : ConversionError::InvalidIpv4;
        result.family = result.input.contains(u':') ? AddressFamily::Ipv6 : AddressFamily::Ipv4;
        return result;
    }
    if (result.input.contains(u':'))
        return convertIpv6(result);

    result.family = AddressFamily::Ipv4;
    result.ipv4 = parseInetAton(result.input);
    if (!result.ipv4.ok()) {
        result.error = ConversionError::InvalidIpv4;
        return result;
    }
    fillIpv4(result);
    return result;
}

QString hexBytes(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

QString conversionErrorKey(ConversionError error)
{
    switch (error) {
    case ConversionError::None: return u"none"_s;
    case ConversionError::Empty: return u"empty"_s;
    case ConversionError::InvalidIpv4: return u"invalid-ipv4"_s;
    case ConversionError::InvalidIpv6: return u"invalid-ipv6"_s;
    case ConversionError::InvalidScope: return u"invalid-scope"_s;
    }
    return {};
}

} // namespace netcore::lookup

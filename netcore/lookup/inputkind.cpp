#include "netcore/lookup/inputkind.h"

#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/inetaton.h"
#include "netcore/lookup/services.h"
#include "netcore/lookup/subnet.h"

#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

constexpr qsizetype kMaxHostName = 253;
constexpr qsizetype kMaxLabel = 63;
constexpr qsizetype kMaxInput = 1024;

bool isAsciiHostNameLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > kMaxLabel || label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    return std::all_of(label.begin(), label.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
               || c == u'_';
    });
}

bool isAllDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool isAsciiHostName(QStringView name)
{
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.isEmpty() || name.size() > kMaxHostName)
        return false;
    const QList<QStringView> labels = name.split(u'.');
    if (!std::all_of(labels.begin(), labels.end(), isAsciiHostNameLabel))
        return false;
    return !isAllDigits(labels.constLast());
}

} // namespace

bool isValidHostName(QStringView text)
{
    if (text.isEmpty() || text.size() > kMaxHostName + 1)
        return false;
    const bool ascii = std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii)
        return isAsciiHostName(text);
    const QByteArray ace = QUrl::toAce(text.toString(), QUrl::AceProcessingOption::IgnoreIDNWhitelist);
    return !ace.isEmpty() && isAsciiHostName(QString::fromLatin1(ace));
}

QList<InputKind> possibleInputKinds(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {InputKind::Empty};
    if (trimmed.size() > kMaxInput)
        return {InputKind::Invalid};

    QList<InputKind> kinds;
    const bool subnetLike = trimmed.contains(u'/') || trimmed.contains(u' ');
    if (subnetLike) {
        const SubnetResult subnet = calculateSubnet(trimmed);
        if (subnet.ok()) {
            if (subnet.isIpv6())
                kinds.append(InputKind::Ipv6Prefix);
            else
                kinds.append(subnet.ipv4.maskGiven ? InputKind::Ipv4AddressMask : InputKind::Ipv4Cidr);
        }
        return kinds.isEmpty() ? QList<InputKind>{InputKind::Invalid} : kinds;
    }
    if (trimmed.contains(u':')) {
        if (convertAddress(trimmed).ok())
            kinds.append(InputKind::Ipv6Address);
        return kinds.isEmpty() ? QList<InputKind>{InputKind::Invalid} : kinds;
    }
    const bool digitsOnly = isAllDigits(trimmed);
    if (digitsOnly && parsePort(trimmed).error == PortParseError::None)
        kinds.append(InputKind::PortNumber);
    const InetAtonResult aton = parseInetAton(trimmed);
    if (aton.ok() && aton.ignoredTrailing.isEmpty())
        kinds.append(aton.isStrictDottedQuad ? InputKind::Ipv4Address : InputKind::Ipv4LegacyForm);
    if (!trimmed.contains(u'.') && isPlausibleServiceName(trimmed) && !digitsOnly) {
        const QString name = trimmed.toString();
        if (serviceByName(name, Transport::Tcp) || serviceByName(name, Transport::Udp))
            kinds.append(InputKind::ServiceName);
    }
    if (isValidHostName(trimmed))
        kinds.append(InputKind::HostName);
    return kinds.isEmpty() ? QList<InputKind>{InputKind::Invalid} : kinds;
}

InputKind detectInputKind(QStringView text)
{
    return possibleInputKinds(text).constFirst();
}

QString inputKindKey(InputKind kind)
{
    switch (kind) {
    case InputKind::Empty: return u"empty"_s;
    case InputKind::Ipv4Address: return u"ipv4-address"_s;
    case InputKind::Ipv4LegacyForm: return u"ipv4-legacy-form"_s;
    case InputKind::Ipv6Address: return u"ipv6-address"_s;
    case InputKind::Ipv4Cidr: return u"ipv4-cidr"_s;
    case InputKind::Ipv4AddressMask: return u"ipv4-address-mask"_s;
    case InputKind::Ipv6Prefix: return u"ipv6-prefix"_s;
    case InputKind::PortNumber: return u"port-number"_s;
    case InputKind::ServiceName: return u"service-name"_s;
    case InputKind::HostName: return u"host-name"_s;
    case InputKind::Invalid: return u"invalid"_s;
    }
    return {};
}

} // namespace netcore::lookup

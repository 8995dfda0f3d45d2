#include "netcore/lookup/services.h"

#include <QFile>
#include <QtEndian>

#include <netdb.h>

#include <algorithm>
#include <cerrno>
#include <vector>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

constexpr quint16 kFirstRegistered = 1024;
constexpr quint16 kFirstDynamic = 49152;
constexpr quint16 kCourseMinimumOwnPort = 10000; // the course: "use ports above 10000 for your own programs"
constexpr qsizetype kMaxServiceName = 64;
constexpr size_t kInitialBuffer = 1024;
constexpr size_t kMaxBuffer = 1 << 20;

const char *protocolName(Transport transport)
{
    return transport == Transport::Tcp ? "tcp" : "udp";
}

ServiceEntry toEntry(const servent &entry, Transport transport)
{
    ServiceEntry result;
    result.name = QString::fromLocal8Bit(entry.s_name);
    for (char **alias = entry.s_aliases; alias && *alias; ++alias)
        result.aliases.append(QString::fromLocal8Bit(*alias));
    result.port = qFromBigEndian(quint16(entry.s_port));
    result.transport = transport;
    return result;
}

// Calls a getservby*_r function, growing the buffer while it reports ERANGE.
template<typename Call>
std::optional<ServiceEntry> lookup(Transport transport, Call call)
{
    std::vector<char> buffer(kInitialBuffer);
    while (buffer.size() <= kMaxBuffer) {
        servent entry{};
        servent *found = nullptr;
        const int rc = call(&entry, buffer.data(), buffer.size(), &found);
        if (rc == ERANGE) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (rc != 0 || !found)
            return std::nullopt;
        return toEntry(*found, transport);
    }
    return std::nullopt;
}

} // namespace

std::optional<ServiceEntry> serviceByName(const QString &name, Transport transport)
{
    if (!isPlausibleServiceName(name))
        return std::nullopt;
    const QByteArray encoded = name.toLatin1();
    return lookup(transport, [&](servent *entry, char *buffer, size_t size, servent **found) {
        return ::getservbyname_r(encoded.constData(), protocolName(transport), entry, buffer, size, found);
    });
}

std::optional<ServiceEntry> serviceByPort(quint16 port, Transport transport)
{
    return lookup(transport, [&](servent *entry, char *buffer, size_t size, servent **found) {
        return ::getservbyport_r(int(qToBigEndian(port)), protocolName(transport), entry, buffer, size, found);
    });
}

PortClass classifyPort(quint16 port)
{
    if (port == 0)
        return PortClass::Zero;
    if (port < kFirstRegistered)
        return PortClass::WellKnown;
    if (port < kFirstDynamic)
        return PortClass::Registered;
    return PortClass::Dynamic;
}

PortFacts portFacts(quint16 port)
{
    PortFacts facts;
    facts.port = port;
    facts.portClass = classifyPort(port);
    facts.needsPrivilegeToBind = port != 0 && port < kFirstRegistered;
    if (const auto range = ephemeralPortRange())
        facts.inEphemeralRange = port >= range->first && port <= range->second;
    facts.recommendedForOwnServers = port > kCourseMinimumOwnPort && !facts.inEphemeralRange;
    return facts;
}

std::optional<std::pair<quint16, quint16>> ephemeralPortRange()
{
    QFile file(u"/proc/sys/net/ipv4/ip_local_port_range"_s);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    if (fields.size() != 2)
        return std::nullopt;
    bool lowOk = false;
    bool highOk = false;
    const uint low = fields.at(0).toUInt(&lowOk);
    const uint high = fields.at(1).toUInt(&highOk);
    if (!lowOk || !highOk || low > high || high > 65535)
        return std::nullopt;
    return std::pair{quint16(low), quint16(high)};
}

PortParse parsePort(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {PortParseError::Empty, 0};
    quint32 value = 0;
    for (const QChar c : trimmed) {
        if (c < u'0' || c > u'9')
            return {PortParseError::NotANumber, 0};
        value = std::min<quint32>(value * 10 + (c.unicode() - u'0'), 1'000'000);
    }
    if (value > 65535)
        return {PortParseError::OutOfRange, 0};
    return {PortParseError::None, quint16(value)};
}

bool isPlausibleServiceName(QStringView text)
{
    if (text.isEmpty() || text.size() > kMaxServiceName)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
               || c == u'_' || c == u'.' || c == u'+' || c == u'/';
    });
}

QString transportKey(Transport transport)
{
    return QString::fromLatin1(protocolName(transport));
}

QString portClassKey(PortClass portClass)
{
    switch (portClass) {
    case PortClass::Zero: return u"zero"_s;
    case PortClass::WellKnown: return u"well-known"_s;
    case PortClass::Registered: return u"registered"_s;
    case PortClass::Dynamic: return u"dynamic"_s;
    }
    return {};
}

ServiceQuery queryServices(const QString &query, const QList<Transport> &transports)
{
    ServiceQuery result;
    result.query = query;
    result.transports = transports;
    const PortParse port = parsePort(query);
    if (port.error == PortParseError::None)
        result.port = port.port;
    for (const Transport t : transports) {
        const auto entry = result.port ? serviceByPort(*result.port, t) : serviceByName(query, t);
        if (entry)
            result.entries.append(*entry);
    }
    return result;
}

} // namespace netcore::lookup

#include "presentation/lookup/lookupreport.h"

#include "netcore/lookup/classification.h"
#include "netcore/lookup/inetaton.h"
#include "presentation/lookup/lookuplabels.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

namespace presentation::lookup {
namespace {

// lupdate reads the context from this class: presentation::lookup::Lookup.
struct Lookup
{
    Q_DECLARE_TR_FUNCTIONS(presentation::lookup::Lookup)
};

using Rows = ReportRows;

// One label, several values: the label on the first row only.
void addList(Rows &rows, const QString &label, const QStringList &values, const QString &whenEmpty)
{
    if (values.isEmpty()) {
        rows.append({label, whenEmpty});
        return;
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        rows.append({i == 0 ? label : QString(), values.at(i)});
}

QStringList addressStrings(const QList<QHostAddress> &addresses)
{
    QStringList list;
    for (const QHostAddress &address : addresses)
        list.append(address.toString());
    return list;
}

void addClassRows(Rows &rows, const Classification &c)
{
    QStringList lines;
    for (const AddressClass cls : c.classes) {
        const QString why = addressClassExplanation(cls);
        lines.append(why.isEmpty() ? addressClassLabel(cls) : addressClassLabel(cls) + u" — "_s + why);
    }
    addList(rows, Lookup::tr("Kind"), lines, QString());
    if (c.embeddedIpv4) {
        QStringList embedded;
        for (const AddressClass cls : c.embeddedClasses)
            embedded.append(addressClassLabel(cls));
        rows.append({Lookup::tr("Embedded IPv4"), c.embeddedIpv4->toString() + u" ("_s + embedded.join(u", "_s) + u')'});
    }
}

QString formText(Ipv4Form form)
{
    switch (form) {
    case Ipv4Form::OnePart: return Lookup::tr("1 part: a — one 32-bit number");
    case Ipv4Form::TwoParts: return Lookup::tr("2 parts: a.b — b fills the last 24 bits");
    case Ipv4Form::ThreeParts: return Lookup::tr("3 parts: a.b.c — c fills the last 16 bits");
    case Ipv4Form::FourParts: return Lookup::tr("4 parts: a.b.c.d — one byte each");
    }
    return {};
}

} // namespace

QString hexValue(quint32 value)
{
    return u"%1 (0x%2)"_s.arg(value).arg(value, 8, 16, QChar(u'0'));
}

LookupReport hostReport(const HostLookupResult &r)
{
    Rows rows{{Lookup::tr("Name"), r.name}, {Lookup::tr("Canonical name"), r.canonicalName}};
    addList(rows, Lookup::tr("Addresses"), addressStrings(r.addresses), QString());
    rows.append({Lookup::tr("Time taken"), elapsedText(r.elapsedUs)});
    addList(rows, Lookup::tr("In /etc/hosts"), addressStrings(r.hostsFileAddresses), Lookup::tr("not listed"));
    return {rows, r.hostsFileAddresses.isEmpty()
                      ? Lookup::tr("getaddrinfo (like gethostbyname) asks /etc/hosts first, then DNS; this answer came from DNS or another source.")
                      : Lookup::tr("getaddrinfo (like gethostbyname) asks /etc/hosts first: this name is listed there, so DNS was not needed. "
                                   "'socketeer lookup dns' would not see it.")};
}

LookupReport reverseReport(const ReverseLookupResult &r)
{
    Rows rows{{Lookup::tr("Address"), r.address.toString()}, {Lookup::tr("Host name"), r.hostName},
              {Lookup::tr("Time taken"), elapsedText(r.elapsedUs)}};
    addList(rows, Lookup::tr("In /etc/hosts"), r.hostsFileNames, Lookup::tr("not listed"));
    rows.append({Lookup::tr("DNS name asked"), reverseDnsName(r.address)});
    return {rows, QString()};
}

LookupReport dnsReport(const DnsResult &r)
{
    Rows rows{{Lookup::tr("Name"), r.name},
              {Lookup::tr("Type"), dnsRecordTypeKey(r.type)},
              {Lookup::tr("Name server"), r.nameServer.isNull() ? Lookup::tr("system (/etc/resolv.conf)") : r.nameServer.toString()},
              {Lookup::tr("Time taken"), elapsedText(r.elapsedUs)}};
    QStringList lines;
    for (const DnsRecord &record : r.records) {
        QString value;
        switch (record.type) {
        case DnsRecordType::A:
        case DnsRecordType::AAAA: value = record.address.toString(); break;
        case DnsRecordType::MX: value = Lookup::tr("preference %1, %2").arg(record.preference).arg(record.target); break;
        case DnsRecordType::SRV:
            value = Lookup::tr("priority %1, weight %2, port %3, %4")
                        .arg(record.priority).arg(record.weight).arg(record.port).arg(record.target);
            break;
        case DnsRecordType::TXT: {
            QStringList parts;
            for (const QByteArray &t : record.texts)
                parts.append(u'"' + QString::fromUtf8(t) + u'"');
            value = parts.join(u' ');
            break;
        }
        default: value = record.target; break;
        }
        lines.append(u"%1 %2 %3  %4"_s.arg(record.name, dnsRecordTypeKey(record.type),
                                           Lookup::tr("TTL %1 s").arg(record.ttl), value));
    }
    addList(rows, Lookup::tr("Records"), lines, Lookup::tr("none"));
    return {rows, Lookup::tr("A DNS query asks the name server directly and never reads /etc/hosts (getaddrinfo does).")};
}

LookupReport serviceReport(const ServiceQuery &report)
{
    Rows rows{{Lookup::tr("Query"), report.query}};
    QStringList lines;
    for (const ServiceEntry &e : report.entries) {
        QString line = u"%1/%2  %3"_s.arg(e.port).arg(transportKey(e.transport), e.name);
        if (!e.aliases.isEmpty())
            line += u"  ("_s + Lookup::tr("aliases: %1").arg(e.aliases.join(u", "_s)) + u')';
        lines.append(line);
    }
    addList(rows, Lookup::tr("Services"), lines, Lookup::tr("not in the services database"));
    std::optional<quint16> port = report.port;
    if (!port && !report.entries.isEmpty())
        port = report.entries.constFirst().port;
    if (port) {
        const PortFacts facts = portFacts(*port);
        rows.append({Lookup::tr("Port class"), portClassLabel(facts.portClass)});
        if (facts.needsPrivilegeToBind)
            rows.append({QString(), Lookup::tr("binding it needs root (CAP_NET_BIND_SERVICE)")});
        if (facts.inEphemeralRange)
            rows.append({QString(), Lookup::tr("inside this machine's ephemeral range: clients' outgoing ports come from here")});
        rows.append({Lookup::tr("Advice"), facts.recommendedForOwnServers
                                                ? Lookup::tr("a good choice for your own server")
                                                : Lookup::tr("for your own servers, pick a port above 10000 outside the ephemeral range")});
    }
    return {rows, QString()};
}

LookupReport conversionReport(const Conversion &c)
{
    Rows rows{{Lookup::tr("Input"), c.input}};
    if (c.family == AddressFamily::Ipv4) {
        rows.append({Lookup::tr("Read by inet_aton"), formText(c.ipv4.form)});
        for (qsizetype i = 0; i < c.ipv4.parts.size(); ++i) {
            const Ipv4Part &p = c.ipv4.parts.at(i);
            const QString bytes = p.byteCount == 1 ? Lookup::tr("byte %1").arg(i + 1)
                                                   : Lookup::tr("bytes %1-%2").arg(i + 1).arg(i + p.byteCount);
            rows.append({Lookup::tr("  part %1").arg(i + 1),
                         Lookup::tr("%1  %2 = %3 -> %4").arg(p.text, numberBaseLabel(p.base)).arg(p.value).arg(bytes)});
        }
        if (!c.ipv4.ignoredTrailing.isEmpty())
            rows.append({Lookup::tr("Ignored"), Lookup::tr("'%1' (inet_aton stops at whitespace)").arg(c.ipv4.ignoredTrailing)});
        rows.append({Lookup::tr("inet_ntoa"), c.canonical});
        rows.append({Lookup::tr("inet_pton accepts it"),
                     c.acceptedByInetPton ? Lookup::tr("yes") : Lookup::tr("no: inet_pton takes only strict a.b.c.d")});
        rows.append({Lookup::tr("Bytes (network order)"), hexBytes(c.bytes)});
        rows.append({Lookup::tr("32-bit value, host order (ntohl)"), hexValue(c.hostOrderValue)});
        rows.append({c.hostIsLittleEndian ? Lookup::tr("s_addr read on this little-endian machine")
                                          : Lookup::tr("s_addr read on this big-endian machine"),
                     hexValue(c.memoryValue)});
    } else {
        rows.append({Lookup::tr("inet_ntop"), c.canonical});
        rows.append({Lookup::tr("Expanded"), c.expanded});
        if (!c.scopeId.isEmpty())
            rows.append({Lookup::tr("Zone (scope)"), c.scopeId});
        rows.append({Lookup::tr("Bytes (network order)"), hexBytes(c.bytes)});
    }
    addClassRows(rows, classify(QHostAddress(c.canonical)));
    return {rows, QString()};
}

LookupReport subnetReport(const SubnetResult &r)
{
    Rows rows{{Lookup::tr("Input"), r.input}};
    if (r.isIpv6()) {
        const Ipv6Subnet &s = r.ipv6;
        rows.append({Lookup::tr("Prefix"), formatIpv6(s.network) + u'/' + QString::number(s.prefixLength)});
        rows.append({Lookup::tr("First address"), formatIpv6(s.network)});
        rows.append({Lookup::tr("Last address"), formatIpv6(s.last)});
        rows.append({Lookup::tr("Addresses"), s.addressCount});
        rows.append({Lookup::tr("Note"), Lookup::tr("IPv6 has no broadcast address; multicast replaces it.")});
        addClassRows(rows, classify(QHostAddress(formatIpv6(s.address))));
        return {rows, QString()};
    }
    const Ipv4Subnet &s = r.ipv4;
    rows.append({Lookup::tr("Network"), formatIpv4(s.network) + u'/' + QString::number(s.prefixLength)});
    rows.append({Lookup::tr("Subnet mask"), formatIpv4(s.mask)});
    rows.append({Lookup::tr("Wildcard"), formatIpv4(s.wildcard)});
    if (s.kind == Ipv4SubnetKind::Normal) {
        rows.append({Lookup::tr("Broadcast"), formatIpv4(s.broadcast)});
    }
    rows.append({Lookup::tr("First host"), formatIpv4(s.firstHost)});
    rows.append({Lookup::tr("Last host"), formatIpv4(s.lastHost)});
    rows.append({Lookup::tr("Hosts"), QString::number(s.hostCount)});
    rows.append({Lookup::tr("Addresses"), QString::number(s.addressCount)});
    if (s.kind == Ipv4SubnetKind::PointToPoint31)
        rows.append({Lookup::tr("Note"), Lookup::tr("/31: a point-to-point link, both addresses are hosts (RFC 3021)")});
    else if (s.kind == Ipv4SubnetKind::SingleHost32)
        rows.append({Lookup::tr("Note"), Lookup::tr("/32: a single host")});
    if (s.maskWasWildcard)
        rows.append({Lookup::tr("Note"), Lookup::tr("the mask was given inverted (a wildcard) and read as such")});
    rows.append({Lookup::tr("Binary (| = end of network bits)"), QString()});
    rows.append({Lookup::tr("  address"), binaryDottedSplit(s.address, s.prefixLength, u'|')});
    rows.append({Lookup::tr("  mask"), binaryDottedSplit(s.mask, s.prefixLength, u'|')});
    rows.append({Lookup::tr("  network"), binaryDottedSplit(s.network, s.prefixLength, u'|')});
    addClassRows(rows, classify(QHostAddress(s.address), s.prefixLength));
    return {rows, QString()};
}

LookupReport interfacesReport(const QList<InterfaceInfo> &interfaces)
{
    ReportRows rows;
    for (const InterfaceInfo &i : interfaces) {
        rows.append({i.name, Lookup::tr("index %1").arg(i.index)});
        rows.append({Lookup::tr("  Flags"), interfaceFlagKeys(i.flags).join(u' ')});
        rows.append({Lookup::tr("  MTU"), QString::number(i.mtu)});
        if (!i.hardwareAddress.isEmpty())
            rows.append({Lookup::tr("  Hardware address"), i.hardwareAddress});
        for (const InterfaceAddress &a : i.addresses) {
            QString line = a.address.toString() + u'/' + QString::number(a.prefixLength);
            if (!a.netmask.isNull() && a.address.protocol() == QAbstractSocket::IPv4Protocol)
                line += u"  "_s + Lookup::tr("mask %1").arg(a.netmask.toString());
            if (!a.broadcast.isNull())
                line += u"  "_s + Lookup::tr("broadcast %1").arg(a.broadcast.toString());
            rows.append({Lookup::tr("  Address"), line});
        }
    }
    return {rows, QString()};
}

} // namespace presentation::lookup

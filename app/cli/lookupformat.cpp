#include "app/cli/lookupformat.h"

#include "app/cli/output.h"

#include "netcore/lookup/inetaton.h"
#include "presentation/lookup/lookupreport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

namespace app::cli {
namespace {


QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray addressArray(const QList<QHostAddress> &addresses)
{
    QJsonArray array;
    for (const QHostAddress &address : addresses)
        array.append(address.toString());
    return array;
}

QString familyKey(FamilyFilter family)
{
    switch (family) {
    case FamilyFilter::Any: return u"any"_s;
    case FamilyFilter::Ipv4Only: return u"ipv4"_s;
    case FamilyFilter::Ipv6Only: return u"ipv6"_s;
    }
    return {};
}

QJsonArray classesJson(const QList<AddressClass> &classes)
{
    QJsonArray array;
    for (const AddressClass c : classes)
        array.append(addressClassKey(c));
    return array;
}

QJsonObject classificationJson(const Classification &c)
{
    QJsonObject object{{u"classes"_s, classesJson(c.classes)}};
    if (c.embeddedIpv4) {
        object.insert(u"embeddedIpv4"_s, c.embeddedIpv4->toString());
        object.insert(u"embeddedClasses"_s, classesJson(c.embeddedClasses));
    }
    return object;
}

QJsonObject ipv4SubnetJson(const Ipv4Subnet &s)
{
    const char *kind = s.kind == Ipv4SubnetKind::PointToPoint31 ? "point-to-point-31"
                       : s.kind == Ipv4SubnetKind::SingleHost32 ? "single-host-32"
                                                                : "normal";
    return QJsonObject{
        {u"family"_s, u"ipv4"_s},
        {u"address"_s, formatIpv4(s.address)},
        {u"prefixLength"_s, s.prefixLength},
        {u"mask"_s, formatIpv4(s.mask)},
        {u"wildcard"_s, formatIpv4(s.wildcard)},
        {u"network"_s, formatIpv4(s.network)},
        {u"broadcast"_s, formatIpv4(s.broadcast)},
        {u"firstHost"_s, formatIpv4(s.firstHost)},
        {u"lastHost"_s, formatIpv4(s.lastHost)},
        {u"addressCount"_s, qint64(s.addressCount)},
        {u"hostCount"_s, qint64(s.hostCount)},
        {u"kind"_s, QString::fromLatin1(kind)},
        {u"maskGiven"_s, s.maskGiven},
        {u"maskWasWildcard"_s, s.maskWasWildcard},
        {u"hostBitsSet"_s, s.hostBitsSet},
        {u"binary"_s, QJsonObject{{u"address"_s, binaryDottedSplit(s.address, s.prefixLength, u'|')},
                                  {u"mask"_s, binaryDottedSplit(s.mask, s.prefixLength, u'|')},
                                  {u"network"_s, binaryDottedSplit(s.network, s.prefixLength, u'|')}}},
        {u"classification"_s, classificationJson(classify(QHostAddress(s.address), s.prefixLength))},
    };
}

} // namespace

QJsonObject hostJson(const HostLookupResult &r)
{
    return QJsonObject{
        {u"name"_s, r.name},
        {u"family"_s, familyKey(r.family)},
        {u"error"_s, r.ok() ? QJsonValue(QJsonValue::Null) : QJsonValue(resolveErrorKey(r.error))},
        {u"systemCode"_s, r.systemCode},
        {u"systemMessage"_s, nullable(r.systemMessage)},
        {u"canonicalName"_s, nullable(r.canonicalName)},
        {u"addresses"_s, addressArray(r.addresses)},
        {u"elapsedUs"_s, r.elapsedUs},
        {u"hostsFileAddresses"_s, addressArray(r.hostsFileAddresses)},
    };
}

QJsonObject reverseJson(const ReverseLookupResult &r)
{
    return QJsonObject{
        {u"address"_s, r.address.toString()},
        {u"error"_s, r.ok() ? QJsonValue(QJsonValue::Null) : QJsonValue(resolveErrorKey(r.error))},
        {u"systemCode"_s, r.systemCode},
        {u"systemMessage"_s, nullable(r.systemMessage)},
        {u"hostName"_s, nullable(r.hostName)},
        {u"elapsedUs"_s, r.elapsedUs},
        {u"hostsFileNames"_s, QJsonArray::fromStringList(r.hostsFileNames)},
        {u"ptrName"_s, reverseDnsName(r.address)},
    };
}

QJsonObject dnsJson(const DnsResult &r)
{
    QJsonArray records;
    for (const DnsRecord &record : r.records) {
        QJsonObject o{{u"type"_s, dnsRecordTypeKey(record.type)}, {u"name"_s, record.name}, {u"ttl"_s, qint64(record.ttl)}};
        switch (record.type) {
        case DnsRecordType::A:
        case DnsRecordType::AAAA: o.insert(u"address"_s, record.address.toString()); break;
        case DnsRecordType::MX:
            o.insert(u"preference"_s, record.preference);
            o.insert(u"exchange"_s, record.target);
            break;
        case DnsRecordType::SRV:
            o.insert(u"priority"_s, record.priority);
            o.insert(u"weight"_s, record.weight);
            o.insert(u"port"_s, record.port);
            o.insert(u"target"_s, record.target);
            break;
        case DnsRecordType::TXT: {
            QJsonArray texts;
            for (const QByteArray &t : record.texts)
                texts.append(QString::fromUtf8(t));
            o.insert(u"texts"_s, texts);
            break;
        }
        default: o.insert(u"target"_s, record.target); break;
        }
        records.append(o);
    }
    return QJsonObject{
        {u"name"_s, r.name},
        {u"type"_s, dnsRecordTypeKey(r.type)},
        {u"server"_s, r.nameServer.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.nameServer.toString())},
        {u"error"_s, r.ok() ? QJsonValue(QJsonValue::Null) : QJsonValue(dnsErrorKey(r.error))},
        {u"systemMessage"_s, nullable(r.systemMessage)},
        {u"records"_s, records},
        {u"elapsedUs"_s, r.elapsedUs},
    };
}

QJsonObject serviceJson(const ServiceReport &report)
{
    QJsonArray entries;
    for (const ServiceEntry &e : report.entries) {
        entries.append(QJsonObject{{u"name"_s, e.name},
                                   {u"aliases"_s, QJsonArray::fromStringList(e.aliases)},
                                   {u"port"_s, e.port},
                                   {u"protocol"_s, transportKey(e.transport)}});
    }
    QJsonArray transports;
    for (const Transport t : report.transports)
        transports.append(transportKey(t));
    QJsonObject object{{u"query"_s, report.query}, {u"protocols"_s, transports}, {u"entries"_s, entries}};
    std::optional<quint16> port = report.port;
    if (!port && !report.entries.isEmpty())
        port = report.entries.constFirst().port;
    if (port) {
        const PortFacts facts = portFacts(*port);
        object.insert(u"port"_s, QJsonObject{{u"port"_s, facts.port},
                                             {u"class"_s, portClassKey(facts.portClass)},
                                             {u"needsPrivilegeToBind"_s, facts.needsPrivilegeToBind},
                                             {u"recommendedForOwnServers"_s, facts.recommendedForOwnServers},
                                             {u"inEphemeralRange"_s, facts.inEphemeralRange}});
    }
    if (const auto range = ephemeralPortRange())
        object.insert(u"ephemeralRange"_s, QJsonArray{range->first, range->second});
    return object;
}

QJsonObject conversionJson(const Conversion &c)
{
    QJsonObject object{
        {u"input"_s, c.input},
        {u"family"_s, c.family == AddressFamily::Ipv4 ? u"ipv4"_s : u"ipv6"_s},
        {u"canonical"_s, c.canonical},
        {u"bytes"_s, QString::fromLatin1(c.bytes.toHex())},
    };
    if (c.family == AddressFamily::Ipv4) {
        QJsonArray parts;
        for (const Ipv4Part &p : c.ipv4.parts) {
            parts.append(QJsonObject{{u"text"_s, p.text}, {u"base"_s, numberBaseKey(p.base)},
                                     {u"value"_s, qint64(p.value)}, {u"bytes"_s, p.byteCount}});
        }
        object.insert(u"inetAton"_s, QJsonObject{{u"form"_s, int(c.ipv4.form)}, {u"parts"_s, parts},
                                                  {u"ignoredTrailing"_s, nullable(c.ipv4.ignoredTrailing)}});
        object.insert(u"acceptedByInetPton"_s, c.acceptedByInetPton);
        object.insert(u"hostOrderValue"_s, qint64(c.hostOrderValue));
        object.insert(u"memoryValue"_s, qint64(c.memoryValue));
        object.insert(u"littleEndianHost"_s, c.hostIsLittleEndian);
    } else {
        object.insert(u"expanded"_s, c.expanded);
        object.insert(u"scopeId"_s, nullable(c.scopeId));
        object.insert(u"embeddedIpv4"_s, c.embeddedIpv4 ? QJsonValue(formatIpv4(*c.embeddedIpv4)) : QJsonValue());
    }
    object.insert(u"classification"_s, classificationJson(classify(QHostAddress(c.canonical))));
    return object;
}

QJsonObject subnetJson(const SubnetResult &r)
{
    if (!r.isIpv6()) {
        QJsonObject object = ipv4SubnetJson(r.ipv4);
        object.insert(u"input"_s, r.input);
        return object;
    }
    const Ipv6Subnet &s = r.ipv6;
    return QJsonObject{
        {u"input"_s, r.input},
        {u"family"_s, u"ipv6"_s},
        {u"address"_s, formatIpv6(s.address)},
        {u"prefixLength"_s, s.prefixLength},
        {u"network"_s, formatIpv6(s.network)},
        {u"last"_s, formatIpv6(s.last)},
        {u"addressCount"_s, s.addressCount},
        {u"hostBitsSet"_s, s.hostBitsSet},
        {u"classification"_s, classificationJson(classify(QHostAddress(formatIpv6(s.address))))},
    };
}

QJsonObject interfacesJson(const QList<InterfaceInfo> &interfaces)
{
    QJsonArray array;
    for (const InterfaceInfo &i : interfaces) {
        QJsonArray addresses;
        for (const InterfaceAddress &a : i.addresses) {
            addresses.append(QJsonObject{
                {u"address"_s, a.address.toString()},
                {u"prefixLength"_s, a.prefixLength},
                {u"netmask"_s, a.netmask.isNull() ? QJsonValue() : QJsonValue(a.netmask.toString())},
                {u"broadcast"_s, a.broadcast.isNull() ? QJsonValue() : QJsonValue(a.broadcast.toString())},
            });
        }
        array.append(QJsonObject{{u"name"_s, i.name}, {u"index"_s, i.index}, {u"type"_s, interfaceTypeKey(i.type)},
                                 {u"flags"_s, QJsonArray::fromStringList(interfaceFlagKeys(i.flags))},
                                 {u"mtu"_s, i.mtu}, {u"hardwareAddress"_s, nullable(i.hardwareAddress)},
                                 {u"addresses"_s, addresses}});
    }
    return QJsonObject{{u"interfaces"_s, array}};
}

namespace {

void print(const presentation::lookup::LookupReport &report)
{
    printTable(report.rows);
    if (!report.note.isEmpty()) {
        out() << '\n' << report.note << '\n';
        out().flush();
    }
}

} // namespace

void printHost(const HostLookupResult &r) { print(presentation::lookup::hostReport(r)); }
void printReverse(const ReverseLookupResult &r) { print(presentation::lookup::reverseReport(r)); }
void printDns(const DnsResult &r) { print(presentation::lookup::dnsReport(r)); }
void printService(const ServiceReport &report) { print(presentation::lookup::serviceReport(report)); }
void printConversion(const Conversion &c) { print(presentation::lookup::conversionReport(c)); }
void printSubnet(const SubnetResult &r) { print(presentation::lookup::subnetReport(r)); }
void printInterfaces(const QList<InterfaceInfo> &interfaces) { print(presentation::lookup::interfacesReport(interfaces)); }

} // namespace app::cli

#include "netcore/lookup/dnslookup.h"

#include <QDnsLookup>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

constexpr qsizetype kMaxDnsName = 254; // 253 plus an optional trailing dot

constexpr std::array<std::pair<DnsRecordType, const char *>, 8> kTypeNames{{
    {DnsRecordType::A, "A"},
    {DnsRecordType::AAAA, "AAAA"},
    {DnsRecordType::CNAME, "CNAME"},
    {DnsRecordType::MX, "MX"},
    {DnsRecordType::NS, "NS"},
    {DnsRecordType::PTR, "PTR"},
    {DnsRecordType::SRV, "SRV"},
    {DnsRecordType::TXT, "TXT"},
}};

QDnsLookup::Type toQt(DnsRecordType type)
{
    switch (type) {
    case DnsRecordType::A: return QDnsLookup::A;
    case DnsRecordType::AAAA: return QDnsLookup::AAAA;
    case DnsRecordType::CNAME: return QDnsLookup::CNAME;
    case DnsRecordType::MX: return QDnsLookup::MX;
    case DnsRecordType::NS: return QDnsLookup::NS;
    case DnsRecordType::PTR: return QDnsLookup::PTR;
    case DnsRecordType::SRV: return QDnsLookup::SRV;
    case DnsRecordType::TXT: return QDnsLookup::TXT;
    }
    return QDnsLookup::A;
}

DnsError fromQt(QDnsLookup::Error error)
{
    switch (error) {
    case QDnsLookup::NoError: return DnsError::None;
    case QDnsLookup::ResolverError: return DnsError::ResolverError;
    case QDnsLookup::OperationCancelledError: return DnsError::Other;
    case QDnsLookup::InvalidRequestError: return DnsError::InvalidRequest;
    case QDnsLookup::InvalidReplyError: return DnsError::InvalidReply;
    case QDnsLookup::ServerFailureError: return DnsError::ServerFailure;
    case QDnsLookup::ServerRefusedError: return DnsError::ServerRefused;
    case QDnsLookup::NotFoundError: return DnsError::NotFound;
    }
    return DnsError::Other;
}

bool isPlausibleDnsName(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxDnsName || name == "."_L1)
        return false;
    const bool ascii = std::all_of(name.begin(), name.end(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
    if (!ascii)
        return !QUrl::toAce(name, QUrl::AceProcessingOption::IgnoreIDNWhitelist).isEmpty();
    const QString withoutDot = name.endsWith(u'.') ? name.chopped(1) : name;
    const QList<QStringView> labels = QStringView(withoutDot).split(u'.');
    return std::all_of(labels.begin(), labels.end(), [](QStringView label) { return !label.isEmpty() && label.size() <= 63; });
}

QList<DnsRecord> collectRecords(const QDnsLookup &lookup)
{
    QList<DnsRecord> records;
    const auto cnames = lookup.canonicalNameRecords();
    for (const QDnsDomainNameRecord &r : cnames)
        records.append({DnsRecordType::CNAME, r.name(), r.timeToLive(), {}, r.value(), 0, 0, 0, 0, {}});
    const auto hosts = lookup.hostAddressRecords();
    for (const QDnsHostAddressRecord &r : hosts) {
        const auto type = r.value().protocol() == QAbstractSocket::IPv6Protocol ? DnsRecordType::AAAA : DnsRecordType::A;
        records.append({type, r.name(), r.timeToLive(), r.value(), {}, 0, 0, 0, 0, {}});
    }
    const auto mxs = lookup.mailExchangeRecords();
    for (const QDnsMailExchangeRecord &r : mxs)
        records.append({DnsRecordType::MX, r.name(), r.timeToLive(), {}, r.exchange(), r.preference(), 0, 0, 0, {}});
    const auto nss = lookup.nameServerRecords();
    for (const QDnsDomainNameRecord &r : nss)
        records.append({DnsRecordType::NS, r.name(), r.timeToLive(), {}, r.value(), 0, 0, 0, 0, {}});
    const auto ptrs = lookup.pointerRecords();
    for (const QDnsDomainNameRecord &r : ptrs)
        records.append({DnsRecordType::PTR, r.name(), r.timeToLive(), {}, r.value(), 0, 0, 0, 0, {}});
    const auto srvs = lookup.serviceRecords();
    for (const QDnsServiceRecord &r : srvs)
        records.append({DnsRecordType::SRV, r.name(), r.timeToLive(), {}, r.target(), 0, r.priority(), r.weight(), r.port(), {}});
    const auto txts = lookup.textRecords();
    for (const QDnsTextRecord &r : txts)
        records.append({DnsRecordType::TXT, r.name(), r.timeToLive(), {}, {}, 0, 0, 0, 0, r.values()});
    return records;
}

} // namespace

struct DnsLookup::Private {
    std::chrono::milliseconds timeout = kDefaultTimeout;
    QTimer timer;
    quint64 lastId = 0;
    quint64 currentId = 0;
    QPointer<QDnsLookup> query;
    DnsResult pending;
    QElapsedTimer elapsed;
};

DnsLookup::DnsLookup(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->timer.setSingleShot(true);
    d->timer.setTimerType(Qt::PreciseTimer);
    connect(&d->timer, &QTimer::timeout, this, [this] {
        if (d->currentId == 0)
            return;
        DnsResult result = d->pending;
        result.error = DnsError::Timeout;
        result.elapsedUs = d->elapsed.nsecsElapsed() / 1000;
        cancel();
        Q_EMIT finished(result);
    });
}

DnsLookup::~DnsLookup()
{
    cancel();
}

void DnsLookup::setTimeout(std::chrono::milliseconds timeout)
{
    d->timeout = timeout;
}

std::chrono::milliseconds DnsLookup::timeout() const
{
    return d->timeout;
}

quint64 DnsLookup::lookup(const QString &name, DnsRecordType type, const QHostAddress &nameServer)
{
    cancel();
    const quint64 id = ++d->lastId;
    d->currentId = id;
    DnsResult request;
    request.id = id;
    request.name = name;
    request.type = type;
    request.nameServer = nameServer;
    d->pending = request;
    d->elapsed.start();

    if (!isPlausibleDnsName(name)) {
        request.error = DnsError::InvalidName;
        QMetaObject::invokeMethod(
            this,
            [this, request] {
                if (request.id != d->currentId)
                    return;
                d->currentId = 0;
                Q_EMIT finished(request);
            },
            Qt::QueuedConnection);
        return id;
    }
    auto *query = nameServer.isNull() ? new QDnsLookup(toQt(type), name, this)
                                      : new QDnsLookup(toQt(type), name, nameServer, this);
    d->query = query;
    connect(query, &QDnsLookup::finished, this, [this, query, request]() mutable {
        query->deleteLater();
        if (request.id != d->currentId)
            return;
        d->currentId = 0;
        d->timer.stop();
        d->query.clear();
        request.elapsedUs = d->elapsed.nsecsElapsed() / 1000;
        request.error = fromQt(query->error());
        if (!request.ok())
            request.systemMessage = query->errorString();
        request.records = collectRecords(*query);
        Q_EMIT finished(request);
    });
    d->timer.start(d->timeout);
    query->lookup();
    return id;
}

void DnsLookup::cancel()
{
    d->currentId = 0;
    d->timer.stop();
    if (QDnsLookup *query = d->query.data()) {
        d->query.clear();
        query->disconnect(this);
        query->abort();
        query->deleteLater();
    }
}

bool DnsLookup::isRunning() const
{
    return d->currentId != 0;
}

std::optional<DnsRecordType> dnsRecordTypeFromString(QStringView text)
{
    for (const auto &[type, name] : kTypeNames) {
        if (text.compare(QLatin1StringView(name), Qt::CaseInsensitive) == 0)
            return type;
    }
    return std::nullopt;
}

QString dnsRecordTypeKey(DnsRecordType type)
{
    for (const auto &[candidate, name] : kTypeNames) {
        if (candidate == type)
            return QString::fromLatin1(name);
    }
    return {};
}

QList<DnsRecordType> allDnsRecordTypes()
{
    QList<DnsRecordType> types;
    for (const auto &entry : kTypeNames)
        types.append(entry.first);
    return types;
}

QString reverseDnsName(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v = address.toIPv4Address();
        return QString::number(v & 0xff) + u'.' + QString::number((v >> 8) & 0xff) + u'.'
               + QString::number((v >> 16) & 0xff) + u'.' + QString::number(v >> 24) + u".in-addr.arpa"_s;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        QString name;
        for (int i = 15; i >= 0; --i) {
            name += QString::number(bytes.c[i] & 0xf, 16) + u'.';
            name += QString::number(bytes.c[i] >> 4, 16) + u'.';
        }
        return name + u"ip6.arpa"_s;
    }
    return {};
}

QString dnsErrorKey(DnsError error)
{
    switch (error) {
    case DnsError::None: return u"none"_s;
    case DnsError::InvalidName: return u"invalid-name"_s;
    case DnsError::NotFound: return u"not-found"_s;
    case DnsError::ServerFailure: return u"server-failure"_s;
    case DnsError::ServerRefused: return u"server-refused"_s;
    case DnsError::InvalidReply: return u"invalid-reply"_s;
    case DnsError::InvalidRequest: return u"invalid-request"_s;
    case DnsError::ResolverError: return u"resolver-error"_s;
    case DnsError::Timeout: return u"timeout"_s;
    case DnsError::Other: return u"other"_s;
    }
    return {};
}

} // namespace netcore::lookup

#include "lookup/reverselookup.h"

#include "lookup/hostsfile.h"
#include "lookup/resultgate_p.h"

#include <QElapsedTimer>
#include <QNetworkInterface>
#include <QTimer>
#include <QtEndian>

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace netcore::lookup {
namespace {

ReverseLookupResult resolve(ReverseLookupResult result)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (result.address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = qToBigEndian(result.address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        const Q_IPV6ADDR bytes = result.address.toIPv6Address();
        std::memcpy(in6->sin6_addr.s6_addr, bytes.c, 16);
        const QString scope = result.address.scopeId();
        bool numeric = false;
        const uint index = scope.toUInt(&numeric);
        in6->sin6_scope_id = numeric ? index : uint(qMax(0, QNetworkInterface::interfaceIndexFromName(scope)));
        length = sizeof(sockaddr_in6);
    }
    char host[NI_MAXHOST] = {};
    QElapsedTimer timer;
    timer.start();
    const int rc = ::getnameinfo(reinterpret_cast<const sockaddr *>(&storage), length, host, sizeof host, nullptr, 0,
                                 NI_NAMEREQD);
    result.elapsedUs = timer.nsecsElapsed() / 1000;
    result.systemCode = rc;
    result.error = resolveErrorFromEai(rc);
    if (rc != 0)
        result.systemMessage = QString::fromLocal8Bit(rc == EAI_SYSTEM ? std::strerror(errno) : ::gai_strerror(rc));
    else
        result.hostName = QString::fromUtf8(host);
    const QList<HostsFileEntry> entries = hostsFileEntriesFor(readHostsFile(), result.address);
    for (const HostsFileEntry &entry : entries)
        result.hostsFileNames.append(entry.names);
    result.hostsFileNames.removeDuplicates();
    return result;
}

} // namespace

struct ReverseLookup::Private {
    std::shared_ptr<detail::ResultGate> gate;
    std::chrono::milliseconds timeout = kDefaultTimeout;
    QTimer timer;
    quint64 lastId = 0;
    quint64 currentId = 0;
    ReverseLookupResult pending;
    QElapsedTimer elapsed;
};

ReverseLookup::ReverseLookup(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->gate = std::make_shared<detail::ResultGate>(this);
    d->timer.setSingleShot(true);
    d->timer.setTimerType(Qt::PreciseTimer);
    connect(&d->timer, &QTimer::timeout, this, [this] {
        if (d->currentId == 0)
            return;
        ReverseLookupResult result = d->pending;
        result.error = ResolveError::Timeout;
        result.elapsedUs = d->elapsed.nsecsElapsed() / 1000;
        d->currentId = 0;
        emit finished(result);
    });
}

ReverseLookup::~ReverseLookup()
{
    d->gate->close();
}

void ReverseLookup::setTimeout(std::chrono::milliseconds timeout)
{
    d->timeout = timeout;
}

std::chrono::milliseconds ReverseLookup::timeout() const
{
    return d->timeout;
}

quint64 ReverseLookup::lookup(const QHostAddress &address)
{
    cancel();
    const quint64 id = ++d->lastId;
    d->currentId = id;
    ReverseLookupResult request;
    request.id = id;
    request.address = address;
    d->pending = request;
    d->elapsed.start();

    auto deliver = [this](const ReverseLookupResult &result) {
        if (result.id != d->currentId)
            return;
        d->currentId = 0;
        d->timer.stop();
        emit finished(result);
    };
    const auto protocol = address.protocol();
    if (protocol != QAbstractSocket::IPv4Protocol && protocol != QAbstractSocket::IPv6Protocol) {
        request.error = ResolveError::InvalidInput;
        QMetaObject::invokeMethod(this, [deliver, request] { deliver(request); }, Qt::QueuedConnection);
        return id;
    }
    d->timer.start(d->timeout);
    const std::shared_ptr<detail::ResultGate> gate = d->gate;
    const bool started = detail::startDetached([gate, request, deliver] {
        const ReverseLookupResult result = resolve(request);
        gate->post([deliver, result] { deliver(result); });
    });
    if (!started) {
        request.error = ResolveError::Other;
        request.systemMessage = QString::fromLocal8Bit(std::strerror(EAGAIN));
        QMetaObject::invokeMethod(this, [deliver, request] { deliver(request); }, Qt::QueuedConnection);
    }
    return id;
}

void ReverseLookup::cancel()
{
    d->currentId = 0;
    d->timer.stop();
}

bool ReverseLookup::isRunning() const
{
    return d->currentId != 0;
}

} // namespace netcore::lookup

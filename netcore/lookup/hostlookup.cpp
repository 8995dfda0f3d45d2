#include "lookup/hostlookup.h"

#include "lookup/hostsfile.h"
#include "lookup/resultgate_p.h"

#include <QElapsedTimer>
#include <QTimer>

#include <netdb.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace netcore::lookup {
namespace {

constexpr qsizetype kMaxNameLength = 254; // 253 plus an optional trailing dot

HostLookupResult resolve(HostLookupResult result)
{
    addrinfo hints{};
    hints.ai_family = result.family == FamilyFilter::Ipv4Only ? AF_INET
                      : result.family == FamilyFilter::Ipv6Only ? AF_INET6
                                                                : AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM; // one entry per address instead of one per socket type
    hints.ai_flags = AI_CANONNAME;
    const QByteArray name = result.name.toUtf8();
    addrinfo *list = nullptr;
    QElapsedTimer timer;
    timer.start();
    const int rc = ::getaddrinfo(name.constData(), nullptr, &hints, &list);
    result.elapsedUs = timer.nsecsElapsed() / 1000;
    result.systemCode = rc;
    result.error = resolveErrorFromEai(rc);
    if (rc != 0) {
        result.systemMessage = QString::fromLocal8Bit(rc == EAI_SYSTEM ? std::strerror(errno) : ::gai_strerror(rc));
    } else {
        for (const addrinfo *entry = list; entry; entry = entry->ai_next) {
            if (entry->ai_canonname && result.canonicalName.isEmpty())
                result.canonicalName = QString::fromUtf8(entry->ai_canonname);
            QHostAddress address(entry->ai_addr);
            if (!address.isNull() && !result.addresses.contains(address))
                result.addresses.append(address);
        }
        ::freeaddrinfo(list);
    }
    const QList<HostsFileEntry> entries = hostsFileEntriesFor(readHostsFile(), result.name);
    for (const HostsFileEntry &entry : entries) {
        if (!result.hostsFileAddresses.contains(entry.address))
            result.hostsFileAddresses.append(entry.address);
    }
    return result;
}

} // namespace

struct HostLookup::Private {
    std::shared_ptr<detail::ResultGate> gate;
    std::chrono::milliseconds timeout = kDefaultTimeout;
    QTimer timer;
    quint64 lastId = 0;
    quint64 currentId = 0; // 0 when idle
    HostLookupResult pending; // what to report on timeout
    QElapsedTimer elapsed;
};

HostLookup::HostLookup(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->gate = std::make_shared<detail::ResultGate>(this);
    d->timer.setSingleShot(true);
    d->timer.setTimerType(Qt::PreciseTimer);
    connect(&d->timer, &QTimer::timeout, this, [this] {
        if (d->currentId == 0)
            return;
        HostLookupResult result = d->pending;
        result.error = ResolveError::Timeout;
        result.elapsedUs = d->elapsed.nsecsElapsed() / 1000;
        d->currentId = 0;
        emit finished(result);
    });
}

HostLookup::~HostLookup()
{
    d->gate->close();
}

void HostLookup::setTimeout(std::chrono::milliseconds timeout)
{
    d->timeout = timeout;
}

std::chrono::milliseconds HostLookup::timeout() const
{
    return d->timeout;
}

quint64 HostLookup::lookup(const QString &name, FamilyFilter family)
{
    cancel();
    const quint64 id = ++d->lastId;
    d->currentId = id;
    HostLookupResult request;
    request.id = id;
    request.name = name;
    request.family = family;
    d->pending = request;
    d->elapsed.start();

    auto deliver = [this](const HostLookupResult &result) {
        if (result.id != d->currentId)
            return; // cancelled, superseded or timed out
        d->currentId = 0;
        d->timer.stop();
        emit finished(result);
    };
    if (name.isEmpty() || name.size() > kMaxNameLength || name.contains(QChar(0))) {
        request.error = ResolveError::InvalidInput;
        QMetaObject::invokeMethod(this, [deliver, request] { deliver(request); }, Qt::QueuedConnection);
        return id;
    }
    d->timer.start(d->timeout);
    const std::shared_ptr<detail::ResultGate> gate = d->gate;
    const bool started = detail::startDetached([gate, request, deliver] {
        const HostLookupResult result = resolve(request);
        gate->post([deliver, result] { deliver(result); });
    });
    if (!started) {
        request.error = ResolveError::Other;
        request.systemMessage = QString::fromLocal8Bit(std::strerror(EAGAIN));
        QMetaObject::invokeMethod(this, [deliver, request] { deliver(request); }, Qt::QueuedConnection);
    }
    return id;
}

void HostLookup::cancel()
{
    d->currentId = 0;
    d->timer.stop();
}

bool HostLookup::isRunning() const
{
    return d->currentId != 0;
}

} // namespace netcore::lookup

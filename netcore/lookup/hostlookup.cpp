#include "netcore/lookup/hostlookup.h"

#include "netcore/lookup/blockinglookup_p.h"
#include "netcore/lookup/hostsfile.h"

#include <QElapsedTimer>

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
    explicit Private(HostLookup *q) : runner(q, kDefaultTimeout, [q](const HostLookupResult &result) { Q_EMIT q->finished(result); }) {}
    detail::BlockingLookup<HostLookupResult> runner;
};

HostLookup::HostLookup(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this)) {}

HostLookup::~HostLookup() = default;

void HostLookup::setTimeout(std::chrono::milliseconds timeout)
{
    d->runner.setTimeout(timeout);
}

std::chrono::milliseconds HostLookup::timeout() const
{
    return d->runner.timeout();
}

quint64 HostLookup::lookup(const QString &name, FamilyFilter family)
{
    HostLookupResult request;
    request.name = name;
    request.family = family;
    const bool valid = !name.isEmpty() && name.size() <= kMaxNameLength && !name.contains(QChar(0));
    return d->runner.start(request, valid, resolve);
}

void HostLookup::cancel()
{
    d->runner.cancel();
}

bool HostLookup::isRunning() const
{
    return d->runner.isRunning();
}

} // namespace netcore::lookup

#include "netcore/lookup/reverselookup.h"

#include "netcore/lookup/blockinglookup_p.h"
#include "netcore/lookup/hostsfile.h"

#include <QElapsedTimer>
#include <QNetworkInterface>
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
    explicit Private(ReverseLookup *q) : runner(q, kDefaultTimeout, [q](const ReverseLookupResult &result) { Q_EMIT q->finished(result); }) {}
    detail::BlockingLookup<ReverseLookupResult> runner;
};

ReverseLookup::ReverseLookup(QObject *parent) : QObject(parent), d(std::make_unique<Private>(this)) {}

ReverseLookup::~ReverseLookup() = default;

void ReverseLookup::setTimeout(std::chrono::milliseconds timeout)
{
    d->runner.setTimeout(timeout);
}

std::chrono::milliseconds ReverseLookup::timeout() const
{
    return d->runner.timeout();
}

quint64 ReverseLookup::lookup(const QHostAddress &address)
{
    ReverseLookupResult request;
    request.address = address;
    const auto protocol = address.protocol();
    const bool valid = protocol == QAbstractSocket::IPv4Protocol || protocol == QAbstractSocket::IPv6Protocol;
    return d->runner.start(request, valid, resolve);
}

void ReverseLookup::cancel()
{
    d->runner.cancel();
}

bool ReverseLookup::isRunning() const
{
    return d->runner.isRunning();
}

} // namespace netcore::lookup

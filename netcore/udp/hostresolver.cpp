#include "netcore/udp/hostresolver.h"

#include "netcore/lookup/hostlookup.h"

#include <QEventLoop>
#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace netcore::udp {

HostResolver::HostResolver(QObject *parent)
    : QObject(parent), m_lookup(new lookup::HostLookup(this))
{
    connect(m_lookup, &lookup::HostLookup::finished, this, &HostResolver::onLookupFinished);
}

HostResolver::~HostResolver() = default;

std::optional<QHostAddress> HostResolver::literalAddress(const QString &host)
{
    const QString text = host.trimmed();
    if (text == "<broadcast>"_L1)
        return QHostAddress(QHostAddress::Broadcast);
    QHostAddress address;
    if (address.setAddress(text))
        return address;
    return std::nullopt;
}

QHostAddress HostResolver::preferredAddress(const QList<QHostAddress> &addresses)
{
    for (const QHostAddress &candidate : addresses) {
        if (candidate.protocol() == QAbstractSocket::IPv4Protocol)
            return candidate;
    }
    return addresses.value(0);
}

void HostResolver::setTimeout(std::chrono::milliseconds timeout)
{
    m_lookup->setTimeout(timeout);
}

std::chrono::milliseconds HostResolver::timeout() const
{
    return m_lookup->timeout();
}

void HostResolver::resolve(const QString &host)
{
    cancel();
    m_host = host;
    const quint64 generation = ++m_generation;
    if (const std::optional<QHostAddress> literal = literalAddress(host)) {
        m_literalPending = true;
        const QHostAddress address = *literal;
        QMetaObject::invokeMethod(this, [this, generation, address] {
            if (generation != m_generation || !m_literalPending)
                return;
            m_literalPending = false;
            Q_EMIT finished(HostResolution{m_host, address, lookup::ResolveError::None, {}});
        }, Qt::QueuedConnection);
        return;
    }
    m_lookup->lookup(host.trimmed(), lookup::FamilyFilter::Any);
}

void HostResolver::cancel()
{
    m_literalPending = false;
    ++m_generation;
    m_lookup->cancel();
}

bool HostResolver::isRunning() const
{
    return m_literalPending || m_lookup->isRunning();
}

void HostResolver::onLookupFinished(const lookup::HostLookupResult &result)
{
    HostResolution resolution{m_host, {}, result.error, result.systemMessage};
    if (resolution.ok()) {
        resolution.address = preferredAddress(result.addresses);
        if (resolution.address.isNull())
            resolution.error = lookup::ResolveError::NoSuchHost;
    }
    Q_EMIT finished(resolution);
}

HostResolution HostResolver::resolveAndWait(const QString &host)
{
    if (const std::optional<QHostAddress> literal = literalAddress(host))
        return HostResolution{host, *literal, lookup::ResolveError::None, {}};
    HostResolution resolution{host, {}, lookup::ResolveError::Timeout, {}};
    QEventLoop loop;
    const QMetaObject::Connection connection = connect(this, &HostResolver::finished, &loop, [&](const HostResolution &result) {
        resolution = result;
        loop.quit();
    });
    resolve(host);
    if (isRunning())
        loop.exec(); // HostLookup's own timeout ends it
    disconnect(connection);
    return resolution;
}

} // namespace netcore::udp

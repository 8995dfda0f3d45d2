#pragma once

#include "netcore/lookup/resolveerror.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <chrono>
#include <optional>

namespace netcore::lookup {
class HostLookup;
struct HostLookupResult;
} // namespace netcore::lookup

// Where a datagram goes, from what a person typed: an address ("1.2.3.4", "::1"), "<broadcast>" (Python's name
// for 255.255.255.255) or a host name, resolved through netcore::lookup::HostLookup (getaddrinfo: /etc/hosts,
// then DNS) with IPv4 preferred, as the course's sockets are AF_INET. The one resolver of the UDP tab's sender
// and `socketeer udp send`.
namespace netcore::udp {

struct HostResolution {
    bool ok() const { return error == lookup::ResolveError::None; }

    QString host;                 // as asked
    QHostAddress address;         // null on failure
    lookup::ResolveError error = lookup::ResolveError::None;
    QString systemMessage;        // the C library's words for Other (verbatim)
};

class HostResolver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostResolver)

public:
    explicit HostResolver(QObject *parent = nullptr);
    ~HostResolver() override;

    // An address or "<broadcast>" at once, without a lookup; nullopt for anything else.
    static std::optional<QHostAddress> literalAddress(const QString &host);
    // The address a sender uses among a lookup's answers: the first IPv4 one, else the first one (null if none).
    static QHostAddress preferredAddress(const QList<QHostAddress> &addresses);

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const;

    // Starts resolving `host` (a running resolution is dropped). finished() always follows, asynchronously,
    // also for an address literal, unless cancel() comes first.
    void resolve(const QString &host);
    void cancel();
    bool isRunning() const;

    // For front ends without their own event loop at hand (the command line): resolves and waits (a local event
    // loop runs meanwhile), at most timeout().
    HostResolution resolveAndWait(const QString &host);

Q_SIGNALS:
    void finished(const netcore::udp::HostResolution &result);

private:
    void onLookupFinished(const lookup::HostLookupResult &result);

    lookup::HostLookup *m_lookup = nullptr;
    QString m_host;
    bool m_literalPending = false;
    quint64 m_generation = 0;
};

} // namespace netcore::udp

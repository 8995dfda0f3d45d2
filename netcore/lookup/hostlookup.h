#pragma once

#include "netcore/lookup/resolveerror.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

// Host name -> addresses, the way gethostbyname()/getaddrinfo() do it: through NSS, so /etc/hosts is honoured
// (unlike a DNS query). getaddrinfo(AI_CANONNAME) runs on a worker thread; the result arrives as a signal in the
// engine's thread. getaddrinfo itself cannot be interrupted: cancel() (or destroying the engine, or the timeout)
// drops its result when it eventually comes.
namespace netcore::lookup {

enum class FamilyFilter { Any, Ipv4Only, Ipv6Only }; // AF_UNSPEC / AF_INET / AF_INET6

struct HostLookupResult {
    bool ok() const { return error == ResolveError::None; }

    quint64 id = 0;                    // as returned by HostLookup::lookup()
    QString name;                      // as asked
    FamilyFilter family = FamilyFilter::Any;
    ResolveError error = ResolveError::None;
    int systemCode = 0;                // the EAI_* code (0 on success or for InvalidInput/Timeout)
    QString systemMessage;             // gai_strerror(systemCode), the C library's English text; empty if 0
    QString canonicalName;             // ai_canonname (may equal name)
    QList<QHostAddress> addresses;     // in getaddrinfo's order (RFC 6724 preference), without duplicates
    qint64 elapsedUs = 0;              // time getaddrinfo took (or until the timeout)
    QList<QHostAddress> hostsFileAddresses; // what /etc/hosts lists for this name (read separately; may be empty)
};

class HostLookup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostLookup)

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

    explicit HostLookup(QObject *parent = nullptr);
    ~HostLookup() override; // safe while a worker runs: its result is dropped

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const;

    // Starts a lookup and returns its id (> 0). A lookup still running is cancelled first (its result dropped).
    // finished() always follows, asynchronously (also for InvalidInput), unless cancelled.
    quint64 lookup(const QString &name, FamilyFilter family = FamilyFilter::Any);
    // Drops the running lookup's result: no finished() is emitted for it. No-op when idle.
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void finished(const netcore::lookup::HostLookupResult &result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace netcore::lookup

#pragma once

#include "netcore/lookup/resolveerror.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

// Address -> host name, like gethostbyaddr(): getnameinfo(NI_NAMEREQD) on a worker thread (NSS, so /etc/hosts
// is honoured before reverse DNS). Same threading and cancel rules as HostLookup.
namespace netcore::lookup {

struct ReverseLookupResult {
    bool ok() const { return error == ResolveError::None; }

    quint64 id = 0;
    QHostAddress address;              // as asked
    ResolveError error = ResolveError::None;
    int systemCode = 0;                // EAI_* from getnameinfo
    QString systemMessage;             // gai_strerror(systemCode), English; empty if 0
    QString hostName;                  // the name found
    qint64 elapsedUs = 0;
    QStringList hostsFileNames;        // names /etc/hosts lists for this address (read separately; may be empty)
};

class ReverseLookup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReverseLookup)

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

    explicit ReverseLookup(QObject *parent = nullptr);
    ~ReverseLookup() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const;

    // Starts a reverse lookup (a null address finishes with InvalidInput); returns its id (> 0).
    quint64 lookup(const QHostAddress &address);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void finished(const netcore::lookup::ReverseLookupResult &result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace netcore::lookup

#pragma once

#include "netcore/common/error.h"
#include "netcore/files/errors.h"

#include <QMetaType>
#include <QMutex>
#include <QSet>
#include <QString>

#include <chrono>

namespace netcore::files {

// FileServer's limits at first (docs/reliability.md, "Files").
inline constexpr int kDefaultMaxClients = 64;
inline constexpr int kDefaultMaxPerHost = 16;
inline constexpr std::chrono::seconds kHelloTimeout{60};       // no complete request since connecting
inline constexpr std::chrono::seconds kRequestTimeout{30};     // a control line begun and not complete
inline constexpr std::chrono::minutes kSessionIdleTimeout{10}; // no complete request, no transfer progress
inline constexpr std::chrono::seconds kDrainTimeout{60};       // output pending, not one byte taken
inline constexpr qint64 kMinTransferRate = 1024;               // bytes/s during an upload or download ...
inline constexpr std::chrono::seconds kRateWindow{30};         // ... averaged over this window
// Unfinished uploads (ServerOptions' defaults).
inline constexpr std::chrono::hours kPartialLifetime{24};
inline constexpr std::chrono::minutes kPartialSweepInterval{10};
inline constexpr qint64 kMaxPartialBytes = qint64(16) << 30;   // 16 GiB announced by all unfinished uploads
inline constexpr int kMaxPartials = 256;
inline constexpr qint64 kMinFreeBytes = qint64(64) << 20;      // an upload may not leave less free on the disk
inline constexpr qint64 kChunkSize = 256 * 1024;      // one disk read / socket write
inline constexpr qint64 kSendHighWater = 1 << 20;     // refill the socket below this many queued bytes
inline constexpr qint64 kReadBufferSize = 1 << 20;    // QTcpSocket's read buffer: bounds memory per client

enum class ServerDialect {
    Native,   // socketeer-files/1 (docs/protocols/files.md)
    Classic,  // the course's 2018/19 L/G/P/Q and 2020 LIST/RETR/STOR/EXIT, no framing
};

struct ServerOptions {
    QString root;
    bool readOnly = false;
    bool allowOverwrite = false;      // off by default, like tftpd-hpa
    qint64 maxUploadSize = -1;        // bytes; < 0: no limit
    ServerDialect dialect = ServerDialect::Native;
    // Unfinished uploads (native): removed when not written to for partialLifetime (0: kept), looked for at
    // start and every partialSweepInterval; a PUT is refused (507) when the unfinished uploads' announced sizes
    // would pass maxPartialBytes or their number maxPartials (0: no bound), or when the disk would keep less
    // than minFreeBytes free (0: no check).
    std::chrono::milliseconds partialLifetime = kPartialLifetime;
    std::chrono::milliseconds partialSweepInterval = kPartialSweepInterval;
    qint64 maxPartialBytes = kMaxPartialBytes;
    int maxPartials = kMaxPartials;
    qint64 minFreeBytes = kMinFreeBytes;
};

// What a finished (or failed) transfer was, reported by the server for logs and the tab.
struct TransferRecord {
    QString peer;
    QString name;
    bool upload = false;
    qint64 bytes = 0;         // bytes that crossed the wire for it
    Error error = Error::None;         // what went wrong (None: it worked)
    common::ErrorDetail detail;       // path, peer, the file system's words
    bool ok() const { return error == Error::None; }
};

// Names being uploaded right now, shared by every session of one server (two clients never write one name),
// and the partial files they write (the sweep leaves those alone). quotaMutex() serialises the quota check with the
// creation of a partial.
class UploadRegistry final
{
public:
    QMutex &quotaMutex() { return m_quota; }
    void addActive(const QString &partial)
    {
        const QMutexLocker lock(&m_mutex);
        m_active.insert(partial);
    }
    void removeActive(const QString &partial)
    {
        const QMutexLocker lock(&m_mutex);
        m_active.remove(partial);
    }
    QSet<QString> active()
    {
        const QMutexLocker lock(&m_mutex);
        return m_active;
    }

    bool claim(const QString &name)
    {
        const QMutexLocker lock(&m_mutex);
        if (m_names.contains(name))
            return false;
        m_names.insert(name);
        return true;
    }
    void release(const QString &name)
    {
        const QMutexLocker lock(&m_mutex);
        m_names.remove(name);
    }

private:
    QMutex m_mutex;
    QMutex m_quota;
    QSet<QString> m_names;
    QSet<QString> m_active;
};

} // namespace netcore::files

Q_DECLARE_METATYPE(netcore::files::TransferRecord)

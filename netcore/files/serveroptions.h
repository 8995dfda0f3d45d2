#pragma once

#include "netcore/common/error.h"
#include "netcore/files/errors.h"

#include <QMetaType>
#include <QMutex>
#include <QSet>
#include <QString>

#include <chrono>

namespace netcore::files {

inline constexpr int kDefaultMaxClients = 64;                 // FileServer's limits().maxClients at first
inline constexpr std::chrono::minutes kSessionIdleTimeout{10};
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

// Names being uploaded right now, shared by every session of one server (two clients never write one name).
class UploadRegistry final
{
public:
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
    QSet<QString> m_names;
};

} // namespace netcore::files

Q_DECLARE_METATYPE(netcore::files::TransferRecord)

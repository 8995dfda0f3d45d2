#pragma once

#include "netcore/common/server.h"
#include "netcore/common/serverload.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAbstractSocket;
class QIODevice;
class QLocalSocket;
class QTimer;

namespace netcore::common {

// The one place a server-side connection is bounded in output and time (docs/reliability.md). Every server
// (chat, files, HTTP, TCP) wraps each accepted socket in one and follows the same contract:
//   * write through write(): the bytes count as queued output (per connection and in the server's load())
//     until the kernel takes them, and arm the drain deadline;
//   * before consuming the next request, ask readingPaused(): while the unsent output is above
//     limits.maxQueuedOutput the connection's requests wait (pipelining waits instead of amplifying), and
//     resumed() says when to read again (output fell to half the bound);
//   * say helloDone() when the peer has joined / said hello, requestBegun() at a request's first byte and
//     requestDone() when it is complete: only a complete request resets the idle deadline, and one byte
//     now and then cannot hold a request open past requestTimeout;
//   * setBuffered(n): input the connection holds (partial requests, bodies) counts in the server's load();
//   * transferProgress(n) during a long transfer feeds the minimum-rate check.
// When a deadline passes, expired(which) is emitted (the server may say its protocol's goodbye, already
// queued bytes are not waited for) and the socket is aborted right after: abort, never a graceful close that
// could wait forever. The guard lives in the socket's thread and does not own the socket. It bounds Qt's read-ahead
// to 64 KiB unless the server set a bound of its own.
// A TCP socket (QAbstractSocket) and a Unix-domain socket (QLocalSocket, not a QAbstractSocket) are guarded by
// the same code: what the guard needs is the QIODevice (write, bytesToWrite, bytesWritten) and three hooks —
// whether the connection is still open, flush and abort — which each constructor binds to its socket type.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    ConnectionGuard(QAbstractSocket *socket, const ServerLimits &limits, std::shared_ptr<ServerLoad> load,
                    QObject *parent = nullptr);
    ConnectionGuard(QLocalSocket *socket, const ServerLimits &limits, std::shared_ptr<ServerLoad> load,
                    QObject *parent = nullptr);
    ~ConnectionGuard() override;   // gives back what the connection still counts in the load

    qint64 write(const QByteArray &bytes);
    // Output the server holds back outside the socket (a slow drip, a file still to stream): counted like queued.
    void setHeldOutput(qint64 bytes);
    qint64 queuedOutput() const;      // unsent bytes in the socket + held output
    bool readingPaused() const;

    void helloDone();
    void requestBegun();
    void requestDone();
    void setBuffered(qint64 bytes);
    // Reserves `bytes` more buffered input within the server's memory budget; false (and counted) when over it.
    bool reserveBuffered(qint64 bytes);
    qint64 buffered() const { return m_buffered; }
    void transferProgress(qint64 bytes);
    void stopRateCheck();

    // The deadline that ended the connection, if one did.
    bool hasExpired() const { return m_expired; }
    Deadline expiredDeadline() const { return m_which; }

    // Ends the connection now as if `which` had passed (the server decided, e.g. a too-slow reader).
    void expire(Deadline which);

Q_SIGNALS:
    void resumed();
    void expired(netcore::common::Deadline which);

private:
    // What the guard does to the socket besides QIODevice's calls (bound by each constructor).
    struct Hooks {
        std::function<bool()> isOpen;   // connected or closing (not yet unconnected)
        std::function<void()> flush;
        std::function<void()> abort;
    };
    void init(QIODevice *device, Hooks hooks);
    bool socketOpen() const { return m_socket && m_hooks.isOpen(); }
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    void onTick();
    void syncQueued();
    void armIdle();

    QPointer<QIODevice> m_socket;
    Hooks m_hooks;
    ServerLimits m_limits;
    std::shared_ptr<ServerLoad> m_load;
    QTimer *m_hello = nullptr;
    QTimer *m_request = nullptr;
    QTimer *m_idle = nullptr;
    QTimer *m_drain = nullptr;
    QTimer *m_rate = nullptr;
    QElapsedTimer m_rateClock;
    qint64 m_rateBytes = 0;
    qint64 m_counted = 0;      // queued output this guard has added to the load
    qint64 m_held = 0;
    qint64 m_buffered = 0;
    bool m_paused = false;
    bool m_expired = false;
    Deadline m_which = Deadline::Count;
};

} // namespace netcore::common

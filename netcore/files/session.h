#pragma once

#include "netcore/common/error.h"
#include "netcore/common/server.h"
#include "netcore/common/transcript.h"
#include "netcore/files/errors.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/serveroptions.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <chrono>
#include <memory>

class QTcpSocket;
class QTimer;

namespace netcore::common { class ConnectionGuard; }

namespace netcore::files {

// What every session of one server shares.
struct SessionContext {
    quint64 id = 0;                              // the client's id in the server's registry
    ServerOptions options;
    common::ServerLimits limits;                 // deadlines, output bound (the guard enforces them)
    std::shared_ptr<common::ServerLoad> load;    // the server's counters (may outlive the server by a moment)
    std::shared_ptr<std::atomic<qint64>> handled;   // requests answered by every session (FileServer::requestsHandled)
    std::shared_ptr<UploadRegistry> uploads;
    common::Transcript *transcript = nullptr;    // thread-safe
};

// One client of the file server, whatever the dialect (the server-side RemotePeer shape). Lives in its own
// thread (FileServer moves it there) and owns its socket. The base does the plumbing both dialects share: the
// socket from a descriptor, endpoints, the transcript, the connection's guard (output bound, deadlines: created
// here, in the session's thread), the byte counts reported to the server's registry (batched, through queued
// signals), the end.
class Session : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    ~Session() override;

    void start(qintptr descriptor);   // call in the session's thread
    void abort();                     // call in the session's thread: drop the client now
    quint64 id() const { return m_context.id; }

Q_SIGNALS:
    void transferFinished(const netcore::files::TransferRecord &record);
    void traffic(quint64 id, qint64 received, qint64 sent);   // bytes since the last report (every kTrafficInterval)
    void finished(quint64 id);

protected:
    explicit Session(SessionContext context, QObject *parent = nullptr);

    virtual void onStarted() = 0;        // the socket is open and the endpoints are known
    virtual void onReadyRead() = 0;
    virtual void onBytesWritten(qint64 bytes) = 0;   // the kernel took `bytes` of our output
    virtual void onClosed() = 0;         // the connection ended: report what was in flight, release what is held
    virtual void onResumed() = 0;        // output fell below the bound: consume the requests that waited

    template<typename E>
    void note(E code, const QStringList &args = {})
    {
        if (m_transcript)
            m_transcript->appendEvent(code, args, m_local, m_peer);
    }
    void record(common::Direction direction, const QByteArray &bytes);
    void send(const QByteArray &bytes);                 // recorded, then written through the guard
    void sendData(const char *data, qint64 size);       // file data: written through the guard, not recorded
    void countRequest();                                // one request answered (FileServer::requestsHandled)
    QByteArray readSome(qint64 maxSize);                // from the socket, counted
    qint64 readInto(char *data, qint64 maxSize);        // from the socket, counted
    void report(const QString &name, bool upload, qint64 bytes, Error error = Error::None, const common::ErrorDetail &detail = {});
    void close();                                       // polite close (what was written still goes out)
    bool isClosed() const { return m_closed; }

    const ServerOptions &options() const { return m_context.options; }
    UploadRegistry &uploads() const { return *m_context.uploads; }
    const PathJail &jail() const { return m_jail; }
    common::ConnectionGuard *guard() const { return m_guard; }
    const QHostAddress &peerHost() const { return m_host; }

    QTcpSocket *m_socket = nullptr;

private:
    void handleReadyRead();
    void handleBytesWritten(qint64 bytes);
    void handleDisconnected();
    void handleExpired(common::Deadline which);
    void flushTraffic();

    SessionContext m_context;
    PathJail m_jail;
    QPointer<common::Transcript> m_transcript;
    common::ConnectionGuard *m_guard = nullptr;
    QTimer *m_trafficTimer = nullptr;
    QHostAddress m_host;
    QString m_local;
    QString m_peer;
    qint64 m_received = 0;
    qint64 m_sent = 0;
    bool m_closed = false;
};

inline constexpr std::chrono::milliseconds kTrafficInterval{250};

// The one place the server's dialect is chosen: a session for a new client, and what a client over the limit is told.
Session *createSession(ServerDialect dialect, SessionContext context);
QByteArray refusalFor(ServerDialect dialect, common::Admission why, const common::ServerLimits &limits);

} // namespace netcore::files

#pragma once

#include "netcore/chat/protocol.h"
#include "netcore/common/connectionguard.h"
#include "netcore/common/server.h"
#include "netcore/common/transcript.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QTcpSocket;

namespace netcore::chat {

// One native (TCP) client of ChatServer. Owns its socket and the socket's common::ConnectionGuard, through which
// every byte to the client is written (docs/reliability.md, "Chat"). Turns bytes into messages (answering bad
// lines with ERR and PING with PONG itself). While the client's unsent output is above the bound
// (limits.maxQueuedOutput) it decodes no further line: its own requests wait for it to read (backpressure).
// A broadcast that finds it above the bound makes send() return false: the server drops it as too slow.
// Deadlines (hello, request, drain) end it through the guard. Lives in the server's thread.
class ServerConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConnection)

public:
    // id: the connection's id in the server's client list (0: not in it, a refused connection).
    ServerConnection(QTcpSocket *socket, quint64 id, common::Transcript *transcript, const common::ServerLimits &limits,
                     std::shared_ptr<common::ServerLoad> load, QObject *parent = nullptr);
    ~ServerConnection() override;

    // Queues one encoded line; false when the client's unsent bytes are past the bound (it is too slow).
    bool send(const QByteArray &line);
    void sendMessage(const Message &message) { send(encode(message, Origin::Server)); }
    void sendError(const char *code, const QString &reason);
    // Flushes what is queued, then closes (QUIT, server full); aborted after `grace` if the peer does not read.
    void closeGracefully(std::chrono::milliseconds grace);
    // Hands the kernel what it takes now (the goodbye when the server stops).
    void flush();
    // Closes at once, discarding unsent bytes (the operator disconnected it).
    void abort();
    // Ends the connection as if `which` had passed (too slow: Drain; silent too long: Idle).
    void expire(common::Deadline which);
    // The client has joined: the hello deadline no longer applies.
    void joined();

    QString peer() const { return m_peer; }
    bool isConnected() const;                     // the socket is not closed yet
    // Why the connection ended, as a LEAVE reason: a missed deadline or a bound hit, else Lost.
    LeaveReason endReason() const;
    qint64 queuedOutput() const { return m_guard->queuedOutput(); }

    // Room bookkeeping, owned by the server.
    const quint64 id;
    QString name;              // empty until NICK succeeds
    qint64 lastActivityMs = 0; // when the last line arrived (QDeadlineTimer-free steady clock, ms)
    bool pingOutstanding = false;
    bool quitting = false;

    static qint64 nowMs();

Q_SIGNALS:
    void messageReceived(const netcore::chat::Message &message);
    void closed();
    // Bytes that moved since the last report (for the server's client list).
    void bytesCounted(qint64 received, qint64 sent);

private:
    void processInput();
    void onDisconnected();
    void onExpired(common::Deadline which);
    void handleLine(const QByteArray &line);
    template <typename E>
    void record(E code, const QStringList &args = {})
    {
        if (m_transcript)
            m_transcript->appendEvent(code, args, m_local, m_peer);
    }

    QTcpSocket *m_socket = nullptr;
    common::ConnectionGuard *m_guard = nullptr;
    QPointer<common::Transcript> m_transcript;
    common::ServerLimits m_limits;
    LineBuffer m_lines;
    QString m_local;
    QString m_peer;
    bool m_open = true;
    bool m_processing = false;
};

} // namespace netcore::chat

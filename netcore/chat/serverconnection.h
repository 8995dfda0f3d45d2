#pragma once

#include "netcore/chat/protocol.h"
#include "netcore/common/transcript.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;


namespace netcore::chat {

// One native (TCP) client of ChatServer. Owns its socket; turns bytes into messages (answering bad lines with
// ERR and PING with PONG itself) and bounds what waits to be written: past the bound, send() says so and the
// server drops the client as too slow. Lives in the server's thread.
class ServerConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConnection)

public:
    // id: the connection's id in the server's client list (0: not in it, a refused connection).
    ServerConnection(QTcpSocket *socket, quint64 id, common::Transcript *transcript, qint64 maxPendingBytes,
                     QObject *parent = nullptr);
    ~ServerConnection() override;

    // Queues one encoded line; false when the client's unsent bytes are past the bound (it is too slow).
    bool send(const QByteArray &line);
    void sendMessage(const Message &message) { send(encode(message, Origin::Server)); }
    void sendError(const char *code, const QString &reason);
    // Flushes what is queued, then closes (QUIT, server full).
    void closeGracefully();
    // Closes at once, discarding unsent bytes (too slow, timeout, shutdown).
    void abort();

    QString peer() const { return m_peer; }
        bool isConnected() const;                     // the socket is not closed yet

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
    void onReadyRead();
    void onDisconnected();
    void handleLine(const QByteArray &line);
    template <typename E>
    void record(E code, const QStringList &args = {})
    {
        if (m_transcript)
            m_transcript->appendEvent(code, args, m_local, m_peer);
    }

    QTcpSocket *m_socket = nullptr;
    QPointer<common::Transcript> m_transcript;
    qint64 m_maxPendingBytes = 0;
    LineBuffer m_lines;
    QString m_local;
    QString m_peer;
    bool m_open = true;
};

} // namespace netcore::chat

#include "netcore/tcp/tcpserver.h"

#include "netcore/common/connectionguard.h"
#include "netcore/common/listener.h"
#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"

#include <QTcpSocket>
#include <QTimer>

#include <cerrno>

using namespace Qt::StringLiterals;
using netcore::common::Admission;
using netcore::common::ConnectionGuard;
using netcore::common::Deadline;

namespace netcore::tcp {
TcpServer::TcpServer(common::Transcript *transcript, QObject *parent)
    : common::Server(parent)
    , m_transcript(transcript)
{
    common::ServerLimits defaults = limits();
    defaults.drainTimeout = kDefaultDrainTimeout;
    setLimits(defaults);
}

TcpServer::~TcpServer()
{
    // Sockets are children: they go with the server; their guards give back what they counted.
    for (const Connection &connection : std::as_const(m_connections))
        disconnect(connection.socket, nullptr, this, nullptr);
}

bool TcpServer::start(const QHostAddress &address, quint16 port)
{
    if (isListening())
        stop();
    delete m_listener;
    m_listener = new common::Listener(this);
    connect(m_listener, &QTcpServer::newConnection, this, &TcpServer::onNewConnection);
    if (!m_listener->listen(address, port)) {
        m_error = Error::ListenFailed;
        m_errorDetail = {};
        m_errorDetail.peer = common::endpointString(address, port);
        m_errorDetail.raw = m_listener->errorString();
        if (m_listener->serverError() == QAbstractSocket::AddressInUseError)
            m_errorDetail.sysError = EADDRINUSE;
        else if (m_listener->serverError() == QAbstractSocket::SocketAccessError)
            m_errorDetail.sysError = EACCES;
        delete m_listener;
        m_listener = nullptr;
        Q_EMIT errorOccurred(m_error);
        return false;
    }
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Listening,
                                  {common::endpointString(m_listener->serverAddress(), m_listener->serverPort())});
    setState(State::Listening);
    return true;
}

void TcpServer::stop()
{
    if (!isListening())
        return;
    m_listener->close();   // no new connection while the others close
    const QList<quint64> ids = m_connections.keys();
    for (const quint64 id : ids) {
        Connection connection = m_connections.take(id);
        disconnect(connection.socket, nullptr, this, nullptr);
        disconnect(connection.guard, nullptr, this, nullptr);
        QTcpSocket *socket = connection.socket;
        socket->setParent(nullptr);   // outlives the server by the grace at most
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->flush();
        socket->disconnectFromHost();
        if (socket->state() == QAbstractSocket::UnconnectedState) {
            socket->deleteLater();
        } else {
            QTimer::singleShot(kStopGrace, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
        }
        removeClient(id);
    }
    if (m_transcript) {
        if (!ids.isEmpty())
            m_transcript->appendEvent(Event::ClientsDisconnected, {QString::number(ids.size())});
        m_transcript->appendEvent(common::Event::StoppedListening);
    }
    delete m_listener;
    m_listener = nullptr;
    setState(State::Stopped);
}

bool TcpServer::disconnectClient(quint64 id)
{
    const auto it = m_connections.constFind(id);
    if (it == m_connections.cend())
        return false;
    it->socket->disconnectFromHost();
    return true;
}

QHostAddress TcpServer::serverAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 TcpServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

bool TcpServer::sendTo(quint64 id, const QByteArray &bytes)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end() || bytes.isEmpty() || it->socket->state() != QAbstractSocket::ConnectedState)
        return false;
    write(*it, bytes);
    return true;
}

int TcpServer::sendToAll(const QByteArray &bytes)
{
    int sent = 0;
    const QList<quint64> ids = m_connections.keys();
    for (const quint64 id : ids)
        sent += sendTo(id, bytes) ? 1 : 0;
    return sent;
}

void TcpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        const QHostAddress host = socket->peerAddress();
        const QString peer = common::endpointString(host, socket->peerPort());
        const QString local = common::endpointString(socket->localAddress(), socket->localPort());
        const Admission admission = admit(host);
        if (admission != Admission::Admitted) {
            if (m_transcript) {
                if (admission == Admission::ServerFull)
                    m_transcript->appendEvent(common::Event::ClientRefused, {QString::number(limits().maxClients)}, local, peer);
                else
                    m_transcript->appendEvent(Event::ClientRefusedHost, {host.toString(), QString::number(limits().maxPerHost)},
                                              local, peer);
            }
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
            continue;
        }
        Connection connection;
        connection.id = addClient(peer, host);
        connection.socket = socket;
        connection.local = local;
        connection.peer = peer;
        connection.guard = new ConnectionGuard(socket, limits(), sharedLoad(), socket);
        connection.guard->helloDone();   // raw TCP has no hello
        const quint64 id = connection.id;
        m_connections.insert(id, connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { serve(id); });
        connect(connection.guard, &ConnectionGuard::resumed, this, [this, id] {
            if (const auto it = m_connections.find(id); it != m_connections.end())
                it->pauseRecorded = false;
            serve(id);   // what waited in Qt's buffer: readyRead does not come again for it
        });
        connect(connection.guard, &ConnectionGuard::expired, this, [this, id](Deadline which) {
            const auto it = m_connections.constFind(id);
            if (it != m_connections.cend() && m_transcript)
                m_transcript->appendEvent(Event::ClientExpired, {QString::number(id), QString::number(int(which))},
                                          it->local, it->peer);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { onDisconnected(id); });
        if (m_transcript)
            m_transcript->appendEvent(common::Event::ClientConnected, {QString::number(id)}, local, peer);
        if (socket->bytesAvailable() > 0)
            serve(id);
    }
}

void TcpServer::serve(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    Connection &connection = *it;
    const bool answers = m_mode != ServerMode::Show;
    while (connection.socket->bytesAvailable() > 0) {
        // An echo or reply waits while this client does not take its output; the kernel holds the rest (TCP
        // pushes back on the client). Shown-only reads never wait: they produce no output.
        if (answers && connection.guard->readingPaused()) {
            if (!connection.pauseRecorded && m_transcript) {
                connection.pauseRecorded = true;
                m_transcript->appendEvent(Event::ReadingPaused,
                                          {QString::number(id), QString::number(connection.guard->queuedOutput())},
                                          connection.local, connection.peer);
            }
            return;
        }
        const QByteArray bytes = connection.socket->read(kReadChunk);
        if (bytes.isEmpty())
            return;
        connection.guard->requestDone();   // bytes moved: the idle deadline starts again
        countBytes(id, bytes.size(), 0);
        record(bytes, false, connection);
        Q_EMIT received(id, bytes);
        // received() may have disconnected this client (a slot calling disconnectClient or stop).
        const auto again = m_connections.find(id);
        if (again == m_connections.end())
            return;
        answer(*again, bytes);
        if (again->socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void TcpServer::answer(Connection &connection, const QByteArray &bytes)
{
    switch (m_mode) {
    case ServerMode::Show:
    case ServerMode::Count:
        return;
    case ServerMode::Echo:
        write(connection, bytes);
        return;
    case ServerMode::FixedReply:
        if (!m_reply.isEmpty())
            write(connection, m_reply);
        return;
    case ServerMode::Rules:
        for (const ReplyRule &rule : std::as_const(m_rules)) {
            if (!rule.match.isEmpty() && bytes.contains(rule.match)) {
                if (!rule.reply.isEmpty())
                    write(connection, rule.reply);
                return;
            }
        }
        return;
    }
}

void TcpServer::write(Connection &connection, const QByteArray &bytes)
{
    connection.guard->write(bytes);
    // Into the kernel now: when the client half-closes, Qt closes the socket as soon as it reads the EOF, and
    // what still waited in Qt's buffer would be lost.
    connection.socket->flush();
    countBytes(connection.id, 0, bytes.size());
    record(bytes, true, connection);
}

void TcpServer::onDisconnected(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    QTcpSocket *socket = it->socket;
    // What came before the close is still a read, recorded (not answered: there is nobody to answer).
    if (socket->bytesAvailable() > 0) {
        const QByteArray rest = socket->readAll();
        countBytes(id, rest.size(), 0);
        record(rest, false, *it);
        Q_EMIT received(id, rest);
        if (!m_connections.contains(id))
            return;   // a slot of received() stopped the server
    }
    const Connection connection = m_connections.take(id);
    if (m_transcript)
        m_transcript->appendEvent(common::Event::ClientDisconnected, {QString::number(id)}, connection.local,
                                  connection.peer);
    removeClient(id);
    disconnect(socket, nullptr, this, nullptr);
    socket->deleteLater();
}

void TcpServer::record(const QByteArray &bytes, bool sent, const Connection &connection)
{
    if (m_transcript)
        m_transcript->append(sent ? common::Direction::Sent : common::Direction::Received, bytes, connection.local,
                             connection.peer);
}

} // namespace netcore::tcp

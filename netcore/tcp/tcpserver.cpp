#include "netcore/tcp/tcpserver.h"

#include "netcore/common/connectionguard.h"
#include "netcore/common/listener.h"
#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"
#include "netcore/tcp/unixlistener.h"

#include <QLocalSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cerrno>

#include <sys/socket.h>

using namespace Qt::StringLiterals;
using netcore::common::Admission;
using netcore::common::ConnectionGuard;
using netcore::common::Deadline;

namespace netcore::tcp {
namespace {
// A Unix client has no address: it is named by the process on the other end (SO_PEERCRED), "unix:pid=1234".
QString unixPeerName(const QLocalSocket *socket)
{
    ucred credentials{};
    socklen_t size = sizeof credentials;
    if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &credentials, &size) == 0)
        return u"unix:pid="_s + QString::number(credentials.pid);
    return u"unix"_s;
}
} // namespace

common::ServerLimits TcpServer::defaultLimits()
{
    common::ServerLimits defaults;
    defaults.drainTimeout = kDefaultDrainTimeout;
    return defaults;
}

TcpServer::TcpServer(common::Transcript *transcript, QObject *parent)
    : common::Server(parent)
    , m_transcript(transcript)
{
    setLimits(defaultLimits());
}

TcpServer::~TcpServer()
{
    // Sockets are children: they go with the server; their guards give back what they counted.
    for (const Connection &connection : std::as_const(m_connections))
        disconnect(connection.socket, nullptr, this, nullptr);
}

bool TcpServer::isConnected(const Connection &connection)
{
    return connection.tcp ? connection.tcp->state() == QAbstractSocket::ConnectedState
                          : connection.unixSocket->state() == QLocalSocket::ConnectedState;
}

void TcpServer::closeGracefully(const Connection &connection)
{
    if (connection.tcp)
        connection.tcp->disconnectFromHost();
    else
        connection.unixSocket->disconnectFromServer();
}

void TcpServer::failListen(Error error, const common::ErrorDetail &detail)
{
    m_error = error;
    m_errorDetail = detail;
    Q_EMIT errorOccurred(m_error);
}

bool TcpServer::start(const QHostAddress &address, quint16 port)
{
    if (isListening())
        stop();
    delete m_listener;
    m_listener = new common::Listener(this);
    connect(m_listener, &QTcpServer::newConnection, this, &TcpServer::onNewConnection);
    if (!m_listener->listen(address, port)) {
        common::ErrorDetail detail;
        detail.peer = common::endpointString(address, port);
        detail.raw = m_listener->errorString();
        if (m_listener->serverError() == QAbstractSocket::AddressInUseError)
            detail.sysError = EADDRINUSE;
        else if (m_listener->serverError() == QAbstractSocket::SocketAccessError)
            detail.sysError = EACCES;
        delete m_listener;
        m_listener = nullptr;
        failListen(Error::ListenFailed, detail);
        return false;
    }
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Listening,
                                  {common::endpointString(m_listener->serverAddress(), m_listener->serverPort())});
    setState(State::Listening);
    return true;
}

bool TcpServer::listenUnix(const QString &path)
{
    if (isListening())
        stop();
    m_removedStale = false;
    auto *listener = new UnixListener(this);
    if (!listener->listen(path)) {
        common::ErrorDetail detail;
        detail.path = path;
        detail.sysError = listener->sysError();
        Error error = Error::ListenFailed;
        switch (listener->error()) {
        case UnixListener::Error::InUse:
            error = Error::UnixPathInUse;
            break;
        case UnixListener::Error::NotASocket:
            error = Error::UnixNotASocket;
            break;
        case UnixListener::Error::AccessDenied:
            error = Error::UnixAccessDenied;
            break;
        case UnixListener::Error::NoSuchFolder:
            error = Error::UnixNoSuchFolder;
            break;
        case UnixListener::Error::PathTooLong:
            error = Error::UnixPathTooLong;
            break;
        case UnixListener::Error::None:
        case UnixListener::Error::Other:
            break;
        }
        delete listener;
        failListen(error, detail);
        return false;
    }
    m_unixListener = listener;
    m_removedStale = listener->removedStale();
    connect(m_unixListener, &UnixListener::newConnection, this, &TcpServer::onNewUnixConnection);
    if (m_transcript) {
        if (m_removedStale)
            m_transcript->appendEvent(Event::StaleSocketRemoved, {path});
        m_transcript->appendEvent(common::Event::Listening, {path});
    }
    setState(State::Listening);
    return true;
}

QString TcpServer::unixPath() const
{
    return m_unixListener ? m_unixListener->path() : QString();
}

void TcpServer::stop()
{
    if (!isListening())
        return;
    // No new connection while the others close.
    if (m_listener)
        m_listener->close();
    if (m_unixListener)
        m_unixListener->close();
    const QList<quint64> ids = m_connections.keys();
    for (const quint64 id : ids) {
        Connection connection = m_connections.take(id);
        disconnect(connection.socket, nullptr, this, nullptr);
        disconnect(connection.guard, nullptr, this, nullptr);
        QIODevice *socket = connection.socket;
        socket->setParent(nullptr);   // outlives the server by the grace at most
        if (connection.tcp) {
            QTcpSocket *tcp = connection.tcp;
            connect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
            tcp->flush();
            tcp->disconnectFromHost();
        } else {
            QLocalSocket *local = connection.unixSocket;
            connect(local, &QLocalSocket::disconnected, local, &QObject::deleteLater);
            local->flush();
            local->disconnectFromServer();
        }
        const bool gone = connection.tcp ? connection.tcp->state() == QAbstractSocket::UnconnectedState
                                         : connection.unixSocket->state() == QLocalSocket::UnconnectedState;
        if (gone) {
            socket->deleteLater();
        } else {
            const Connection held = connection;
            QTimer::singleShot(kStopGrace, socket, [held] {
                if (held.tcp)
                    held.tcp->abort();
                else
                    held.unixSocket->abort();
                held.socket->deleteLater();
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
    delete m_unixListener;
    m_unixListener = nullptr;
    setState(State::Stopped);
}

bool TcpServer::disconnectClient(quint64 id)
{
    const auto it = m_connections.constFind(id);
    if (it == m_connections.cend())
        return false;
    closeGracefully(*it);
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
    if (it == m_connections.end() || bytes.isEmpty() || !isConnected(*it))
        return false;
    write(*it, bytes);
    return true;
}

qint64 TcpServer::unsentTo(quint64 clientId) const
{
    const auto it = m_connections.constFind(clientId);
    return it == m_connections.cend() ? 0 : it->socket->bytesToWrite();
}

qint64 TcpServer::largestUnsent() const
{
    qint64 largest = 0;
    for (const Connection &connection : m_connections)
        largest = std::max(largest, connection.socket->bytesToWrite());
    return largest;
}

bool TcpServer::setNoDelay(quint64 clientId, bool on)
{
    const auto it = m_connections.constFind(clientId);
    if (it == m_connections.cend() || !it->tcp || it->tcp->state() != QAbstractSocket::ConnectedState)
        return false;
    it->tcp->setSocketOption(QAbstractSocket::LowDelayOption, on ? 1 : 0);
    return true;
}

std::optional<bool> TcpServer::noDelay(quint64 clientId) const
{
    const auto it = m_connections.constFind(clientId);
    if (it == m_connections.cend() || !it->tcp || it->tcp->state() != QAbstractSocket::ConnectedState)
        return std::nullopt;
    return it->tcp->socketOption(QAbstractSocket::LowDelayOption).toInt() != 0;
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
        accepted(socket, socket, nullptr, host, common::endpointString(host, socket->peerPort()),
                 common::endpointString(socket->localAddress(), socket->localPort()));
    }
}

void TcpServer::onNewUnixConnection()
{
    while (QLocalSocket *socket = m_unixListener->nextPendingConnection()) {
        socket->setParent(this);
        accepted(socket, nullptr, socket, QHostAddress(), unixPeerName(socket), m_unixListener->path());
    }
}

void TcpServer::accepted(QIODevice *socket, QTcpSocket *tcp, QLocalSocket *localSocket, const QHostAddress &host,
                         const QString &peer, const QString &local)
{
    // A Unix client has no address (host is null): admit() then checks maxClients only.
    const Admission admission = admit(host);
    if (admission != Admission::Admitted) {
        if (m_transcript) {
            if (admission == Admission::ServerFull)
                m_transcript->appendEvent(common::Event::ClientRefused, {QString::number(limits().maxClients)}, local, peer);
            else
                m_transcript->appendEvent(Event::ClientRefusedHost, {host.toString(), QString::number(limits().maxPerHost)},
                                          local, peer);
        }
        if (tcp) {
            connect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
            tcp->disconnectFromHost();
            if (tcp->state() == QAbstractSocket::UnconnectedState)
                tcp->deleteLater();
        } else {
            localSocket->abort();
            localSocket->deleteLater();
        }
        return;
    }
    Connection connection;
    connection.id = addClient(peer, host);
    connection.socket = socket;
    connection.tcp = tcp;
    connection.unixSocket = localSocket;
    connection.localEnd = local;
    connection.peer = peer;
    if (tcp)
        connection.guard = new ConnectionGuard(tcp, limits(), sharedLoad(), socket);
    else
        connection.guard = new ConnectionGuard(localSocket, limits(), sharedLoad(), socket);
    connection.guard->helloDone();   // raw TCP has no hello
    const quint64 id = connection.id;
    m_connections.insert(id, connection);
    connect(socket, &QIODevice::readyRead, this, [this, id] { serve(id); });
    connect(connection.guard, &ConnectionGuard::resumed, this, [this, id] {
        if (const auto it = m_connections.find(id); it != m_connections.end())
            it->pauseRecorded = false;
        serve(id);   // what waited in Qt's buffer: readyRead does not come again for it
    });
    connect(connection.guard, &ConnectionGuard::expired, this, [this, id](Deadline which) {
        const auto it = m_connections.constFind(id);
        if (it != m_connections.cend() && m_transcript)
            m_transcript->appendEvent(Event::ClientExpired, {QString::number(id), QString::number(int(which))},
                                      it->localEnd, it->peer);
    });
    if (tcp)
        connect(tcp, &QTcpSocket::disconnected, this, [this, id] { onDisconnected(id); });
    else
        connect(localSocket, &QLocalSocket::disconnected, this, [this, id] { onDisconnected(id); });
    if (m_transcript)
        m_transcript->appendEvent(common::Event::ClientConnected, {QString::number(id)}, local, peer);
    if (socket->bytesAvailable() > 0)
        serve(id);
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
                                          connection.localEnd, connection.peer);
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
        if (!isConnected(*again))
            return;
    }
}

namespace {

// A rule's pattern as a regular expression over bytes: the pattern's UTF-8 bytes, one character each, like the read.
QRegularExpression compileRulePattern(const QByteArray &pattern)
{
    return QRegularExpression(QString::fromLatin1(pattern));
}

} // namespace

std::optional<RulePatternProblem> checkRulePattern(const QByteArray &pattern)
{
    const QRegularExpression expression = compileRulePattern(pattern);
    if (expression.isValid())
        return std::nullopt;
    return RulePatternProblem{expression.patternErrorOffset(), expression.errorString()};
}

void TcpServer::setRules(const QList<ReplyRule> &rules)
{
    m_rules = rules;
    m_patterns.clear();
    for (const ReplyRule &rule : rules)
        m_patterns.append(rule.regex ? compileRulePattern(rule.match) : QRegularExpression());
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
        for (qsizetype i = 0; i < m_rules.size(); ++i) {
            const ReplyRule &rule = m_rules.at(i);
            const bool matched = rule.regex ? m_patterns.at(i).isValid()
                                                  && m_patterns.at(i).match(QString::fromLatin1(bytes)).hasMatch()
                                            : !rule.match.isEmpty() && bytes.contains(rule.match);
            if (matched) {
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
    if (connection.tcp)
        connection.tcp->flush();
    else
        connection.unixSocket->flush();
    countBytes(connection.id, 0, bytes.size());
    record(bytes, true, connection);
}

void TcpServer::onDisconnected(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    QIODevice *socket = it->socket;
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
        m_transcript->appendEvent(common::Event::ClientDisconnected, {QString::number(id)}, connection.localEnd,
                                  connection.peer);
    removeClient(id);
    disconnect(socket, nullptr, this, nullptr);
    socket->deleteLater();
}

void TcpServer::record(const QByteArray &bytes, bool sent, const Connection &connection)
{
    if (m_transcript)
        m_transcript->append(sent ? common::Direction::Sent : common::Direction::Received, bytes, connection.localEnd,
                             connection.peer);
}

std::optional<TcpFacts> TcpServer::tcpFacts(quint64 clientId) const
{
    const auto it = m_connections.constFind(clientId);
    if (it == m_connections.cend() || !it->tcp)
        return std::nullopt;
    return readTcpFacts(it->tcp->socketDescriptor());
}

} // namespace netcore::tcp

#include "netcore/chat/chatserver.h"

#include "netcore/chat/classic.h"
#include "netcore/chat/events.h"
#include "netcore/chat/serverconnection.h"
#include "netcore/common/listener.h"
#include "netcore/common/transcript.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUdpSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace netcore::chat {
namespace {

constexpr int kPortAttempts = 20;
constexpr int kMaxListenBacklog = 1024;  // port 0: tries this many TCP ports before giving up on a free UDP twin
constexpr std::chrono::milliseconds kMinSweep{20};
constexpr std::chrono::milliseconds kMaxSweep{std::chrono::seconds(5)};
// How long a refused connection or a QUIT has to take its last line before it is aborted.
constexpr std::chrono::milliseconds kCloseGrace{std::chrono::seconds(5)};

} // namespace

ChatServer::ChatServer(QObject *parent)
    : common::Server(parent)
    , m_sweepTimer(new QTimer(this))
{
    common::ServerLimits limits;
    limits.maxClients = kDefaultMaxClients;
    limits.maxPerHost = kDefaultMaxPerHost;
    limits.helloTimeout = kDefaultHelloTimeout;
    limits.requestTimeout = kDefaultRequestTimeout;
    limits.drainTimeout = kDefaultDrainTimeout;
    limits.idleTimeout = kDefaultIdleTimeout;
    setLimits(limits);
    connect(m_sweepTimer, &QTimer::timeout, this, &ChatServer::sweep);
}

ChatServer::~ChatServer()
{
    stop();
}

void ChatServer::setOptions(const ServerOptions &options)
{
    m_options = options;
}

void ChatServer::setTranscript(common::Transcript *transcript)
{
    m_transcript = transcript;
}

QHostAddress ChatServer::serverAddress() const
{
    return m_tcp ? m_tcp->serverAddress() : QHostAddress();
}

quint16 ChatServer::serverPort() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void ChatServer::reportError(QAbstractSocket::SocketError socketError, const QString &raw, bool udp,
                             const QHostAddress &address, quint16 port)
{
    Error error = Error::ListenFailed;
    switch (socketError) {
    case QAbstractSocket::AddressInUseError: error = udp ? Error::UdpAddressInUse : Error::AddressInUse; break;
    case QAbstractSocket::SocketAccessError: error = Error::AccessDenied; break;
    case QAbstractSocket::SocketAddressNotAvailableError: error = Error::AddressNotAvailable; break;
    default: break;
    }
    m_errorDetail = {};
    m_errorDetail.peer = common::endpointString(address, port);
    m_errorDetail.raw = raw;
    Q_EMIT errorOccurred(error);
}

bool ChatServer::start(const QHostAddress &address, quint16 port)
{
    if (isListening())
        stop();
    m_errorDetail = {};
    const int maxClients = limits().maxClients;
    for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
        m_tcp = new common::Listener(this);
        m_tcp->setMaxPendingConnections(std::max(30, maxClients));
        // A class joining at once must not overflow the kernel's accept queue (Qt's default is 50).
        m_tcp->setListenBacklogSize(std::clamp(maxClients, 50, kMaxListenBacklog));
        if (!m_tcp->listen(address, port)) {
            reportError(m_tcp->serverError(), m_tcp->errorString(), false, address, port);
            delete m_tcp;
            m_tcp = nullptr;
            return false;
        }
        const quint16 tcpPort = m_tcp->serverPort();
        if (!m_options.classicUdp || bindUdp(address, tcpPort))
            break;
        delete m_tcp;
        m_tcp = nullptr;
        if (port != 0 || attempt + 1 == kPortAttempts) {
            // a fixed port whose UDP twin is taken: say so rather than move
            reportError(QAbstractSocket::AddressInUseError, m_errorDetail.raw, true, address, tcpPort);
            return false;
        }
    }
    connect(m_tcp, &QTcpServer::newConnection, this, &ChatServer::onNewConnection);
    auto shortest = std::min(m_options.pingAfter, m_options.classicDropAfter);
    if (limits().idleTimeout.count() > 0)
        shortest = std::min(shortest, limits().idleTimeout);
    const auto sweepEvery = std::clamp(shortest / 4, kMinSweep, kMaxSweep);
    m_sweepTimer->start(sweepEvery);
    record(common::Event::Listening, {common::endpointString(m_tcp->serverAddress(), m_tcp->serverPort())});
    setState(State::Listening);
    return true;
}

bool ChatServer::bindUdp(const QHostAddress &address, quint16 port)
{
    m_udp = new QUdpSocket(this);
    if (!m_udp->bind(address, port)) {
        m_errorDetail.raw = m_udp->errorString();
        delete m_udp;
        m_udp = nullptr;
        return false;
    }
    m_udpLocal = common::endpointString(m_udp->localAddress(), m_udp->localPort());
    connect(m_udp, &QUdpSocket::readyRead, this, &ChatServer::onDatagrams);
    return true;
}

void ChatServer::stop()
{
    if (!isListening())
        return;
    m_sweepTimer->stop();
    m_tcp->close();   // no new connection while saying goodbye
    Message leave;
    leave.command = Command::Leave;
    leave.code = QLatin1StringView(leaveReasonToken(LeaveReason::Shutdown));
    for (ServerConnection *connection : std::as_const(m_connections)) {
        disconnect(connection, nullptr, this, nullptr);
        if (!connection->name.isEmpty()) {
            for (const QString &name : std::as_const(m_order)) {
                leave.name = name;
                connection->sendMessage(leave);
            }
        }
        connection->flush();   // into the kernel now: it is delivered even if the process exits next
        // Deleted once the goodbye is out (or the grace ran out), not before.
        connect(connection, &ServerConnection::closed, connection, &QObject::deleteLater);
        connection->closeGracefully(kStopGrace);
        if (!connection->isConnected())
            connection->deleteLater();
        removeClient(connection->id);
    }
    for (const ClassicUser &user : std::as_const(m_classic)) {
        sendDatagram(classic::exitReply(), user.address, user.port);
        removeClient(user.id);
    }
    const QStringList names = m_order;
    m_connections.clear();
    m_native.clear();
    m_classic.clear();
    m_classicByName.clear();
    m_order.clear();
    m_slow.clear();
    for (const QString &name : names)
        Q_EMIT userLeft(name, LeaveReason::Shutdown);
    delete m_tcp;
    m_tcp = nullptr;
    delete m_udp;
    m_udp = nullptr;
    record(common::Event::StoppedListening);
    setState(State::Stopped);
}

void ChatServer::onNewConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        const QHostAddress host = socket->peerAddress();
        if (const common::Admission admission = admit(host); admission != common::Admission::Admitted) {
            // Not in the client list: it never was in the room. The ERR reason is protocol text (English, for nc).
            auto *connection = new ServerConnection(socket, 0, m_transcript, limits(), sharedLoad(), this);
            if (admission == common::Admission::ServerFull) {
                const int maxClients = limits().maxClients;
                record(common::Event::ClientRefused, {QString::number(maxClients)}, connection->peer());
                connection->sendError(codes::ServerFull, u"the room is full (%1 clients)"_s.arg(maxClients));
            } else {
                const int perHost = limits().maxPerHost;
                record(Event::ClientRefusedHostFull, {QString::number(perHost)}, connection->peer());
                connection->sendError(codes::HostFull,
                                      u"%1 clients from your address already (at most %1 per address)"_s.arg(perHost));
            }
            connection->closeGracefully(kCloseGrace);
            connect(socket, &QTcpSocket::disconnected, connection, &QObject::deleteLater);
            continue;
        }
        const quint64 id = addClient(common::endpointString(host, socket->peerPort()), host);
        auto *connection = new ServerConnection(socket, id, m_transcript, limits(), sharedLoad(), this);
        m_connections.append(connection);
        connect(connection, &ServerConnection::bytesCounted, this,
                [this, id](qint64 received, qint64 sent) { countBytes(id, received, sent); });
        connect(connection, &ServerConnection::messageReceived, this,
                [this, connection](const Message &message) { onConnectionMessage(connection, message); });
        connect(connection, &ServerConnection::closed, this, [this, connection] { onConnectionClosed(connection); });
    }
}

void ChatServer::onConnectionMessage(ServerConnection *connection, const Message &message)
{
    const bool joined = !connection->name.isEmpty();
    switch (message.command) {
    case Command::Nick:
        handleNick(connection, message);
        break;
    case Command::Who: {
        Message users;
        users.command = Command::Users;
        users.names = m_order;
        connection->sendMessage(users);
        break;
    }
    case Command::Quit:
        connection->quitting = true;
        if (joined)
            removeUser(connection->name, LeaveReason::Quit);
        forget(connection);
        connection->closeGracefully(kCloseGrace);
        break;
    case Command::Msg:
    case Command::To:
        if (!joined)
            connection->sendError(codes::NotJoined, u"choose a name first: NICK <name>"_s);
        else if (message.command == Command::Msg)
            broadcastMessage(connection->name, message.text);
        else
            handlePrivate(connection, message);
        break;
    default:
        break;
    }
    dropSlowClients();
}

void ChatServer::handleNick(ServerConnection *connection, const Message &message)
{
    if (!connection->name.isEmpty()) {
        connection->sendError(codes::AlreadyJoined, u"you are in the room as "_s + connection->name);
        return;
    }
    if (nameTaken(message.name)) {
        connection->sendError(codes::NameTaken, u"someone in the room is already called "_s + message.name);
        return;
    }
    connection->name = message.name;   // NFC (decode() normalised it)
    connection->joined();
    m_native.insert(nameKey(message.name), connection);
    setClientName(connection->id, message.name);
    Message ok;
    ok.command = Command::Ok;
    ok.name = message.name;
    connection->sendMessage(ok);
    Message users;
    users.command = Command::Users;
    users.names = m_order;
    users.names.append(message.name);
    connection->sendMessage(users);
    addUser(message.name, connection->peer(), Transport::Tcp);
}

void ChatServer::handlePrivate(ServerConnection *connection, const Message &message)
{
    const QString key = nameKey(message.name);
    Message priv;
    priv.command = Command::Priv;
    priv.name = connection->name;
    priv.text = message.text;
    if (ServerConnection *target = m_native.value(key)) {
        priv.target = target->name;
        if (!target->send(encode(priv, Origin::Server)))
            m_slow.append(target);
    } else if (m_classicByName.contains(key)) {
        const ClassicUser &user = m_classic[m_classicByName.value(key)];
        priv.target = user.name;
        for (const QString &line : safeLines(message.text))
            sendDatagram(classic::privateNotice(connection->name, line), user.address, user.port);
    } else {
        connection->sendError(codes::NoSuchUser, u"nobody in the room is called "_s + message.name);
        return;
    }
    if (connection != m_native.value(key))
        connection->sendMessage(priv);
}

void ChatServer::onConnectionClosed(ServerConnection *connection)
{
    disconnect(connection, nullptr, this, nullptr);
    forget(connection);
    if (!connection->name.isEmpty() && !connection->quitting)
        removeUser(connection->name, connection->endReason());
    connection->deleteLater();
    dropSlowClients();
}

void ChatServer::forget(ServerConnection *connection)
{
    if (m_connections.removeOne(connection))
        removeClient(connection->id);
}

void ChatServer::drop(ServerConnection *connection, LeaveReason reason)
{
    if (!m_connections.contains(connection))
        return;
    disconnect(connection, nullptr, this, nullptr);
    forget(connection);
    const QString name = connection->name;
    switch (reason) {
    case LeaveReason::TooSlow: connection->expire(common::Deadline::Drain); break;
    case LeaveReason::Timeout: connection->expire(common::Deadline::Idle); break;
    default: connection->abort(); break;
    }
    connection->deleteLater();
    if (!name.isEmpty())
        removeUser(name, reason);
}

void ChatServer::dropSlowClients()
{
    while (!m_slow.isEmpty()) {
        const QPointer<ServerConnection> connection = m_slow.takeFirst();
        if (connection)
            drop(connection, LeaveReason::TooSlow);
    }
}

bool ChatServer::nameTaken(const QString &name) const
{
    const QString key = nameKey(name);
    return m_native.contains(key) || m_classicByName.contains(key);
}

void ChatServer::addUser(const QString &name, const QString &peer, Transport transport)
{
    m_order.append(name);
    Message join;
    join.command = Command::Join;
    join.name = name;
    broadcastNative(join, m_native.value(nameKey(name)));
    broadcastClassic(classic::welcomeNotice(name), m_classicByName.value(nameKey(name)));
    Q_EMIT userJoined(name, peer, transport);
}

bool ChatServer::disconnectClient(quint64 id)
{
    for (ServerConnection *connection : std::as_const(m_connections)) {
        if (connection->id == id) {
            drop(connection, LeaveReason::Lost);
            return true;
        }
    }
    for (auto it = m_classic.cbegin(); it != m_classic.cend(); ++it) {
        if (it->id == id) {
            const QString key = it.key();   // classicQuit() removes the entry
            sendDatagram(classic::exitReply(), it->address, it->port);   // the 2019 servers' "you are out"
            classicQuit(key, LeaveReason::Lost);
            return true;
        }
    }
    return false;
}

void ChatServer::removeUser(const QString &name, LeaveReason reason)
{
    const QString key = nameKey(name);
    m_native.remove(key);
    if (const QString endpoint = m_classicByName.take(key); !endpoint.isEmpty())
        removeClient(m_classic.take(endpoint).id);
    m_order.removeOne(name);
    Message leave;
    leave.command = Command::Leave;
    leave.name = name;
    leave.code = QLatin1StringView(leaveReasonToken(reason));
    broadcastNative(leave);
    broadcastClassic(classic::leaveNotice(name));
    Q_EMIT userLeft(name, reason);
}

void ChatServer::broadcastMessage(const QString &from, const QString &text, const QString &classicSenderKey)
{
    // A line holds no line break and no control character, for either kind of client: a multi-line classic
    // text becomes one MSG (and one classic datagram) per line, each clearly from its sender.
    Message msg;
    msg.command = Command::Msg;
    msg.name = from;
    for (const QString &line : safeLines(text)) {
        msg.text = line;
        broadcastNative(msg);
        broadcastClassic(classic::chatNotice(from, line), classicSenderKey);
    }
}

void ChatServer::broadcastNative(const Message &message, ServerConnection *except)
{
    if (m_native.isEmpty())
        return;
    const QByteArray line = encode(message, Origin::Server);
    for (ServerConnection *connection : std::as_const(m_native)) {
        if (connection != except && !connection->send(line))
            m_slow.append(connection);
    }
}

void ChatServer::broadcastClassic(const QByteArray &datagram, const QString &exceptKey)
{
    for (auto it = m_classic.cbegin(); it != m_classic.cend(); ++it) {
        if (it.key() != exceptKey)
            sendDatagram(datagram, it->address, it->port);
    }
}

void ChatServer::say(const QString &text)
{
    Message sys;
    sys.command = Command::Sys;
    for (const QString &line : safeLines(text)) {
        sys.text = line;
        broadcastNative(sys);
        broadcastClassic(classic::chatNotice(operatorName(), line));
    }
    dropSlowClients();
}

void ChatServer::sweep()
{
    const qint64 now = ServerConnection::nowMs();
    const QList<ServerConnection *> connections = m_connections;
    const qint64 idleTimeout = limits().idleTimeout.count();
    Message ping;
    ping.command = Command::Ping;
    for (ServerConnection *connection : connections) {
        const qint64 idle = now - connection->lastActivityMs;
        if (idleTimeout > 0 && idle >= idleTimeout) {
            drop(connection, LeaveReason::Timeout);
        } else if (idle >= m_options.pingAfter.count() && !connection->pingOutstanding) {
            connection->pingOutstanding = true;
            ping.text = QString::number(now);
            if (!connection->send(encode(ping, Origin::Server)))
                m_slow.append(connection);
        }
    }
    QStringList idleClassic;
    for (auto it = m_classic.cbegin(); it != m_classic.cend(); ++it) {
        if (now - it->lastSeenMs >= m_options.classicDropAfter.count())
            idleClassic.append(it.key());
    }
    for (const QString &key : std::as_const(idleClassic))
        classicQuit(key, LeaveReason::Timeout);
    dropSlowClients();
}

} // namespace netcore::chat

#include "netcore/chat/chatclient.h"

#include "netcore/chat/chatclient_p.h"
#include "netcore/chat/events.h"
#include "netcore/common/transcript.h"

#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace netcore::chat {

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ChatClient::onTimeout);
}

ChatClient::~ChatClient() = default;

void ChatClient::setTranscript(common::Transcript *transcript)
{
    m_transcript = transcript;
}

QString ChatClient::local() const
{
    return m_dialect ? m_dialect->local() : QString();
}

QString ChatClient::peer() const
{
    return m_dialect ? m_dialect->peer() : m_host + u':' + QString::number(m_port);
}

void ChatClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ChatClient::connectToServer(const QString &host, quint16 port, const QString &name, Mode mode)
{
    closeDialect();
    m_host = host;
    m_port = port;
    m_name = name;
    m_mode = mode;
    m_error = Error::None;
    m_errorDetail = {};
    setUsers({});
    if (const NameProblem problem = checkName(name); problem != NameProblem::None) {
        setState(State::Disconnected);
        fail(Error::NameInvalid);
        return;
    }
    // The one place the dialect is chosen.
    if (mode == Mode::Native)
        m_dialect = new NativeDialect(*this);
    else
        m_dialect = new ClassicDialect(*this, mode == Mode::Classic2020);
    setState(State::Connecting);
    m_timer->start(kConnectTimeout);
    m_dialect->start();
}

void ChatClient::reconnect()
{
    if (!m_host.isEmpty())
        connectToServer(m_host, m_port, m_name, m_mode);
}

void ChatClient::disconnectFromServer()
{
    if (m_state == State::Disconnected)
        return;
    m_timer->stop();
    const bool wasJoined = m_state == State::Joined;
    setState(State::Leaving);
    if (m_dialect && m_dialect->leave(wasJoined))
        return;   // finishLeaving() once the server has closed
    finishLeaving();
}

void ChatClient::finishLeaving()
{
    closeDialect();
    setState(State::Disconnected);
}

void ChatClient::closeDialect()
{
    m_timer->stop();
    if (!m_dialect)
        return;
    m_dialect->close();
    m_dialect->deleteLater();   // it may be inside one of its socket's signals
    m_dialect = nullptr;
}

void ChatClient::fail(Error error, const QString &raw, int sysError)
{
    closeDialect();
    m_error = error;
    m_errorDetail = {};
    m_errorDetail.peer = m_host + u':' + QString::number(m_port);
    m_errorDetail.raw = raw;
    m_errorDetail.sysError = sysError;
    if (!raw.isEmpty())
        record(common::Event::Failed, {raw});
    setState(State::Disconnected);
    Q_EMIT errorOccurred(error);
}

void ChatClient::onTimeout()
{
    if (m_dialect && (m_state == State::Connecting || m_state == State::Joining))
        fail(m_dialect->timeoutError());
}

void ChatClient::emitEvent(ChatEvent event)
{
    event.time = QDateTime::currentDateTime();
    Q_EMIT eventReceived(event);
}

void ChatClient::setUsers(const QStringList &users)
{
    if (m_users == users)
        return;
    m_users = users;
    Q_EMIT usersChanged(m_users);
}

void ChatClient::addUser(const QString &name)
{
    const QString key = nameKey(name);
    for (const QString &user : std::as_const(m_users)) {
        if (nameKey(user) == key)
            return;
    }
    QStringList users = m_users;
    users.append(name);
    setUsers(users);
}

void ChatClient::removeUser(const QString &name)
{
    const QString key = nameKey(name);
    QStringList users = m_users;
    users.removeIf([&key](const QString &user) { return nameKey(user) == key; });
    setUsers(users);
}

ChatClient::SendResult ChatClient::sendMessage(const QString &text)
{
    if (m_state != State::Joined || !m_dialect)
        return SendResult::NotJoined;
    const QString clean = text.trimmed();
    if (clean.isEmpty())
        return SendResult::Empty;
    return m_dialect->sendMessage(clean);
}

ChatClient::SendResult ChatClient::sendPrivate(const QString &to, const QString &text)
{
    if (m_state != State::Joined || !m_dialect)
        return SendResult::NotJoined;
    return m_dialect->sendPrivate(to, text);
}

bool ChatClient::supportsPrivateMessages() const
{
    return m_dialect ? m_dialect->supportsPrivateMessages() : m_mode == Mode::Native;
}

void ChatClient::requestUsers()
{
    if (m_dialect && m_state == State::Joined)
        m_dialect->requestUsers();
}

// --- ClientDialect: the plumbing both dialects share ---

ClientDialect::ClientDialect(ChatClient &client, QAbstractSocket *socket)
    : QObject(&client)
    , m_client(client)
    , m_socket(socket)
{
    m_socket->setParent(this);
}

ClientDialect::~ClientDialect() = default;

ChatClient::SendResult ClientDialect::sendPrivate(const QString &, const QString &)
{
    return ChatClient::SendResult::Unsupported;
}

void ClientDialect::close()
{
    if (m_closed)
        return;
    m_closed = true;
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    record(common::Event::Closed);
}

QString ClientDialect::local() const
{
    return common::endpointString(m_socket->localAddress(), m_socket->localPort());
}

QString ClientDialect::peer() const
{
    if (m_socket->peerPort())
        return common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    return m_client.m_host + u':' + QString::number(m_client.m_port);
}

void ClientDialect::joined()
{
    stopTimer();
    setState(ChatClient::State::Joined);
    if (!serverListsRoom())
        addUser(name());
}

void ClientDialect::startTimer(std::chrono::milliseconds timeout)
{
    m_client.m_timer->start(timeout);
}

void ClientDialect::stopTimer()
{
    m_client.m_timer->stop();
}

void ClientDialect::recordBytes(common::Direction direction, const QByteArray &bytes)
{
    if (m_client.m_transcript)
        m_client.m_transcript->append(direction, bytes, local(), peer());
}

void ClientDialect::failOnSocketError()
{
    const QString detail = m_socket->errorString();
    const bool joined = state() == ChatClient::State::Joined;
    switch (m_socket->error()) {
    case QAbstractSocket::TemporaryError:
        return;   // UDP: the kernel could not take a datagram just now
    case QAbstractSocket::ConnectionRefusedError:
        fail(joined ? ChatClient::Error::Lost : ChatClient::Error::ConnectionRefused, detail);
        break;
    case QAbstractSocket::HostNotFoundError:
        fail(ChatClient::Error::HostNotFound, detail);
        break;
    default:
        fail(joined ? ChatClient::Error::Lost : ChatClient::Error::Network, detail);
        break;
    }
}

// --- NativeDialect ---

NativeDialect::NativeDialect(ChatClient &client)
    : ClientDialect(client, new QTcpSocket)
    , m_tcp(static_cast<QTcpSocket *>(m_socket))
{
    connect(m_tcp, &QTcpSocket::connected, this, &NativeDialect::onConnected);
    connect(m_tcp, &QTcpSocket::readyRead, this, &NativeDialect::onReadyRead);
    connect(m_tcp, &QTcpSocket::disconnected, this, &NativeDialect::onDisconnected);
    connect(m_tcp, &QTcpSocket::errorOccurred, this, &NativeDialect::onError);
}

NativeDialect::~NativeDialect() = default;

void NativeDialect::start()
{
    record(common::Event::Connecting, {m_client.host() + u':' + QString::number(m_client.port())});
    m_tcp->connectToHost(m_client.host(), m_client.port());
}

bool NativeDialect::leave(bool)
{
    if (m_tcp->state() != QAbstractSocket::ConnectedState)
        return false;
    Message quit;
    quit.command = Command::Quit;
    sendLine(quit);
    m_tcp->disconnectFromHost();   // emits disconnected once the QUIT is out
    return true;
}

ChatClient::SendResult NativeDialect::sendMessage(const QString &text)
{
    QList<Message> lines;
    for (const QString &part : text.split(u'\n')) {
        Message msg;
        msg.command = Command::Msg;
        msg.text = withoutControlCharacters(part);
        if (msg.text.trimmed().isEmpty())
            continue;
        if (4 + msg.text.toUtf8().size() > kMaxLineBytes)   // "MSG " + text
            return ChatClient::SendResult::TooLong;
        lines.append(msg);
    }
    for (const Message &line : std::as_const(lines))
        sendLine(line);
    return ChatClient::SendResult::Sent;
}

ChatClient::SendResult NativeDialect::sendPrivate(const QString &to, const QString &text)
{
    const QString clean = withoutControlCharacters(QString(text).replace(u'\n', u' ')).trimmed();
    if (clean.isEmpty() || !isValidName(to))
        return ChatClient::SendResult::Empty;
    Message msg;
    msg.command = Command::To;
    msg.name = to;
    msg.text = clean;
    if (4 + to.toUtf8().size() + clean.toUtf8().size() > kMaxLineBytes)   // "TO " + name + " " + text
        return ChatClient::SendResult::TooLong;
    sendLine(msg);
    return ChatClient::SendResult::Sent;
}

void NativeDialect::requestUsers()
{
    Message who;
    who.command = Command::Who;
    sendLine(who);
}

void NativeDialect::sendLine(const Message &message)
{
    const QByteArray line = encode(message, Origin::Client);
    recordBytes(common::Direction::Sent, line);
    m_tcp->write(line);
}

void NativeDialect::onConnected()
{
    record(common::Event::Connected);
    setState(ChatClient::State::Joining);
    Message nick;
    nick.command = Command::Nick;
    nick.name = name();
    sendLine(nick);
}

void NativeDialect::onReadyRead()
{
    const QByteArray bytes = m_tcp->readAll();
    recordBytes(common::Direction::Received, bytes);
    m_lines.append(bytes);
    while (!isClosed()) {   // a line may end the session
        const LineBuffer::Result result = m_lines.next();
        if (result.status == common::FrameStatus::Incomplete)
            break;
        if (result.status == common::FrameStatus::TooLarge)
            record(Event::ServerLineTooLong, {QString::number(kMaxServerLineBytes)});
        else
            handleLine(result.line);
    }
}

void NativeDialect::handleLine(const QByteArray &line)
{
    const Decoded decoded = decode(line, Origin::Server);
    if (decoded.status == DecodeStatus::Empty)
        return;
    if (decoded.status != DecodeStatus::Ok) {
        record(Event::UnreadableServerLine, {QString::fromLatin1(errorCode(decoded.status))});
        return;
    }
    handleServerMessage(decoded.message);
}

void NativeDialect::handleServerMessage(const Message &m)
{
    ChatEvent event;
    const QString me = nameKey(name());
    switch (m.command) {
    case Command::Ok:
        setName(m.name);
        joined();
        return;
    case Command::Err:
        handleError(m);
        return;
    case Command::Users:
        setUsers(m.names);
        return;
    case Command::Ping: {
        Message pong;
        pong.command = Command::Pong;
        pong.text = m.text;
        sendLine(pong);
        return;
    }
    case Command::Pong:
        return;
    case Command::Msg:
        event.kind = ChatEvent::Kind::Message;
        event.from = m.name;
        event.text = m.text;
        event.own = nameKey(m.name) == me;
        break;
    case Command::Priv:
        event.kind = ChatEvent::Kind::Private;
        event.from = m.name;
        event.to = m.target;
        event.text = m.text;
        event.own = nameKey(m.name) == me;
        break;
    case Command::Join:
        event.kind = ChatEvent::Kind::Join;
        event.from = m.name;
        addUser(m.name);
        break;
    case Command::Leave:
        event.kind = ChatEvent::Kind::Leave;
        event.from = m.name;
        event.reason = m.code;
        removeUser(m.name);
        break;
    case Command::Sys:
        event.kind = ChatEvent::Kind::System;
        event.text = m.text;
        break;
    default:
        return;
    }
    emitEvent(event);
}

void NativeDialect::handleError(const Message &m)
{
    const QString text = m.text.isEmpty() ? m.code : m.text;
    const bool joining = state() != ChatClient::State::Joined;
    if (m.code == QLatin1StringView(codes::ServerFull))
        fail(ChatClient::Error::ServerFull, text);
    else if (joining && m.code == QLatin1StringView(codes::HostFull))
        fail(ChatClient::Error::LoginRefused, text);
    else if (joining && m.code == QLatin1StringView(codes::NameTaken))
        fail(ChatClient::Error::NameTaken, text);
    else if (joining && m.code == QLatin1StringView(codes::NameInvalid))
        fail(ChatClient::Error::NameInvalid, text);
    else
        requestFailed(m.code, m.text);
}

void NativeDialect::onDisconnected()
{
    if (state() == ChatClient::State::Leaving) {
        finishLeaving();
        return;
    }
    record(common::Event::PeerClosed);
    fail(ChatClient::Error::Lost);
}

void NativeDialect::onError()
{
    if (m_tcp->error() == QAbstractSocket::RemoteHostClosedError)
        return;   // onDisconnected follows and decides between Lost and a normal end
    if (state() == ChatClient::State::Leaving) {
        finishLeaving();
        return;
    }
    failOnSocketError();
}

} // namespace netcore::chat

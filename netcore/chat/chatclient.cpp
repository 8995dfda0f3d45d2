#include "netcore/chat/chatclient.h"

#include "netcore/common/transcript.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUdpSocket>

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

common::Transcript *ChatClient::transcript() const
{
    return m_transcript;
}

QString ChatClient::local() const
{
    if (m_tcp)
        return common::endpointString(m_tcp->localAddress(), m_tcp->localPort());
    if (m_udp)
        return common::endpointString(m_udp->localAddress(), m_udp->localPort());
    return {};
}

QString ChatClient::peer() const
{
    if (m_tcp && m_tcp->peerPort())
        return common::endpointString(m_tcp->peerAddress(), m_tcp->peerPort());
    if (m_udp && m_udp->peerPort())
        return common::endpointString(m_udp->peerAddress(), m_udp->peerPort());
    return m_host + u':' + QString::number(m_port);
}

void ChatClient::record(const QString &event)
{
    if (m_transcript)
        m_transcript->appendEvent(event, local(), peer());
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
    closeSockets();
    m_host = host;
    m_port = port;
    m_name = name;
    m_mode = mode;
    m_error = Error::None;
    m_errorString.clear();
    m_lines.clear();
    setUsers({});
    if (const NameProblem problem = checkName(name); problem != NameProblem::None) {
        setState(State::Disconnected);
        fail(Error::NameInvalid);
        return;
    }
    setState(State::Connecting);
    m_timer->start(kConnectTimeout);
    if (mode == Mode::Native)
        startNative();
    else
        startClassic();
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
    if (m_tcp) {
        setState(State::Leaving);
        if (m_tcp->state() == QAbstractSocket::ConnectedState) {
            Message quit;
            quit.command = Command::Quit;
            sendLine(quit);
            m_tcp->disconnectFromHost();   // emits disconnected once the QUIT is out
        } else {
            closeSockets();
            setState(State::Disconnected);
        }
        return;
    }
    if (m_udp && m_state == State::Joined)
        sendDatagram(classic::quitRequest(m_name, m_mode == Mode::Classic2020 ? classic::QuitWord::E : classic::QuitWord::Q));
    closeSockets();
    setState(State::Disconnected);
}

void ChatClient::closeSockets()
{
    m_timer->stop();
    if (m_tcp) {
        disconnect(m_tcp, nullptr, this, nullptr);
        m_tcp->abort();
        m_tcp->deleteLater();
        m_tcp = nullptr;
        record(u"closed"_s);
    }
    if (m_udp) {
        disconnect(m_udp, nullptr, this, nullptr);
        m_udp->abort();
        m_udp->deleteLater();
        m_udp = nullptr;
        record(u"closed"_s);
    }
}

void ChatClient::fail(Error error, const QString &detail)
{
    closeSockets();
    m_error = error;
    m_errorString = detail;
    if (!detail.isEmpty())
        record(u"error: "_s + detail);
    setState(State::Disconnected);
    Q_EMIT errorOccurred(error);
}

void ChatClient::onTimeout()
{
    if (m_state == State::Joining && m_udp)
        fail(Error::NoAnswer);
    else if (m_state == State::Connecting || m_state == State::Joining)
        fail(Error::Timeout);
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
    if (m_state != State::Joined)
        return SendResult::NotJoined;
    const QString clean = text.trimmed();
    if (clean.isEmpty())
        return SendResult::Empty;
    if (m_udp)
        return sendClassicMessage(clean);
    QList<Message> lines;
    for (const QString &part : clean.split(u'\n')) {
        Message msg;
        msg.command = Command::Msg;
        msg.text = withoutControlCharacters(part);
        if (msg.text.trimmed().isEmpty())
            continue;
        if (4 + msg.text.toUtf8().size() > kMaxLineBytes)   // "MSG " + text
            return SendResult::TooLong;
        lines.append(msg);
    }
    for (const Message &line : std::as_const(lines))
        sendLine(line);
    return SendResult::Sent;
}

ChatClient::SendResult ChatClient::sendPrivate(const QString &to, const QString &text)
{
    if (m_state != State::Joined)
        return SendResult::NotJoined;
    if (m_udp)
        return SendResult::Unsupported;
    const QString clean = withoutControlCharacters(QString(text).replace(u'\n', u' ')).trimmed();
    if (clean.isEmpty() || !isValidName(to))
        return SendResult::Empty;
    Message msg;
    msg.command = Command::To;
    msg.name = to;
    msg.text = clean;
    if (4 + to.toUtf8().size() + clean.toUtf8().size() > kMaxLineBytes)   // "TO " + name + " " + text
        return SendResult::TooLong;
    sendLine(msg);
    return SendResult::Sent;
}

void ChatClient::requestUsers()
{
    if (m_tcp && m_state == State::Joined) {
        Message who;
        who.command = Command::Who;
        sendLine(who);
    }
}

// --- native ---

void ChatClient::startNative()
{
    m_tcp = new QTcpSocket(this);
    connect(m_tcp, &QTcpSocket::connected, this, &ChatClient::onTcpConnected);
    connect(m_tcp, &QTcpSocket::readyRead, this, &ChatClient::onTcpReadyRead);
    connect(m_tcp, &QTcpSocket::disconnected, this, &ChatClient::onTcpDisconnected);
    connect(m_tcp, &QTcpSocket::errorOccurred, this, &ChatClient::onTcpError);
    record(u"connecting to "_s + m_host + u':' + QString::number(m_port));
    m_tcp->connectToHost(m_host, m_port);
}

void ChatClient::sendLine(const Message &message)
{
    const QByteArray line = encode(message, Origin::Client);
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, line, local(), peer());
    m_tcp->write(line);
}

void ChatClient::onTcpConnected()
{
    record(u"connected"_s);
    setState(State::Joining);
    Message nick;
    nick.command = Command::Nick;
    nick.name = m_name;
    sendLine(nick);
}

void ChatClient::onTcpReadyRead()
{
    const QByteArray bytes = m_tcp->readAll();
    if (m_transcript)
        m_transcript->append(common::Direction::Received, bytes, local(), peer());
    m_lines.append(bytes);
    for (;;) {
        const LineBuffer::Result result = m_lines.next();
        if (result.status == LineBuffer::Status::NeedMore)
            break;
        if (result.status == LineBuffer::Status::TooLong)
            record(u"the server sent an overlong line: dropped"_s);
        else
            handleLine(result.line);
        if (!m_tcp)
            break;   // the line ended the session
    }
}

void ChatClient::handleLine(const QByteArray &line)
{
    const Decoded decoded = decode(line, Origin::Server);
    if (decoded.status == DecodeStatus::Empty)
        return;
    if (decoded.status != DecodeStatus::Ok) {
        record(u"unreadable line from the server: "_s + decoded.detail);
        return;
    }
    handleServerMessage(decoded.message);
}

void ChatClient::handleServerMessage(const Message &m)
{
    ChatEvent event;
    const QString me = nameKey(m_name);
    switch (m.command) {
    case Command::Ok:
        m_timer->stop();
        m_name = m.name;
        setState(State::Joined);
        addUser(m_name);
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

void ChatClient::handleError(const Message &m)
{
    const QString text = m.text.isEmpty() ? m.code : m.text;
    if (m.code == QLatin1StringView(codes::ServerFull))
        fail(Error::ServerFull, text);
    else if (m_state != State::Joined && m.code == QLatin1StringView(codes::NameTaken))
        fail(Error::NameTaken, text);
    else if (m_state != State::Joined && m.code == QLatin1StringView(codes::NameInvalid))
        fail(Error::NameInvalid, text);
    else
        Q_EMIT requestFailed(m.code, m.text);
}

void ChatClient::onTcpDisconnected()
{
    record(u"disconnected"_s);
    if (m_state == State::Leaving) {
        closeSockets();
        setState(State::Disconnected);
    } else {
        fail(Error::Lost);
    }
}

void ChatClient::onTcpError()
{
    if (!m_tcp)
        return;
    const QAbstractSocket::SocketError error = m_tcp->error();
    const QString detail = m_tcp->errorString();
    if (error == QAbstractSocket::RemoteHostClosedError)
        return;   // onTcpDisconnected follows and decides between Lost and a normal end
    if (m_state == State::Leaving) {
        closeSockets();
        setState(State::Disconnected);
        return;
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError: fail(Error::ConnectionRefused, detail); break;
    case QAbstractSocket::HostNotFoundError: fail(Error::HostNotFound, detail); break;
    default: fail(m_state == State::Joined ? Error::Lost : Error::Network, detail); break;
    }
}

} // namespace netcore::chat

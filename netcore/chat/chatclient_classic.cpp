// ChatClient's ClassicDialect: the course's classic UDP protocol. Everything goes out of one connected UDP socket (the
// course's servers key users by the source address of their "L"); replies of every course year are accepted.
#include "netcore/chat/chatclient_p.h"

#include "netcore/chat/events.h"

#include "netcore/common/transcript.h"

#include <QStringDecoder>
#include <QUdpSocket>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::chat {

ClassicDialect::ClassicDialect(ChatClient &client, bool quitWithE)
    : ClientDialect(client, new QUdpSocket)
    , m_udp(static_cast<QUdpSocket *>(m_socket))
    , m_quitWithE(quitWithE)
{
    connect(m_udp, &QUdpSocket::connected, this, &ClassicDialect::onConnected);
    connect(m_udp, &QUdpSocket::readyRead, this, &ClassicDialect::onReadyRead);
    connect(m_udp, &QUdpSocket::errorOccurred, this, &ClassicDialect::onError);
}

ClassicDialect::~ClassicDialect() = default;

void ClassicDialect::start()
{
    record(Event::ClassicConnecting, {m_client.host() + u':' + QString::number(m_client.port())});
    // A connected UDP socket: the kernel filters datagrams from other peers and reports "port unreachable".
    m_udp->connectToHost(m_client.host(), m_client.port());
}

bool ClassicDialect::leave(bool wasJoined)
{
    if (wasJoined)
        sendDatagram(classic::quitRequest(name(), m_quitWithE ? classic::QuitWord::E : classic::QuitWord::Q));
    return false;   // nothing to wait for
}

ChatClient::Error ClassicDialect::timeoutError() const
{
    return state() == ChatClient::State::Joining ? ChatClient::Error::NoAnswer : ChatClient::Error::Timeout;
}

void ClassicDialect::onConnected()
{
    setState(ChatClient::State::Joining);
    startTimer(ChatClient::kClassicReplyTimeout);
    sendDatagram(classic::loginRequest(name()));
}

void ClassicDialect::sendDatagram(const QByteArray &datagram)
{
    if (isClosed())
        return;
    recordBytes(common::Direction::Sent, datagram);
    m_udp->write(datagram);
}

ChatClient::SendResult ClassicDialect::sendMessage(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = withoutControlCharacters(line);
    const QString clean = lines.join(u'\n');
    const QByteArray datagram = classic::chatRequest(name(), clean);
    if (datagram.size() > classic::kMaxDatagramBytes)
        return ChatClient::SendResult::TooLong;
    sendDatagram(datagram);
    // Classic servers do not echo a message to its sender: show it here.
    ChatEvent event;
    event.kind = ChatEvent::Kind::Message;
    event.from = name();
    event.text = clean;
    event.own = true;
    emitEvent(event);
    return ChatClient::SendResult::Sent;
}

void ClassicDialect::onReadyRead()
{
    if (!m_udp->hasPendingDatagrams()) {
        // Readable without a datagram: the kernel had an ICMP error queued ("port unreachable": nobody listens
        // on that UDP port). Qt 6.4's datagram check has already consumed it, so this is the only trace.
        fail(state() == ChatClient::State::Joined ? ChatClient::Error::Lost : ChatClient::Error::ConnectionRefused,
             QString::fromLocal8Bit(strerror(ECONNREFUSED)), ECONNREFUSED);
        return;
    }
    while (!isClosed() && m_udp->hasPendingDatagrams()) {
        QByteArray datagram(qMax<qint64>(m_udp->pendingDatagramSize(), 0), Qt::Uninitialized);
        const qint64 size = m_udp->readDatagram(datagram.data(), datagram.size());
        if (size < 0)
            break;
        datagram.truncate(size);
        recordBytes(common::Direction::Received, datagram);
        handleDatagram(datagram);
    }
}

void ClassicDialect::handleDatagram(const QByteArray &datagram)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(datagram);   // invalid bytes become U+FFFD: shown, not fatal
    if (state() == ChatClient::State::Joining) {
        stopTimer();
        switch (classic::classifyLoginReply(text)) {
        case classic::LoginAnswer::Accepted: joined(); break;
        case classic::LoginAnswer::NameTaken: fail(ChatClient::Error::NameTaken, text.trimmed()); break;
        case classic::LoginAnswer::Refused: fail(ChatClient::Error::LoginRefused, text.trimmed()); break;
        }
        return;
    }
    if (state() == ChatClient::State::Joined)
        handleNotice(classic::parseNotice(text));
}

void ClassicDialect::handleNotice(const classic::Notice &notice)
{
    ChatEvent event;
    event.from = notice.name;
    event.text = notice.text;
    switch (notice.kind) {
    case classic::Notice::Kind::Exit:
        // The 2019 server's goodbye; we only get it after leaving, or when the server throws us out.
        fail(ChatClient::Error::Lost, u"EXIT"_s);
        return;
    case classic::Notice::Kind::Join:
        event.kind = ChatEvent::Kind::Join;
        addUser(notice.name);
        break;
    case classic::Notice::Kind::Leave:
        event.kind = ChatEvent::Kind::Leave;
        removeUser(notice.name);
        break;
    case classic::Notice::Kind::Chat:
        event.kind = ChatEvent::Kind::Message;
        addUser(notice.name);
        break;
    case classic::Notice::Kind::Private:
        event.kind = ChatEvent::Kind::Private;
        event.to = name();
        break;
    case classic::Notice::Kind::Operator:
        event.kind = ChatEvent::Kind::Operator;
        break;
    case classic::Notice::Kind::Text:
        event.kind = ChatEvent::Kind::Notice;
        break;
    }
    emitEvent(event);
}

void ClassicDialect::onError()
{
    if (!isClosed())
        failOnSocketError();
}

} // namespace netcore::chat

// ChatClient: the course's classic UDP protocol. Everything goes out of one connected UDP socket (the
// course's servers key users by the source address of their "L"); replies of every course year are accepted.
#include "netcore/chat/chatclient.h"

#include "netcore/common/transcript.h"

#include <QStringDecoder>
#include <QTimer>
#include <QUdpSocket>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::chat {

void ChatClient::startClassic()
{
    m_udp = new QUdpSocket(this);
    connect(m_udp, &QUdpSocket::connected, this, &ChatClient::onUdpConnected);
    connect(m_udp, &QUdpSocket::readyRead, this, &ChatClient::onUdpReadyRead);
    connect(m_udp, &QUdpSocket::errorOccurred, this, &ChatClient::onUdpError);
    record(u"classic UDP to "_s + m_host + u':' + QString::number(m_port));
    // A connected UDP socket: the kernel filters datagrams from other peers and reports "port unreachable".
    m_udp->connectToHost(m_host, m_port);
}

void ChatClient::onUdpConnected()
{
    setState(State::Joining);
    m_timer->start(kClassicReplyTimeout);
    sendDatagram(classic::loginRequest(m_name));
}

void ChatClient::sendDatagram(const QByteArray &datagram)
{
    if (!m_udp)
        return;
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, datagram, local(), peer());
    m_udp->write(datagram);
}

ChatClient::SendResult ChatClient::sendClassicMessage(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = withoutControlCharacters(line);
    const QString clean = lines.join(u'\n');
    const QByteArray datagram = classic::chatRequest(m_name, clean);
    if (datagram.size() > classic::kMaxDatagramBytes)
        return SendResult::TooLong;
    sendDatagram(datagram);
    // Classic servers do not echo a message to its sender: show it here.
    ChatEvent event;
    event.kind = ChatEvent::Kind::Message;
    event.from = m_name;
    event.text = clean;
    event.own = true;
    emitEvent(event);
    return SendResult::Sent;
}

void ChatClient::onUdpReadyRead()
{
    if (!m_udp->hasPendingDatagrams()) {
        // Readable without a datagram: the kernel had an ICMP error queued ("port unreachable": nobody listens
        // on that UDP port). Qt 6.4's datagram check has already consumed it, so this is the only trace.
        fail(m_state == State::Joined ? Error::Lost : Error::ConnectionRefused, QString::fromLocal8Bit(strerror(ECONNREFUSED)));
        return;
    }
    while (m_udp && m_udp->hasPendingDatagrams()) {
        QByteArray datagram(qMax<qint64>(m_udp->pendingDatagramSize(), 0), Qt::Uninitialized);
        const qint64 size = m_udp->readDatagram(datagram.data(), datagram.size());
        if (size < 0)
            break;
        datagram.truncate(size);
        if (m_transcript)
            m_transcript->append(common::Direction::Received, datagram, local(), peer());
        handleDatagram(datagram);
    }
}

void ChatClient::handleDatagram(const QByteArray &datagram)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(datagram);   // invalid bytes become U+FFFD: shown, not fatal
    if (m_state == State::Joining) {
        m_timer->stop();
        switch (classic::classifyLoginReply(text)) {
        case classic::LoginAnswer::Accepted:
            setState(State::Joined);
            addUser(m_name);
            break;
        case classic::LoginAnswer::NameTaken: fail(Error::NameTaken, text.trimmed()); break;
        case classic::LoginAnswer::Refused: fail(Error::LoginRefused, text.trimmed()); break;
        }
        return;
    }
    if (m_state == State::Joined)
        handleNotice(classic::parseNotice(text));
}

void ChatClient::handleNotice(const classic::Notice &notice)
{
    ChatEvent event;
    event.from = notice.name;
    event.text = notice.text;
    switch (notice.kind) {
    case classic::Notice::Kind::Exit:
        // The 2019 server's goodbye; we only get it after leaving, or when the server throws us out.
        fail(Error::Lost, u"EXIT"_s);
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
        event.to = m_name;
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

void ChatClient::onUdpError()
{
    if (!m_udp)
        return;
    const QAbstractSocket::SocketError error = m_udp->error();
    const QString detail = m_udp->errorString();
    switch (error) {
    case QAbstractSocket::TemporaryError:
        return;
    case QAbstractSocket::ConnectionRefusedError:
        fail(m_state == State::Joined ? Error::Lost : Error::ConnectionRefused, detail);
        break;
    case QAbstractSocket::HostNotFoundError: fail(Error::HostNotFound, detail); break;
    default: fail(Error::Network, detail); break;
    }
}

} // namespace netcore::chat

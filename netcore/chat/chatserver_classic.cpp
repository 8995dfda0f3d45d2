// ChatServer: the course's classic UDP protocol (classic.h), on a UDP socket with the TCP port's number.
// Classic users are keyed by the source address of their "L"; the name inside later datagrams is not trusted.
#include "netcore/chat/chatserver.h"

#include "netcore/chat/classic.h"
#include "netcore/chat/serverconnection.h"
#include "netcore/common/transcript.h"

#include <QNetworkDatagram>
#include <QUdpSocket>

using namespace Qt::StringLiterals;

namespace netcore::chat {
namespace {

QString endpointKey(const QHostAddress &address, quint16 port)
{
    return common::endpointString(address, port);
}

QString parseProblem(classic::ParseError error)
{
    switch (error) {
    case classic::ParseError::Empty: return u"empty datagram ignored"_s;
    case classic::ParseError::InvalidUtf8: return u"datagram is not valid UTF-8: ignored"_s;
    case classic::ParseError::UnknownKind: return u"datagram is not L, C, Q or E: ignored"_s;
    case classic::ParseError::MissingName: return u"datagram lacks a name: ignored"_s;
    case classic::ParseError::TooLong: return u"datagram longer than 8192 bytes: ignored"_s;
    case classic::ParseError::None: break;
    }
    return {};
}

} // namespace

void ChatServer::onDatagrams()
{
    while (m_udp && m_udp->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_udp->receiveDatagram(classic::kMaxDatagramBytes + 1);
        if (!datagram.isValid())
            break;
        QHostAddress sender = datagram.senderAddress();
        // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; key and answer them as plain IPv4.
        bool isV4 = false;
        const quint32 v4 = sender.toIPv4Address(&isV4);
        if (isV4)
            sender = QHostAddress(v4);
        const quint16 port = quint16(datagram.senderPort());
        if (m_transcript)
            m_transcript->append(common::Direction::Received, datagram.data(), m_udpLocal, endpointKey(sender, port));
        handleDatagram(datagram.data(), sender, port);
    }
    dropSlowClients();
}

void ChatServer::handleDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port)
{
    const QString key = endpointKey(address, port);
    classic::ParseError error = classic::ParseError::None;
    const std::optional<classic::Request> request = classic::parseRequest(datagram, &error);
    if (!request) {
        if (m_transcript)
            m_transcript->appendEvent(parseProblem(error), m_udpLocal, key);
        return;
    }
    if (auto it = m_classic.find(key); it != m_classic.end())
        it->lastSeenMs = ServerConnection::nowMs();
    switch (request->kind) {
    case classic::RequestKind::Login:
        classicLogin(request->name, address, port);
        break;
    case classic::RequestKind::Chat:
        classicChat(key, request->text);
        break;
    case classic::RequestKind::Quit:
        classicQuit(key, codes::Quit);
        break;
    }
}

void ChatServer::classicLogin(const QString &name, const QHostAddress &address, quint16 port)
{
    const QString key = endpointKey(address, port);
    if (const auto it = m_classic.constFind(key); it != m_classic.cend()) {
        // A repeated login (the first OK was lost) is answered again; another name from the same socket is not.
        sendDatagram(nameKey(it->name) == nameKey(name) ? classic::okReply() : classic::failReply(), address, port);
        return;
    }
    if (!isValidName(name) || nameTaken(name) || clientCount() >= m_options.maxClients) {
        sendDatagram(classic::failReply(), address, port);
        return;
    }
    ClassicUser user;
    user.name = name;
    user.address = address;
    user.port = port;
    user.lastSeenMs = ServerConnection::nowMs();
    m_classic.insert(key, user);
    m_classicByName.insert(nameKey(name), key);
    sendDatagram(classic::okReply(), address, port);
    addUser(name, key, Transport::ClassicUdp);
}

void ChatServer::classicChat(const QString &key, const QString &text)
{
    const auto it = m_classic.constFind(key);
    if (it == m_classic.cend()) {
        if (m_transcript)
            m_transcript->appendEvent(u"chat from an address that has not logged in: ignored"_s, m_udpLocal, key);
        return;
    }
    if (text.trimmed().isEmpty())
        return;
    broadcastMessage(it->name, text, key);
}

void ChatServer::classicQuit(const QString &key, const char *reason)
{
    const auto it = m_classic.constFind(key);
    if (it == m_classic.cend()) {
        if (m_transcript)
            m_transcript->appendEvent(u"quit from an address that has not logged in: ignored"_s, m_udpLocal, key);
        return;
    }
    const ClassicUser user = *it;
    if (qstrcmp(reason, codes::Quit) == 0)
        sendDatagram(classic::exitReply(), user.address, user.port);
    removeUser(user.name, reason);
}

void ChatServer::sendDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port)
{
    if (!m_udp)
        return;
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, datagram, m_udpLocal, endpointKey(address, port));
    if (m_udp->writeDatagram(datagram, address, port) < 0 && m_transcript)
        m_transcript->appendEvent(u"send failed: "_s + m_udp->errorString(), m_udpLocal, endpointKey(address, port));
}

} // namespace netcore::chat

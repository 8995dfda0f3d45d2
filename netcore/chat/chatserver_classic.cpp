// ChatServer: the course's classic UDP protocol (classic.h), on a UDP socket with the TCP port's number.
// Classic users are keyed by the source address of their "L"; the name inside later datagrams is not trusted.
#include "netcore/chat/chatserver.h"

#include "netcore/chat/classic.h"
#include "netcore/chat/events.h"
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

// The transcript event for a datagram parseRequest() refused.
Event parseProblem(classic::ParseError error)
{
    switch (error) {
    case classic::ParseError::Empty: return Event::DatagramEmpty;
    case classic::ParseError::InvalidUtf8: return Event::DatagramInvalidUtf8;
    case classic::ParseError::UnknownKind: return Event::DatagramUnknownKind;
    case classic::ParseError::MissingName: return Event::DatagramMissingName;
    case classic::ParseError::TooLong:
    case classic::ParseError::None: break;
    }
    return Event::DatagramTooLong;
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
        const QString key = endpointKey(sender, port);
        if (m_transcript)
            m_transcript->append(common::Direction::Received, datagram.data(), m_udpLocal, key);
        handleDatagram(datagram.data(), sender, port);
        if (const auto it = m_classic.constFind(key); it != m_classic.cend())   // counted once it is a user (its login too)
            countBytes(it->id, datagram.data().size(), 0);
    }
    dropSlowClients();
}

void ChatServer::handleDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port)
{
    const QString key = endpointKey(address, port);
    classic::ParseError error = classic::ParseError::None;
    const std::optional<classic::Request> request = classic::parseRequest(datagram, &error);
    if (!request) {
        const Event problem = parseProblem(error);
        record(problem, problem == Event::DatagramTooLong ? QStringList{QString::number(classic::kMaxDatagramBytes)} : QStringList{},
               key);
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
        classicQuit(key, LeaveReason::Quit);
        break;
    }
}

void ChatServer::classicLogin(const QString &typed, const QHostAddress &address, quint16 port)
{
    const QString key = endpointKey(address, port);
    const QString name = normalizedName(typed);
    if (const auto it = m_classic.constFind(key); it != m_classic.cend()) {
        // A repeated login (the first OK was lost) is answered again; another name from the same socket is not:
        // one socket is one user (it must quit first).
        sendDatagram(nameKey(it->name) == nameKey(name) ? classic::okReply() : classic::failReply(), address, port);
        return;
    }
    if (!isValidName(name) || nameTaken(name)) {
        sendDatagram(classic::failReply(), address, port);
        return;
    }
    // A classic user counts like a TCP connection toward maxClients and, from its address, maxPerHost: one host
    // cannot fill the room with logins (its address is as far as UDP can tell hosts apart).
    if (const common::Admission admission = admit(address); admission != common::Admission::Admitted) {
        if (admission == common::Admission::HostFull)
            record(Event::ClientRefusedHostFull, {QString::number(limits().maxPerHost)}, key);
        else
            record(common::Event::ClientRefused, {QString::number(limits().maxClients)}, key);
        sendDatagram(classic::failReply(), address, port);
        return;
    }
    ClassicUser user;
    user.id = addClient(key, address);
    setClientName(user.id, name);
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
        record(Event::ChatFromUnknown, {}, key);
        return;
    }
    broadcastMessage(it->name, text, key);   // nothing visible: nothing relayed
}

void ChatServer::classicQuit(const QString &key, LeaveReason reason)
{
    const auto it = m_classic.constFind(key);
    if (it == m_classic.cend()) {
        record(Event::QuitFromUnknown, {}, key);
        return;
    }
    const ClassicUser user = *it;
    if (reason == LeaveReason::Quit)
        sendDatagram(classic::exitReply(), user.address, user.port);
    removeUser(user.name, reason);
}

void ChatServer::sendDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port)
{
    if (!m_udp)
        return;
    const QString key = endpointKey(address, port);
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, datagram, m_udpLocal, key);
    if (m_udp->writeDatagram(datagram, address, port) < 0)
        record(common::Event::SendFailed, {m_udp->errorString()}, key);
    else if (const auto it = m_classic.constFind(key); it != m_classic.cend())
        countBytes(it->id, 0, datagram.size());
}

} // namespace netcore::chat

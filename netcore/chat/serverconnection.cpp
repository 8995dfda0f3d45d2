#include "netcore/chat/serverconnection.h"

#include "netcore/chat/events.h"

#include <QTcpSocket>
#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace netcore::chat {
namespace {
constexpr std::chrono::seconds kCloseGrace{5};
}

ServerConnection::ServerConnection(QTcpSocket *socket, quint64 clientId, common::Transcript *transcript,
                                   qint64 maxPendingBytes, QObject *parent)
    : QObject(parent)
    , id(clientId)
    , m_socket(socket)
    , m_transcript(transcript)
    , m_maxPendingBytes(maxPendingBytes)
{
    m_socket->setParent(this);
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    lastActivityMs = nowMs();
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &ServerConnection::onDisconnected);
    record(common::Event::ClientConnected, {QString::number(id)});
}

ServerConnection::~ServerConnection() = default;

qint64 ServerConnection::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

bool ServerConnection::isConnected() const
{
    return m_socket->state() != QAbstractSocket::UnconnectedState;
}

bool ServerConnection::send(const QByteArray &line)
{
    if (!m_open)
        return true;
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, line, m_local, m_peer);
    m_socket->write(line);
    Q_EMIT bytesCounted(0, line.size());
    if (m_socket->bytesToWrite() <= m_maxPendingBytes)
        return true;
    // Qt queues writes until the event loop runs; one burst of input can queue more than the bound for a
    // perfectly healthy reader. Hand the kernel what it takes now, and judge only what it would not take.
    m_socket->flush();
    return m_socket->bytesToWrite() <= m_maxPendingBytes;
}

void ServerConnection::sendError(const char *code, const QString &reason)
{
    Message m;
    m.command = Command::Err;
    m.code = QLatin1StringView(code);
    m.text = reason;
    sendMessage(m);
}

void ServerConnection::closeGracefully()
{
    if (!m_open)
        return;
    m_open = false;
    record(Event::ClientClosing);
    m_socket->disconnectFromHost();
    // A peer that never reads would keep the socket closing forever: give up on the unsent bytes in time.
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        QTimer::singleShot(kCloseGrace, m_socket, &QTcpSocket::abort);
}

void ServerConnection::abort()
{
    if (!m_open)
        return;
    m_open = false;
    record(Event::ClientAborted);
    m_socket->abort();
}

void ServerConnection::onReadyRead()
{
    const QByteArray bytes = m_socket->readAll();
    if (!m_open)
        return;
    if (m_transcript)
        m_transcript->append(common::Direction::Received, bytes, m_local, m_peer);
    Q_EMIT bytesCounted(bytes.size(), 0);
    m_lines.append(bytes);
    for (;;) {
        const LineBuffer::Result result = m_lines.next();
        if (result.status == common::FrameStatus::Incomplete)
            break;
        lastActivityMs = nowMs();
        pingOutstanding = false;
        if (result.status == common::FrameStatus::TooLarge)
            sendError(codes::LineTooLong, u"lines have at most %1 bytes; the line was dropped"_s.arg(kMaxLineBytes));
        else
            handleLine(result.line);
        if (!m_open)
            break;
    }
}

void ServerConnection::handleLine(const QByteArray &line)
{
    const Decoded decoded = decode(line, Origin::Client);
    switch (decoded.status) {
    case DecodeStatus::Empty:
        return;
    case DecodeStatus::Ok:
        break;
    default:
        sendError(errorCode(decoded.status), decoded.detail);
        return;
    }
    if (decoded.message.command == Command::Ping) {
        Message pong;
        pong.command = Command::Pong;
        pong.text = decoded.message.text;
        sendMessage(pong);
        return;
    }
    if (decoded.message.command == Command::Pong)
        return;  // any line counts as a sign of life; nothing else to do
    Q_EMIT messageReceived(decoded.message);
}

void ServerConnection::onDisconnected()
{
    record(common::Event::ClientDisconnected, {QString::number(id)});
    m_open = false;
    Q_EMIT closed();
}

} // namespace netcore::chat

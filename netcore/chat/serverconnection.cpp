#include "netcore/chat/serverconnection.h"

#include "netcore/chat/events.h"

#include <QTcpSocket>
#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace netcore::chat {
namespace {
// What one pass takes from the socket when no whole line is buffered (Qt reads at most 64 KiB ahead).
constexpr qint64 kReadChunk = 16 * 1024;

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0, 'g', 6);
}
} // namespace

ServerConnection::ServerConnection(QTcpSocket *socket, quint64 clientId, common::Transcript *transcript,
                                   const common::ServerLimits &limits, std::shared_ptr<common::ServerLoad> load,
                                   QObject *parent)
    : QObject(parent)
    , id(clientId)
    , m_socket(socket)
    , m_transcript(transcript)
    , m_limits(limits)
{
    m_socket->setParent(this);
    // Chat's idle rule is its own (a joined member who only listens stays; ChatServer::sweep()).
    common::ServerLimits guarded = limits;
    guarded.idleTimeout = std::chrono::milliseconds(0);
    m_guard = new common::ConnectionGuard(m_socket, guarded, std::move(load), this);
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    lastActivityMs = nowMs();
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerConnection::processInput);
    connect(m_guard, &common::ConnectionGuard::resumed, this, &ServerConnection::processInput);
    connect(m_guard, &common::ConnectionGuard::expired, this, &ServerConnection::onExpired);
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

LeaveReason ServerConnection::endReason() const
{
    if (!m_guard->hasExpired())
        return LeaveReason::Lost;
    switch (m_guard->expiredDeadline()) {
    case common::Deadline::Drain:
    case common::Deadline::Rate: return LeaveReason::TooSlow;
    case common::Deadline::Hello:
    case common::Deadline::Request:
    case common::Deadline::Idle: return LeaveReason::Timeout;
    case common::Deadline::Count: break;
    }
    return LeaveReason::Lost;
}

bool ServerConnection::send(const QByteArray &line)
{
    if (!m_open)
        return true;
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, line, m_local, m_peer);
    m_guard->write(line);
    Q_EMIT bytesCounted(0, line.size());
    const qint64 bound = m_limits.maxQueuedOutput;
    if (bound <= 0 || m_guard->queuedOutput() <= bound)
        return true;
    // Qt queues writes until the event loop runs; one burst of input can queue more than the bound for a
    // perfectly healthy reader. Hand the kernel what it takes now, and judge only what it would not take.
    m_socket->flush();
    return m_guard->queuedOutput() <= bound;
}

void ServerConnection::sendError(const char *code, const QString &reason)
{
    Message m;
    m.command = Command::Err;
    m.code = QLatin1StringView(code);
    m.text = reason;
    sendMessage(m);
}

void ServerConnection::closeGracefully(std::chrono::milliseconds grace)
{
    if (!m_open)
        return;
    m_open = false;
    record(Event::ClientClosing);
    m_socket->disconnectFromHost();
    // A peer that never reads would keep the socket closing forever: give up on the unsent bytes in time.
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        QTimer::singleShot(grace, m_socket, &QTcpSocket::abort);
}

void ServerConnection::flush()
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->flush();
}

void ServerConnection::abort()
{
    if (!m_open)
        return;
    m_open = false;
    record(Event::ClientAborted);
    m_socket->abort();
}

void ServerConnection::expire(common::Deadline which)
{
    if (!m_open)
        return;
    m_guard->expire(which);   // onExpired() says the goodbye, if any
    m_open = false;
}

void ServerConnection::joined()
{
    m_guard->helloDone();
}

void ServerConnection::onExpired(common::Deadline which)
{
    // The guard aborts the socket right after this: the goodbye goes out only if the kernel takes it now.
    switch (which) {
    case common::Deadline::Hello:
        sendError(codes::Timeout, u"no NICK within %1 s; closing"_s.arg(seconds(m_limits.helloTimeout)));
        break;
    case common::Deadline::Request:
        sendError(codes::Timeout, u"a line was not completed within %1 s; closing"_s.arg(seconds(m_limits.requestTimeout)));
        break;
    default:
        break;   // too slow or silent: nothing it would read
    }
    record(Event::ClientAborted);
}

void ServerConnection::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    bool waiting = false;   // stopped because the client's own output is above the bound
    while (m_open) {
        if (m_guard->readingPaused()) {
            waiting = true;
            break;
        }
        const LineBuffer::Result result = m_lines.next();
        if (result.status == common::FrameStatus::Incomplete) {
            if (m_socket->bytesAvailable() <= 0)
                break;
            const QByteArray bytes = m_socket->read(kReadChunk);
            if (m_transcript)
                m_transcript->append(common::Direction::Received, bytes, m_local, m_peer);
            Q_EMIT bytesCounted(bytes.size(), 0);
            m_lines.append(bytes);
            continue;
        }
        m_guard->requestDone();
        lastActivityMs = nowMs();
        pingOutstanding = false;
        if (result.status == common::FrameStatus::TooLarge)
            sendError(codes::LineTooLong, u"lines have at most %1 bytes; the line was dropped"_s.arg(kMaxLineBytes));
        else
            handleLine(result.line);
    }
    if (m_open) {
        m_guard->setBuffered(m_lines.buffered());
        // A line begun and not ended runs against the request deadline; while the server holds the client's
        // lines back (its output is not drained) the wait is the server's, and the drain deadline applies.
        if (waiting)
            m_guard->requestDone();
        else if (m_lines.midLine())
            m_guard->requestBegun();
    }
    m_processing = false;
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
    m_lines.clear();
    m_guard->setBuffered(0);
    Q_EMIT closed();
}

} // namespace netcore::chat

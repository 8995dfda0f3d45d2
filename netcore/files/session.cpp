#include "netcore/files/session.h"

#include "netcore/common/connectionguard.h"
#include "netcore/files/classicsession.h"
#include "netcore/files/events.h"
#include "netcore/files/protocol.h"
#include "netcore/files/serversession.h"

#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace netcore::files {

Session::Session(SessionContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_jail(m_context.options.root)
    , m_transcript(m_context.transcript)
{
}

Session::~Session() = default;

void Session::start(qintptr descriptor)
{
    m_socket = new QTcpSocket(this);
    m_trafficTimer = new QTimer(this);
    m_trafficTimer->setInterval(kTrafficInterval);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_closed = true;
        Q_EMIT finished(id());
        return;
    }
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    m_host = m_socket->peerAddress();
    // Uploads are read in 1 MiB: the read-ahead that bounds memory per client (the guard keeps a bound set here).
    m_socket->setReadBufferSize(kReadBufferSize);
    // The guard lives here, in the session's thread, beside its socket.
    m_guard = new common::ConnectionGuard(m_socket, m_context.limits, m_context.load, this);
    connect(m_guard, &common::ConnectionGuard::expired, this, &Session::handleExpired);
    connect(m_guard, &common::ConnectionGuard::resumed, this, [this] {
        if (!m_closed)
            onResumed();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &Session::handleReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Session::handleBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Session::handleDisconnected);
    connect(m_trafficTimer, &QTimer::timeout, this, &Session::flushTraffic);
    m_trafficTimer->start();
    note(common::Event::ClientConnected, {QString::number(id())});
    onStarted();
}

void Session::abort()
{
    if (m_socket && !m_closed)
        m_socket->abort();
    handleDisconnected();
}

void Session::record(common::Direction direction, const QByteArray &bytes)
{
    if (m_transcript)
        m_transcript->append(direction, bytes, m_local, m_peer);
}

void Session::send(const QByteArray &bytes)
{
    if (m_closed || m_guard->hasExpired())
        return;
    record(common::Direction::Sent, bytes);
    m_guard->write(bytes);
}

void Session::sendData(const char *data, qint64 size)
{
    // A real copy: QIODevice keeps a QByteArray it is given shared in its write buffer, and `data` is reused.
    if (!m_closed)
        m_guard->write(QByteArray(data, size));
}

void Session::countRequest()
{
    if (m_context.handled)
        m_context.handled->fetch_add(1, std::memory_order_relaxed);
}

QByteArray Session::readSome(qint64 maxSize)
{
    const QByteArray bytes = m_socket->read(maxSize);
    m_received += bytes.size();
    return bytes;
}

qint64 Session::readInto(char *data, qint64 maxSize)
{
    const qint64 got = m_socket->read(data, maxSize);
    if (got > 0)
        m_received += got;
    return got;
}

void Session::report(const QString &name, bool upload, qint64 bytes, Error error, const common::ErrorDetail &detail)
{
    common::ErrorDetail full = detail;
    full.peer = m_peer;
    Q_EMIT transferFinished(TransferRecord{m_peer, name, upload, bytes, error, full});
}

void Session::close()
{
    if (m_socket && !m_closed)
        m_socket->disconnectFromHost();
}

void Session::handleReadyRead()
{
    if (!m_closed)
        onReadyRead();
}

void Session::handleBytesWritten(qint64 bytes)
{
    m_sent += bytes;
    if (!m_closed)
        onBytesWritten(bytes);
}

// A deadline passed (docs/reliability.md): recorded; the guard aborts the socket right after, which ends the
// session through handleDisconnected(). Neither dialect has a goodbye for it.
void Session::handleExpired(common::Deadline which)
{
    const auto interval = [this](common::Deadline d) -> qint64 {
        const common::ServerLimits &l = m_context.limits;
        switch (d) {
        case common::Deadline::Hello: return l.helloTimeout.count();
        case common::Deadline::Request: return l.requestTimeout.count();
        case common::Deadline::Idle: return l.idleTimeout.count();
        case common::Deadline::Drain: return l.drainTimeout.count();
        case common::Deadline::Rate: return l.rateWindow.count();
        case common::Deadline::Count: break;
        }
        return 0;
    };
    note(Event::DeadlineClosed, {QString::number(int(which)), QString::number(interval(which))});
}

void Session::flushTraffic()
{
    if (m_received == 0 && m_sent == 0)
        return;
    Q_EMIT traffic(id(), std::exchange(m_received, 0), std::exchange(m_sent, 0));
}

void Session::handleDisconnected()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_trafficTimer)
        m_trafficTimer->stop();
    onClosed();
    flushTraffic();
    note(common::Event::ClientDisconnected, {QString::number(id())});
    Q_EMIT finished(id());
}

Session *createSession(ServerDialect dialect, SessionContext context)
{
    if (dialect == ServerDialect::Classic)
        return new ClassicSession(std::move(context));
    return new ServerSession(std::move(context));
}

// Native clients read why; classic clients just see the close.
QByteArray refusalFor(ServerDialect dialect, common::Admission why, const common::ServerLimits &limits)
{
    if (dialect == ServerDialect::Classic || why == common::Admission::Admitted)
        return {};
    if (why == common::Admission::HostFull)
        return errorLine(ErrorCode::TooManyClients,
                         u"too many connections from your address (limit %1)"_s.arg(limits.maxPerHost));
    return errorLine(ErrorCode::TooManyClients, u"too many clients (limit %1)"_s.arg(limits.maxClients));
}

} // namespace netcore::files

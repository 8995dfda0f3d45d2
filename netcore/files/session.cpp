#include "netcore/files/session.h"

#include "netcore/files/classicsession.h"
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
    m_socket->setReadBufferSize(kReadBufferSize);
    m_idleTimer = new QTimer(this);
    m_idleTimer->setSingleShot(true);
    m_trafficTimer = new QTimer(this);
    m_trafficTimer->setInterval(kTrafficInterval);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_closed = true;
        Q_EMIT finished(id());
        return;
    }
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &Session::handleReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &Session::handleBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &Session::handleDisconnected);
    connect(m_trafficTimer, &QTimer::timeout, this, &Session::flushTraffic);
    connect(m_idleTimer, &QTimer::timeout, this, [this] {
        note(common::Event::IdleTimeout,
             {QString::number(std::chrono::duration_cast<std::chrono::seconds>(m_context.idleTimeout).count())});
        close();
    });
    m_trafficTimer->start();
    if (m_context.idleTimeout.count() > 0) {
        m_idleTimer->setInterval(m_context.idleTimeout);
        m_idleTimer->start();
    }
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
    if (m_closed)
        return;
    record(common::Direction::Sent, bytes);
    m_socket->write(bytes);
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
    if (m_idleTimer->interval() > 0 && m_idleTimer->isActive())
        m_idleTimer->start();
    onReadyRead();
}

void Session::handleBytesWritten(qint64 bytes)
{
    m_sent += bytes;
    if (m_idleTimer->interval() > 0 && m_idleTimer->isActive())
        m_idleTimer->start();
    onBytesWritten();
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
    if (m_idleTimer)
        m_idleTimer->stop();
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
QByteArray refusalFor(ServerDialect dialect, int maxClients)
{
    if (dialect == ServerDialect::Classic)
        return {};
    return errorLine(ErrorCode::TooManyClients, u"too many clients (limit %1)"_s.arg(maxClients));
}

} // namespace netcore::files

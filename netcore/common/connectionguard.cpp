#include "netcore/common/connectionguard.h"

#include <QAbstractSocket>
#include <QLocalSocket>
#include <QTimer>

namespace netcore::common {
namespace {
// What Qt may read ahead of a connection that is not consuming (its requests wait): the rest stays in the
// kernel, whose window then stops the peer.
constexpr qint64 kReadAhead = 64 * 1024;
}

ConnectionGuard::ConnectionGuard(QAbstractSocket *socket, const ServerLimits &limits, std::shared_ptr<ServerLoad> load,
                                 QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_load(std::move(load))
{
    // A server that chose its own bounded read-ahead keeps it (the file server reads uploads in 1 MiB); unbounded
    // (Qt's default) becomes kReadAhead.
    if (socket->readBufferSize() == 0)
        socket->setReadBufferSize(kReadAhead);
    init(socket, Hooks{[socket] { return socket->state() != QAbstractSocket::UnconnectedState; },
                       [socket] { socket->flush(); }, [socket] { socket->abort(); }});
    connect(socket, &QAbstractSocket::disconnected, this, &ConnectionGuard::onDisconnected);
}

ConnectionGuard::ConnectionGuard(QLocalSocket *socket, const ServerLimits &limits, std::shared_ptr<ServerLoad> load,
                                 QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_load(std::move(load))
{
    if (socket->readBufferSize() == 0)
        socket->setReadBufferSize(kReadAhead);
    init(socket, Hooks{[socket] { return socket->state() != QLocalSocket::UnconnectedState; },
                       [socket] { socket->flush(); }, [socket] { socket->abort(); }});
    connect(socket, &QLocalSocket::disconnected, this, &ConnectionGuard::onDisconnected);
}

void ConnectionGuard::init(QIODevice *device, Hooks hooks)
{
    m_socket = device;
    m_hooks = std::move(hooks);
    const auto timer = [this](std::chrono::milliseconds interval, Deadline which) -> QTimer * {
        if (interval.count() <= 0)
            return nullptr;
        auto *t = new QTimer(this);
        t->setSingleShot(true);
        t->setInterval(interval);
        connect(t, &QTimer::timeout, this, [this, which] { expire(which); });
        return t;
    };
    m_hello = timer(m_limits.helloTimeout, Deadline::Hello);
    m_request = timer(m_limits.requestTimeout, Deadline::Request);
    m_idle = timer(m_limits.idleTimeout, Deadline::Idle);
    m_drain = timer(m_limits.drainTimeout, Deadline::Drain);
    if (m_limits.minRate > 0 && m_limits.rateWindow.count() > 0) {
        m_rate = new QTimer(this);
        m_rate->setInterval(m_limits.rateWindow);
        connect(m_rate, &QTimer::timeout, this, &ConnectionGuard::onTick);
    }
    if (m_hello)
        m_hello->start();
    armIdle();
    connect(device, &QIODevice::bytesWritten, this, &ConnectionGuard::onBytesWritten);
}

ConnectionGuard::~ConnectionGuard()
{
    m_load->addQueued(-m_counted);
    m_load->addBuffered(-m_buffered);
}

qint64 ConnectionGuard::queuedOutput() const
{
    return (m_socket ? m_socket->bytesToWrite() : 0) + m_held;
}

bool ConnectionGuard::readingPaused() const
{
    return m_paused || m_expired;
}

qint64 ConnectionGuard::write(const QByteArray &bytes)
{
    if (m_expired || !socketOpen())
        return -1;
    const qint64 written = m_socket->write(bytes);
    if (m_drain && !m_drain->isActive())
        m_drain->start();
    syncQueued();
    return written;
}

void ConnectionGuard::setHeldOutput(qint64 bytes)
{
    m_held = bytes;
    syncQueued();
}

void ConnectionGuard::syncQueued()
{
    const qint64 now = m_expired ? 0 : queuedOutput();
    m_load->addQueued(now - m_counted);
    m_counted = now;
    m_load->notePerConnectionQueued(now);
    const qint64 bound = m_limits.maxQueuedOutput;
    if (bound <= 0)
        return;
    if (!m_paused && now > bound) {
        m_paused = true;
        m_load->countPausedReading();
    } else if (m_paused && now <= bound / 2) {
        m_paused = false;
        // Not from inside the server's own write(): it resumes reading from the event loop.
        QMetaObject::invokeMethod(this, &ConnectionGuard::resumed, Qt::QueuedConnection);
    }
}

void ConnectionGuard::onBytesWritten(qint64 bytes)
{
    Q_UNUSED(bytes)
    if (m_drain) {
        if (m_socket && m_socket->bytesToWrite() > 0)
            m_drain->start();   // progress: a new period
        else
            m_drain->stop();
    }
    armIdle();
    syncQueued();
}

void ConnectionGuard::helloDone()
{
    if (m_hello)
        m_hello->stop();
}

void ConnectionGuard::requestBegun()
{
    if (m_request && !m_request->isActive() && !m_expired)
        m_request->start();
}

void ConnectionGuard::requestDone()
{
    if (m_request)
        m_request->stop();
    armIdle();
}

void ConnectionGuard::armIdle()
{
    if (m_idle && !m_expired)
        m_idle->start();
}

void ConnectionGuard::setBuffered(qint64 bytes)
{
    m_load->addBuffered(bytes - m_buffered);
    m_buffered = bytes;
}

bool ConnectionGuard::reserveBuffered(qint64 bytes)
{
    if (!m_load->tryAddBuffered(bytes, m_limits.memoryBudget)) {
        m_load->countRefusedBudget();
        return false;
    }
    m_buffered += bytes;
    return true;
}

void ConnectionGuard::transferProgress(qint64 bytes)
{
    armIdle();
    if (!m_rate)
        return;
    if (!m_rate->isActive()) {
        m_rateBytes = 0;
        m_rateClock.start();
        m_rate->start();
    }
    m_rateBytes += bytes;
}

void ConnectionGuard::stopRateCheck()
{
    if (m_rate)
        m_rate->stop();
}

void ConnectionGuard::onTick()
{
    const double seconds = double(m_rateClock.restart()) / 1000.0;
    const bool slow = double(m_rateBytes) < double(m_limits.minRate) * seconds;
    m_rateBytes = 0;
    if (slow)
        expire(Deadline::Rate);
}

void ConnectionGuard::expire(Deadline which)
{
    if (m_expired)
        return;
    for (QTimer *t : {m_hello, m_request, m_idle, m_drain, m_rate})
        if (t)
            t->stop();
    m_which = which;
    m_load->countExpired(which);
    Q_EMIT expired(which);   // the server may queue its goodbye now
    m_expired = true;
    if (socketOpen()) {
        m_hooks.flush();   // what the kernel takes now goes out; the rest is dropped
        // flush() may emit bytesWritten, and a handler may close the socket (m_socket is then null).
        if (m_socket)
            m_hooks.abort();
    }
    syncQueued();
}

void ConnectionGuard::onDisconnected()
{
    for (QTimer *t : {m_hello, m_request, m_idle, m_drain, m_rate})
        if (t)
            t->stop();
    m_held = 0;
    m_paused = false;
    // Socket gone: nothing it held is queued any more.
    m_socket = nullptr;
    syncQueued();
}

} // namespace netcore::common

#include "netcore/common/listener.h"

#include "netcore/common/server.h"

#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <mutex>

namespace netcore::common {
namespace {
constexpr std::chrono::milliseconds kFirstBackoff{50};
constexpr std::chrono::milliseconds kMaxBackoff{1000};
}

void raiseFileLimit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        rlimit limit{};
        if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max)
            return;
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    });
}

Listener::Listener(Server *owner)
    : QTcpServer(owner)
    , m_owner(owner)
    , m_retry(new QTimer(this))
    , m_backoff(kFirstBackoff)
{
    setListenBacklogSize(kListenBacklog);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &Listener::resume);
    connect(this, &QTcpServer::acceptError, this, &Listener::onAcceptError);
    // A client leaving frees a descriptor: try at once.
    connect(owner, &Server::clientRemoved, this, [this] {
        if (m_paused)
            resume();
    });
}

Listener::~Listener() = default;

void Listener::incomingConnection(qintptr descriptor)
{
    m_backoff = kFirstBackoff;
    if (m_handler)
        m_handler(descriptor);
    else
        QTcpServer::incomingConnection(descriptor);
}

void Listener::onAcceptError(QAbstractSocket::SocketError error)
{
    Q_UNUSED(error)
    m_owner->load().countAcceptFailure();
    pauseAccepting();
    m_paused = true;
    m_retry->start(m_backoff);
    m_backoff = std::min(m_backoff * 2, kMaxBackoff);
}

void Listener::resume()
{
    m_retry->stop();
    m_paused = false;
    if (isListening())
        resumeAccepting();
}

} // namespace netcore::common

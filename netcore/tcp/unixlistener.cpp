#include "netcore/tcp/unixlistener.h"

#include "netcore/common/listener.h"
#include "netcore/common/server.h"

#include <QFile>
#include <QLocalSocket>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace netcore::tcp {
namespace {
constexpr std::chrono::milliseconds kFirstBackoff{50};
constexpr std::chrono::milliseconds kMaxBackoff{1000};
constexpr int kBacklog = common::kListenBacklog;

bool fillAddress(const QByteArray &path, sockaddr_un *address)
{
    std::memset(address, 0, sizeof *address);
    address->sun_family = AF_UNIX;
    if (path.isEmpty() || std::size_t(path.size()) >= sizeof address->sun_path)
        return false;
    std::memcpy(address->sun_path, path.constData(), std::size_t(path.size()));
    return true;
}

// Whether a server answers on the socket file at `path`: 0 when connect() is refused (stale), 1 when it answers,
// -errno otherwise.
int probe(const sockaddr_un &address)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    const int result = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address);
    const int saved = errno;
    ::close(fd);
    if (result == 0)
        return 1;
    return saved == ECONNREFUSED ? 0 : -saved;
}
} // namespace

UnixListener::UnixListener(common::Server *owner)
    : QObject(owner)
    , m_owner(owner)
    , m_retry(new QTimer(this))
    , m_backoff(kFirstBackoff)
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &UnixListener::resume);
    connect(owner, &common::Server::clientRemoved, this, [this] {
        if (m_paused)
            resume();
    });
}

UnixListener::~UnixListener()
{
    close();
    qDeleteAll(m_pending);
}

bool UnixListener::fail(Error error, int sysError)
{
    m_error = error;
    m_sysError = sysError;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    return false;
}

bool UnixListener::listen(const QString &path)
{
    close();
    m_error = Error::None;
    m_sysError = 0;
    m_removedStale = false;
    const QByteArray encoded = QFile::encodeName(path);
    sockaddr_un address{};
    if (!fillAddress(encoded, &address))
        return fail(Error::PathTooLong, ENAMETOOLONG);
    struct stat info{};
    if (::lstat(encoded.constData(), &info) == 0) {
        if (!S_ISSOCK(info.st_mode))
            return fail(Error::NotASocket, ENOTSOCK);
        const int answer = probe(address);
        if (answer == 1)
            return fail(Error::InUse, EADDRINUSE);
        if (answer < 0)
            return fail(-answer == EACCES || -answer == EPERM ? Error::AccessDenied : Error::Other, -answer);
        // Refused: a socket file nobody listens on any more (its server died without removing it).
        if (::unlink(encoded.constData()) != 0)
            return fail(errno == EACCES || errno == EPERM ? Error::AccessDenied : Error::Other, errno);
        m_removedStale = true;
    }
    m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_fd < 0)
        return fail(Error::Other, errno);
    if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        const int saved = errno;
        if (saved == EADDRINUSE)
            return fail(Error::InUse, saved);
        if (saved == EACCES || saved == EPERM || saved == EROFS)
            return fail(Error::AccessDenied, saved);
        if (saved == ENOENT || saved == ENOTDIR)
            return fail(Error::NoSuchFolder, saved);
        return fail(Error::Other, saved);
    }
    if (::listen(m_fd, kBacklog) != 0) {
        const int saved = errno;
        ::unlink(encoded.constData());
        return fail(Error::Other, saved);
    }
    m_path = path;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixListener::onReadable);
    return true;
}

void UnixListener::close()
{
    m_retry->stop();
    m_paused = false;
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd < 0)
        return;
    ::close(m_fd);
    m_fd = -1;
    ::unlink(QFile::encodeName(m_path).constData());
}

QLocalSocket *UnixListener::nextPendingConnection()
{
    return m_pending.isEmpty() ? nullptr : m_pending.takeFirst();
}

void UnixListener::onReadable()
{
    bool accepted = false;
    for (;;) {
        const int fd = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // No spin: stop watching until the back-off passes or a client leaves.
                m_owner->load().countAcceptFailure();
                m_notifier->setEnabled(false);
                m_paused = true;
                m_retry->start(m_backoff);
                m_backoff = std::min(m_backoff * 2, kMaxBackoff);
            }
            break;   // EAGAIN: all taken
        }
        m_backoff = kFirstBackoff;
        auto *socket = new QLocalSocket;
        if (!socket->setSocketDescriptor(fd, QLocalSocket::ConnectedState, QIODevice::ReadWrite)) {
            ::close(fd);
            delete socket;
            continue;
        }
        m_pending.append(socket);
        accepted = true;
    }
    if (accepted)
        Q_EMIT newConnection();
}

void UnixListener::resume()
{
    m_retry->stop();
    m_paused = false;
    if (m_notifier)
        m_notifier->setEnabled(true);
}

} // namespace netcore::tcp

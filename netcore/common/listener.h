#pragma once

#include <QTcpServer>

#include <chrono>
#include <functional>

class QTimer;

namespace netcore::common {

class Server;

// Raises this process's soft RLIMIT_NOFILE to its hard limit (once; later calls do nothing). Every server's
// constructor calls it: a classroom's connections must not run out at the default 1024.
void raiseFileLimit();

// The listening socket every server uses. Its listen backlog is kListenBacklog (Qt's default is 50): a class
// clicking "connect" at once, or a probe of hundreds of clients, completes its handshakes in the kernel while the
// event loop is busy, instead of having SYNs dropped and retried a second later. When accept() fails for want of descriptors or memory
// (EMFILE/ENFILE/ENOBUFS/ENOMEM), it stops accepting instead of spinning, counts the failure in the owner's
// load(), and tries again after a back-off (50 ms doubling to 1 s) or as soon as one of the owner's clients
// leaves. Pending connections wait in the kernel's backlog meanwhile.
inline constexpr int kListenBacklog = 1024;   // the kernel caps it at net.core.somaxconn (4096 since Linux 5.4)

class Listener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    explicit Listener(Server *owner);
    ~Listener() override;

    // Servers that hand the descriptor to another thread (the file server) take it here instead of
    // nextPendingConnection().
    void setDescriptorHandler(std::function<void(qintptr)> handler) { m_handler = std::move(handler); }

    bool isPaused() const { return m_paused; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onAcceptError(QAbstractSocket::SocketError error);
    void resume();

    Server *m_owner;
    QTimer *m_retry;
    std::chrono::milliseconds m_backoff;
    std::function<void(qintptr)> m_handler;
    bool m_paused = false;
};

} // namespace netcore::common

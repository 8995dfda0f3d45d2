#pragma once

#include <QObject>
#include <QString>

#include <chrono>

class QLocalSocket;
class QSocketNotifier;
class QTimer;

namespace netcore::common {
class Server;
}

// The listening side of a Unix-domain stream socket (AF_UNIX, SOCK_STREAM) for the TCP workbench's server, written
// on the descriptor because QLocalServer does not fit a bounded server: it closes itself when accept() fails (EMFILE)
// and removes an existing path without asking whether a server still answers on it.
//   * listen(path): a path that exists is taken over only when it is a socket nobody answers on (connect() is
//     refused: a stale file left by a server that died); a live socket is "in use", anything else "not a socket".
//   * accept() failing for want of descriptors or memory pauses accepting (counted in the owner's load()) and tries
//     again after a back-off (50 ms doubling to 1 s) or as soon as one of the owner's clients leaves, as
//     common::Listener does for TCP.
//   * close() removes the socket file it created.
namespace netcore::tcp {

class UnixListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixListener)

public:
    enum class Error : quint8 {
        None,
        PathTooLong,      // longer than sockaddr_un holds (107 bytes)
        InUse,            // a server answers on that path
        NotASocket,       // the path exists and is a file, a folder, ...
        AccessDenied,     // EACCES / EPERM on the folder or the file
        NoSuchFolder,     // the folder does not exist
        Other,            // errno says
    };

    explicit UnixListener(common::Server *owner);
    ~UnixListener() override;

    bool listen(const QString &path);
    void close();
    bool isListening() const { return m_fd >= 0; }
    QString path() const { return m_path; }
    bool isPaused() const { return m_paused; }
    bool removedStale() const { return m_removedStale; }   // listen() took over a stale socket file

    Error error() const { return m_error; }
    int sysError() const { return m_sysError; }

    // The next accepted connection (owned by the caller, parented to nothing), or nullptr.
    QLocalSocket *nextPendingConnection();

Q_SIGNALS:
    void newConnection();

private:
    void onReadable();
    void resume();
    bool fail(Error error, int sysError);

    common::Server *m_owner;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_retry;
    std::chrono::milliseconds m_backoff;
    QString m_path;
    QList<QLocalSocket *> m_pending;
    bool m_paused = false;
    bool m_removedStale = false;
    Error m_error = Error::None;
    int m_sysError = 0;
};

} // namespace netcore::tcp

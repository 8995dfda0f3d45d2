#pragma once

#include "netcore/common/error.h"
#include "netcore/http/tlsinfo.h"
#include "netcore/tcp/tcpinfo.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QLocalSocket>
#include <QObject>
#include <QString>

#include <optional>

class QIODevice;
class QSslError;
class QTcpSocket;

namespace netcore::common {
class Transcript;
}

// A raw TCP client session (the TCP workbench's): connect to HOST:PORT (a name is resolved, IPv4 or IPv6), send
// bytes, and every read is one transcript record and one received() — what one read returned (up to 64 KiB),
// never cut or merged by us. Three ways to end, the lesson of the four-way close (四次挥手):
//   close()      graceful: FIN after what is queued; the peer's last bytes are still read
//   halfClose()  shutdown(SHUT_WR) on the descriptor once the queue is out: the peer reads EOF, we keep reading
//                until the peer closes too (Qt has no API for it)
//   abort()      SO_LINGER {1, 0} then close: the kernel sends RST, queued bytes are thrown away
// A close by the peer is a normal end (State::Closed, closedByPeer()), never an error.
// connectToUnix(path) talks to a Unix-domain stream socket (AF_UNIX) instead, with the same reads, close and
// half-close; abort() there just closes (AF_UNIX has no RST; a peer with unread data sees ECONNRESET).
// setTls(true) before connectTo() wraps the TCP connection in TLS (QSslSocket): State::Connected comes after the
// handshake, tlsInfo() holds protocol, cipher, the peer's chain and the certificate errors (netcore/http/tlsinfo.h,
// the HTTP tab's type); errors fail the connection (Error::TlsVerifyFailed) unless setIgnoreTlsErrors(true) (curl -k).
// Half-close under TLS shuts the TCP sending side without TLS's close_notify.
namespace netcore::tcp {

enum class LineEnding : quint8 { None, Lf, CrLf, Count };

// `bytes` with the line ending appended.
QByteArray withLineEnding(const QByteArray &bytes, LineEnding ending);

class TcpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpClient)

public:
    enum class State : quint8 {
        Unconnected,   // before connectTo()
        Connecting,    // resolving the name, then the handshake
        Connected,
        HalfClosed,    // we sent FIN (halfClose()); still reading
        Closing,       // close(): FIN after the queue
        Closed,        // over (by us, by the peer, or by an error)
    };
    Q_ENUM(State)

    enum class Error : quint8 {
        HostNotFound,        // detail: peer = "host:port"
        ConnectionRefused,   // detail: peer
        ConnectTimeout,      // detail: peer
        NetworkError,        // any other socket error; detail: peer, raw = the socket's words
        NotConnected,        // send(), halfClose() while not connected (or after halfClose())
        OptionFailed,        // a setsockopt/shutdown call failed; detail: sysError
        UnixNoSuchFile,      // connectToUnix(): nothing at that path; detail: path
        UnixNotASocket,      // the path is a file, a folder, ... not a socket; detail: path
        UnixAccessDenied,    // no permission on the socket or its folder; detail: path, sysError
        UnixRefused,         // a socket file nobody listens on (a stale file left by a server that died); detail: path
        TlsVerifyFailed,     // the peer's certificate did not verify; detail: peer, raw = Qt's texts; tlsInfo().errors
        TlsHandshakeFailed,  // the TLS handshake failed (not TLS on the other end, no common protocol); detail: raw
        Count
    };
    Q_ENUM(Error)

    static constexpr qint64 kReadBufferSize = qint64(64) * 1024;

    explicit TcpClient(common::Transcript *transcript = nullptr, QObject *parent = nullptr);
    ~TcpClient() override;

    // Starts connecting (a name is resolved first). Options set before (no-delay, TLS) are applied once connected.
    void connectTo(const QString &host, quint16 port);
    // Connects to the Unix-domain socket at `path` (no TLS, no TCP options there).
    void connectToUnix(const QString &path);
    bool isUnix() const { return m_unix != nullptr; }

    // TLS on the next connectTo() (not for Unix sockets); with ignore, certificate errors are recorded and accepted.
    void setTls(bool on) { m_tls = on; }
    bool tls() const { return m_tls; }
    void setIgnoreTlsErrors(bool ignore) { m_ignoreTlsErrors = ignore; }
    // What the handshake showed (used == false without TLS); errors are kept even when the handshake failed.
    const http::TlsInfo &tlsInfo() const { return m_tlsInfo; }

    // The kernel's facts about the connection now (TCP_INFO; nullopt for a Unix socket, before connecting, after the
    // socket is closed, or off Linux). lastTcpFacts(): the last facts read (each read from the socket, and just
    // before we close, takes them), so they are still there once the connection is over.
    std::optional<TcpFacts> tcpFacts() const;
    std::optional<TcpFacts> lastTcpFacts() const { return m_lastFacts; }
    // Queues bytes; false (with errorOccurred(NotConnected)) when not connected or after halfClose().
    bool send(const QByteArray &bytes);
    void close();
    void halfClose();
    void abort();

    // TCP_NODELAY: true sends each write at once (Nagle's algorithm off). Applied now when connected.
    void setNoDelay(bool on);
    bool noDelay() const { return m_noDelay; }
    // TCP_NODELAY as the kernel has it for the socket now (-1 when there is no socket or getsockopt fails).
    int kernelNoDelay() const;

    State state() const { return m_state; }
    bool closedByPeer() const { return m_closedByPeer; }
    QString peerEndpoint() const;    // "address:port" once connected
    QString localEndpoint() const;
    qint64 bytesReceived() const { return m_received; }
    qint64 bytesSent() const { return m_sent; }
    qint64 reads() const { return m_reads; }
    qint64 bytesToWrite() const { return unsent(); }   // sent by us, still in Qt's buffer (not yet in the kernel)

    Error error() const { return m_error; }
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }

Q_SIGNALS:
    void stateChanged(netcore::tcp::TcpClient::State state);
    void errorOccurred(netcore::tcp::TcpClient::Error error);
    void received(const QByteArray &bytes);   // one read, exactly as the socket returned it
    void allWritten();                        // everything sent so far is in the kernel (nothing waits in Qt's buffer)

private:
    void setState(State state);
    void fail(Error error, int sysError = 0, const QString &raw = {});
    void reset();
    void dropSocket();
    qintptr descriptor() const;
    bool socketOpen() const;       // connected (not yet unconnected)
    qint64 unsent() const;
    void snapshotFacts() const;
    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void onUnixError(QLocalSocket::LocalSocketError error);
    void onBytesWritten();
    void shutdownWrite();
    void readAll();

    common::Transcript *m_transcript;
    QTcpSocket *m_socket = nullptr;    // a QSslSocket with TLS; null for a Unix connection
    QLocalSocket *m_unix = nullptr;
    QIODevice *m_device = nullptr;     // whichever of the two is in use
    QString m_path;
    bool m_tls = false;
    bool m_ignoreTlsErrors = false;
    http::TlsInfo m_tlsInfo;
    mutable std::optional<TcpFacts> m_lastFacts;
    State m_state = State::Unconnected;
    QString m_host;
    quint16 m_port = 0;
    QString m_local;
    QString m_peer;
    bool m_noDelay = false;
    bool m_halfClosePending = false;
    bool m_closedByPeer = false;
    bool m_closedByUs = false;
    bool m_aborted = false;
    qint64 m_received = 0;
    qint64 m_sent = 0;
    qint64 m_reads = 0;
    Error m_error = Error::Count;
    common::ErrorDetail m_errorDetail;
};

} // namespace netcore::tcp

#pragma once

#include "netcore/common/error.h"
#include "netcore/common/server.h"
#include "netcore/tcp/tcpinfo.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QRegularExpression>

#include <chrono>
#include <optional>

class QIODevice;
class QLocalSocket;
class QTcpSocket;

namespace netcore::common {
class ConnectionGuard;
class Listener;
class Transcript;
} // namespace netcore::common

// A raw TCP server (the TCP workbench's): many clients, no protocol. Every read is one transcript record (what one
// read from the socket returned, up to 64 KiB, never cut or merged by us), so the boundaries the network made are
// the ones shown. Modes: show only, echo, a fixed reply per read, or a reply per rule (the first rule whose text
// the read contains). Bounded like every server (docs/reliability.md, "TCP"): Listener, admit(), one
// ConnectionGuard per client that every write goes through; an echo or a reply waits (the client's reading is
// paused, TCP pushes back) while that client's unsent output is above maxQueuedOutput; the idle deadline (off by
// default) counts only when no byte moves either way; output not taken for drainTimeout aborts the client.
// A refused client is closed at once without a byte (raw TCP has no words to refuse with).
// listenUnix(path) serves a Unix-domain stream socket instead (AF_UNIX, netcore/tcp/unixlistener.h) with the same
// modes, records and guard; a Unix client has no address, so only maxClients admits it (maxPerHost does not apply).
namespace netcore::tcp {

class UnixListener;

enum class ServerMode : quint8 { Show, Echo, FixedReply, Rules, Count };

struct ReplyRule {
    QByteArray match;     // a read that contains these bytes (or, with `regex`, matches this pattern, UTF-8) ...
    QByteArray reply;     // ... is answered with these
    bool regex = false;   // `match` is a regular expression (Perl syntax, QRegularExpression) searched in the read's
                          // bytes: each byte is one character, so `\x00`, `.` and `[\r\n]` see bytes as they came

    friend bool operator==(const ReplyRule &, const ReplyRule &) = default;
};

// What is wrong with a rule's regular expression: where in the pattern (a character offset) and PCRE2's own words
// (English, for the detail line). nullopt when the pattern compiles.
struct RulePatternProblem {
    qsizetype offset = -1;
    QString raw;
};
std::optional<RulePatternProblem> checkRulePattern(const QByteArray &pattern);

class TcpServer final : public common::Server
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpServer)

public:
    enum class Error : quint8 {
        ListenFailed,       // detail: peer = the address:port (or path = the Unix socket path), sysError / raw
        UnixPathInUse,      // detail: path; a server answers on that socket
        UnixNotASocket,     // detail: path; it exists and is not a socket (not removed)
        UnixAccessDenied,   // detail: path, sysError
        UnixNoSuchFolder,   // detail: path; its folder does not exist
        UnixPathTooLong,    // detail: path; longer than a Unix socket address holds (107 bytes)
        Count
    };
    Q_ENUM(Error)

    static constexpr quint16 kDefaultPort = 8007;
    static constexpr qint64 kReadChunk = qint64(64) * 1024;   // the most one read takes (the guard's read buffer)
    static constexpr std::chrono::milliseconds kDefaultDrainTimeout{30000};
    static constexpr std::chrono::milliseconds kStopGrace{2000};

    // What a new server starts with: common::ServerLimits' defaults, with kDefaultDrainTimeout.
    static common::ServerLimits defaultLimits();

    explicit TcpServer(common::Transcript *transcript = nullptr, QObject *parent = nullptr);
    ~TcpServer() override;

    bool start(const QHostAddress &address, quint16 port) override;
    // Listens on a Unix-domain socket at `path` (a stale socket file nobody answers on is removed first; see
    // removedStaleSocket()). The file is removed again by stop().
    bool listenUnix(const QString &path);
    void stop() override;
    bool isUnix() const { return m_unixListener != nullptr; }
    QString unixPath() const;
    bool removedStaleSocket() const { return m_removedStale; }
    // Closes gracefully (FIN after what is queued; the drain deadline bounds the wait).
    bool disconnectClient(quint64 id) override;
    QHostAddress serverAddress() const override;
    quint16 serverPort() const override;

    void setMode(ServerMode mode) { m_mode = mode; }
    ServerMode mode() const { return m_mode; }
    void setFixedReply(const QByteArray &reply) { m_reply = reply; }
    // Rules whose pattern does not compile never match (check them first with checkRulePattern()).
    void setRules(const QList<ReplyRule> &rules);

    // Through the client's guard (counted, bounded by the drain deadline); false for an unknown client or no bytes.
    bool sendTo(quint64 id, const QByteArray &bytes);
    // To every client; returns how many it went to.
    int sendToAll(const QByteArray &bytes);

    // Bytes written to a client and not yet taken by the kernel (Qt's buffer); the largest over every client for
    // largestUnsent(). A sender that streams (the tab's file send) waits while it is high: memory stays bounded.
    qint64 unsentTo(quint64 clientId) const;
    qint64 largestUnsent() const;

    // TCP_NODELAY on one client's connection (Nagle off: every write leaves at once); false for an unknown client or
    // a Unix-socket client. noDelay(): nullopt for those.
    bool setNoDelay(quint64 clientId, bool on);
    std::optional<bool> noDelay(quint64 clientId) const;

    // The kernel's facts about one client's TCP connection now (netcore/tcp/tcpinfo.h); nullopt for an unknown
    // client, a Unix-socket client or where TCP_INFO is not available.
    std::optional<TcpFacts> tcpFacts(quint64 clientId) const;

    Error error() const { return m_error; }
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }

Q_SIGNALS:
    void errorOccurred(netcore::tcp::TcpServer::Error error);
    // One read from one client, exactly as the socket returned it.
    void received(quint64 id, const QByteArray &bytes);

private:
    struct Connection {
        quint64 id = 0;
        QIODevice *socket = nullptr;       // the TCP or the Unix socket
        QTcpSocket *tcp = nullptr;         // set for a TCP client
        QLocalSocket *unixSocket = nullptr;   // set for a Unix client
        common::ConnectionGuard *guard = nullptr;
        QString localEnd;   // our endpoint (address:port, or the socket path)
        QString peer;
        bool pauseRecorded = false;
    };

    static bool isConnected(const Connection &connection);
    static void closeGracefully(const Connection &connection);
    void onNewConnection();
    void onNewUnixConnection();
    void accepted(QIODevice *socket, QTcpSocket *tcp, QLocalSocket *local, const QHostAddress &host, const QString &peer,
                  const QString &localEnd);
    void failListen(Error error, const common::ErrorDetail &detail);
    void serve(quint64 id);
    void answer(Connection &connection, const QByteArray &bytes);
    void write(Connection &connection, const QByteArray &bytes);
    void onDisconnected(quint64 id);
    void record(const QByteArray &bytes, bool sent, const Connection &connection);

    common::Transcript *m_transcript;
    common::Listener *m_listener = nullptr;
    UnixListener *m_unixListener = nullptr;
    bool m_removedStale = false;
    QHash<quint64, Connection> m_connections;
    ServerMode m_mode = ServerMode::Echo;
    QByteArray m_reply;
    QList<ReplyRule> m_rules;
    QList<QRegularExpression> m_patterns;   // compiled, one per rule (empty for a plain rule)
    Error m_error = Error::Count;
    common::ErrorDetail m_errorDetail;
};

} // namespace netcore::tcp

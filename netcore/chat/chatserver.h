#pragma once

#include "netcore/chat/protocol.h"
#include "netcore/common/error.h"
#include "netcore/common/server.h"
#include "netcore/common/transcript.h"

#include <QAbstractSocket>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>

class QTimer;
class QUdpSocket;

namespace netcore::common {
class Listener;
}

namespace netcore::chat {

class ServerConnection;

// What ChatServer does beyond common::ServerLimits. Of those it enforces (docs/reliability.md, "Chat"):
// maxClients and maxPerHost (TCP connections plus classic UDP users; refused with ERR server-full / host-full, a
// classic login with FAIL); helloTimeout (no successful NICK: ERR timeout, closed); requestTimeout (a line begun
// and not ended: ERR timeout, closed); drainTimeout and maxQueuedOutput (a client's own replies wait while its
// unsent bytes are past the bound; a broadcast that finds it past the bound, or output not taken for
// drainTimeout, drops it with "LEAVE <name> too-slow"); idleTimeout (0 by default: a joined member who only
// listens stays; when set, a TCP client silent this long despite PING is dropped with "LEAVE <name> timeout").
struct ServerOptions {
    std::chrono::milliseconds pingAfter{std::chrono::seconds(60)};   // a TCP client silent this long gets PING
    // Classic clients send nothing while they read, so they get far longer before they are forgotten.
    std::chrono::milliseconds classicDropAfter{std::chrono::minutes(30)};
    bool classicUdp = true;                   // also serve the course's UDP protocol on the same port number
};

// The chat room server: native TCP clients (protocol.h) and the course's classic UDP clients (classic.h) share
// one room. Event-driven, one thread. The client list (common::Server) holds every TCP connection (named once it
// joined) and every classic UDP user. A slow reader never delays the others: a client whose unsent bytes pass
// limits().maxQueuedOutput is dropped with "LEAVE <name> too-slow". Records every byte into the transcript when
// one is set.
class ChatServer final : public common::Server
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatServer)

public:
    enum class Transport : quint8 { Tcp, ClassicUdp };
    enum class Error : quint8 {
        AddressInUse,        // the TCP port is taken
        UdpAddressInUse,     // the TCP port was free but its UDP twin (classic) is taken
        AccessDenied,        // a port below 1024 without the right to bind it
        AddressNotAvailable, // the bind address is not one of this machine's
        ListenFailed,        // anything else; errorDetail().raw has the socket's words
        // keep last
        Count
    };
    Q_ENUM(Error)

    // The defaults ChatServer sets (docs/reliability.md, "Chat").
    static constexpr int kDefaultMaxPerHost = 8;
    static constexpr std::chrono::milliseconds kDefaultHelloTimeout{std::chrono::seconds(30)};
    static constexpr std::chrono::milliseconds kDefaultRequestTimeout{std::chrono::seconds(30)};
    static constexpr std::chrono::milliseconds kDefaultDrainTimeout{std::chrono::seconds(30)};
    static constexpr std::chrono::milliseconds kDefaultIdleTimeout{0};   // listeners stay
    // How long stop() lets a client take its goodbye before the connection is aborted.
    static constexpr std::chrono::milliseconds kStopGrace{1000};

    explicit ChatServer(QObject *parent = nullptr);
    ~ChatServer() override;

    void setOptions(const ServerOptions &options);   // takes effect at the next start()
    void setTranscript(common::Transcript *transcript);

    // Listens on TCP and binds UDP with the same port number (port 0: a free one both have).
    bool start(const QHostAddress &address, quint16 port) override;
    // Tells every client "LEAVE <name> shutdown" for everyone (classic users get EXIT), hands the kernel what it
    // takes of that at once, closes the listening sockets and is Stopped when it returns. Connections whose
    // goodbye the kernel did not take whole close once it is out, within kStopGrace (while the event loop runs).
    void stop() override;
    // Closes one client: the others get "LEAVE <name> lost"; a classic user gets EXIT.
    bool disconnectClient(quint64 id) override;
    // The address the TCP socket listens on, as bound: QHostAddress::Any (protocol AnyIPProtocol) is every IPv4
    // and IPv6 address; AnyIPv4 / AnyIPv6 one family. The UDP socket binds the same.
    QHostAddress serverAddress() const override;
    quint16 serverPort() const override;
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }

    // Operator message (the course's 管理员): SYS to native clients, "管理员 : text" to classic ones.
    void say(const QString &text);

    QStringList users() const { return m_order; }     // in the order they joined

Q_SIGNALS:
    void errorOccurred(netcore::chat::ChatServer::Error error);
    void userJoined(const QString &name, const QString &peer, netcore::chat::ChatServer::Transport transport);
    void userLeft(const QString &name, netcore::chat::LeaveReason reason);

private:
    struct ClassicUser {
        quint64 id = 0;   // in the client list
        QString name;
        QHostAddress address;
        quint16 port = 0;
        qint64 lastSeenMs = 0;
    };

    // TCP
    void onNewConnection();
    void onConnectionMessage(ServerConnection *connection, const Message &message);
    void onConnectionClosed(ServerConnection *connection);
    void handleNick(ServerConnection *connection, const Message &message);
    void handlePrivate(ServerConnection *connection, const Message &message);
    void forget(ServerConnection *connection);
    void drop(ServerConnection *connection, LeaveReason reason);
    void reportError(QAbstractSocket::SocketError socketError, const QString &raw, bool udp, const QHostAddress &address,
                     quint16 port);
    // UDP (chatserver_classic.cpp)
    void onDatagrams();
    void handleDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port);
    void classicLogin(const QString &name, const QHostAddress &address, quint16 port);
    void classicChat(const QString &endpointKey, const QString &text);
    void classicQuit(const QString &endpointKey, LeaveReason reason);
    void sendDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port);
    // room
    bool bindUdp(const QHostAddress &address, quint16 port);
    bool nameTaken(const QString &name) const;
    void addUser(const QString &name, const QString &peer, Transport transport);
    void removeUser(const QString &name, LeaveReason reason);
    void broadcastMessage(const QString &from, const QString &text, const QString &classicSenderKey = {});
    void broadcastNative(const Message &message, ServerConnection *except = nullptr);
    void broadcastClassic(const QByteArray &datagram, const QString &exceptKey = {});
    void dropSlowClients();
    void sweep();
    template <typename E>
    void record(E code, const QStringList &args = {}, const QString &peer = {})
    {
        if (m_transcript)
            m_transcript->appendEvent(code, args, m_udpLocal, peer);
    }

    ServerOptions m_options;
    QPointer<common::Transcript> m_transcript;
    common::Listener *m_tcp = nullptr;
    QUdpSocket *m_udp = nullptr;
    QTimer *m_sweepTimer = nullptr;
    common::ErrorDetail m_errorDetail;
    QString m_udpLocal;

    QList<ServerConnection *> m_connections;            // every open TCP connection
    QHash<QString, ServerConnection *> m_native;        // nameKey -> joined TCP connection
    QHash<QString, ClassicUser> m_classic;              // "address:port" -> classic user
    QHash<QString, QString> m_classicByName;            // nameKey -> "address:port"
    QStringList m_order;                                // every joined name, in join order
    QList<QPointer<ServerConnection>> m_slow;           // past their bound during a broadcast
};

} // namespace netcore::chat

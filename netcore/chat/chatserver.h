#pragma once

#include "netcore/chat/protocol.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>

class QTcpServer;
class QTimer;
class QUdpSocket;

namespace netcore::common { class Transcript; }

namespace netcore::chat {

class ServerConnection;

struct ServerOptions {
    QHostAddress bindAddress = QHostAddress(QHostAddress::Any);
    quint16 port = kDefaultPort;              // 0: any free port (TCP and UDP then share the one TCP got)
    int maxClients = kDefaultMaxClients;      // TCP connections plus classic UDP users
    qint64 maxPendingBytes = 1024 * 1024;     // a client's unsent bytes past this: dropped as too-slow
    std::chrono::milliseconds pingAfter{std::chrono::seconds(60)};   // a TCP client silent this long gets PING
    std::chrono::milliseconds dropAfter{std::chrono::seconds(120)};  // ... and this long is dropped (timeout)
    // Classic clients send nothing while they read, so they get far longer before they are forgotten.
    std::chrono::milliseconds classicDropAfter{std::chrono::minutes(30)};
    bool classicUdp = true;                   // also serve the course's UDP protocol on the same port number
};

// The chat room server: native TCP clients (protocol.h) and the course's classic UDP clients (classic.h) share
// one room. Event-driven, one thread. A slow reader never delays the others: a client whose unsent bytes pass
// ServerOptions::maxPendingBytes is dropped with "LEAVE <name> too-slow". Records every byte into the
// transcript when one is set.
class ChatServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatServer)

public:
    enum class State : quint8 { Stopped, Listening };
    enum class Transport : quint8 { Tcp, ClassicUdp };

    explicit ChatServer(QObject *parent = nullptr);
    ~ChatServer() override;

    void setOptions(const ServerOptions &options);   // takes effect at the next start()
    ServerOptions options() const { return m_options; }
    void setTranscript(common::Transcript *transcript);

    // Listens on TCP and binds UDP with the same port number. False with errorString() when either fails.
    bool start();
    // Tells every client "LEAVE <name> shutdown", closes every connection and the sockets.
    void stop();

    State state() const { return m_state; }
    bool isListening() const { return m_state == State::Listening; }
    QHostAddress address() const;
    quint16 port() const;
    QString errorString() const { return m_errorString; }

    // Operator message (the course's 管理员): SYS to native clients, "管理员 : text" to classic ones.
    void say(const QString &text);

    QStringList users() const { return m_order; }     // in the order they joined
    int clientCount() const;                          // connections and classic users, joined or not

Q_SIGNALS:
    void stateChanged(netcore::chat::ChatServer::State state);
    void userJoined(const QString &name, const QString &peer, netcore::chat::ChatServer::Transport transport);
    void userLeft(const QString &name, const QString &reason);

private:
    struct ClassicUser {
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
    void drop(ServerConnection *connection, const char *reason);
    // UDP (chatserver_classic.cpp)
    void onDatagrams();
    void handleDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port);
    void classicLogin(const QString &name, const QHostAddress &address, quint16 port);
    void classicChat(const QString &endpointKey, const QString &text);
    void classicQuit(const QString &endpointKey, const char *reason);
    void sendDatagram(const QByteArray &datagram, const QHostAddress &address, quint16 port);
    // room
    bool bindUdp(quint16 port);
    bool nameTaken(const QString &name) const;
    void addUser(const QString &name, const QString &peer, Transport transport);
    void removeUser(const QString &name, const char *reason);
    void broadcastMessage(const QString &from, const QString &text, const QString &classicSenderKey = {});
    void broadcastNative(const Message &message, ServerConnection *except = nullptr);
    void broadcastClassic(const QByteArray &datagram, const QString &exceptKey = {});
    void dropSlowClients();
    void sweep();
    void record(const QString &event);

    ServerOptions m_options;
    QPointer<common::Transcript> m_transcript;
    QTcpServer *m_tcp = nullptr;
    QUdpSocket *m_udp = nullptr;
    QTimer *m_sweepTimer = nullptr;
    State m_state = State::Stopped;
    QString m_errorString;
    QString m_udpLocal;

    QList<ServerConnection *> m_connections;            // every open TCP connection
    QHash<QString, ServerConnection *> m_native;        // nameKey -> joined TCP connection
    QHash<QString, ClassicUser> m_classic;              // "address:port" -> classic user
    QHash<QString, QString> m_classicByName;            // nameKey -> "address:port"
    QStringList m_order;                                // every joined name, in join order
    QList<QPointer<ServerConnection>> m_slow;           // past their bound during a broadcast
};

} // namespace netcore::chat

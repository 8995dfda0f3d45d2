#pragma once

#include "netcore/common/serverload.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

// The shape every server shares (chat, files, HTTP capture, and later the TCP server): start(address, port) /
// stop(), a State, one limits struct, and the list of connected clients with added/removed signals and
// disconnectClient(id) — what the classroom panel shows and what `socketeer serve` prints. Each server adds its own
// `enum class Error` and `errorOccurred(Error)` (detail as data, never a sentence).
namespace netcore::common {

// What a peer may hold (docs/reliability.md lists each server's defaults and which fields it enforces). Every
// duration: 0 means never; every size or count: 0 means no bound. Tests set short values.
struct ServerLimits {
    int maxClients = 64;                          // connections at once, from every host together
    int maxPerHost = 16;                          // connections at once from one address (one student's reconnect loop)
    std::chrono::milliseconds idleTimeout{0};     // no complete request and no byte moved for this long: closed
    std::chrono::milliseconds helloTimeout{0};    // connected but not joined / said hello within this: closed
    std::chrono::milliseconds requestTimeout{0};  // a request begun and not complete within this: closed
    std::chrono::milliseconds drainTimeout{0};    // output pending and not one byte taken for this long: aborted
    qint64 maxQueuedOutput = qint64(1) << 20;     // unsent bytes: above, the connection's requests wait (backpressure)
    qint64 maxRequestBytes = 0;                   // every byte of one request, head and framing included
    qint64 memoryBudget = 0;                      // input buffered by all connections together
    qint64 minRate = 0;                           // bytes/s a transfer must keep up (averaged over rateWindow)
    std::chrono::milliseconds rateWindow{10000};

    friend bool operator==(const ServerLimits &, const ServerLimits &) = default;
};

// Why a server did not take a new connection.
enum class Admission : quint8 { Admitted, ServerFull, HostFull };

struct ClientInfo {
    quint64 id = 0;             // unique for the server's life, from 1
    QString peer;               // endpointString() of the client
    QHostAddress host;          // its address (per-host cap)
    QString name;               // the name it gave (a chat name), empty when it gave none
    QDateTime since;            // when it connected (UTC)
    qint64 bytesReceived = 0;   // from the client
    qint64 bytesSent = 0;       // to the client
};

class Server : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    enum class State : quint8 { Stopped, Listening };
    Q_ENUM(State)

    ~Server() override;

    // Starts listening (port 0: the system picks one, see serverPort()). False with errorOccurred() emitted when
    // it cannot; calling it while listening restarts.
    virtual bool start(const QHostAddress &address, quint16 port) = 0;
    // Stops listening and closes every client (a server's protocol may say goodbye first).
    virtual void stop() = 0;
    // Closes one client's connection; false when there is no such client.
    virtual bool disconnectClient(quint64 id) = 0;

    State state() const { return m_state; }
    bool isListening() const { return m_state == State::Listening; }
    virtual QHostAddress serverAddress() const = 0;
    virtual quint16 serverPort() const = 0;

    void setLimits(const ServerLimits &limits) { m_limits = limits; }   // applies to clients that connect afterwards
    const ServerLimits &limits() const { return m_limits; }

    // What the server holds and refused, live (thread-safe): the counters tests and the soak assert bounds on.
    ServerLoad &load() const { return *m_load; }
    // For what may outlive the server object by a moment (a connection's guard, a session in another thread).
    std::shared_ptr<ServerLoad> sharedLoad() const { return m_load; }
    // Whether a new connection from `peer` fits maxClients and maxPerHost (counts the refusal in load()).
    Admission admit(const QHostAddress &peer);
    int clientsFrom(const QHostAddress &host) const;

    QList<ClientInfo> clients() const;                 // in connection order
    std::optional<ClientInfo> client(quint64 id) const;
    int clientCount() const { return int(m_clients.size()); }

Q_SIGNALS:
    void stateChanged(netcore::common::Server::State state);
    void clientAdded(const netcore::common::ClientInfo &client);
    void clientChanged(const netcore::common::ClientInfo &client);   // it gave a name (bytes change silently)
    void clientRemoved(quint64 id);

protected:
    explicit Server(QObject *parent = nullptr);

    void setState(State state);                        // emits stateChanged when it changes
    quint64 addClient(const QString &peer, const QHostAddress &host = {});   // emits clientAdded; returns the new id
    void setClientName(quint64 id, const QString &name);   // emits clientChanged
    void countBytes(quint64 id, qint64 received, qint64 sent);
    void removeClient(quint64 id);                     // emits clientRemoved (no-op for an unknown id)

private:
    State m_state = State::Stopped;
    ServerLimits m_limits;
    std::shared_ptr<ServerLoad> m_load;
    quint64 m_nextId = 1;
    QList<quint64> m_order;
    QHash<quint64, ClientInfo> m_clients;
};

} // namespace netcore::common

Q_DECLARE_METATYPE(netcore::common::ClientInfo)

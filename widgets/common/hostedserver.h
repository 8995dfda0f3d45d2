#pragma once

#include "netcore/common/server.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

namespace widgets::common {

// How students reach a hosted server: a connection (nc ADDR PORT) or datagrams (nc -u ADDR PORT).
enum class Transport : quint8 { Tcp, Udp };

// What the classroom panel watches of a server a tab runs: whether it runs, where, and who is there. A TCP server
// (every netcore::common::Server: chat, files, HTTP, TCP) is seen through CommonServerStatus; the UDP listener, which
// has no connections, implements it with the senders it heard from (since when, bytes) and nothing to disconnect.
class HostedServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostedServer)

public:
    virtual bool isRunning() const = 0;
    virtual QHostAddress address() const = 0;   // what it is bound to (Any: every address of this computer)
    virtual quint16 port() const = 0;
    virtual Transport transport() const = 0;
    // TCP: the connected clients; UDP: the senders heard since start (peer = address:port, since = first seen).
    virtual QList<netcore::common::ClientInfo> clients() const = 0;
    virtual int clientCount() const { return int(clients().size()); }
    // Whether its clients hold connections: then one can be disconnected, and stopping disconnects them (asked first).
    virtual bool hasConnections() const = 0;
    virtual bool disconnectClient(quint64 id) = 0;

    bool listensEverywhere() const;

Q_SIGNALS:
    // Started, stopped, a client came, went or gave a name (bytes change silently: the panel polls them).
    void changed();

protected:
    explicit HostedServer(QObject *parent = nullptr) : QObject(parent) {}
};

// A netcore::common::Server (or none) seen by the panel. The host says when its server object changes (setServer);
// the server's own signals are relayed queued (a server emits while it stops in its destructor).
class CommonServerStatus final : public HostedServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommonServerStatus)

public:
    explicit CommonServerStatus(QObject *parent = nullptr) : HostedServer(parent) {}

    void setServer(netcore::common::Server *server);
    netcore::common::Server *server() const { return m_server.data(); }

    bool isRunning() const override { return m_server && m_server->isListening(); }
    QHostAddress address() const override { return m_server ? m_server->serverAddress() : QHostAddress(); }
    quint16 port() const override { return m_server ? m_server->serverPort() : 0; }
    Transport transport() const override { return Transport::Tcp; }
    QList<netcore::common::ClientInfo> clients() const override;
    int clientCount() const override { return isRunning() ? m_server->clientCount() : 0; }
    bool hasConnections() const override { return true; }
    bool disconnectClient(quint64 id) override { return isRunning() && m_server->disconnectClient(id); }

private:
    QPointer<netcore::common::Server> m_server;
};

} // namespace widgets::common

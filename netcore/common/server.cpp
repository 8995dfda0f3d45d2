#include "netcore/common/server.h"

#include "netcore/common/listener.h"

namespace netcore::common {

Server::Server(QObject *parent)
    : QObject(parent)
    , m_load(std::make_shared<ServerLoad>())
{
    raiseFileLimit();
}

Server::~Server() = default;

QList<ClientInfo> Server::clients() const
{
    QList<ClientInfo> list;
    list.reserve(m_order.size());
    for (quint64 id : m_order)
        list.append(m_clients.value(id));
    return list;
}

std::optional<ClientInfo> Server::client(quint64 id) const
{
    const auto it = m_clients.constFind(id);
    if (it == m_clients.constEnd())
        return std::nullopt;
    return *it;
}

void Server::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

Admission Server::admit(const QHostAddress &peer)
{
    if (m_limits.maxClients > 0 && clientCount() >= m_limits.maxClients) {
        m_load->countRefusedServerFull();
        return Admission::ServerFull;
    }
    if (m_limits.maxPerHost > 0 && !peer.isNull() && clientsFrom(peer) >= m_limits.maxPerHost) {
        m_load->countRefusedHostFull();
        return Admission::HostFull;
    }
    return Admission::Admitted;
}

int Server::clientsFrom(const QHostAddress &host) const
{
    // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d: compare as IPv4 then.
    const auto plain = [](const QHostAddress &a) {
        bool ok = false;
        const quint32 v4 = a.toIPv4Address(&ok);
        return ok ? QHostAddress(v4) : a;
    };
    const QHostAddress wanted = plain(host);
    int count = 0;
    for (const ClientInfo &info : m_clients)
        if (!info.host.isNull() && plain(info.host) == wanted)
            ++count;
    return count;
}

quint64 Server::addClient(const QString &peer, const QHostAddress &host)
{
    ClientInfo info;
    info.id = m_nextId++;
    info.peer = peer;
    info.host = host;
    info.since = QDateTime::currentDateTimeUtc();
    m_order.append(info.id);
    m_clients.insert(info.id, info);
    Q_EMIT clientAdded(info);
    return info.id;
}

void Server::setClientName(quint64 id, const QString &name)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end() || it->name == name)
        return;
    it->name = name;
    Q_EMIT clientChanged(*it);
}

void Server::countBytes(quint64 id, qint64 received, qint64 sent)
{
    const auto it = m_clients.find(id);
    if (it == m_clients.end())
        return;
    it->bytesReceived += received;
    it->bytesSent += sent;
}

void Server::removeClient(quint64 id)
{
    if (m_clients.remove(id) == 0)
        return;
    m_order.removeOne(id);
    Q_EMIT clientRemoved(id);
}

} // namespace netcore::common

#include "netcore/common/server.h"

namespace netcore::common {

Server::Server(QObject *parent)
    : QObject(parent)
{
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

quint64 Server::addClient(const QString &peer)
{
    ClientInfo info;
    info.id = m_nextId++;
    info.peer = peer;
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

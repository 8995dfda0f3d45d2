#include "widgets/common/hostedserver.h"

namespace widgets::common {

bool HostedServer::listensEverywhere() const
{
    const QHostAddress bound = address();
    return bound == QHostAddress::Any || bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6;
}

void CommonServerStatus::setServer(netcore::common::Server *server)
{
    if (m_server == server)
        return;
    if (m_server)
        m_server->disconnect(this);
    m_server = server;
    if (server) {
        connect(server, &netcore::common::Server::stateChanged, this, &HostedServer::changed, Qt::QueuedConnection);
        connect(server, &netcore::common::Server::clientAdded, this, &HostedServer::changed, Qt::QueuedConnection);
        connect(server, &netcore::common::Server::clientChanged, this, &HostedServer::changed, Qt::QueuedConnection);
        connect(server, &netcore::common::Server::clientRemoved, this, &HostedServer::changed, Qt::QueuedConnection);
        connect(server, &QObject::destroyed, this, &HostedServer::changed, Qt::QueuedConnection);
    }
    Q_EMIT changed();
}

QList<netcore::common::ClientInfo> CommonServerStatus::clients() const
{
    return isRunning() ? m_server->clients() : QList<netcore::common::ClientInfo>{};
}

} // namespace widgets::common

#include "widgets/udp/udpstatus.h"

#include "netcore/common/transcript.h"
#include "netcore/udp/udplistener.h"

#include <QDateTime>

namespace widgets::udp {

using netcore::udp::UdpListener;

UdpListenerStatus::UdpListenerStatus(UdpListener *listener, QObject *parent)
    : HostedServer(parent)
    , m_listener(listener)
{
    connect(listener, &UdpListener::stateChanged, this, [this] {
        m_knownPeers = 0;
        Q_EMIT changed();
    });
    // A new sender is news (bytes of known ones change silently: the panel polls). At most once per batch.
    connect(listener, &UdpListener::datagramsReceived, this, &UdpListenerStatus::onBatch);
}

void UdpListenerStatus::onBatch()
{
    const qsizetype now = m_listener->peers().size();
    if (now == m_knownPeers)
        return;
    m_knownPeers = now;
    Q_EMIT changed();
}

bool UdpListenerStatus::isRunning() const
{
    return m_listener->state() == UdpListener::State::Listening;
}

QHostAddress UdpListenerStatus::address() const
{
    return isRunning() ? m_listener->localAddress() : QHostAddress();
}

quint16 UdpListenerStatus::port() const
{
    return isRunning() ? m_listener->localPort() : 0;
}

QList<netcore::common::ClientInfo> UdpListenerStatus::clients() const
{
    QList<netcore::common::ClientInfo> clients;
    for (const netcore::udp::UdpPeer &peer : m_listener->peers()) {
        netcore::common::ClientInfo info;
        info.id = peer.id;
        info.peer = netcore::common::endpointString(peer.address, peer.port);
        info.host = peer.address;
        info.since = QDateTime::fromMSecsSinceEpoch(peer.firstSeenUs / 1000, Qt::UTC);
        info.bytesReceived = qint64(peer.bytes);
        info.bytesSent = qint64(peer.repliedBytes);
        clients.append(info);
    }
    return clients;
}

bool UdpListenerStatus::disconnectClient(quint64 id)
{
    Q_UNUSED(id);
    return false;   // a datagram sender has no connection to close
}

} // namespace widgets::udp

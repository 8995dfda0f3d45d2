#pragma once

#include "widgets/common/hostedserver.h"

namespace netcore::udp { class UdpListener; }

namespace widgets::udp {

// The UDP tab's listener as the classroom panel sees it: running, bound where, and the senders heard since it
// started (address:port, first seen, bytes received and replied). UDP has no connections: nothing to disconnect,
// and stopping asks nobody.
class UdpListenerStatus final : public common::HostedServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpListenerStatus)

public:
    explicit UdpListenerStatus(netcore::udp::UdpListener *listener, QObject *parent = nullptr);

    bool isRunning() const override;
    QHostAddress address() const override;
    quint16 port() const override;
    common::Transport transport() const override { return common::Transport::Udp; }
    QList<netcore::common::ClientInfo> clients() const override;
    bool hasConnections() const override { return false; }
    bool disconnectClient(quint64 id) override;

private:
    void onBatch();

    netcore::udp::UdpListener *m_listener;
    qsizetype m_knownPeers = 0;
};

} // namespace widgets::udp

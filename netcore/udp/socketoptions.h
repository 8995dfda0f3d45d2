#pragma once

#include <QAbstractSocket>
#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>

// The socket options a UDP engine set, read back from the kernel with getsockopt() so that what the tab and the
// CLI show is what the socket really does (the course teaches setsockopt: SO_REUSEADDR, SO_BROADCAST, ...).
namespace netcore::udp {

struct SocketOption {
    QString name;   // "SO_BROADCAST", "IP_MULTICAST_TTL", ... (protocol tokens, not translated)
    QString value;  // "1", "4", "eth0", "212992"
    bool operator==(const SocketOption &) const = default;
};

// Reads the interesting options of `descriptor` (a UDP socket of `protocol`).
QList<SocketOption> readSocketOptions(qintptr descriptor, QAbstractSocket::NetworkLayerProtocol protocol);

// setsockopt(SO_BROADCAST) (Qt has no option for it); false with errno in *sysError when refused.
bool setBroadcast(qintptr descriptor, bool enabled, int *sysError);

// setsockopt(IP_TTL or IPV6_UNICAST_HOPS) (Qt has no option for it); false with errno in *sysError when refused.
bool setUnicastTtl(qintptr descriptor, bool ipv6, int ttl, int *sysError);

// The errno a QAbstractSocket error most likely stands for (Qt keeps only its own enum and English text): 0 when
// there is no clear one.
int sysErrorOf(QAbstractSocket::SocketError error);

// IP_MULTICAST_ALL / IPV6_MULTICAST_ALL (Linux): 0 makes a socket bound to the any-address receive only the
// groups it joined itself (Linux's default 1 delivers every group joined by any socket on the host).
bool setMulticastAll(qintptr descriptor, bool ipv6, bool enabled);

} // namespace netcore::udp

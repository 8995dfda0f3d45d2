#pragma once

#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>

// The local network interfaces (QNetworkInterface) as plain values: the Lookup tab lists them and the UDP
// tab picks broadcast addresses from them.
namespace netcore::lookup {

struct InterfaceAddress {
    QHostAddress address;
    QHostAddress netmask;      // may be null if the system did not report it
    int prefixLength = -1;     // -1 if unknown
    QHostAddress broadcast;    // IPv4 interfaces with the broadcast flag; null otherwise
};

struct InterfaceInfo {
    QString name;              // "lo", "eth0"
    QString humanReadableName; // on Linux the same as name
    int index = 0;             // the kernel's interface index (the IPv6 scope id)
    QString hardwareAddress;   // "52:54:00:12:34:56", empty for loopback/tunnels
    int mtu = 0;               // 0 if unknown
    QNetworkInterface::InterfaceType type = QNetworkInterface::Unknown;
    QNetworkInterface::InterfaceFlags flags;    // IsUp, IsRunning, CanBroadcast, IsLoopBack, IsPointToPoint, CanMulticast
    QList<InterfaceAddress> addresses;
};

// All interfaces, in the system's order (by index).
QList<InterfaceInfo> localInterfaces();

// IPv4 broadcast addresses of interfaces that are up and can broadcast (for the UDP tab), without duplicates.
QList<QHostAddress> broadcastAddresses();

// Stable machine names for JSON: flag names ("up", "running", "broadcast", "loopback", "point-to-point",
// "multicast") and the type ("loopback", "ethernet", "wifi", "virtual", "unknown", ...).
QStringList interfaceFlagKeys(QNetworkInterface::InterfaceFlags flags);
QString interfaceTypeKey(QNetworkInterface::InterfaceType type);

} // namespace netcore::lookup

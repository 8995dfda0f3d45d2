#pragma once

#include "netcore/lookup/interfaces.h"

#include <QHostAddress>
#include <QList>
#include <QString>

// The addresses a teacher hands out ("students connect to 192.168.1.10:8888"): every address of an interface that is
// up and not loopback, best first — a physical interface (ethernet, wifi) before a virtual one (docker, veth,
// bridges, ifb, VM host-only networks), IPv4 before IPv6, a global address before a link-local one. Pure: the
// interfaces come in as values, so the ranking is unit-tested without the machine's own.
namespace netcore::lookup {

struct HandoutAddress {
    QHostAddress address;
    QString interfaceName;
    bool isVirtual = false;     // a container, bridge or VM interface: students on the LAN cannot reach it
    bool isLinkLocal = false;   // fe80::/10 or 169.254/16: needs the interface (a scope) to be reached
};

// True for names of interfaces that a container or VM runtime creates (docker0, veth1a2b, br-3f.., virbr0, ifb0, ...).
bool isVirtualInterfaceName(const QString &name);

QList<HandoutAddress> handoutAddresses(const QList<InterfaceInfo> &interfaces);

// "192.168.1.10:8888", "[2001:db8::5]:8888": what a student types.
QString handoutEndpoint(const QHostAddress &address, quint16 port);

} // namespace netcore::lookup

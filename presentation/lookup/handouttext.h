#pragma once

#include "netcore/lookup/interfaces.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

// Where students connect to a server, in words — the one wording for every tab that starts a server, the classroom
// panel and `socketeer serve`. The addresses come from netcore/lookup/handout.h's ranking; the interfaces come in as
// values (tests pass their own).
namespace presentation::lookup {

// "192.168.1.10:8888 (eth0)" for each address a student can type for a server bound to `bound`: for every address
// (0.0.0.0 / ::), physical interfaces first and virtual ones (docker, veth, VM networks) only when there is nothing
// else; link-local addresses never; a server on 0.0.0.0 (IPv4 only) lists IPv4 addresses only. A server bound to one
// address: that address. Empty when there is none to give.
QStringList handoutEndpoints(const QList<netcore::lookup::InterfaceInfo> &interfaces, const QHostAddress &bound,
                             quint16 port);

// What students use to reach the server: a TCP server is connected to, a UDP one is sent to.
enum class HandoutTransport : quint8 { Tcp, Udp };

// One sentence: "Students connect to: 192.168.1.10:8888 (eth0), …" (at most `shown` addresses, then "(and N more)")
// for a server on every address; "Only this computer can connect (127.0.0.1:8888)." for a loopback one; "This
// computer has no network address students can reach (only 127.0.0.1:8888)." when it has none. For UDP: "Students
// send to: 192.168.1.10:9999 (eth0) (UDP)" and "Only this computer can send to it (127.0.0.1:9999, UDP).".
QString studentsConnectText(const QList<netcore::lookup::InterfaceInfo> &interfaces, const QHostAddress &bound,
                            quint16 port, int shown = 3, HandoutTransport transport = HandoutTransport::Tcp);
// The same with this machine's interfaces now.
QString studentsConnectText(const QHostAddress &bound, quint16 port, int shown = 3,
                            HandoutTransport transport = HandoutTransport::Tcp);

} // namespace presentation::lookup

#pragma once

#include <QString>

// Whether a host firewall is likely to stop students reaching a server here. Read from the files the firewall
// front ends keep (no root needed): ufw's own switch in /etc/ufw/ufw.conf, firewalld's pid file. A bare nftables
// or iptables rule set cannot be read without root and is not detected.
namespace netcore::lookup {

enum class Firewall : quint8 { None, Ufw, Firewalld };

// `root` is "/" on a real system; tests pass a directory laid out like one.
Firewall detectFirewall(const QString &root = QStringLiteral("/"));

} // namespace netcore::lookup

#include "widgets/classroom/instructions.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;
using widgets::common::ServerKind;
using netcore::lookup::Firewall;

// Every sentence here is the classroom panel's: QCoreApplication::translate() with the context ClassroomTab::tr()
// has ("widgets::classroom::ClassroomTab", spelled out each time: lupdate reads only a literal context).
namespace widgets::classroom {

QString instructionHost(const common::HostedServer &server, const QList<netcore::lookup::InterfaceInfo> &interfaces)
{
    QString host;
    if (server.listensEverywhere()) {
        for (const netcore::lookup::HandoutAddress &h : netcore::lookup::handoutAddresses(interfaces))
            if (!h.isVirtual && !h.isLinkLocal) {
                host = h.address.toString();
                break;
            }
    } else {
        host = server.address().toString();
    }
    return host.isEmpty() ? u"127.0.0.1"_s : host;
}

QString studentInstructionsPart(ServerKind kind, const QString &host, quint16 port)
{
    // Every part takes %1 the endpoint ("192.168.1.10:8888", "[2001:db8::10]:8888"), %2 the host, %3 the port and
    // %4 a Python snippet (UDP: its address family) where it has one.
    const QString endpoint = netcore::lookup::handoutEndpoint(QHostAddress(host), port);
    QString fourth = u"import socket\ns = socket.create_connection((\"%1\", %2))"_s.arg(host).arg(port);
    QString part;
    switch (kind) {
    case ServerKind::Chat:
        part = QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "Chat room: %1\n"
                                           "  nc %2 %3    (then type: NICK yourname, then MSG hello)\n"
                                           "  socketeer chat --host %2 --port %3 --name yourname\n"
                                           "  Python:\n%4\n"
                                           "  s.sendall(b\"NICK yourname\\n\")");
        break;
    case ServerKind::Files:
        part = QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "File server: %1\n"
                                           "  nc %2 %3    (then type: LIST)\n"
                                           "  socketeer files ls %1\n"
                                           "  Python:\n%4\n"
                                           "  s.sendall(b\"LIST\\n\")");
        break;
    case ServerKind::Http:   // a browser and curl: no Python
        return QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "HTTP server: open http://%1/ in a browser\n"
                                           "  curl -v http://%1/\n"
                                           "  nc -C %2 %3    (then type: GET / HTTP/1.1, Host: x, and an empty line)")
            .arg(endpoint, host, QString::number(port));
    case ServerKind::Udp:
        fourth = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol ? u"AF_INET6"_s : u"AF_INET"_s;
        part = QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "UDP listener: %1 (UDP: no connection, every line you send is one datagram)\n"
                                           "  nc -u %2 %3    (then type a line and press Enter)\n"
                                           "  socketeer udp send %2 %3 hello\n"
                                           "  Python:\n"
                                           "import socket\n"
                                           "s = socket.socket(socket.%4, socket.SOCK_DGRAM)\n"
                                           "s.sendto(b\"hello\", (\"%2\", %3))");
        break;
    case ServerKind::Tcp:
        part = QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "TCP echo server: %1 (what you send comes back)\n"
                                           "  nc %2 %3    (then type a line)\n"
                                           "  socketeer tcp connect %2 %3    (shows every read with its size)\n"
                                           "  Python:\n%4\n"
                                           "  s.sendall(\"你好\\n\".encode())\n"
                                           "  print(s.recv(1024).decode())");
        break;
    case ServerKind::Count:
        break;
    }
    return part.isEmpty() ? QString() : part.arg(endpoint, host, QString::number(port), fourth);
}

QString studentInstructionsText(const QStringList &parts)
{
    if (parts.isEmpty())
        return {};
    return QCoreApplication::translate("widgets::classroom::ClassroomTab", "Socketeer — connect to the teacher's computer")
        + u"\n\n"_s + parts.join(u"\n\n"_s) + u'\n';
}

namespace {

// One command per port (and per dropping chain): "8888/tcp" -> the firewall's own words.
QStringList openingCommands(const netcore::lookup::FirewallFacts &firewall, const QStringList &ports)
{
    QStringList commands;
    for (const QString &port : ports) {
        const QString number = port.section(u'/', 0, 0);
        const QString protocol = port.section(u'/', 1, 1);
        switch (firewall.kind) {
        case Firewall::Ufw:
            commands.append(u"sudo ufw allow "_s + port);
            break;
        case Firewall::Firewalld:
            commands.append(u"sudo firewall-cmd --add-port="_s + port);
            break;
        case Firewall::Nftables:
            // insert, not add: a rule appended after a final "reject" would never be reached.
            for (const netcore::lookup::FirewallChain &chain : firewall.chains)
                commands.append(u"sudo nft insert rule %1 %2 %3 %4 dport %5 accept"_s.arg(chain.family, chain.table, chain.chain,
                                                                                         protocol, number));
            break;
        case Firewall::Iptables:
            commands.append(u"sudo %1 -I INPUT -p %2 --dport %3 -j ACCEPT"_s.arg(firewall.program, protocol, number));
            break;
        case Firewall::None:
        case Firewall::Count:
            break;
        }
    }
    return commands;
}

} // namespace

QString firewallHint(const netcore::lookup::FirewallFacts &firewall, const QStringList &ports)
{
    const QString run = openingCommands(firewall, ports).join(u"; "_s);
    switch (firewall.kind) {
    case Firewall::Ufw:
        return QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "The ufw firewall is on: students cannot connect until the ports are open. Run: %1")
            .arg(run);
    case Firewall::Firewalld:
        return QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "firewalld is running: students cannot connect until the ports are open. Run: %1")
            .arg(run);
    case Firewall::Nftables: {
        QStringList chains;
        for (const netcore::lookup::FirewallChain &chain : firewall.chains)
            chains.append(u"%1 %2 %3"_s.arg(chain.family, chain.table, chain.chain));
        return QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "An nftables rule set drops incoming connections (chain %1): students cannot "
                                           "connect until the ports are open. Run: %2")
            .arg(chains.join(QCoreApplication::translate("widgets::classroom::ClassroomTab", ", ")), run);
    }
    case Firewall::Iptables:
        return QCoreApplication::translate("widgets::classroom::ClassroomTab",
                                           "An iptables rule set drops incoming connections (%1, chain INPUT): students "
                                           "cannot connect until the ports are open. Run: %2")
            .arg(firewall.program, run);
    case Firewall::None:
    case Firewall::Count:
        break;
    }
    return {};
}

} // namespace widgets::classroom

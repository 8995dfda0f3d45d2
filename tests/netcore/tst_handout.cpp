// The addresses to hand out to a class, ranked: a pure function over interface values; and the one sentence every
// tab, the classroom panel and `socketeer serve` say it with (presentation/lookup/handouttext.h).
#include "netcore/lookup/handout.h"
#include "presentation/lookup/handouttext.h"

#include <QProcess>
#include <QScopeGuard>
#include <QtTest>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

namespace {

InterfaceInfo makeInterface(const QString &name, QNetworkInterface::InterfaceFlags flags, const QStringList &addresses,
                            QNetworkInterface::InterfaceType type = QNetworkInterface::Ethernet)
{
    InterfaceInfo info;
    info.name = name;
    info.flags = flags;
    info.type = type;
    for (const QString &address : addresses)
        info.addresses.append({QHostAddress(address), {}, -1, {}});
    return info;
}

constexpr auto kUp = QNetworkInterface::IsUp | QNetworkInterface::IsRunning;

} // namespace

class TestHandout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void studentsConnectSentence()
    {
        const QList<InterfaceInfo> interfaces{
            makeInterface(u"lo"_s, kUp | QNetworkInterface::IsLoopBack, {u"127.0.0.1"_s}, QNetworkInterface::Loopback),
            makeInterface(u"docker0"_s, kUp, {u"172.17.0.1"_s}),
            makeInterface(u"eth0"_s, kUp, {u"fe80::1"_s, u"2001:db8::5"_s, u"192.168.1.10"_s})};
        using presentation::lookup::handoutEndpoints;
        using presentation::lookup::studentsConnectText;
        // Every address: the physical interface's, IPv4 first, no link-local, docker only when nothing else.
        QCOMPARE(handoutEndpoints(interfaces, QHostAddress(QHostAddress::Any), 8888),
                 QStringList({u"192.168.1.10:8888 (eth0)"_s, u"[2001:db8::5]:8888 (eth0)"_s}));
        QCOMPARE(handoutEndpoints(interfaces, QHostAddress(QHostAddress::AnyIPv4), 8888),
                 QStringList({u"192.168.1.10:8888 (eth0)"_s}));
        QCOMPARE(studentsConnectText(interfaces, QHostAddress(QHostAddress::Any), 8888),
                 u"Students connect to: 192.168.1.10:8888 (eth0), [2001:db8::5]:8888 (eth0)"_s);
        QCOMPARE(studentsConnectText(interfaces, QHostAddress(QHostAddress::Any), 8888, 1),
                 u"Students connect to: 192.168.1.10:8888 (eth0) (and 1 more)"_s);
        // Only containers: their address rather than nothing (a teacher inside a VM still needs one).
        const QList<InterfaceInfo> virtualOnly{interfaces.at(0), interfaces.at(1)};
        QCOMPARE(handoutEndpoints(virtualOnly, QHostAddress(QHostAddress::Any), 80), QStringList({u"172.17.0.1:80 (docker0)"_s}));
        // Loopback: nobody else can connect, and the sentence says so.
        QCOMPARE(studentsConnectText(interfaces, QHostAddress(QHostAddress::LocalHost), 8080),
                 u"Only this computer can connect (127.0.0.1:8080)."_s);
        // One address: that one.
        QCOMPARE(studentsConnectText(interfaces, QHostAddress(u"192.168.1.10"_s), 8007),
                 u"Students connect to: 192.168.1.10:8007"_s);
        // No address at all.
        QCOMPARE(studentsConnectText({interfaces.at(0)}, QHostAddress(QHostAddress::Any), 9999),
                 u"This computer has no network address students can reach (only 127.0.0.1:9999)."_s);
        // UDP: sent to, not connected to.
        using presentation::lookup::HandoutTransport;
        QCOMPARE(studentsConnectText(interfaces, QHostAddress(QHostAddress::AnyIPv4), 9999, 3, HandoutTransport::Udp),
                 u"Students send to: 192.168.1.10:9999 (eth0) (UDP)"_s);
        QCOMPARE(studentsConnectText(interfaces, QHostAddress(QHostAddress::Any), 9999, 1, HandoutTransport::Udp),
                 u"Students send to: 192.168.1.10:9999 (eth0) (and 1 more) (UDP)"_s);
        QCOMPARE(studentsConnectText(interfaces, QHostAddress(QHostAddress::LocalHost), 9999, 3, HandoutTransport::Udp),
                 u"Only this computer can send to it (127.0.0.1:9999, UDP)."_s);
    }

    void ranksPhysicalIpv4First()
    {
        const QList<InterfaceInfo> interfaces{
            makeInterface(u"lo"_s, kUp | QNetworkInterface::IsLoopBack, {u"127.0.0.1"_s, u"::1"_s}, QNetworkInterface::Loopback),
            makeInterface(u"docker0"_s, kUp, {u"172.17.0.1"_s}),
            makeInterface(u"eth0"_s, kUp, {u"fe80::1"_s, u"2001:db8::5"_s, u"192.168.1.10"_s}),
            makeInterface(u"veth3a2b"_s, kUp, {u"fe80::2"_s}),
            makeInterface(u"eth1"_s, {}, {u"192.168.2.2"_s}),   // down: not reachable
            makeInterface(u"wlan0"_s, kUp, {u"10.0.0.5"_s}, QNetworkInterface::Wifi),
        };
        const QList<HandoutAddress> ranked = handoutAddresses(interfaces);
        QStringList order;
        for (const HandoutAddress &h : ranked)
            order.append(h.interfaceName + u' ' + h.address.toString());
        QCOMPARE(order, (QStringList{u"eth0 192.168.1.10"_s, u"wlan0 10.0.0.5"_s, u"eth0 2001:db8::5"_s, u"eth0 fe80::1"_s,
                                     u"docker0 172.17.0.1"_s, u"veth3a2b fe80::2"_s}));
        QVERIFY(!ranked.at(0).isVirtual);
        QVERIFY(ranked.at(3).isLinkLocal);
        QVERIFY(ranked.at(4).isVirtual);
    }

    void nothingButLoopback()
    {
        const QList<InterfaceInfo> interfaces{
            makeInterface(u"lo"_s, kUp | QNetworkInterface::IsLoopBack, {u"127.0.0.1"_s}, QNetworkInterface::Loopback)};
        QVERIFY(handoutAddresses(interfaces).isEmpty());
    }

    void virtualNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isVirtual");
        QTest::newRow("docker0") << u"docker0"_s << true;
        QTest::newRow("veth") << u"veth12ab"_s << true;
        QTest::newRow("bridge") << u"br-3f2a1c"_s << true;
        QTest::newRow("libvirt") << u"virbr0"_s << true;
        QTest::newRow("ifb") << u"ifb0"_s << true;
        QTest::newRow("ethernet") << u"eth0"_s << false;
        QTest::newRow("predictable") << u"enp3s0"_s << false;
        QTest::newRow("wifi") << u"wlp2s0"_s << false;
    }
    void virtualNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, isVirtual);
        QCOMPARE(isVirtualInterfaceName(name), isVirtual);
    }

    // The machine's own interfaces, for real: a network namespace the test creates holds lo, an "eth0" (one end of
    // a veth pair, named like a NIC) and "veth1" (the other end, named as a container runtime names them). What a
    // teacher is told to hand out there is eth0's address, then the virtual one, never lo's. Needs root (ip netns).
    void handoutInANetworkNamespace()
    {
        if (geteuid() != 0)
            QSKIP("creating a network namespace with ip netns needs root");
        const QString ns = u"socketeer-handout-%1"_s.arg(QCoreApplication::applicationPid());
        const auto ip = [](const QStringList &arguments) {
            QProcess process;
            process.start(u"ip"_s, arguments);
            const bool ok = process.waitForFinished(15000) && process.exitStatus() == QProcess::NormalExit
                && process.exitCode() == 0;
            if (!ok)
                qWarning("ip %s: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
            return ok;
        };
        QVERIFY(ip({u"netns"_s, u"add"_s, ns}));
        const auto cleanup = qScopeGuard([&] { ip({u"netns"_s, u"del"_s, ns}); });
        QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"add"_s, u"eth0"_s, u"type"_s, u"veth"_s, u"peer"_s, u"name"_s, u"veth1"_s}));
        QVERIFY(ip({u"-n"_s, ns, u"addr"_s, u"add"_s, u"10.66.0.1/24"_s, u"dev"_s, u"eth0"_s}));
        QVERIFY(ip({u"-n"_s, ns, u"addr"_s, u"add"_s, u"10.67.0.1/24"_s, u"dev"_s, u"veth1"_s}));
        for (const QString &dev : {u"lo"_s, u"eth0"_s, u"veth1"_s})
            QVERIFY(ip({u"-n"_s, ns, u"link"_s, u"set"_s, dev, u"up"_s}));

        // This thread enters the namespace to read its interfaces (netlink sockets belong to the caller's namespace).
        const int home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        const int inside = open(qPrintable(u"/run/netns/"_s + ns), O_RDONLY | O_CLOEXEC);
        QVERIFY(home >= 0 && inside >= 0);
        QCOMPARE(setns(inside, CLONE_NEWNET), 0);
        const QList<InterfaceInfo> interfaces = localInterfaces();
        QCOMPARE(setns(home, CLONE_NEWNET), 0);
        close(inside);
        close(home);

        QStringList names;
        for (const InterfaceInfo &info : interfaces)
            names.append(info.name);
        QVERIFY2(names.contains(u"lo"_s) && names.contains(u"eth0"_s), qPrintable(names.join(u' ')));
        const QList<HandoutAddress> ranked = handoutAddresses(interfaces);
        QVERIFY(!ranked.isEmpty());
        QCOMPARE(ranked.constFirst().address, QHostAddress(u"10.66.0.1"_s));
        QCOMPARE(ranked.constFirst().interfaceName, u"eth0"_s);
        QVERIFY(!ranked.constFirst().isVirtual);
        bool sawVeth = false;
        for (const HandoutAddress &h : ranked) {
            QVERIFY2(!h.address.isLoopback(), qPrintable(h.address.toString()));
            if (h.interfaceName == u"veth1"_s) {
                sawVeth = true;
                QVERIFY(h.isVirtual);
            }
        }
        QVERIFY(sawVeth);
        QCOMPARE(handoutEndpoint(ranked.constFirst().address, 8888), u"10.66.0.1:8888"_s);
    }

    void endpoints()
    {
        QCOMPARE(handoutEndpoint(QHostAddress(u"192.168.1.10"_s), 8888), u"192.168.1.10:8888"_s);
        QCOMPARE(handoutEndpoint(QHostAddress(u"2001:db8::5"_s), 80), u"[2001:db8::5]:80"_s);
    }
};

QTEST_GUILESS_MAIN(TestHandout)
#include "tst_handout.moc"

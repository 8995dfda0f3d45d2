// The addresses to hand out to a class, ranked: a pure function over interface values.
#include "netcore/lookup/handout.h"

#include <QtTest>

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

    void endpoints()
    {
        QCOMPARE(handoutEndpoint(QHostAddress(u"192.168.1.10"_s), 8888), u"192.168.1.10:8888"_s);
        QCOMPARE(handoutEndpoint(QHostAddress(u"2001:db8::5"_s), 80), u"[2001:db8::5]:80"_s);
    }
};

QTEST_APPLESS_MAIN(TestHandout)
#include "tst_handout.moc"

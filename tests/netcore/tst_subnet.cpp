// The subnet calculator: IPv4 CIDR / masks with the /31 and /32 special cases, IPv6 prefixes, errors.
#include "netcore/lookup/inetaton.h"
#include "netcore/lookup/subnet.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

class TestSubnet final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ipv4_data();
    void ipv4();
    void specialPrefixes();
    void masks();
    void ipv6();
    void errors_data();
    void errors();
    void binaryViews();
    void maskPrefixRoundTrip();
};

void TestSubnet::ipv4_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("broadcast");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<quint64>("hosts");
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("wildcard");

    QTest::newRow("/24") << u"192.168.1.77/24"_s << u"192.168.1.0"_s << u"192.168.1.255"_s << u"192.168.1.1"_s
                         << u"192.168.1.254"_s << quint64(254) << u"255.255.255.0"_s << u"0.0.0.255"_s;
    QTest::newRow("/26") << u"10.1.2.200/26"_s << u"10.1.2.192"_s << u"10.1.2.255"_s << u"10.1.2.193"_s
                         << u"10.1.2.254"_s << quint64(62) << u"255.255.255.192"_s << u"0.0.0.63"_s;
    QTest::newRow("/8") << u"10.0.0.0/8"_s << u"10.0.0.0"_s << u"10.255.255.255"_s << u"10.0.0.1"_s
                        << u"10.255.255.254"_s << quint64(16777214) << u"255.0.0.0"_s << u"0.255.255.255"_s;
    QTest::newRow("/0") << u"1.2.3.4/0"_s << u"0.0.0.0"_s << u"255.255.255.255"_s << u"0.0.0.1"_s
                        << u"255.255.255.254"_s << quint64(4294967294ULL) << u"0.0.0.0"_s << u"255.255.255.255"_s;
    QTest::newRow("/30") << u"172.16.0.5/30"_s << u"172.16.0.4"_s << u"172.16.0.7"_s << u"172.16.0.5"_s
                         << u"172.16.0.6"_s << quint64(2) << u"255.255.255.252"_s << u"0.0.0.3"_s;
}

void TestSubnet::ipv4()
{
    QFETCH(QString, text);
    const SubnetResult r = calculateSubnet(text);
    QVERIFY2(r.ok(), qPrintable(subnetErrorKey(r.error)));
    QVERIFY(!r.isIpv6());
    QTEST(formatIpv4(r.ipv4.network), "network");
    QTEST(formatIpv4(r.ipv4.broadcast), "broadcast");
    QTEST(formatIpv4(r.ipv4.firstHost), "first");
    QTEST(formatIpv4(r.ipv4.lastHost), "last");
    QTEST(r.ipv4.hostCount, "hosts");
    QTEST(formatIpv4(r.ipv4.mask), "mask");
    QTEST(formatIpv4(r.ipv4.wildcard), "wildcard");
    QCOMPARE(r.ipv4.kind, Ipv4SubnetKind::Normal);
    QCOMPARE(r.ipv4.addressCount, r.ipv4.hostCount + 2);
}

void TestSubnet::specialPrefixes()
{
    const SubnetResult p2p = calculateSubnet(u"10.0.0.1/31"_s);
    QVERIFY(p2p.ok());
    QCOMPARE(p2p.ipv4.kind, Ipv4SubnetKind::PointToPoint31);
    QCOMPARE(p2p.ipv4.hostCount, quint64(2));
    QCOMPARE(formatIpv4(p2p.ipv4.firstHost), u"10.0.0.0"_s);
    QCOMPARE(formatIpv4(p2p.ipv4.lastHost), u"10.0.0.1"_s);

    const SubnetResult single = calculateSubnet(u"10.0.0.9/32"_s);
    QVERIFY(single.ok());
    QCOMPARE(single.ipv4.kind, Ipv4SubnetKind::SingleHost32);
    QCOMPARE(single.ipv4.hostCount, quint64(1));
    QCOMPARE(single.ipv4.firstHost, single.ipv4.address);
    QCOMPARE(single.ipv4.lastHost, single.ipv4.address);
    QVERIFY(!single.ipv4.hostBitsSet);
}

void TestSubnet::masks()
{
    for (const QString &text : {u"192.168.1.7/255.255.255.0"_s, u"192.168.1.7 255.255.255.0"_s, u" 192.168.1.7   255.255.255.0 "_s}) {
        const SubnetResult r = calculateSubnet(text);
        QVERIFY2(r.ok(), qPrintable(text));
        QCOMPARE(r.ipv4.prefixLength, 24);
        QVERIFY(r.ipv4.maskGiven);
        QVERIFY(!r.ipv4.maskWasWildcard);
        QVERIFY(r.ipv4.hostBitsSet);
    }
    const SubnetResult wildcard = calculateSubnet(u"10.0.0.0/0.0.0.255"_s);
    QVERIFY(wildcard.ok());
    QCOMPARE(wildcard.ipv4.prefixLength, 24);
    QVERIFY(wildcard.ipv4.maskWasWildcard);
    QCOMPARE(calculateSubnet(u"10.0.0.0/24"_s).ipv4.maskGiven, false);
    QCOMPARE(calculateSubnet(u"10.0.0.0/0024"_s).ipv4.prefixLength, 24);
}

void TestSubnet::ipv6()
{
    const SubnetResult r = calculateSubnet(u"2001:db8:1234::77/48"_s);
    QVERIFY(r.ok());
    QVERIFY(r.isIpv6());
    QCOMPARE(formatIpv6(r.ipv6.network), u"2001:db8:1234::"_s);
    QCOMPARE(formatIpv6(r.ipv6.last), u"2001:db8:1234:ffff:ffff:ffff:ffff:ffff"_s);
    QCOMPARE(r.ipv6.addressCount, u"1208925819614629174706176"_s); // 2^80
    QVERIFY(r.ipv6.hostBitsSet);
    QCOMPARE(calculateSubnet(u"::/0"_s).ipv6.addressCount, u"340282366920938463463374607431768211456"_s);
    QCOMPARE(calculateSubnet(u"::1/128"_s).ipv6.addressCount, u"1"_s);
    QCOMPARE(calculateSubnet(u"fe80::/64"_s).ipv6.addressCount, u"18446744073709551616"_s);
    QCOMPARE(expandIpv6(calculateSubnet(u"fe80::/10"_s).ipv6.last), u"febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s);
}

void TestSubnet::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SubnetError>("error");
    QTest::newRow("empty") << u" "_s << SubnetError::Empty;
    QTest::newRow("/33") << u"10.0.0.0/33"_s << SubnetError::PrefixOutOfRange;
    QTest::newRow("/129") << u"::/129"_s << SubnetError::PrefixOutOfRange;
    QTest::newRow("huge prefix") << u"10.0.0.0/99999999999999999999"_s << SubnetError::PrefixOutOfRange;
    QTest::newRow("no prefix") << u"10.0.0.1"_s << SubnetError::MissingPrefix;
    QTest::newRow("slash only") << u"10.0.0.1/"_s << SubnetError::InvalidPrefix;
    QTest::newRow("negative") << u"10.0.0.1/-1"_s << SubnetError::InvalidPrefix;
    QTest::newRow("legacy address") << u"10.1/8"_s << SubnetError::InvalidAddress;
    QTest::newRow("leading zero") << u"010.0.0.1/8"_s << SubnetError::InvalidAddress;
    QTest::newRow("bad v6") << u"2001:db8:::/32"_s << SubnetError::InvalidAddress;
    QTest::newRow("gappy mask") << u"10.0.0.0/255.0.255.0"_s << SubnetError::NonContiguousMask;
    QTest::newRow("v6 mask") << u"2001:db8::/ffff::"_s << SubnetError::MaskNotAllowedForIpv6;
    QTest::newRow("garbage") << u"hello/24"_s << SubnetError::InvalidAddress;
    QTest::newRow("two slashes") << u"10.0.0.0/8/8"_s << SubnetError::InvalidPrefix;
}

void TestSubnet::errors()
{
    QFETCH(QString, text);
    QFETCH(SubnetError, error);
    const SubnetResult r = calculateSubnet(text);
    QCOMPARE(r.error, error);
    QVERIFY(!r.ok());
}

void TestSubnet::binaryViews()
{
    QCOMPARE(binaryDotted(0xc0a8014d), u"11000000.10101000.00000001.01001101"_s);
    QCOMPARE(binaryDottedSplit(0xc0a8014d, 26, u'|'), u"11000000.10101000.00000001.01|001101"_s);
    QCOMPARE(binaryDottedSplit(0xc0a8014d, 24, u'|'), u"11000000.10101000.00000001.|01001101"_s);
    QCOMPARE(binaryDottedSplit(0, 0, u'|'), u"|00000000.00000000.00000000.00000000"_s);
    QCOMPARE(binaryDottedSplit(0, 32, u'|'), u"00000000.00000000.00000000.00000000|"_s);
}

void TestSubnet::maskPrefixRoundTrip()
{
    for (int prefix = 0; prefix <= 32; ++prefix)
        QCOMPARE(prefixLengthFromMask(maskFromPrefixLength(prefix)), prefix);
    QCOMPARE(prefixLengthFromMask(0xff00ff00), -1);
    QRandomGenerator random(3);
    for (int i = 0; i < 2000; ++i) {
        const quint32 mask = random.generate();
        const int prefix = prefixLengthFromMask(mask);
        QCOMPARE(prefix >= 0, mask == maskFromPrefixLength(prefix < 0 ? 0 : prefix));
    }
}

QTEST_APPLESS_MAIN(TestSubnet)
#include "tst_subnet.moc"

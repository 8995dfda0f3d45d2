// Address classification: every class that applies, including the course's x.x.x.0/.1/.255 teaching points.
#include "netcore/lookup/classification.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

using Classes = QList<AddressClass>;

class TestClassification final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classes_data();
    void classes();
    void withPrefix_data();
    void withPrefix();
    void embeddedIpv4();
    void nullAddress();
    void keysAreUniqueAndStable();
};

void TestClassification::classes_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<Classes>("expected");

    using C = AddressClass;
    QTest::newRow("loopback") << u"127.0.0.1"_s << Classes{C::Loopback};
    QTest::newRow("loopback /8") << u"127.255.0.9"_s << Classes{C::Loopback};
    QTest::newRow("any") << u"0.0.0.0"_s << Classes{C::Unspecified};
    QTest::newRow("limited broadcast") << u"255.255.255.255"_s << Classes{C::LimitedBroadcast};
    QTest::newRow("private 10") << u"10.1.2.3"_s << Classes{C::Private};
    QTest::newRow("private gateway hint") << u"192.168.1.1"_s << Classes{C::Private, C::EndsInOne};
    QTest::newRow("private network hint") << u"192.168.1.0"_s << Classes{C::Private, C::EndsInZero};
    QTest::newRow("private broadcast hint") << u"192.168.1.255"_s << Classes{C::Private, C::EndsIn255};
    QTest::newRow("172.31 private") << u"172.31.0.5"_s << Classes{C::Private};
    QTest::newRow("172.32 global") << u"172.32.0.5"_s << Classes{C::Global};
    QTest::newRow("link-local") << u"169.254.10.20"_s << Classes{C::LinkLocal};
    QTest::newRow("multicast") << u"224.0.0.251"_s << Classes{C::Multicast};
    QTest::newRow("documentation") << u"192.0.2.10"_s << Classes{C::Documentation};
    QTest::newRow("cgnat") << u"100.64.1.2"_s << Classes{C::SharedAddressSpace};
    QTest::newRow("class e") << u"240.1.2.3"_s << Classes{C::Reserved};
    QTest::newRow("this network") << u"0.1.2.3"_s << Classes{C::ThisNetwork};
    QTest::newRow("global") << u"8.8.8.8"_s << Classes{C::Global};
    QTest::newRow("v6 loopback") << u"::1"_s << Classes{C::Loopback};
    QTest::newRow("v6 any") << u"::"_s << Classes{C::Unspecified};
    QTest::newRow("v6 doc") << u"2001:db8::"_s << Classes{C::Documentation};
    QTest::newRow("v6 link-local") << u"fe80::1"_s << Classes{C::LinkLocal};
    QTest::newRow("v6 ula") << u"fd12:3456::1"_s << Classes{C::UniqueLocal};
    QTest::newRow("v6 multicast") << u"ff02::1"_s << Classes{C::Multicast};
    QTest::newRow("v6 global") << u"2a00:1450::1"_s << Classes{C::Global};
    QTest::newRow("v6 6to4") << u"2002:c000:0204::1"_s << Classes{C::SixToFour};
}

void TestClassification::classes()
{
    QFETCH(QString, address);
    QFETCH(Classes, expected);
    const Classification c = classify(QHostAddress(address));
    QCOMPARE(c.classes, expected);
}

void TestClassification::withPrefix_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("prefix");
    QTest::addColumn<Classes>("expected");
    using C = AddressClass;
    QTest::newRow("directed broadcast") << u"192.168.1.255"_s << 24 << Classes{C::Private, C::DirectedBroadcast};
    QTest::newRow("network") << u"10.0.0.0"_s << 8 << Classes{C::Private, C::NetworkAddress};
    QTest::newRow("first host /22") << u"172.16.4.1"_s << 22 << Classes{C::Private, C::FirstHost};
    QTest::newRow(".1 inside a /22") << u"172.16.5.1"_s << 22 << Classes{C::Private};
    QTest::newRow("gateway") << u"192.168.4.1"_s << 24 << Classes{C::Private, C::FirstHost};
    QTest::newRow(".255 inside a /16") << u"10.1.1.255"_s << 16 << Classes{C::Private};
    QTest::newRow("/31 has none") << u"10.0.0.0"_s << 31 << Classes{C::Private};
    QTest::newRow("/32 has none") << u"10.0.0.0"_s << 32 << Classes{C::Private};
}

void TestClassification::withPrefix()
{
    QFETCH(QString, address);
    QFETCH(int, prefix);
    QFETCH(Classes, expected);
    const Classification c = classify(QHostAddress(address), prefix);
    QCOMPARE(c.classes, expected);
    QCOMPARE(c.prefixLength.value(), prefix);
}

void TestClassification::embeddedIpv4()
{
    const Classification mapped = classify(QHostAddress(u"::ffff:10.0.0.1"_s));
    QCOMPARE(mapped.classes, Classes{AddressClass::Ipv4Mapped});
    QCOMPARE(mapped.embeddedIpv4.value(), QHostAddress(u"10.0.0.1"_s));
    QCOMPARE(mapped.embeddedClasses, (Classes{AddressClass::Private, AddressClass::EndsInOne}));

    const Classification nat64 = classify(QHostAddress(u"64:ff9b::808:808"_s));
    QCOMPARE(nat64.classes, Classes{AddressClass::Nat64});
    QCOMPARE(nat64.embeddedIpv4.value(), QHostAddress(u"8.8.8.8"_s));

    const Classification sixToFour = classify(QHostAddress(u"2002:c000:0204::1"_s));
    QCOMPARE(sixToFour.embeddedIpv4.value(), QHostAddress(u"192.0.2.4"_s));
    QCOMPARE(sixToFour.embeddedClasses, Classes{AddressClass::Documentation});
}

void TestClassification::nullAddress()
{
    QVERIFY(classify(QHostAddress()).classes.isEmpty());
}

void TestClassification::keysAreUniqueAndStable()
{
    QStringList keys;
    for (int i = int(AddressClass::Unspecified); i <= int(AddressClass::DiscardOnly); ++i) {
        const QString key = addressClassKey(AddressClass(i));
        QVERIFY(!key.isEmpty());
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.append(key);
    }
    QCOMPARE(addressClassKey(AddressClass::LimitedBroadcast), u"limited-broadcast"_s);
}

QTEST_APPLESS_MAIN(TestClassification)
#include "tst_classification.moc"

// Input detection, ports and services, the hosts-file parser, and thousands of random strings through every
// lookup parser (none may crash, hang or return inconsistent results).
#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/classification.h"
#include "netcore/lookup/dnslookup.h"
#include "netcore/lookup/hostsfile.h"
#include "netcore/lookup/inetaton.h"
#include "netcore/lookup/inputkind.h"
#include "netcore/lookup/services.h"
#include "netcore/lookup/subnet.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include <netdb.h>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

using Kinds = QList<InputKind>;

class TestLookupParsers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inputKinds_data();
    void inputKinds();
    void hostNames();
    void ports();
    void portClasses();
    void servicesMatchTheDatabase();
    void unknownService();
    void hostsFile();
    void dnsHelpers();
    void randomStringsThroughEveryParser();
};

void TestLookupParsers::inputKinds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Kinds>("kinds");
    using K = InputKind;
    QTest::newRow("empty") << u"  "_s << Kinds{K::Empty};
    QTest::newRow("ipv4") << u"10.0.0.1"_s << Kinds{K::Ipv4Address};
    QTest::newRow("legacy 127.1") << u"127.1"_s << Kinds{K::Ipv4LegacyForm};
    QTest::newRow("legacy hex") << u"0x7f.1"_s << Kinds{K::Ipv4LegacyForm};
    QTest::newRow("legacy octal") << u"0177.0.0.1"_s << Kinds{K::Ipv4LegacyForm};
    QTest::newRow("port or number") << u"8080"_s << Kinds{K::PortNumber, K::Ipv4LegacyForm};
    QTest::newRow("big number") << u"2130706433"_s << Kinds{K::Ipv4LegacyForm};
    QTest::newRow("ipv6") << u"::1"_s << Kinds{K::Ipv6Address};
    QTest::newRow("cidr") << u"10.0.0.0/8"_s << Kinds{K::Ipv4Cidr};
    QTest::newRow("mask") << u"10.0.0.0 255.0.0.0"_s << Kinds{K::Ipv4AddressMask};
    QTest::newRow("slash mask") << u"10.0.0.0/255.0.0.0"_s << Kinds{K::Ipv4AddressMask};
    QTest::newRow("v6 prefix") << u"2001:db8::/32"_s << Kinds{K::Ipv6Prefix};
    QTest::newRow("service") << u"http"_s << Kinds{K::ServiceName, K::HostName};
    QTest::newRow("host") << u"localhost"_s << Kinds{K::HostName};
    QTest::newRow("fqdn") << u"www.example.com."_s << Kinds{K::HostName};
    QTest::newRow("five numbers") << u"1.2.3.4.5"_s << Kinds{K::Invalid};
    QTest::newRow("bad prefix") << u"10.0.0.0/33"_s << Kinds{K::Invalid};
    QTest::newRow("port too big") << u"70000"_s << Kinds{K::Ipv4LegacyForm};
    QTest::newRow("junk") << u"a b c"_s << Kinds{K::Invalid};
}

void TestLookupParsers::inputKinds()
{
    QFETCH(QString, text);
    QFETCH(Kinds, kinds);
    QCOMPARE(possibleInputKinds(text), kinds);
    QCOMPARE(detectInputKind(text), kinds.constFirst());
}

void TestLookupParsers::hostNames()
{
    QVERIFY(isValidHostName(u"my-pc"_s));
    QVERIFY(isValidHostName(u"_sip._tcp.example.com"_s));
    QVERIFY(isValidHostName(u"例子.中国"_s));
    QVERIFY(!isValidHostName(u"-bad.example"_s));
    QVERIFY(!isValidHostName(u"bad-.example"_s));
    QVERIFY(!isValidHostName(u"a..b"_s));
    QVERIFY(!isValidHostName(QString(64, u'a')));
    QVERIFY(isValidHostName(QString(63, u'a')));
    QVERIFY(!isValidHostName(u"1.2.3.4"_s));
    QVERIFY(!isValidHostName(u"has space"_s));
}

void TestLookupParsers::ports()
{
    QCOMPARE(parsePort(u"0"_s).port, quint16(0));
    QCOMPARE(parsePort(u" 65535 "_s).port, quint16(65535));
    QCOMPARE(parsePort(u"65536"_s).error, PortParseError::OutOfRange);
    QCOMPARE(parsePort(u"99999999999999999999"_s).error, PortParseError::OutOfRange);
    QCOMPARE(parsePort(u"-1"_s).error, PortParseError::NotANumber);
    QCOMPARE(parsePort(u"80a"_s).error, PortParseError::NotANumber);
    QCOMPARE(parsePort(u""_s).error, PortParseError::Empty);
}

void TestLookupParsers::portClasses()
{
    QCOMPARE(classifyPort(0), PortClass::Zero);
    QCOMPARE(classifyPort(1), PortClass::WellKnown);
    QCOMPARE(classifyPort(1023), PortClass::WellKnown);
    QCOMPARE(classifyPort(1024), PortClass::Registered);
    QCOMPARE(classifyPort(49151), PortClass::Registered);
    QCOMPARE(classifyPort(49152), PortClass::Dynamic);
    QCOMPARE(classifyPort(65535), PortClass::Dynamic);
    QVERIFY(portFacts(80).needsPrivilegeToBind);
    QVERIFY(!portFacts(8080).needsPrivilegeToBind);
    QVERIFY(!portFacts(8888).recommendedForOwnServers); // the course: above 10000
    const auto range = ephemeralPortRange();
    QVERIFY(range.has_value()); // Linux always has the file
    QVERIFY(portFacts(range->first).inEphemeralRange);
    QVERIFY(!portFacts(range->first).recommendedForOwnServers);
}

void TestLookupParsers::servicesMatchTheDatabase()
{
    // The _r functions must answer what the (non-reentrant) getservent() iteration lists; a name or port
    // listed twice ("dicom": an alias on 104, a name on 11112) resolves to its first entry.
    QHash<QString, quint16> firstPortOfName;
    QHash<QString, QString> firstNameOfPort;
    ::setservent(1);
    while (const servent *entry = ::getservent()) {
        const QString proto = QString::fromLatin1(entry->s_proto);
        if (proto != "tcp"_L1 && proto != "udp"_L1)
            continue;
        const quint16 port = qFromBigEndian(quint16(entry->s_port));
        const QString portKey = QString::number(port) + u'/' + proto;
        QStringList names{QString::fromLatin1(entry->s_name)}; // names and aliases are looked up alike
        for (char **alias = entry->s_aliases; *alias; ++alias)
            names.append(QString::fromLatin1(*alias));
        for (const QString &name : std::as_const(names)) {
            if (!firstPortOfName.contains(name + u'/' + proto))
                firstPortOfName.insert(name + u'/' + proto, port);
        }
        if (!firstNameOfPort.contains(portKey))
            firstNameOfPort.insert(portKey, QString::fromLatin1(entry->s_name));
    }
    ::endservent();
    if (firstPortOfName.isEmpty())
        QSKIP("this system has no services database");
    ::setservent(1);
    while (const servent *entry = ::getservent()) {
        const QString proto = QString::fromLatin1(entry->s_proto);
        if (proto != "tcp"_L1 && proto != "udp"_L1)
            continue;
        const Transport transport = proto == "tcp"_L1 ? Transport::Tcp : Transport::Udp;
        const QString name = QString::fromLatin1(entry->s_name);
        const quint16 port = qFromBigEndian(quint16(entry->s_port));
        const auto byName = serviceByName(name, transport);
        QVERIFY2(byName.has_value(), qPrintable(name));
        QCOMPARE(byName->port, firstPortOfName.value(name + u'/' + proto));
        const auto byPort = serviceByPort(port, transport);
        QVERIFY2(byPort.has_value(), qPrintable(name));
        QCOMPARE(byPort->port, port);
        QCOMPARE(byPort->name, firstNameOfPort.value(QString::number(port) + u'/' + proto));
        QCOMPARE(byPort->transport, transport);
    }
    ::endservent();
    const auto http = serviceByName(u"http"_s, Transport::Tcp);
    QVERIFY(http.has_value());
    QCOMPARE(http->port, quint16(80));
    QCOMPARE(serviceByPort(80, Transport::Tcp)->name, u"http"_s);
}

void TestLookupParsers::unknownService()
{
    QVERIFY(!serviceByName(u"no-such-service-xyz"_s, Transport::Tcp));
    QVERIFY(!serviceByName(QString(), Transport::Tcp));
    QVERIFY(!serviceByName(u"bad name"_s, Transport::Udp));
    QVERIFY(!serviceByName(QString(5000, u'a'), Transport::Udp));
}

void TestLookupParsers::hostsFile()
{
    const QByteArray text = "# comment\n"
                            "127.0.0.1\tlocalhost loopy  # trailing comment\n"
                            "::1 localhost ip6-localhost\n"
                            "\n"
                            "notanaddress foo\n"
                            "10.0.0.5\n"
                            "10.0.0.6 MyHost.Example.\n"
                            "fe80::1%eth0 scoped";
    const QList<HostsFileEntry> entries = parseHostsFile(text);
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(0).names, (QStringList{u"localhost"_s, u"loopy"_s}));
    QCOMPARE(entries.at(0).lineNumber, 2);
    QCOMPARE(hostsFileEntriesFor(entries, u"LOCALHOST"_s).size(), 2);
    QCOMPARE(hostsFileEntriesFor(entries, u"myhost.example"_s).size(), 1);
    QCOMPARE(hostsFileEntriesFor(entries, QHostAddress(u"::1"_s)).size(), 1);
    QCOMPARE(entries.at(3).lineNumber, 8);
    QVERIFY(parseHostsFile({}).isEmpty());
    QVERIFY(readHostsFile(u"/nonexistent/hosts"_s).isEmpty());
}

void TestLookupParsers::dnsHelpers()
{
    QCOMPARE(dnsRecordTypeFromString(u"mx"_s), DnsRecordType::MX);
    QCOMPARE(dnsRecordTypeFromString(u"AAAA"_s), DnsRecordType::AAAA);
    QVERIFY(!dnsRecordTypeFromString(u"MXX"_s));
    QCOMPARE(dnsRecordTypeKey(DnsRecordType::SRV), u"SRV"_s);
    QCOMPARE(allDnsRecordTypes().size(), 8);
    QCOMPARE(reverseDnsName(QHostAddress(u"127.0.0.1"_s)), u"1.0.0.127.in-addr.arpa"_s);
    QCOMPARE(reverseDnsName(QHostAddress(u"2001:db8::1"_s)),
             u"1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"_s);
    QVERIFY(reverseDnsName(QHostAddress()).isEmpty());
}

void TestLookupParsers::randomStringsThroughEveryParser()
{
    // Mostly the characters the grammars care about, plus arbitrary UTF-16 (including surrogates and NUL).
    static constexpr char16_t kAlphabet[] = u"0123456789abcdefx.:/% \t-fF\u00e9\u4e2d";
    QRandomGenerator random(424242);
    int accepted = 0;
    for (int i = 0; i < 5000; ++i) {
        QString text;
        const int length = int(random.bounded(0, 48));
        for (int j = 0; j < length; ++j) {
            if (random.bounded(10) == 0)
                text += QChar(char16_t(random.bounded(0x10000)));
            else
                text += QChar(kAlphabet[random.bounded(int(std::size(kAlphabet) - 1))]);
        }
        const InetAtonResult aton = parseInetAton(text);
        QVERIFY(aton.ok() || aton.errorPosition >= 0);
        const Conversion conversion = convertAddress(text);
        QVERIFY(!conversion.ok() || conversion.bytes.size() == 4 || conversion.bytes.size() == 16);
        const SubnetResult subnet = calculateSubnet(text);
        if (subnet.ok() && !subnet.isIpv6()) {
            QVERIFY(subnet.ipv4.network <= subnet.ipv4.address && subnet.ipv4.address <= subnet.ipv4.broadcast);
            classify(QHostAddress(subnet.ipv4.address), subnet.ipv4.prefixLength);
        }
        const QList<InputKind> kinds = possibleInputKinds(text);
        QVERIFY(!kinds.isEmpty());
        if (conversion.ok()) {
            ++accepted;
            QVERIFY(!classify(QHostAddress(conversion.canonical)).classes.isEmpty());
        }
        parsePort(text);
        isValidHostName(text);
        parseHostsFile(text.toUtf8());
        dnsRecordTypeFromString(text);
    }
    QVERIFY(accepted > 0);
}

QTEST_APPLESS_MAIN(TestLookupParsers)
#include "tst_lookupparsers.moc"

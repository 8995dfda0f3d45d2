// The command line's value vocabulary (app/cli/arguments.h): ports, hosts, HOST[:PORT], durations, sizes, rates,
// counts, and the pre-scan that keeps negative numbers as values.
#include "app/cli/arguments.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace app::cli;

class TestCliArguments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void port_data();
    void port();
    void endpoint_data();
    void endpoint();
    void hostAndAddress();
    void duration_data();
    void duration();
    void size_data();
    void size();
    void rateAndCount();
    void negativeNumbers();
    void separatePositionals_data();
    void separatePositionals();
};

void TestCliArguments::port_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("zeroAllowed");
    QTest::addColumn<int>("expected");   // -1 = rejected
    QTest::newRow("0 refused") << u"0"_s << false << -1;
    QTest::newRow("0 allowed") << u"0"_s << true << 0;
    QTest::newRow("1") << u"1"_s << false << 1;
    QTest::newRow("65535") << u"65535"_s << false << 65535;
    QTest::newRow("65536") << u"65536"_s << true << -1;
    QTest::newRow("leading zero") << u"08080"_s << false << 8080;
    QTest::newRow("negative") << u"-1"_s << true << -1;
    QTest::newRow("plus") << u"+80"_s << true << -1;
    QTest::newRow("space") << u" 80"_s << true << -1;
    QTest::newRow("hex") << u"0x50"_s << true << -1;
    QTest::newRow("empty") << QString() << true << -1;
    QTest::newRow("huge") << u"99999999999999999999"_s << true << -1;
    QTest::newRow("name") << u"http"_s << true << -1;
}

void TestCliArguments::port()
{
    QFETCH(QString, text);
    QFETCH(bool, zeroAllowed);
    QFETCH(int, expected);
    QString error;
    const std::optional<quint16> port = parsePort(text, zeroAllowed ? PortZero::Allowed : PortZero::Refused, &error);
    if (expected < 0) {
        QVERIFY(!port);
        QVERIFY(error.contains(u"65535"_s));
        QVERIFY(!error.contains(u'\n'));
    } else {
        QCOMPARE(port, std::optional<quint16>(quint16(expected)));
        QVERIFY(error.isEmpty());
    }
}

void TestCliArguments::endpoint_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");   // empty = rejected
    QTest::addColumn<int>("port");
    QTest::newRow("host") << u"example.com"_s << u"example.com"_s << 8880;
    QTest::newRow("host:port") << u"example.com:21"_s << u"example.com"_s << 21;
    QTest::newRow("v4:port") << u"127.0.0.1:65535"_s << u"127.0.0.1"_s << 65535;
    QTest::newRow("[::1]:80") << u"[::1]:80"_s << u"::1"_s << 80;
    QTest::newRow("[::1]") << u"[::1]"_s << u"::1"_s << 8880;
    QTest::newRow("::1") << u"::1"_s << u"::1"_s << 8880;
    QTest::newRow("bare v6 full") << u"2001:db8::5"_s << u"2001:db8::5"_s << 8880;
    QTest::newRow("port 0") << u"h:0"_s << QString() << 0;
    QTest::newRow("port 65536") << u"h:65536"_s << QString() << 0;
    QTest::newRow("empty port") << u"h:"_s << QString() << 0;
    QTest::newRow("empty host") << u":80"_s << QString() << 0;
    QTest::newRow("unclosed bracket") << u"[::1:80"_s << QString() << 0;
    QTest::newRow("junk after bracket") << u"[::1]x80"_s << QString() << 0;
    QTest::newRow("bracketed name") << u"[host]:80"_s << QString() << 0;
    QTest::newRow("not v6") << u"::g"_s << QString() << 0;
    QTest::newRow("space") << u"a b:80"_s << QString() << 0;
    QTest::newRow("empty") << QString() << QString() << 0;
}

void TestCliArguments::endpoint()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString error;
    const std::optional<Endpoint> endpoint = parseEndpoint(text, 8880, &error);
    if (host.isEmpty()) {
        QVERIFY2(!endpoint, qPrintable(endpoint ? endpoint->host : QString()));
        QVERIFY(!error.isEmpty());
    } else {
        QVERIFY2(endpoint, qPrintable(error));
        QCOMPARE(endpoint->host, host);
        QCOMPARE(endpoint->port, quint16(port));
    }
}

void TestCliArguments::hostAndAddress()
{
    QString error;
    QCOMPARE(parseHost(u"[::1]"_s, &error), std::optional<QString>(u"::1"_s));
    QCOMPARE(parseHost(u"localhost"_s, &error), std::optional<QString>(u"localhost"_s));
    QVERIFY(!parseHost(QString(), &error));
    QVERIFY(!parseHost(QString(300, u'a'), &error));
    QVERIFY(error.contains(u"…"_s));   // a long value is quoted shortened
    QVERIFY(!parseHost(u"a/b"_s, &error));
    QCOMPARE(parseAddress(u"0.0.0.0"_s, &error), std::optional<QHostAddress>(QHostAddress(QHostAddress::AnyIPv4)));
    QCOMPARE(parseAddress(u"[::1]"_s, &error), std::optional<QHostAddress>(QHostAddress(QHostAddress::LocalHostIPv6)));
    QVERIFY(!parseAddress(u"nowhere"_s, &error));
    QVERIFY(error.contains(u"'nowhere'"_s));
    QVERIFY(!parseAddress(u"999.1.1.1"_s, &error));
}

void TestCliArguments::duration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("us");   // -1 = rejected (range 0 .. 1h, bare unit: seconds)
    QTest::newRow("500ms") << u"500ms"_s << qint64(500'000);
    QTest::newRow("2s") << u"2s"_s << qint64(2'000'000);
    QTest::newRow("1m") << u"1m"_s << qint64(60'000'000);
    QTest::newRow("1min") << u"1min"_s << qint64(60'000'000);
    QTest::newRow("1h (max)") << u"1h"_s << qint64(3'600'000'000);
    QTest::newRow("1.5s") << u"1.5s"_s << qint64(1'500'000);
    QTest::newRow(".5s") << u".5s"_s << qint64(500'000);
    QTest::newRow("250us") << u"250us"_s << qint64(250);
    QTest::newRow("bare = seconds") << u"3"_s << qint64(3'000'000);
    QTest::newRow("bare fraction") << u"0.25"_s << qint64(250'000);
    QTest::newRow("0") << u"0"_s << qint64(0);
    QTest::newRow("over max") << u"61m"_s << qint64(-1);
    QTest::newRow("negative") << u"-1s"_s << qint64(-1);
    QTest::newRow("bad unit") << u"5parsecs"_s << qint64(-1);
    QTest::newRow("unit only") << u"ms"_s << qint64(-1);
    QTest::newRow("days") << u"1d"_s << qint64(-1);
    QTest::newRow("two numbers") << u"1 2s"_s << qint64(-1);
    QTest::newRow("exponent") << u"1e3ms"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestCliArguments::duration()
{
    QFETCH(QString, text);
    QFETCH(qint64, us);
    QString error;
    const std::optional<Duration> value = parseDuration(text, DurationUnit::Seconds, 0s, 1h, &error);
    if (us < 0) {
        QVERIFY(!value);
        QVERIFY2(error.contains(u"0s"_s) && error.contains(u"1h"_s), qPrintable(error));
    } else {
        QVERIFY2(value, qPrintable(error));
        QCOMPARE(value->count(), us);
    }
}

void TestCliArguments::size_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");   // -1 = rejected (range 1 .. 1TiB)
    QTest::newRow("512") << u"512"_s << qint64(512);
    QTest::newRow("64k") << u"64k"_s << qint64(65536);
    QTest::newRow("64K") << u"64K"_s << qint64(65536);
    QTest::newRow("10MiB") << u"10MiB"_s << qint64(10 << 20);
    QTest::newRow("10MB") << u"10MB"_s << qint64(10 << 20);
    QTest::newRow("100M") << u"100M"_s << qint64(100 << 20);
    QTest::newRow("2G") << u"2G"_s << (qint64(2) << 30);
    QTest::newRow("1T (max)") << u"1T"_s << (qint64(1) << 40);
    QTest::newRow("1.5k") << u"1.5k"_s << qint64(1536);
    QTest::newRow("8B") << u"8B"_s << qint64(8);
    QTest::newRow("0 (under min)") << u"0"_s << qint64(-1);
    QTest::newRow("2T (over max)") << u"2T"_s << qint64(-1);
    QTest::newRow("bad unit") << u"10X"_s << qint64(-1);
    QTest::newRow("iB alone") << u"10iB"_s << qint64(-1);
    QTest::newRow("negative") << u"-5k"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestCliArguments::size()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QString error;
    const std::optional<qint64> value = parseSize(text, 1, qint64(1) << 40, &error);
    if (bytes < 0) {
        QVERIFY(!value);
        QVERIFY2(error.contains(u"1TiB"_s), qPrintable(error));
    } else {
        QVERIFY2(value, qPrintable(error));
        QCOMPARE(*value, bytes);
    }
}

void TestCliArguments::rateAndCount()
{
    QString error;
    QCOMPARE(parseRate(u"200"_s, 1e6, &error), std::optional<double>(200));
    QCOMPARE(parseRate(u"2.5"_s, 1e6, &error), std::optional<double>(2.5));
    QCOMPARE(parseRate(u"10k"_s, 1e6, &error), std::optional<double>(10'000));
    QCOMPARE(parseRate(u"10/s"_s, 1e6, &error), std::optional<double>(10));
    QVERIFY(!parseRate(u"0"_s, 1e6, &error));
    QVERIFY(!parseRate(u"2k"_s, 1000, &error));
    QVERIFY(!parseRate(u"fast"_s, 1e6, &error));
    QCOMPARE(parseCount(u"0"_s, 0, 10, &error), std::optional<qint64>(0));
    QCOMPARE(parseCount(u"10"_s, 0, 10, &error), std::optional<qint64>(10));
    QVERIFY(!parseCount(u"11"_s, 0, 10, &error));
    QVERIFY(error.contains(u"'11'"_s) && error.contains(u"10"_s));
    QVERIFY(!parseCount(u"0"_s, 1, 10, &error));
    QVERIFY(!parseCount(u"1.5"_s, 0, 10, &error));
    QVERIFY(!parseCount(u"99999999999999999999"_s, 0, 10, &error));
    QVERIFY(!parseCount(QString(), 0, 10, &error));
}

void TestCliArguments::negativeNumbers()
{
    for (const QString &token : {u"-2"_s, u"-9000000000"_s, u"-1.5"_s, u"-.5"_s, u"-1e3"_s, u"-inf"_s, u"-NaN"_s})
        QVERIFY2(isNegativeNumber(token), qPrintable(token));
    for (const QString &token : {u"-"_s, u"--"_s, u"-h"_s, u"--help"_s, u"-x2"_s, u"-information"_s, u"2"_s, u"--2"_s})
        QVERIFY2(!isNegativeNumber(token), qPrintable(token));
}

void TestCliArguments::separatePositionals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    const QString cmd = u"socketeer udp send"_s;
    QTest::newRow("the issue's record")
        << QStringList{cmd, u"127.0.0.1"_s, u"9999"_s, u"--struct"_s, u"<hHq"_s, u"-2"_s, u"65535"_s, u"-9000000000"_s}
        << QStringList{cmd, u"--struct"_s, u"<hHq"_s, u"--"_s, u"127.0.0.1"_s, u"9999"_s, u"-2"_s, u"65535"_s, u"-9000000000"_s};
    QTest::newRow("options after values")
        << QStringList{cmd, u"h"_s, u"9"_s, u"--struct"_s, u"<hq"_s, u"-2"_s, u"-9"_s, u"--count"_s, u"2"_s, u"--quiet"_s}
        << QStringList{cmd, u"--struct"_s, u"<hq"_s, u"--count"_s, u"2"_s, u"--quiet"_s, u"--"_s, u"h"_s, u"9"_s, u"-2"_s, u"-9"_s};
    QTest::newRow("an option's negative value stays")
        << QStringList{cmd, u"--ttl"_s, u"-1"_s, u"h"_s}
        << QStringList{cmd, u"--ttl"_s, u"-1"_s, u"--"_s, u"h"_s};
    QTest::newRow("option=value")
        << QStringList{cmd, u"--struct=<h"_s, u"-2"_s}
        << QStringList{cmd, u"--struct=<h"_s, u"--"_s, u"-2"_s};
    QTest::newRow("literal -- kept once, later options are values")
        << QStringList{cmd, u"h"_s, u"--"_s, u"--quiet"_s, u"-x"_s}
        << QStringList{cmd, u"--"_s, u"h"_s, u"--quiet"_s, u"-x"_s};
    QTest::newRow("unknown options stay options")
        << QStringList{cmd, u"--bogus"_s, u"-x"_s, u"h"_s}
        << QStringList{cmd, u"--bogus"_s, u"-x"_s, u"--"_s, u"h"_s};
    QTest::newRow("a flag takes no value") << QStringList{cmd, u"--quiet"_s, u"-2"_s}
                                          << QStringList{cmd, u"--quiet"_s, u"--"_s, u"-2"_s};
    QTest::newRow("no positionals") << QStringList{cmd, u"--help"_s} << QStringList{cmd, u"--help"_s};
    QTest::newRow("value option at the end") << QStringList{cmd, u"--count"_s} << QStringList{cmd, u"--count"_s};
}

void TestCliArguments::separatePositionals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const QList<QCommandLineOption> options{
        QCommandLineOption(u"struct"_s, u"d"_s, u"FORMAT"_s), QCommandLineOption(u"count"_s, u"d"_s, u"N"_s),
        QCommandLineOption(u"ttl"_s, u"d"_s, u"N"_s), QCommandLineOption(u"quiet"_s, u"d"_s)};
    QCOMPARE(app::cli::separatePositionals(arguments, options), expected);
}

QTEST_APPLESS_MAIN(TestCliArguments)
#include "tst_cliarguments.moc"

// inet_aton's legacy forms and the address conversions, cross-checked with the real libc functions.
#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/inetaton.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include <arpa/inet.h>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

namespace {

// What glibc's inet_aton says: the host-order value, or std::nullopt when it rejects the text.
std::optional<quint32> libcInetAton(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    in_addr address{};
    if (::inet_aton(bytes.constData(), &address) == 0)
        return std::nullopt;
    return qFromBigEndian<quint32>(&address.s_addr);
}

} // namespace

class TestInetAton final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void legacyForms_data();
    void legacyForms();
    void errors_data();
    void errors();
    void agreesWithLibc_data();
    void agreesWithLibc();
    void randomStringsAgreeWithLibc();
    void formatIpv4RoundTrips();
    void conversionIpv4Bytes();
    void conversionIpv6();
    void conversionErrors();
};

void TestInetAton::legacyForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("dotted");
    QTest::addColumn<int>("parts");
    QTest::addColumn<QList<int>>("bases"); // NumberBase per part
    QTest::addColumn<bool>("strict");

    const int dec = int(NumberBase::Decimal);
    const int oct = int(NumberBase::Octal);
    const int hex = int(NumberBase::Hexadecimal);
    QTest::newRow("dotted quad") << u"127.0.0.1"_s << u"127.0.0.1"_s << 4 << QList{dec, dec, dec, dec} << true;
    QTest::newRow("two parts") << u"127.1"_s << u"127.0.0.1"_s << 2 << QList{dec, dec} << false;
    QTest::newRow("three parts") << u"128.1.1"_s << u"128.1.0.1"_s << 3 << QList{dec, dec, dec} << false;
    QTest::newRow("hex and dec") << u"0x7f.1"_s << u"127.0.0.1"_s << 2 << QList{hex, dec} << false;
    QTest::newRow("octal") << u"0177.0.0.1"_s << u"127.0.0.1"_s << 4 << QList{oct, dec, dec, dec} << false;
    QTest::newRow("010 is eight") << u"10.010.0.1"_s << u"10.8.0.1"_s << 4 << QList{dec, oct, dec, dec} << false;
    QTest::newRow("one number") << u"2130706433"_s << u"127.0.0.1"_s << 1 << QList{dec} << false;
    QTest::newRow("one hex number") << u"0x7F000001"_s << u"127.0.0.1"_s << 1 << QList{hex} << false;
    QTest::newRow("24-bit last part") << u"10.65535"_s << u"10.0.255.255"_s << 2 << QList{dec, dec} << false;
    QTest::newRow("zeros") << u"0.0.0.0"_s << u"0.0.0.0"_s << 4 << QList{dec, dec, dec, dec} << true;
    QTest::newRow("max") << u"255.255.255.255"_s << u"255.255.255.255"_s << 4 << QList{dec, dec, dec, dec} << true;
    QTest::newRow("long octal") << u"000000000001"_s << u"0.0.0.1"_s << 1 << QList{oct} << false;
}

void TestInetAton::legacyForms()
{
    QFETCH(QString, text);
    QFETCH(QString, dotted);
    QFETCH(int, parts);
    QFETCH(QList<int>, bases);
    QFETCH(bool, strict);

    const InetAtonResult r = parseInetAton(text);
    QVERIFY2(r.ok(), qPrintable(inetAtonErrorKey(r.error)));
    QCOMPARE(formatIpv4(r.address), dotted);
    QCOMPARE(int(r.form), parts);
    QCOMPARE(r.parts.size(), parts);
    for (int i = 0; i < parts; ++i)
        QCOMPARE(int(r.parts.at(i).base), bases.at(i));
    QCOMPARE(r.parts.constLast().byteCount, 5 - parts);
    QCOMPARE(r.isStrictDottedQuad, strict);
    QCOMPARE(r.address, libcInetAton(text).value());
}

void TestInetAton::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("part");

    QTest::newRow("empty") << QString() << int(InetAtonError::Empty) << -1;
    QTest::newRow("five parts") << u"1.2.3.4.5"_s << int(InetAtonError::TooManyParts) << 4;
    QTest::newRow("256 in part") << u"256.1"_s << int(InetAtonError::PartTooLarge) << 0;
    QTest::newRow("last too big") << u"1.2.3.256"_s << int(InetAtonError::LastPartTooLarge) << 3;
    QTest::newRow("16-bit overflow") << u"1.2.65536"_s << int(InetAtonError::LastPartTooLarge) << 2;
    QTest::newRow("33 bits") << u"4294967296"_s << int(InetAtonError::LastPartTooLarge) << 0;
    QTest::newRow("08 not octal") << u"08.1.1.1"_s << int(InetAtonError::InvalidCharacter) << 0;
    QTest::newRow("0x alone") << u"0x"_s << int(InetAtonError::InvalidCharacter) << 0;
    QTest::newRow("empty part") << u"1..2"_s << int(InetAtonError::ExpectedDigit) << 1;
    QTest::newRow("trailing dot") << u"1.2.3."_s << int(InetAtonError::ExpectedDigit) << 3;
    QTest::newRow("leading space") << u" 1.2.3.4"_s << int(InetAtonError::ExpectedDigit) << 0;
    QTest::newRow("minus") << u"-1"_s << int(InetAtonError::ExpectedDigit) << 0;
    QTest::newRow("letters") << u"1.2.3.4x"_s << int(InetAtonError::InvalidCharacter) << 3;
    QTest::newRow("non-ascii") << u"1.2.3.\u0664"_s << int(InetAtonError::NonAscii) << 3;
}

void TestInetAton::errors()
{
    QFETCH(QString, text);
    QFETCH(int, error);
    QFETCH(int, part);
    const InetAtonResult r = parseInetAton(text);
    QCOMPARE(int(r.error), error);
    QCOMPARE(r.errorPart, part);
    QVERIFY(r.errorPosition >= 0 && r.errorPosition <= text.size());
    QVERIFY(!libcInetAton(text).has_value());
}

void TestInetAton::agreesWithLibc_data()
{
    QTest::addColumn<QString>("text");
    const QStringList samples{u"1.2.3.4 junk"_s, u"1.2.3.4\t"_s, u"0"_s, u"00"_s, u"0x0"_s, u"0X1F.0x1f.037.31"_s,
                              u"0xffffffff"_s, u"037777777777"_s, u"040000000000"_s, u"0x100000000"_s,
                              u"99999999999999999999999"_s, u"0xg"_s, u"1.0x"_s, u"1.2.3.4 "_s, u"1 2"_s,
                              u"255.255.255.255"_s, u"255.255.65535"_s, u"255.16777215"_s, u"1.16777216"_s};
    for (const QString &s : samples)
        QTest::newRow(qPrintable(s)) << s;
}

void TestInetAton::agreesWithLibc()
{
    QFETCH(QString, text);
    const InetAtonResult r = parseInetAton(text);
    const std::optional<quint32> libc = libcInetAton(text);
    QCOMPARE(r.ok(), libc.has_value());
    if (libc)
        QCOMPARE(r.address, *libc);
}

void TestInetAton::randomStringsAgreeWithLibc()
{
    // Strings built from the characters that matter to the grammar, so most are near misses.
    static constexpr char kAlphabet[] = "0123456789.xXabcdefg 078\t";
    QRandomGenerator random(20240607);
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        QString text;
        const int length = int(random.bounded(1, 16));
        for (int j = 0; j < length; ++j)
            text += QLatin1Char(kAlphabet[random.bounded(int(sizeof kAlphabet - 1))]);
        const InetAtonResult r = parseInetAton(text);
        const std::optional<quint32> libc = libcInetAton(text);
        QVERIFY2(r.ok() == libc.has_value(), qPrintable(u"'%1'"_s.arg(text)));
        if (libc) {
            ++accepted;
            QVERIFY2(r.address == *libc, qPrintable(text));
        }
    }
    QVERIFY(accepted > 100); // the alphabet must actually produce valid addresses
}

void TestInetAton::formatIpv4RoundTrips()
{
    QRandomGenerator random(7);
    for (int i = 0; i < 1000; ++i) {
        const quint32 value = random.generate();
        in_addr address{};
        address.s_addr = qToBigEndian(value);
        QCOMPARE(formatIpv4(value), QString::fromLatin1(::inet_ntoa(address)));
    }
}

void TestInetAton::conversionIpv4Bytes()
{
    const Conversion c = convertAddress(u"  127.1 "_s);
    QVERIFY(c.ok());
    QCOMPARE(c.family, AddressFamily::Ipv4);
    QCOMPARE(c.canonical, u"127.0.0.1"_s);
    QCOMPARE(c.bytes, QByteArray::fromHex("7f000001"));
    QCOMPARE(hexBytes(c.bytes), u"7f 00 00 01"_s);
    QCOMPARE(c.hostOrderValue, 2130706433U);
    QCOMPARE(c.hostIsLittleEndian, QSysInfo::ByteOrder == QSysInfo::LittleEndian);
    QCOMPARE(c.memoryValue, c.hostIsLittleEndian ? 0x0100007fU : 0x7f000001U);
    QVERIFY(!c.acceptedByInetPton);
    QVERIFY(convertAddress(u"10.0.0.1"_s).acceptedByInetPton);
}

void TestInetAton::conversionIpv6()
{
    const Conversion c = convertAddress(u"2001:DB8:0:0::1"_s);
    QVERIFY(c.ok());
    QCOMPARE(c.family, AddressFamily::Ipv6);
    QCOMPARE(c.canonical, u"2001:db8::1"_s);
    QCOMPARE(c.expanded, u"2001:0db8:0000:0000:0000:0000:0000:0001"_s);
    QCOMPARE(c.bytes.size(), 16);
    QVERIFY(!c.embeddedIpv4);

    const Conversion mapped = convertAddress(u"::ffff:10.0.0.1"_s);
    QVERIFY(mapped.ok());
    QCOMPARE(mapped.embeddedIpv4.value(), 0x0a000001U);

    const Conversion scoped = convertAddress(u"fe80::1%eth0"_s);
    QVERIFY(scoped.ok());
    QCOMPARE(scoped.scopeId, u"eth0"_s);
    QCOMPARE(scoped.canonical, u"fe80::1"_s);
}

void TestInetAton::conversionErrors()
{
    QCOMPARE(convertAddress(u"   "_s).error, ConversionError::Empty);
    QCOMPARE(convertAddress(u"1.2.3.4.5"_s).error, ConversionError::InvalidIpv4);
    QCOMPARE(convertAddress(u"1.2.3.4.5"_s).ipv4.error, InetAtonError::TooManyParts);
    QCOMPARE(convertAddress(u"1:2:3"_s).error, ConversionError::InvalidIpv6);
    QCOMPARE(convertAddress(u"::1%"_s).error, ConversionError::InvalidScope);
    QCOMPARE(convertAddress(u"::g"_s).error, ConversionError::InvalidIpv6);
    QCOMPARE(convertAddress(QString(5000, u'1')).error, ConversionError::InvalidIpv4);
}

QTEST_APPLESS_MAIN(TestInetAton)
#include "tst_inetaton.moc"

// StructFormat against CPython's struct module as the oracle: many generated formats and values are packed by
// both (bytes must match, and both must refuse the same bad values), random buffers are unpacked by both (values
// must match), malformed formats are refused by both and ours names the position and the reason (a code). Plus the
// text value parser and the hex/file payload parsers (the escape parser: tst_escapes).
#include "netcore/udp/payload.h"
#include "netcore/udp/structformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// What a refusal was, for failure messages (the sentences live in presentation/udp).
QString describe(const netcore::udp::StructError &error)
{
    return u"struct error %1 at character %2, value %3"_s.arg(int(error.code)).arg(error.position).arg(error.valueIndex);
}

} // namespace
using namespace netcore::udp;

namespace {

// The oracle: reads cases as JSON on stdin, answers one object per case.
constexpr auto kOracle = R"PY(
import json, struct, sys
def value(v):
    kind, text = v
    if kind == 'i': return int(text)
    if kind == 'd': return struct.unpack('<d', bytes.fromhex(text))[0]
    if kind == 'b': return bytes.fromhex(text)
    if kind == '?': return text == 'True'
    raise ValueError(kind)
def token(v):
    if isinstance(v, bool): return '?:' + str(v)
    if isinstance(v, int): return 'i:' + str(v)
    if isinstance(v, float): return 'd:nan' if v != v else 'd:' + struct.pack('<d', v).hex()
    return 'b:' + v.hex()
out = []
for case in json.load(sys.stdin):
    r = {}
    try:
        r['size'] = struct.calcsize(case['format'])
    except Exception as e:
        r['formatError'] = str(e); out.append(r); continue
    try:
        r['packed'] = struct.pack(case['format'], *[value(v) for v in case['values']]).hex()
    except (struct.error, OverflowError) as e:
        r['packError'] = str(e)
    try:
        r['unpacked'] = [token(v) for v in struct.unpack(case['format'], bytes.fromhex(case['buffer']))]
    except struct.error as e:
        r['unpackError'] = str(e)
    out.append(r)
json.dump(out, sys.stdout)
)PY";

QJsonArray typedValue(const StructValue &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return {u"?"_s, *b ? u"True"_s : u"False"_s};
    if (const qint64 *i = std::get_if<qint64>(&value))
        return {u"i"_s, QString::number(*i)};
    if (const quint64 *u = std::get_if<quint64>(&value))
        return {u"i"_s, QString::number(*u)};
    if (const double *d = std::get_if<double>(&value)) {
        QByteArray bits(8, '\0');
        std::memcpy(bits.data(), d, 8);
        return {u"d"_s, QString::fromLatin1(bits.toHex())};
    }
    return {u"b"_s, QString::fromLatin1(std::get<QByteArray>(value).toHex())};
}

QString valueToken(const StructValue &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? u"?:True"_s : u"?:False"_s;
    if (const qint64 *i = std::get_if<qint64>(&value))
        return u"i:"_s + QString::number(*i);
    if (const quint64 *u = std::get_if<quint64>(&value))
        return u"i:"_s + QString::number(*u);
    if (const double *d = std::get_if<double>(&value)) {
        if (std::isnan(*d))
            return u"d:nan"_s;
        QByteArray bits(8, '\0');
        std::memcpy(bits.data(), d, 8);
        return u"d:"_s + QString::fromLatin1(bits.toHex());
    }
    return u"b:"_s + QString::fromLatin1(std::get<QByteArray>(value).toHex());
}

QJsonArray runOracle(const QJsonArray &cases)
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        return {};
    QProcess process;
    process.start(python, {u"-c"_s, QString::fromUtf8(kOracle)});
    if (!process.waitForStarted(10'000))
        return {};
    process.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    process.waitForFinished(60'000);
    if (process.exitCode() != 0)
        qWarning("oracle failed: %s", process.readAllStandardError().constData());
    return QJsonDocument::fromJson(process.readAllStandardOutput()).array();
}

class Generator
{
public:
    explicit Generator(quint32 seed) : m_random(seed) {}

    int below(int n) { return int(m_random.bounded(n)); }
    quint64 bits64() { return m_random.generate64(); }

    QString format()
    {
        static constexpr char kOrders[] = "@=<>!";
        QString text;
        bool native = true;
        if (below(5) > 0) {
            const char order = kOrders[below(5)];
            text += QChar::fromLatin1(order);
            native = order == '@';
        }
        const QByteArray codes = native ? "xcbB?hHiIlLqQnNPefdsp"_ba : "xcbB?hHiIlLqQefdsp"_ba;
        const int items = 1 + below(6);
        for (int k = 0; k < items; ++k) {
            const char code = codes.at(below(int(codes.size())));
            if (below(8) == 0)
                text += u' ';
            if (code == 's' || code == 'p')
                text += QString::number(code == 'p' ? 1 + below(12) : below(12));
            else if (below(3) == 0)
                text += QString::number(below(4));
            text += QChar::fromLatin1(code);
        }
        return text;
    }

    StructValue value(char code, qsizetype size, qsizetype count, bool bad)
    {
        switch (code) {
        case 'c':
            return bad ? QByteArray("ab") : QByteArray(1, char(below(256)));
        case 's':
        case 'p': {
            QByteArray bytes;
            const int length = below(int(count) + 4);
            for (int k = 0; k < length; ++k)
                bytes += char(below(256));
            return bad ? StructValue(qint64(length)) : StructValue(bytes);
        }
        case '?':
            switch (below(4)) {
            case 0: return StructValue(std::in_place_type<bool>, below(2) == 1);
            case 1: return qint64(below(3) - 1);
            case 2: return double(below(3)) * 0.5;
            default: return QByteArray(below(2), 'x');
            }
        case 'e': return bad ? 70000.0 : halfValue();
        case 'f': return bad ? 0x1.ffffffp+127 : floatValue();  // exactly halfway to 2^128: rounds to infinity
        case 'd': return doubleValue();
        default: return integer(code, size, bad);
        }
    }

private:
    StructValue integer(char code, qsizetype size, bool bad)
    {
        const bool isSigned = QByteArray("bhilqn").contains(code);
        if (code == 'P' && bad) // a pointer takes -2^63 .. 2^64-1: only a float is wrong
            return 2.5;
        const int bits = int(size * 8);
        const quint64 max = isSigned ? (quint64(1) << (bits - 1)) - 1 : (bits == 64 ? ~quint64(0) : (quint64(1) << bits) - 1);
        if (bad) {
            if (below(3) == 0)
                return 1.5;                                          // not an integer
            if (!isSigned)
                return below(2) || bits == 64 ? StructValue(qint64(-1)) : StructValue(qint64(max + 1));
            if (bits == 64)
                return StructValue(max + 1);                         // above INT64_MAX
            return below(2) ? StructValue(qint64(-2) - qint64(max)) : StructValue(qint64(max + 1));
        }
        switch (below(6)) {
        case 0: return isSigned ? qint64(-1) - qint64(max) : qint64(0);       // the minimum
        case 1: return max > quint64(std::numeric_limits<qint64>::max()) ? StructValue(max) : StructValue(qint64(max));
        case 2: return StructValue(std::in_place_type<bool>, below(2) == 1);
        default: {
            const quint64 r = bits == 64 ? bits64() : bits64() % (max + 1);
            if (isSigned && below(2))
                return qint64(0) - qint64(r);
            return r > quint64(std::numeric_limits<qint64>::max()) ? StructValue(r) : StructValue(qint64(r));
        }
        }
    }

    double halfValue()
    {
        switch (below(6)) {
        case 0: return 65519.99;
        case 1: return std::ldexp(double(below(2048)), -24 - below(3));   // subnormal range, with rounding
        case 2: return std::numeric_limits<double>::infinity();
        case 3: return -0.0;
        default: return (m_random.generateDouble() - 0.5) * std::ldexp(1.0, below(32) - 16);
        }
    }

    double floatValue()
    {
        switch (below(5)) {
        case 0: return 3.4028235e+38 * (below(2) ? 1 : -1);
        case 1: return std::ldexp(m_random.generateDouble(), -140 - below(10));
        case 2: return std::numeric_limits<double>::quiet_NaN();
        default: return (m_random.generateDouble() - 0.5) * std::ldexp(1.0, below(200) - 100);
        }
    }

    double doubleValue()
    {
        quint64 bits = bits64();
        double d = 0;
        std::memcpy(&d, &bits, 8);
        if (std::isnan(d) || below(3) == 0)
            return (m_random.generateDouble() - 0.5) * 1e6;
        return d;
    }

    QRandomGenerator m_random;
};

} // namespace

class TestUdpStruct final : public QObject
{
    Q_OBJECT

private slots:
    void oracle_data();
    void oracle();
    void malformedFormats_data();
    void malformedFormats();
    void courseExample();
    void valuesFromText();
    void valueLine();
    void hexPayload();
};

void TestUdpStruct::oracle_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::newRow("seed 1") << 1u;
    QTest::newRow("seed 2") << 2u;
    QTest::newRow("seed 20261123") << 20261123u;
}

void TestUdpStruct::oracle()
{
    QFETCH(quint32, seed);
    Generator generator(seed);
    struct Case {
        StructFormat format;
        bool bad = false;
        std::optional<QByteArray> packed;
        QString packError;
        QByteArray buffer;
    };
    QList<Case> cases;
    QJsonArray input;
    constexpr int kCases = 600;
    while (cases.size() < kCases) {
        StructError error;
        const std::optional<StructFormat> format = StructFormat::parse(generator.format(), &error);
        QVERIFY2(format, qPrintable(describe(error)));
        if (format->size() > 4096)
            continue;
        const bool bad = generator.below(8) == 0 && format->valueCount() > 0;
        const qsizetype badIndex = bad ? generator.below(int(format->valueCount())) : -1;
        QList<StructValue> values;
        QJsonArray jsonValues;
        qsizetype index = 0;
        for (const StructItem &item : format->items()) {
            const qsizetype n = item.code == 'x' ? 0 : (item.code == 's' || item.code == 'p') ? 1 : item.count;
            for (qsizetype k = 0; k < n; ++k, ++index) {
                values.append(generator.value(item.code, item.size, item.count, index == badIndex));
                jsonValues.append(typedValue(values.back()));
            }
        }
        QByteArray buffer;
        for (qsizetype k = 0; k < format->size(); ++k)
            buffer += char(generator.below(256));
        Case c{*format, bad, format->pack(values, &error), {}, buffer};
        if (!c.packed)
            c.packError = describe(error);
        cases.append(c);
        input.append(QJsonObject{{u"format"_s, format->format()}, {u"values"_s, jsonValues},
                                 {u"buffer"_s, QString::fromLatin1(buffer.toHex())}});
    }
    const QJsonArray answers = runOracle(input);
    if (answers.isEmpty())
        QSKIP("python3 is not available as the struct oracle (install python3)");
    QCOMPARE(answers.size(), cases.size());
    int refusedBoth = 0;
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const Case &c = cases.at(i);
        const QJsonObject answer = answers.at(i).toObject();
        const QByteArray label = c.format.format().toUtf8() + " (case " + QByteArray::number(i) + ')';
        QVERIFY2(!answer.contains(u"formatError"_s), label.constData());
        QCOMPARE(c.format.size(), answer.value(u"size"_s).toInteger());
        if (answer.contains(u"packError"_s)) {
            QVERIFY2(!c.packed, qPrintable(QString::fromUtf8(label) + u" python refused: "_s + answer.value(u"packError"_s).toString()));
            ++refusedBoth;
        } else {
            QVERIFY2(c.packed, qPrintable(QString::fromUtf8(label) + u" we refused: "_s + c.packError + u" values: "_s
                                          + QString::fromUtf8(QJsonDocument(input.at(i).toObject()).toJson(QJsonDocument::Compact))));
            QCOMPARE(QString::fromLatin1(c.packed->toHex()), answer.value(u"packed"_s).toString());
        }
        StructError error;
        const std::optional<QList<StructValue>> unpacked = c.format.unpack(c.buffer, &error);
        QVERIFY2(unpacked, qPrintable(describe(error)));
        QStringList tokens;
        for (const StructValue &v : *unpacked)
            tokens.append(valueToken(v));
        QStringList expected;
        for (const QJsonValue &v : answer.value(u"unpacked"_s).toArray())
            expected.append(v.toString());
        QCOMPARE(tokens, expected);
        if (c.packed) { // and our own bytes unpack to what python unpacks from them: covered above via random
            QVERIFY(c.format.unpack(*c.packed));
        }
    }
    QVERIFY2(refusedBoth > 10, "the generator must produce values both sides refuse");
}

void TestUdpStruct::malformedFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<StructErrorCode>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("space between count and code") << u"4 s"_s << qsizetype(1) << StructErrorCode::BadChar << u" "_s;
    QTest::newRow("order char twice") << u"<<i"_s << qsizetype(1) << StructErrorCode::BadChar << u"<"_s;
    QTest::newRow("order char later") << u"i<"_s << qsizetype(1) << StructErrorCode::BadChar << u"<"_s;
    QTest::newRow("count without code") << u"i3"_s << qsizetype(1) << StructErrorCode::RepeatWithoutCode << QString();
    QTest::newRow("native-only n") << u"<n"_s << qsizetype(1) << StructErrorCode::NativeOnly << u"n"_s;
    QTest::newRow("native-only P") << u"!iP"_s << qsizetype(2) << StructErrorCode::NativeOnly << u"P"_s;
    QTest::newRow("unknown code") << u"!i8sz"_s << qsizetype(4) << StructErrorCode::BadChar << u"z"_s;
    QTest::newRow("non-ascii") << u"i\u00e9"_s << qsizetype(1) << StructErrorCode::BadChar << u"\u00e9"_s;
    QTest::newRow("too long (ours: at most 1 MiB; Python allows it)") << u"h99999999999q"_s << qsizetype(1)
                                                                      << StructErrorCode::SizeTooLong << QString();
}

void TestUdpStruct::malformedFormats()
{
    QFETCH(QString, format);
    QFETCH(qsizetype, position);
    QFETCH(StructErrorCode, code);
    QFETCH(QString, text);
    StructError error;
    QVERIFY(!StructFormat::parse(format, &error));
    QCOMPARE(error.position, position);
    QCOMPARE(error.code, code);
    QCOMPARE(error.text, text);
    if (code == StructErrorCode::SizeTooLong)
        QCOMPARE(error.expected, StructFormat::kMaxPackedSize);
    // Python refuses it too.
    const QJsonArray answers = runOracle({QJsonObject{{u"format"_s, format}, {u"values"_s, QJsonArray()}, {u"buffer"_s, QString()}}});
    if (answers.isEmpty())
        QSKIP("python3 is not available as the struct oracle");
    if (format.contains(u"99999999999"_s))
        QVERIFY(!answers.at(0).toObject().contains(u"formatError"_s)); // the one deliberate difference
    else
        QVERIFY(answers.at(0).toObject().contains(u"formatError"_s));
}

void TestUdpStruct::courseExample()
{
    const auto format = StructFormat::parse(u"!i8sf"_s);
    QVERIFY(format);
    QCOMPARE(format->size(), 16);
    const auto values = format->valuesFromText({u"7"_s, u"zhangsan"_s, u"1.75"_s});
    QVERIFY(values);
    const auto packed = format->pack(*values);
    QVERIFY(packed);
    QCOMPARE(packed->toHex(), "000000077a68616e6773616e3fe00000"_ba);
    const auto back = format->unpack(*packed);
    QVERIFY(back);
    QCOMPARE(structValueText(back->at(0)), u"7"_s);
    QCOMPARE(structValueText(back->at(1)), u"b'zhangsan'"_s);
    QCOMPARE(structValueText(back->at(2)), u"1.75"_s);
    StructError error;
    QVERIFY(!format->unpack(packed->chopped(1), &error));
    QCOMPARE(error.code, StructErrorCode::UnpackSize);
    QCOMPARE(error.expected, 16);
    QCOMPARE(error.got, 15);
    QVERIFY(!format->pack({qint64(7)}, &error));
    QCOMPARE(error.code, StructErrorCode::PackCount);
    QCOMPARE(error.expected, 3);
    QCOMPARE(error.got, 1);
}

void TestUdpStruct::valuesFromText()
{
    const auto format = StructFormat::parse(u"<bHq?d3sc"_s);
    QVERIFY(format);
    const auto values = format->valuesFromText({u"-128"_s, u"0xffff"_s, u"-9223372036854775808"_s, u"True"_s, u"-inf"_s,
                                                u"'a,b'"_s, u"\\x00"_s});
    QVERIFY(values);
    const auto packed = format->pack(*values);
    QVERIFY(packed);
    QCOMPARE(packed->toHex(), "80ffff0000000000000080" "01" "000000000000f0ff" "612c62" "00"_ba);
    StructError error;
    QVERIFY(!format->valuesFromText({u"1"_s}, &error));
    QCOMPARE(error.code, StructErrorCode::ValueCount);
    QCOMPARE(error.expected, 7);
    QCOMPARE(error.got, 1);
    QVERIFY(!format->valuesFromText({u"x"_s, u"1"_s, u"1"_s, u"1"_s, u"1"_s, u"a"_s, u"b"_s}, &error));
    QCOMPARE(error.code, StructErrorCode::ValueNotInteger);
    QCOMPARE(error.valueIndex, 0);
    QCOMPARE(error.text, u"x"_s);
    QVERIFY(!format->valuesFromText({u"1"_s, u"1"_s, u"1"_s, u"maybe"_s, u"1"_s, u"a"_s, u"b"_s}, &error));
    QCOMPARE(error.code, StructErrorCode::ValueNotBool);
    QCOMPARE(error.valueIndex, 3);
    QVERIFY(!format->valuesFromText({u"1"_s, u"1"_s, u"1"_s, u"1"_s, u"1.5.2"_s, u"a"_s, u"b"_s}, &error));
    QCOMPARE(error.code, StructErrorCode::ValueNotNumber);
    QCOMPARE(error.valueIndex, 4);
    QVERIFY(!format->valuesFromText({u"1"_s, u"1"_s, u"1"_s, u"1"_s, u"1"_s, u"'a\\q'"_s, u"b"_s}, &error));
    QCOMPARE(error.code, StructErrorCode::ValueEscape);
    QCOMPARE(error.valueIndex, 5);
    QCOMPARE(error.escape.code, netcore::common::EscapeError::UnknownEscape);
    QCOMPARE(error.escape.position, 1);
    // a quoted number for an integer code is bytes, refused when packing (as Python refuses b'1' for 'i')
    const auto quoted = format->valuesFromText({u"'1'"_s, u"1"_s, u"1"_s, u"1"_s, u"1"_s, u"a"_s, u"b"_s});
    QVERIFY(quoted);
    QVERIFY(!format->pack(*quoted, &error));
    QCOMPARE(error.code, StructErrorCode::NotInteger);
    QCOMPARE(error.valueIndex, 0);
    QCOMPARE(error.formatCode, 'b');
    // out of range is refused with the range as numbers
    const auto big = format->valuesFromText({u"128"_s, u"1"_s, u"1"_s, u"1"_s, u"1"_s, u"a"_s, u"b"_s});
    QVERIFY(big);
    QVERIFY(!format->pack(*big, &error));
    QCOMPARE(error.code, StructErrorCode::IntegerOutOfRange);
    QCOMPARE(error.low, -128);
    QCOMPARE(error.high, quint64(127));
    QCOMPARE(error.position, 1);
    const auto q = StructFormat::parse(u"<Qq"_s);
    QVERIFY(q);
    QVERIFY(!q->pack({qint64(-1), qint64(0)}, &error));
    QCOMPARE(error.code, StructErrorCode::IntegerOutOfRange);
    QCOMPARE(error.low, 0);
    QCOMPARE(error.high, std::numeric_limits<quint64>::max());
    QVERIFY(!q->pack({qint64(0), quint64(1) << 63}, &error));
    QCOMPARE(error.low, std::numeric_limits<qint64>::min());
    QCOMPARE(error.high, quint64(std::numeric_limits<qint64>::max()));
    QCOMPARE(error.valueIndex, 1);
}

void TestUdpStruct::valueLine()
{
    const auto tokens = StructFormat::splitValueLine(u"7, \"zhang, san\", 1.75 , b'\\'x'"_s);
    QVERIFY(tokens);
    QCOMPARE(*tokens, (QStringList{u"7"_s, u"\"zhang, san\""_s, u"1.75"_s, u"b'\\'x'"_s}));
    StructError error;
    QVERIFY(!StructFormat::splitValueLine(u"1, \"open"_s, &error));
    QCOMPARE(error.code, StructErrorCode::UnterminatedQuote);
    QCOMPARE(error.position, 3);
    QVERIFY(!StructFormat::splitValueLine(u"'a' b"_s, &error));
    QCOMPARE(error.code, StructErrorCode::ExpectedComma);
    QCOMPARE(error.position, 4);
    QCOMPARE(StructFormat::splitValueLine(u"  "_s)->size(), 0);
}

void TestUdpStruct::hexPayload()
{
    QCOMPARE(Payload::fromHex(u"0xdeadBEEF"_s).value(), "\xde\xad\xbe\xef"_ba);
    QCOMPARE(Payload::fromHex(u"de ad:be-ef\n00"_s).value(), QByteArray("\xde\xad\xbe\xef\x00", 5));
    QCOMPARE(Payload::fromHex(QString()).value(), QByteArray());
    PayloadError error;
    QVERIFY(!Payload::fromHex(u"de a"_s, &error));
    QCOMPARE(error.code, PayloadErrorCode::HexByteIncomplete);
    QCOMPARE(error.position, 3);
    QVERIFY(!Payload::fromHex(u"d e"_s, &error));
    QCOMPARE(error.code, PayloadErrorCode::HexByteIncomplete);
    QCOMPARE(error.position, 0);
    QVERIFY(!Payload::fromHex(u"zz"_s, &error));
    QCOMPARE(error.code, PayloadErrorCode::NotHexDigit);
    QCOMPARE(error.position, 0);
    QCOMPARE(error.args, QStringList{u"z"_s});
    QVERIFY(!Payload::fromFile(u"/nonexistent/file"_s, &error));
    QCOMPARE(error.code, PayloadErrorCode::NotAFile);
    QCOMPARE(error.position, -1);
    QCOMPARE(error.args, QStringList{u"/nonexistent/file"_s});
    const QString self = QFINDTESTDATA("tst_udpstruct.cpp");
    if (!self.isEmpty()) {
        QVERIFY(!Payload::fromFile(self, &error, 10));
        QCOMPARE(error.code, PayloadErrorCode::FileTooLarge);
        QCOMPARE(error.args.value(2), u"10"_s);
        QVERIFY(Payload::fromFile(self, &error).has_value());
    }
}

QTEST_APPLESS_MAIN(TestUdpStruct)
#include "tst_udpstruct.moc"

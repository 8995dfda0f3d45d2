// The project's one byte escaper (visibleText with its three conventions), one hex dump (with a cut) and one
// escape parser (netcore/common/escapes.h): what each convention writes, that the Python convention parses back
// to the same bytes, and that every refusal says where and why (a code, not a sentence).
#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using netcore::common::EscapeError;
using netcore::common::EscapeParseError;
using netcore::common::Escaping;
using netcore::common::LineMode;
using netcore::common::hexDump;
using netcore::common::parseEscapes;
using netcore::common::visibleText;

class TestEscapes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse();
    void parseErrors_data();
    void parseErrors();
    void conventions_data();
    void conventions();
    void pythonRoundTrip();
    void multiLinePython();
    void hexDumpCut();
};

void TestEscapes::parse()
{
    QCOMPARE(parseEscapes(u"hi\\r\\n\\t\\x00\\xfF\\\\ 你"_s).value(),
             QByteArray("hi\r\n\t\x00\xff\\ ", 9) + QByteArray("\xe4\xbd\xa0"));
    QCOMPARE(parseEscapes(u"\\0\\a\\b\\f\\v\\\"\\'"_s).value(), QByteArray("\0\a\b\f\v\"'", 7));
    QCOMPARE(parseEscapes(QString()).value(), QByteArray());
    QCOMPARE(parseEscapes(u"real\nline"_s).value(), "real\nline"_ba); // a typed line break is a line break
}

void TestEscapes::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<EscapeError>("code");
    QTest::addColumn<qsizetype>("position");
    QTest::addColumn<QString>("character");
    QTest::newRow("unknown escape") << u"ab\\q"_s << EscapeError::UnknownEscape << qsizetype(2) << u"q"_s;
    QTest::newRow("unknown escape, CJK") << u"\\你"_s << EscapeError::UnknownEscape << qsizetype(0) << u"你"_s;
    QTest::newRow("one hex digit") << u"abc\\x4"_s << EscapeError::BadHexEscape << qsizetype(3) << QString();
    QTest::newRow("not hex") << u"\\xg0"_s << EscapeError::BadHexEscape << qsizetype(0) << QString();
    QTest::newRow("trailing backslash") << u"x\\"_s << EscapeError::TrailingBackslash << qsizetype(1) << QString();
}

void TestEscapes::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(EscapeError, code);
    QFETCH(qsizetype, position);
    QFETCH(QString, character);
    EscapeParseError error;
    QVERIFY(!parseEscapes(text, &error));
    QCOMPARE(error.code, code);
    QCOMPARE(error.position, position);
    QCOMPARE(error.character, character);
    QVERIFY(!parseEscapes(text)); // no error object: still refused
}

void TestEscapes::conventions_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("glyphs");
    QTest::addColumn<QString>("python");
    QTest::addColumn<QString>("pythonBytes");
    QTest::newRow("line ends") << "a\r\nb"_ba << u"a␍␊b"_s << u"a\\r\\nb"_s << u"a\\r\\nb"_s;
    QTest::newRow("tab and backslash") << "\t\\"_ba << u"\\t\\"_s << u"\\t\\\\"_s << u"\\t\\\\"_s;
    QTest::newRow("control bytes") << "\x01\x7f"_ba << u"\\x01\\x7F"_s << u"\\x01\\x7f"_s << u"\\x01\\x7f"_s;
    QTest::newRow("quote") << "it's"_ba << u"it's"_s << u"it's"_s << u"it\\'s"_s;
    QTest::newRow("UTF-8") << "\xe4\xbd\xa0"_ba << u"你"_s << u"你"_s << u"\\xe4\\xbd\\xa0"_s;
    QTest::newRow("invalid UTF-8") << "\xff"_ba << u"\\xFF"_s << u"\\xff"_s << u"\\xff"_s;
    QTest::newRow("zero-width space") << "\xe2\x80\x8b"_ba << u"\\xE2\\x80\\x8B"_s << u"\\xe2\\x80\\x8b"_s << u"\\xe2\\x80\\x8b"_s;
}

void TestEscapes::conventions()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, glyphs);
    QFETCH(QString, python);
    QFETCH(QString, pythonBytes);
    QCOMPARE(visibleText(bytes), glyphs);
    QCOMPARE(visibleText(bytes, LineMode::SingleLine, -1, Escaping::Glyphs), glyphs);
    QCOMPARE(visibleText(bytes, LineMode::SingleLine, -1, Escaping::Python), python);
    QCOMPARE(visibleText(bytes, LineMode::SingleLine, -1, Escaping::PythonBytes), pythonBytes);
}

void TestEscapes::pythonRoundTrip()
{
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += char(b);
    all += "\xe4\xbd\xa0\xe5\xa5\xbd \xe2\x80\x8b \xf0\x9f\x98\x80"_ba; // 你好, a zero-width space, an emoji
    QCOMPARE(parseEscapes(visibleText(all, LineMode::SingleLine, -1, Escaping::Python)).value(), all);
    QCOMPARE(parseEscapes(visibleText(all, LineMode::SingleLine, -1, Escaping::PythonBytes)).value(), all);
    QVERIFY(!visibleText(all, LineMode::SingleLine, -1, Escaping::Python).contains(u'\n'));
}

void TestEscapes::multiLinePython()
{
    // the HTTP views: each LF escape followed by a real line break, as the course prints requests
    QCOMPARE(visibleText("GET / HTTP/1.1\r\nHost: x\r\n\r\n"_ba, LineMode::MultiLine, -1, Escaping::Python),
             u"GET / HTTP/1.1\\r\\n\nHost: x\\r\\n\n\\r\\n\n"_s);
    QCOMPARE(visibleText("你好\n"_ba, LineMode::MultiLine, 3, Escaping::Python), u"你…"_s);
}

void TestEscapes::hexDumpCut()
{
    const QByteArray bytes(40, 'A');
    const QString whole = hexDump(bytes);
    QCOMPARE(whole.count(u'\n'), 3);
    QCOMPARE(hexDump(bytes, -1), whole);
    QCOMPARE(hexDump(bytes, 40), whole);
    QCOMPARE(hexDump(bytes, 100), whole);
    const QString cut = hexDump(bytes, 16);
    QCOMPARE(cut, whole.section(u'\n', 0, 0) + u"\n…\n"_s);
    QCOMPARE(hexDump(bytes, 0), u"…\n"_s);
    QCOMPARE(hexDump(QByteArray(), 0), QString());
}

QTEST_APPLESS_MAIN(TestEscapes)
#include "tst_escapes.moc"

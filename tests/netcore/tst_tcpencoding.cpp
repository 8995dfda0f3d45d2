// The TCP workbench's text encodings (netcore/tcp/encoding.h) against Python's own codecs (the oracle a student's
// server uses): the same bytes for the same text, characters an encoding cannot hold reported with their position,
// and a character split across two reads decoded whole by the stream decoder.
#include "netcore/tcp/encoding.h"

#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::tcp::TextEncoding;

namespace {

// What python3 encodes `text` to with `codec` (hex), or "error" when it refuses it.
QByteArray pythonEncode(const QString &text, const QString &codec)
{
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s, u"import sys\n"
                                          "t = sys.stdin.buffer.read().decode('utf-8')\n"
                                          "try:\n"
                                          "    sys.stdout.write(t.encode(sys.argv[1]).hex())\n"
                                          "except UnicodeEncodeError:\n"
                                          "    sys.stdout.write('error')\n"_s,
                                codec});
    python.write(text.toUtf8());
    python.closeWriteChannel();
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return "python3 failed: "_ba + python.readAllStandardError();
    return python.readAllStandardOutput();
}

} // namespace

class TstTcpEncoding final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names()
    {
        for (int i = 0; i < int(TextEncoding::Count); ++i) {
            const auto encoding = TextEncoding(i);
            QCOMPARE(netcore::tcp::encodingFromName(netcore::tcp::encodingName(encoding)), encoding);
        }
        QCOMPARE(netcore::tcp::encodingFromName(u"GBK"_s), TextEncoding::Gbk);
        QCOMPARE(netcore::tcp::encodingFromName(u"gb2312"_s), TextEncoding::Gbk);
        QCOMPARE(netcore::tcp::encodingFromName(u"UTF8"_s), TextEncoding::Utf8);
        QCOMPARE(netcore::tcp::encodingFromName(u"ISO-8859-1"_s), TextEncoding::Latin1);
        QVERIFY(!netcore::tcp::encodingFromName(u"ebcdic"_s));
        QVERIFY(!netcore::tcp::encodingFromName(QString()));
    }

    void againstPython_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QString>("codec");
        const QStringList texts = {u"hello, world\r\n"_s, u"中文 你好，世界！"_s, u"学生请连接：192.168.1.10:8888"_s,
                                   u"café ÿ"_s, u"表情😀"_s, u"Ωµ€"_s, u"丂乚"_s};
        const QList<std::pair<TextEncoding, QString>> codecs = {{TextEncoding::Utf8, u"utf-8"_s},
                                                                 {TextEncoding::Gbk, u"gbk"_s},
                                                                 {TextEncoding::Gb18030, u"gb18030"_s},
                                                                 {TextEncoding::Latin1, u"latin-1"_s}};
        for (const auto &[encoding, codec] : codecs) {
            for (qsizetype i = 0; i < texts.size(); ++i)
                QTest::addRow("%s-%lld", qPrintable(codec), qlonglong(i)) << texts.at(i) << int(encoding) << codec;
        }
    }

    void againstPython()
    {
        QFETCH(QString, text);
        QFETCH(int, encoding);
        QFETCH(QString, codec);
        const QByteArray expected = pythonEncode(text, codec);
        QVERIFY2(!expected.startsWith("python3 failed"), expected.constData());
        const auto result = netcore::tcp::encodeText(text, TextEncoding(encoding));
        if (expected == "error") {
            QVERIFY2(!result.ok(), qPrintable(u"python refuses it but we encoded "_s + QString::fromLatin1(result.bytes.toHex())));
            QVERIFY(result.unencodable >= 0 && result.unencodable < text.size());
            // Everything before the reported character is encodable on its own.
            QVERIFY(netcore::tcp::encodeText(text.left(result.unencodable), TextEncoding(encoding)).ok());
            return;
        }
        QVERIFY2(result.ok(), qPrintable(u"unencodable at %1"_s.arg(result.unencodable)));
        QCOMPARE(result.bytes.toHex(), expected);
        QCOMPARE(netcore::tcp::decodeText(result.bytes, TextEncoding(encoding)), text);
    }

    void unencodablePosition()
    {
        const auto latin = netcore::tcp::encodeText(u"ab中c"_s, TextEncoding::Latin1);
        QVERIFY(!latin.ok());
        QCOMPARE(latin.unencodable, 2);
        QCOMPARE(latin.codePoint, U'中');
        const auto gbk = netcore::tcp::encodeText(u"你好😀"_s, TextEncoding::Gbk);
        QVERIFY(!gbk.ok());
        QCOMPARE(gbk.unencodable, 2);
        QCOMPARE(gbk.codePoint, U'😀');
        QVERIFY(netcore::tcp::encodeText(u"你好😀"_s, TextEncoding::Gb18030).ok());
    }

    void typedTextWithEscapes()
    {
        using netcore::tcp::TypedTextError;
        // Characters in the encoding, escapes as the bytes they name: \xNN is one raw byte in any encoding.
        QCOMPARE(netcore::tcp::encodeTyped(u"中\\x00\\r\\n文"_s, TextEncoding::Gbk),
                 std::optional(QByteArray::fromHex("d6d0000d0acec4")));
        QCOMPARE(netcore::tcp::encodeTyped(u"\\xd6\\xd0"_s, TextEncoding::Utf8), std::optional(QByteArray::fromHex("d6d0")));
        QCOMPARE(netcore::tcp::encodeTyped(u"a\\\\b"_s, TextEncoding::Latin1), std::optional("a\\b"_ba));
        QCOMPARE(netcore::tcp::encodeTyped(QString(), TextEncoding::Gbk), std::optional(QByteArray()));
        TypedTextError error;
        QVERIFY(!netcore::tcp::encodeTyped(u"ok\\q"_s, TextEncoding::Utf8, &error));
        QCOMPARE(error.kind, TypedTextError::Kind::BadEscape);
        QCOMPARE(error.index, 2);
        QCOMPARE(error.escape.code, netcore::common::EscapeError::UnknownEscape);
        QVERIFY(!netcore::tcp::encodeTyped(u"ab\\x4"_s, TextEncoding::Utf8, &error));
        QCOMPARE(error.escape.code, netcore::common::EscapeError::BadHexEscape);
        QVERIFY(!netcore::tcp::encodeTyped(u"end\\"_s, TextEncoding::Utf8, &error));
        QCOMPARE(error.escape.code, netcore::common::EscapeError::TrailingBackslash);
        // The unencodable character's index is in the whole text, past the escapes before it.
        QVERIFY(!netcore::tcp::encodeTyped(u"你\\n好😀"_s, TextEncoding::Gbk, &error));
        QCOMPARE(error.kind, TypedTextError::Kind::Unencodable);
        QCOMPARE(error.index, 4);
        QCOMPARE(error.codePoint, U'😀');
    }

    void splitAcrossReads()
    {
        const QByteArray bytes = netcore::tcp::encodeText(u"中文"_s, TextEncoding::Gbk).bytes;
        QCOMPARE(bytes.size(), 4);
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            netcore::tcp::StreamDecoder decoder(TextEncoding::Gbk);
            QString text = decoder.decode(bytes.left(cut));   // in order: the second read after the first
            text += decoder.decode(bytes.mid(cut));
            QCOMPARE(text, u"中文"_s);
        }
        // Decoded whole, a cut character is a replacement character, never dropped in silence.
        QCOMPARE(netcore::tcp::decodeText(bytes.left(3), TextEncoding::Gbk), u"中\uFFFD"_s);
        QCOMPARE(netcore::tcp::decodeText(bytes.left(1), TextEncoding::Gb18030), u"\uFFFD"_s);
        QCOMPARE(netcore::tcp::decodeText("a\x81\x30"_ba, TextEncoding::Gb18030), u"a\uFFFD"_s);
        QCOMPARE(netcore::tcp::decodeText(QByteArray::fromHex("9439fc36"), TextEncoding::Gb18030), u"😀"_s);
        QCOMPARE(netcore::tcp::decodeText("\xff\xfe"_ba, TextEncoding::Utf8).count(QChar(0xFFFD)), 2);
    }
};

QTEST_GUILESS_MAIN(TstTcpEncoding)
#include "tst_tcpencoding.moc"

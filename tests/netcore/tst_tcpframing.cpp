// The TCP workbench's framings (netcore/tcp/framing.h) without sockets: every framing on whole streams and split
// at every byte position, the size limit, malformed lengths, and the encoder as the decoder's inverse.
#include "netcore/tcp/framing.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::common::FrameStatus;
using netcore::tcp::ByteOrder;
using netcore::tcp::FramingKind;
using netcore::tcp::FramingSpec;
using netcore::tcp::Reframer;

Q_DECLARE_METATYPE(netcore::tcp::FramingSpec)

namespace {

FramingSpec spec(FramingKind kind)
{
    FramingSpec s;
    s.kind = kind;
    return s;
}

FramingSpec prefix(int bytes, ByteOrder order, bool includesHeader, qint64 maxFrame = FramingSpec::kDefaultMaxFrame)
{
    FramingSpec s = spec(FramingKind::LengthPrefix);
    s.prefixBytes = bytes;
    s.byteOrder = order;
    s.lengthIncludesHeader = includesHeader;
    s.maxFrame = maxFrame;
    return s;
}

struct Cut {
    QList<QByteArray> frames;
    FrameStatus end = FrameStatus::Incomplete;
};

// The stream fed to a Reframer in the given pieces.
Cut feed(const FramingSpec &s, const QList<QByteArray> &pieces)
{
    Reframer reframer(s);
    Cut cut;
    for (const QByteArray &piece : pieces) {
        reframer.append(piece);
        for (;;) {
            const netcore::tcp::Frame frame = reframer.next();
            if (frame.status != FrameStatus::Ok) {
                cut.end = frame.status;
                break;
            }
            cut.frames.append(frame.payload);
        }
    }
    return cut;
}

} // namespace

class TestTcpFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framings_data()
    {
        QTest::addColumn<FramingSpec>("framing");
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("frames");
        QTest::addColumn<int>("end");
        const int incomplete = int(FrameStatus::Incomplete);
        QTest::newRow("line lf") << spec(FramingKind::Line) << "hello\nworld\npart"_ba
                                 << QList<QByteArray>{"hello"_ba, "world"_ba} << incomplete;
        QTest::newRow("line crlf") << spec(FramingKind::Line) << "a\r\n\r\nb\rc\n"_ba
                                   << QList<QByteArray>{"a"_ba, ""_ba, "b\rc"_ba} << incomplete;
        FramingSpec hashes = spec(FramingKind::Delimiter);
        QTest::newRow("delimiter ##") << hashes << "LOGIN alice##MSG hi#there##ROOM"_ba
                                      << QList<QByteArray>{"LOGIN alice"_ba, "MSG hi#there"_ba} << incomplete;
        QTest::newRow("delimiter ###") << hashes << "a###b##"_ba << QList<QByteArray>{"a"_ba, "#b"_ba} << incomplete;
        FramingSpec fixed = spec(FramingKind::FixedLength);
        fixed.fixedLength = 3;
        QTest::newRow("fixed 3") << fixed << "abcdefgh"_ba << QList<QByteArray>{"abc"_ba, "def"_ba} << incomplete;
        QTest::newRow("u8") << prefix(1, ByteOrder::BigEndian, false) << "\x02hi\x00\x03"_ba
                            << QList<QByteArray>{"hi"_ba, ""_ba} << incomplete;
        QTest::newRow("u16 be") << prefix(2, ByteOrder::BigEndian, false) << "\x00\x03" "abc" "\x00\x01" "d"_ba
                                << QList<QByteArray>{"abc"_ba, "d"_ba} << incomplete;
        QTest::newRow("u16 le") << prefix(2, ByteOrder::LittleEndian, false) << "\x03\x00" "abc" "\x01"_ba
                                << QList<QByteArray>{"abc"_ba} << incomplete;
        QTest::newRow("u16 be inclusive") << prefix(2, ByteOrder::BigEndian, true) << "\x00\x05" "abc" "\x00\x02"_ba
                                          << QList<QByteArray>{"abc"_ba, ""_ba} << incomplete;
        QTest::newRow("u32 be") << prefix(4, ByteOrder::BigEndian, false) << "\x00\x00\x00\x02" "ok"_ba
                                << QList<QByteArray>{"ok"_ba} << incomplete;
        QTest::newRow("u32 le inclusive") << prefix(4, ByteOrder::LittleEndian, true) << "\x06\x00\x00\x00" "ok"_ba
                                          << QList<QByteArray>{"ok"_ba} << incomplete;
        QTest::newRow("u64 be") << prefix(8, ByteOrder::BigEndian, false) << "\0\0\0\0\0\0\0\x01" "x"_ba
                                << QList<QByteArray>{"x"_ba} << incomplete;
        QTest::newRow("u64 le") << prefix(8, ByteOrder::LittleEndian, false) << "\x01\0\0\0\0\0\0\0" "x"_ba
                                << QList<QByteArray>{"x"_ba} << incomplete;
        QTest::newRow("inclusive length below header") << prefix(4, ByteOrder::BigEndian, true)
                                                       << "\x00\x00\x00\x05" "a\x00\x00\x00\x03xyz"_ba
                                                       << QList<QByteArray>{"a"_ba} << int(FrameStatus::Malformed);
        QTest::newRow("u64 near 2^64") << prefix(8, ByteOrder::BigEndian, false) << "\xff\xff\xff\xff\xff\xff\xff\xfe"_ba
                                       << QList<QByteArray>{} << int(FrameStatus::TooLarge);
        QTest::newRow("u64 inclusive near 2^64") << prefix(8, ByteOrder::BigEndian, true)
                                                 << "\xff\xff\xff\xff\xff\xff\xff\xff"_ba << QList<QByteArray>{}
                                                 << int(FrameStatus::TooLarge);
        FramingSpec smallLine = spec(FramingKind::Line);
        smallLine.maxFrame = 4;
        QTest::newRow("line at the limit") << smallLine << "abc\nabcd\n"_ba << QList<QByteArray>{"abc"_ba}
                                           << int(FrameStatus::TooLarge);
        QTest::newRow("line without end too large") << smallLine << "ab\nabcd"_ba << QList<QByteArray>{"ab"_ba}
                                                    << int(FrameStatus::TooLarge);
        FramingSpec smallDelimiter = hashes;
        smallDelimiter.maxFrame = 5;
        QTest::newRow("delimiter at the limit") << smallDelimiter << "abc##abcd##"_ba << QList<QByteArray>{"abc"_ba}
                                                << int(FrameStatus::TooLarge);
        QTest::newRow("length too large") << prefix(2, ByteOrder::BigEndian, false, 10) << "\x00\x08" "12345678\x00\x09"_ba
                                          << QList<QByteArray>{"12345678"_ba} << int(FrameStatus::TooLarge);
        FramingSpec fixedTooLarge = fixed;
        fixedTooLarge.maxFrame = 2;
        QTest::newRow("fixed larger than the limit") << fixedTooLarge << "abcdef"_ba << QList<QByteArray>{}
                                                     << int(FrameStatus::TooLarge);
        FramingSpec none = spec(FramingKind::None);
        none.maxFrame = 4;
        QTest::newRow("none cuts at the limit") << none << "abcdefghij"_ba
                                                << QList<QByteArray>{"abcd"_ba, "efgh"_ba, "ij"_ba} << incomplete;
    }

    void framings()
    {
        QFETCH(FramingSpec, framing);
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, frames);
        QFETCH(int, end);
        const netcore::tcp::Recut whole = netcore::tcp::recut(framing, stream);
        QCOMPARE(whole.frames, frames);
        QCOMPARE(int(whole.end), end);
        // Split at every byte position, and byte by byte: the same frames and the same end (None excepted: it
        // frames what is there, so its frames follow the pieces).
        if (framing.kind == FramingKind::None)
            return;
        for (qsizetype at = 0; at <= stream.size(); ++at) {
            const Cut cut = feed(framing, {stream.first(at), stream.sliced(at)});
            QCOMPARE(cut.frames, frames);
            QCOMPARE(int(cut.end), end);
        }
        QList<QByteArray> bytes;
        for (const char c : std::as_const(stream))
            bytes.append(QByteArray(1, c));
        const Cut single = feed(framing, bytes);
        QCOMPARE(single.frames, frames);
        QCOMPARE(int(single.end), end);
    }

    void noneFramesEachPiece()
    {
        const Cut cut = feed(spec(FramingKind::None), {"ab"_ba, "cde"_ba});
        QCOMPARE(cut.frames, (QList<QByteArray>{"ab"_ba, "cde"_ba}));
    }

    void incompleteFrameReportsWhereTheRestStarts()
    {
        const netcore::tcp::Recut cut = netcore::tcp::recut(spec(FramingKind::Line), "one\ntw"_ba);
        QCOMPARE(cut.restOffset, qsizetype(4));
    }

    void aStuckReframerHoldsNothing()
    {
        FramingSpec s = spec(FramingKind::Line);
        s.maxFrame = 8;
        Reframer reframer(s);
        reframer.append(QByteArray(100, 'x'));
        QCOMPARE(reframer.next().status, FrameStatus::TooLarge);
        reframer.append("more\n"_ba);
        QCOMPARE(reframer.buffered(), qsizetype(0));
        QCOMPARE(reframer.next().status, FrameStatus::TooLarge);
    }

    void invalidSpecsAreMalformed()
    {
        FramingSpec delimiter = spec(FramingKind::Delimiter);
        delimiter.delimiter.clear();
        FramingSpec fixed = spec(FramingKind::FixedLength);
        FramingSpec odd = prefix(3, ByteOrder::BigEndian, false);
        FramingSpec noRoom = spec(FramingKind::Line);
        noRoom.maxFrame = 0;
        for (const FramingSpec &s : {delimiter, fixed, odd, noRoom}) {
            QVERIFY(!s.isValid());
            QCOMPARE(netcore::tcp::decodeFrame(s, "abc\n"_ba).status, FrameStatus::Malformed);
            QVERIFY(netcore::tcp::encodeFrame(s, "abc"_ba).isEmpty());
        }
    }

    void encodeIsTheInverse_data()
    {
        QTest::addColumn<FramingSpec>("framing");
        QTest::addColumn<QByteArray>("encoded");
        FramingSpec fixed = spec(FramingKind::FixedLength);
        fixed.fixedLength = 5;
        QTest::newRow("line") << spec(FramingKind::Line) << "hello\n"_ba;
        QTest::newRow("delimiter") << spec(FramingKind::Delimiter) << "hello##"_ba;
        QTest::newRow("fixed") << fixed << "hello"_ba;
        QTest::newRow("u8") << prefix(1, ByteOrder::BigEndian, false) << "\x05hello"_ba;
        QTest::newRow("u16 le inclusive") << prefix(2, ByteOrder::LittleEndian, true) << "\x07\x00hello"_ba;
        QTest::newRow("u32 be") << prefix(4, ByteOrder::BigEndian, false) << "\x00\x00\x00\x05hello"_ba;
        QTest::newRow("u64 le") << prefix(8, ByteOrder::LittleEndian, false) << "\x05\0\0\0\0\0\0\0hello"_ba;
    }

    void encodeIsTheInverse()
    {
        QFETCH(FramingSpec, framing);
        QFETCH(QByteArray, encoded);
        QCOMPARE(netcore::tcp::encodeFrame(framing, "hello"_ba), encoded);
        const netcore::tcp::Frame frame = netcore::tcp::decodeFrame(framing, encoded);
        QCOMPARE(frame.status, FrameStatus::Ok);
        QCOMPARE(frame.payload, "hello"_ba);
        QCOMPARE(frame.frameSize, encoded.size());
    }

    void encodeRefusesWhatTheFramingCannotCarry()
    {
        QVERIFY(netcore::tcp::encodeFrame(spec(FramingKind::Line), "a\nb"_ba).isEmpty());
        QVERIFY(netcore::tcp::encodeFrame(spec(FramingKind::Delimiter), "a##b"_ba).isEmpty());
        QVERIFY(netcore::tcp::encodeFrame(spec(FramingKind::Delimiter), "a#"_ba).isEmpty());   // "a###": "##" at 1
        QVERIFY(netcore::tcp::encodeFrame(prefix(1, ByteOrder::BigEndian, false), QByteArray(256, 'x')).isEmpty());
        QVERIFY(netcore::tcp::encodeFrame(prefix(1, ByteOrder::BigEndian, true), QByteArray(255, 'x')).isEmpty());
        QCOMPARE(netcore::tcp::encodeFrame(prefix(1, ByteOrder::BigEndian, true), QByteArray(254, 'x')).size(), 255);
    }
};

QTEST_APPLESS_MAIN(TestTcpFraming)
#include "tst_tcpframing.moc"

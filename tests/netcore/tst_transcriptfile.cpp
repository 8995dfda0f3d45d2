// Transcripts as files: the JSON format (version 2 with typed events; version 1 still loads) and the text export.
#include "netcore/common/transcript.h"
#include "netcore/common/transcriptexport.h"
#include "presentation/common/transcripttext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

Q_DECLARE_METATYPE(netcore::common::TranscriptFileError)

using namespace Qt::StringLiterals;
using namespace netcore::common;

namespace {

TranscriptEntry makeEntry(quint64 sequence, qint64 us, Direction direction, const QByteArray &bytes)
{
    TranscriptEntry entry;
    entry.sequence = sequence;
    entry.monotonicUs = us;
    entry.wallMs = 1'700'000'000'000 + us / 1000;
    entry.direction = direction;
    entry.local = u"127.0.0.1:50000"_s;
    entry.peer = u"127.0.0.1:8888"_s;
    entry.bytes = bytes;
    if (direction == Direction::Event)
        entry.event = TranscriptEvent{EventArea::Common, quint16(Event::Connected), {}};
    return entry;
}

} // namespace

class TestTranscriptFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip();
    void jsonVersion1StillLoads();
    void jsonRejectsMalformedInput_data();
    void jsonRejectsMalformedInput();
    void textExport();
};

void TestTranscriptFile::jsonRoundTrip()
{
    Transcript transcript;
    transcript.appendEvent(Event::Connected, {}, u"127.0.0.1:50000"_s, u"127.0.0.1:8888"_s);
    transcript.appendEvent(TranscriptEvent{EventArea::Chat, 7, {u"小明"_s, u"a, b"_s}});
    transcript.append(Direction::Sent, "L 小明"_ba, u"127.0.0.1:50000"_s, u"127.0.0.1:8888"_s);
    QByteArray binary;
    for (int b = 0; b < 256; ++b)
        binary.append(char(b));
    transcript.append(Direction::Received, binary, u"[::1]:1"_s, u"[::1]:2"_s);
    transcript.append(Direction::Received, QByteArray(), u"127.0.0.1:50000"_s, u"127.0.0.1:8888"_s);

    const QList<TranscriptEntry> original = transcript.entries();
    const qint64 origin = transcript.range().originUs;
    const QByteArray json = transcriptToJson(original, origin);

    const TranscriptFileResult result = transcriptFromJson(json);
    QCOMPARE(result.error, TranscriptFileError::None);
    const auto &parsed = result.transcript;
    QVERIFY(parsed);
    QCOMPARE(parsed->version, kTranscriptJsonVersion);
    QCOMPARE(parsed->originUs, origin);
    QCOMPARE(parsed->entries.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i)
        QVERIFY2(parsed->entries.at(i) == original.at(i), qPrintable(QString::number(i)));

    // The documented fields are there, readable without decoding base64.
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"socketeer-transcript"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 2);
    const QJsonObject event = root.value(u"entries"_s).toArray().at(1).toObject().value(u"event"_s).toObject();
    QCOMPARE(event.value(u"area"_s).toString(), u"chat"_s);
    QCOMPARE(event.value(u"code"_s).toInt(), 7);
    QCOMPARE(event.value(u"args"_s).toArray().at(0).toString(), u"小明"_s);
    const QJsonObject sent = root.value(u"entries"_s).toArray().at(2).toObject();
    QCOMPARE(sent.value(u"direction"_s).toString(), u"sent"_s);
    QCOMPARE(sent.value(u"text"_s).toString(), u"L 小明"_s);
    QCOMPARE(sent.value(u"size"_s).toInt(), 8);
    QCOMPARE(sent.value(u"base64"_s).toString(), QString::fromLatin1("L 小明"_ba.toBase64()));
    QCOMPARE(sent.value(u"relative_us"_s).toInteger(), original.at(2).monotonicUs - origin);
    QCOMPARE(sent.value(u"wall"_s).toString(),
             QDateTime::fromMSecsSinceEpoch(original.at(2).wallMs, Qt::UTC).toString(Qt::ISODateWithMs));
    QVERIFY(sent.value(u"wall"_s).toString().endsWith(u'Z'));
}

void TestTranscriptFile::jsonVersion1StillLoads()
{
    // What Socketeer 0.1 saved: events as UTF-8 text in base64.
    const QByteArray json = R"({"format":"socketeer-transcript","version":1,"origin_monotonic_us":10,"entries":[
        {"sequence":0,"monotonic_us":10,"wall_ms":1700000000000,"direction":"event","local":"127.0.0.1:1",
         "peer":"127.0.0.1:2","size":16,"base64":"Y29ubmVjdGVkIOWViu+8gQ==","text":"connected 啊！"},
        {"sequence":1,"monotonic_us":30,"wall_ms":1700000000001,"direction":"sent","local":"127.0.0.1:1",
         "peer":"127.0.0.1:2","size":2,"base64":"aGk=","text":"hi"}]})"_ba;
    const TranscriptFileResult result = transcriptFromJson(json);
    QCOMPARE(result.error, TranscriptFileError::None);
    QVERIFY(result.transcript);
    QCOMPARE(result.transcript->version, 1);
    QCOMPARE(result.transcript->entries.size(), 2);
    const TranscriptEntry &event = result.transcript->entries.at(0);
    QCOMPARE(event.direction, Direction::Event);
    QVERIFY(event.bytes.isEmpty());
    QCOMPARE(event.event, (TranscriptEvent{EventArea::Common, quint16(Event::Text), {u"connected 啊！"_s}}));
    QCOMPARE(presentation::common::entryText(event), u"connected 啊！"_s);
    QCOMPARE(result.transcript->entries.at(1).bytes, "hi"_ba);
}

void TestTranscriptFile::jsonRejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<TranscriptFileError>("error");
    QTest::newRow("not json") << "{nope"_ba << TranscriptFileError::NotJson;
    QTest::newRow("array") << "[]"_ba << TranscriptFileError::NotJson;
    QTest::newRow("wrong format") << R"({"format":"other","version":1,"entries":[]})"_ba
                                  << TranscriptFileError::NotTranscript;
    QTest::newRow("future version") << R"({"format":"socketeer-transcript","version":3,"entries":[]})"_ba
                                    << TranscriptFileError::UnsupportedVersion;
    QTest::newRow("bad direction")
        << R"({"format":"socketeer-transcript","version":1,"entries":[{"direction":"up","base64":""}]})"_ba
        << TranscriptFileError::BadEntry;
    QTest::newRow("bad base64")
        << R"({"format":"socketeer-transcript","version":1,"entries":[{"direction":"sent","base64":"@@@"}]})"_ba
        << TranscriptFileError::BadEntry;
    QTest::newRow("no base64")
        << R"({"format":"socketeer-transcript","version":1,"entries":[{"direction":"sent"}]})"_ba
        << TranscriptFileError::BadEntry;
    QTest::newRow("v2 event without its object")
        << R"({"format":"socketeer-transcript","version":2,"entries":[{"direction":"event"}]})"_ba
        << TranscriptFileError::BadEntry;
    QTest::newRow("v2 event of an unknown area")
        << R"({"format":"socketeer-transcript","version":2,"entries":[{"direction":"event","event":{"area":"x","code":1}}]})"_ba
        << TranscriptFileError::BadEntry;
}

void TestTranscriptFile::jsonRejectsMalformedInput()
{
    QFETCH(QByteArray, json);
    QFETCH(TranscriptFileError, error);
    const TranscriptFileResult result = transcriptFromJson(json);
    QVERIFY(!result.transcript);
    QCOMPARE(result.error, error);
}

void TestTranscriptFile::textExport()
{
    const qint64 origin = 5'000'000;
    const QList<TranscriptEntry> entries{
        makeEntry(0, origin, Direction::Event, QByteArray()),
        makeEntry(1, origin + 120, Direction::Sent, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"_ba),
        makeEntry(2, origin + 2'500'000, Direction::Received, "\xff\tok"_ba),
        makeEntry(3, origin + 2'500'001, Direction::Received, QByteArray()),
    };
    const QString expected =
        u"+0.000000  *  127.0.0.1:50000 -- 127.0.0.1:8888  connected\n"
        "+0.000120  >  127.0.0.1:50000 -> 127.0.0.1:8888  [27 B]\n"
        "    GET / HTTP/1.1␍␊\n"
        "    Host: x␍␊\n"
        "    ␍␊\n"
        "+2.500000  <  127.0.0.1:50000 <- 127.0.0.1:8888  [4 B]\n"
        "    \\xFF\\tok\n"
        "+2.500001  <  127.0.0.1:50000 <- 127.0.0.1:8888  [0 B]\n"_s;
    QCOMPARE(presentation::common::transcriptToText(entries, origin), expected);
    QCOMPARE(presentation::common::transcriptToText({}, 0), QString());
}

QTEST_GUILESS_MAIN(TestTranscriptFile)
#include "tst_transcriptfile.moc"

// Transcript: the bounded, thread-safe, batched record every engine writes; plus the byte formatting
// (visibleText, hexDump) and the JSON / text exports built on it.
#include "netcore/common/bytesformat.h"
#include "netcore/common/transcript.h"
#include "netcore/common/transcriptexport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace netcore::common;

namespace {

// What a transcript's notifications said, summed; checked against the transcript's own state.
struct NotificationLog {
    int count = 0;
    qsizetype added = 0;
    qsizetype evicted = 0;
    quint64 lastFirst = 0;
    quint64 lastEnd = 0;
    bool allInOwnThread = true;
    QList<qint64> timesMs;
};

void record(Transcript &transcript, NotificationLog &log, QElapsedTimer &clock)
{
    QObject::connect(&transcript, &Transcript::entriesAdded, &transcript,
                     [&log, &clock, &transcript](quint64 first, quint64 end, qsizetype added, qsizetype evicted) {
                         ++log.count;
                         log.added += added;
                         log.evicted += evicted;
                         log.lastFirst = first;
                         log.lastEnd = end;
                         log.allInOwnThread = log.allInOwnThread && QThread::currentThread() == transcript.thread();
                         log.timesMs.append(clock.elapsed());
                     });
}

} // namespace

class TestTranscript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void endpointStrings();
    void sequencesAndFields();
    void ringEvictionAtCapacity();
    void byteCapacityBoundsMemory();
    void shrinkingCapacityEvictsAndNotifies();
    void entriesBySequenceRange();
    void manyAppendsFewNotifications();
    void notificationsAreSpacedByTheInterval();
    void workerThreadsLoseNothingBelowCapacity();
    void workerThreadsPastCapacityKeepTheNewest();
    void clearInOwnThread();
    void clearFromWorkerThread();
    void relativeTimes();
    void visibleText_data();
    void visibleText();
    void visibleTextMultiLine();
    void visibleTextCutsOnCharacterBoundaries();
    void hexDump_data();
    void hexDump();
};

void TestTranscript::endpointStrings()
{
    QCOMPARE(endpointString(QHostAddress(u"127.0.0.1"_s), 8888), u"127.0.0.1:8888"_s);
    QCOMPARE(endpointString(QHostAddress(u"::1"_s), 80), u"[::1]:80"_s);
    QCOMPARE(endpointString(QHostAddress(u"::ffff:10.0.0.7"_s), 9999), u"10.0.0.7:9999"_s);
    QCOMPARE(endpointString(QHostAddress(u"fe80::1"_s), 0), u"[fe80::1]:0"_s);
    QCOMPARE(endpointString(QHostAddress(), 8888), QString());
}

void TestTranscript::sequencesAndFields()
{
    Transcript transcript;
    QVERIFY(transcript.isEmpty());
    const qint64 before = Transcript::nowUs();
    const qint64 wallBefore = QDateTime::currentMSecsSinceEpoch();
    transcript.append(Direction::Sent, "L alice"_ba, u"127.0.0.1:5000"_s, u"127.0.0.1:8888"_s);
    transcript.append(Direction::Received, "OK"_ba, u"127.0.0.1:5000"_s, u"127.0.0.1:8888"_s);
    transcript.appendEvent(Event::Connecting, {u"主机:8888"_s});

    QCOMPARE(transcript.size(), 3);
    QCOMPARE(transcript.firstSequence(), 0u);
    QCOMPARE(transcript.endSequence(), 3u);
    QCOMPARE(transcript.byteSize(), qsizetype(7 + 2 + 7 * 2));   // an event's arguments count (UTF-16)

    const auto sent = transcript.entry(0);
    QVERIFY(sent);
    QCOMPARE(sent->sequence, 0u);
    QCOMPARE(sent->direction, Direction::Sent);
    QCOMPARE(sent->bytes, "L alice"_ba);
    QCOMPARE(sent->local, u"127.0.0.1:5000"_s);
    QCOMPARE(sent->peer, u"127.0.0.1:8888"_s);
    QVERIFY(sent->monotonicUs >= before);
    QVERIFY(sent->wallMs >= wallBefore);
    QCOMPARE(transcript.range().originUs, sent->monotonicUs);

    const auto received = transcript.entry(1);
    QVERIFY(received);
    QCOMPARE(received->direction, Direction::Received);
    QVERIFY(received->monotonicUs >= sent->monotonicUs);

    const auto event = transcript.entry(2);
    QVERIFY(event);
    QCOMPARE(event->direction, Direction::Event);
    QVERIFY(event->bytes.isEmpty());
    QCOMPARE(event->event, (TranscriptEvent{EventArea::Common, quint16(Event::Connecting), {u"主机:8888"_s}}));
    QVERIFY(event->local.isEmpty());

    QVERIFY(!transcript.entry(3));
}

void TestTranscript::ringEvictionAtCapacity()
{
    Transcript transcript;
    transcript.setCapacity(10);
    QCOMPARE(transcript.capacity(), 10);
    for (int i = 0; i < 25; ++i)
        transcript.append(Direction::Sent, QByteArray::number(i));

    QCOMPARE(transcript.size(), 10);
    QCOMPARE(transcript.firstSequence(), 15u);
    QCOMPARE(transcript.endSequence(), 25u);
    QCOMPARE(transcript.evictedTotal(), 15u);
    QVERIFY(!transcript.entry(14));
    QCOMPARE(transcript.entry(15)->bytes, "15"_ba);
    QCOMPARE(transcript.entry(24)->bytes, "24"_ba);

    const QList<TranscriptEntry> all = transcript.entries();
    QCOMPARE(all.size(), 10);
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(all.at(i).sequence, quint64(15 + i));
        QCOMPARE(all.at(i).bytes, QByteArray::number(15 + i));
    }
    QCOMPARE(transcript.byteSize(), qsizetype(2 * 10));

    transcript.setCapacity(0); // clamped: a transcript always keeps the newest entry
    QCOMPARE(transcript.capacity(), 1);
    QCOMPARE(transcript.size(), 1);
    QCOMPARE(transcript.entries().constFirst().bytes, "24"_ba);
}

void TestTranscript::byteCapacityBoundsMemory()
{
    Transcript transcript;
    transcript.setByteCapacity(100);
    const QByteArray chunk(30, 'x');
    for (int i = 0; i < 10; ++i)
        transcript.append(Direction::Received, chunk);
    QCOMPARE(transcript.byteSize(), 90);
    QCOMPARE(transcript.size(), 3);
    QCOMPARE(transcript.firstSequence(), 7u);

    // One entry larger than the whole budget is still recorded, alone.
    transcript.append(Direction::Received, QByteArray(500, 'y'));
    QCOMPARE(transcript.size(), 1);
    QCOMPARE(transcript.byteSize(), 500);
    QCOMPARE(transcript.entries().constFirst().sequence, 10u);
}

void TestTranscript::shrinkingCapacityEvictsAndNotifies()
{
    Transcript transcript;
    QElapsedTimer clock;
    clock.start();
    NotificationLog log;
    record(transcript, log, clock);
    QSignalSpy spy(&transcript, &Transcript::entriesAdded);
    for (int i = 0; i < 50; ++i)
        transcript.append(Direction::Sent, "x"_ba);
    QVERIFY(spy.wait());
    QCOMPARE(log.added, 50);
    QCOMPARE(log.evicted, 0);

    transcript.setCapacity(20);
    QCOMPARE(transcript.size(), 20);
    QVERIFY(spy.wait());
    QCOMPARE(log.count, 2);
    QCOMPARE(log.added, 50);
    QCOMPARE(log.evicted, 30);
    QCOMPARE(log.lastFirst, 30u);
    QCOMPARE(log.lastEnd, 50u);
}

void TestTranscript::entriesBySequenceRange()
{
    Transcript transcript;
    transcript.setCapacity(5);
    for (int i = 0; i < 8; ++i) // holds 3..7
        transcript.append(Direction::Sent, QByteArray::number(i));

    auto sequences = [](const QList<TranscriptEntry> &list) {
        QList<quint64> result;
        for (const auto &entry : list)
            result.append(entry.sequence);
        return result;
    };
    QCOMPARE(sequences(transcript.entries(4, 2)), (QList<quint64>{4, 5}));
    QCOMPARE(sequences(transcript.entries(0, 2)), (QList<quint64>{3, 4})); // starts at the oldest held
    QCOMPARE(sequences(transcript.entries(6, 100)), (QList<quint64>{6, 7}));
    QVERIFY(transcript.entries(8, 10).isEmpty());
    QVERIFY(transcript.entries(3, 0).isEmpty());
}

void TestTranscript::manyAppendsFewNotifications()
{
    Transcript transcript;
    QElapsedTimer clock;
    clock.start();
    NotificationLog log;
    record(transcript, log, clock);
    QSignalSpy spy(&transcript, &Transcript::entriesAdded);

    constexpr int kAppends = 20'000;
    for (int i = 0; i < kAppends; ++i)
        transcript.append(Direction::Received, "data"_ba);
    QCOMPARE(spy.count(), 0); // nothing is emitted per entry, not even synchronously
    QVERIFY(spy.wait());
    QCOMPARE(log.count, 1);
    QCOMPARE(log.added, kAppends);
    QCOMPARE(log.lastEnd, quint64(kAppends));

    // Quiet transcript: no further notifications.
    QVERIFY(!spy.wait(3 * int(Transcript::kNotifyInterval.count())));
    QCOMPARE(log.count, 1);
}

void TestTranscript::notificationsAreSpacedByTheInterval()
{
    Transcript transcript;
    QElapsedTimer clock;
    clock.start();
    NotificationLog log;
    record(transcript, log, clock);

    // Append from this thread, one entry per event-loop turn, until several notifications arrived.
    QTimer feeder;
    feeder.setInterval(0);
    connect(&feeder, &QTimer::timeout, &transcript, [&transcript] { transcript.append(Direction::Sent, "tick"_ba); });
    feeder.start();
    QTRY_VERIFY_WITH_TIMEOUT(log.count >= 6, 10'000);
    feeder.stop();

    const qint64 minimumGap = Transcript::kNotifyInterval.count() * 8 / 10; // coarse timers may fire ~5% early
    for (qsizetype i = 1; i < log.timesMs.size(); ++i)
        QVERIFY2(log.timesMs.at(i) - log.timesMs.at(i - 1) >= minimumGap,
                 qPrintable(u"notifications %1 ms apart"_s.arg(log.timesMs.at(i) - log.timesMs.at(i - 1))));
    QTRY_COMPARE(log.added, qsizetype(transcript.endSequence()));
}

void TestTranscript::workerThreadsLoseNothingBelowCapacity()
{
    Transcript transcript;
    QElapsedTimer clock;
    clock.start();
    NotificationLog log;
    record(transcript, log, clock);

    constexpr int kThreads = 4;
    constexpr int kPerThread = 5'000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&transcript, t] {
            const QString local = u"worker "_s + QString::number(t);
            for (int n = 0; n < kPerThread; ++n)
                transcript.append(Direction::Sent, QByteArray::number(t) + ':' + QByteArray::number(n), local);
        });
    }
    for (auto &thread : threads)
        thread.join();

    QCOMPARE(transcript.size(), kThreads * kPerThread);
    QCOMPARE(transcript.evictedTotal(), 0u);
    // Every entry is there once, sequences are contiguous, each thread's entries keep their order.
    const QList<TranscriptEntry> all = transcript.entries();
    QList<int> next(kThreads, 0);
    for (qsizetype i = 0; i < all.size(); ++i) {
        QCOMPARE(all.at(i).sequence, quint64(i));
        const QList<QByteArray> parts = all.at(i).bytes.split(':');
        QCOMPARE(parts.size(), 2);
        const int t = parts.at(0).toInt();
        QCOMPARE(all.at(i).local, u"worker "_s + QString::number(t));
        QCOMPARE(parts.at(1).toInt(), next[t]);
        ++next[t];
    }
    QCOMPARE(next, QList<int>(kThreads, kPerThread));

    // The notifications reach this (the transcript's) thread, batched, and add up to everything appended.
    QTRY_COMPARE(log.added, qsizetype(kThreads * kPerThread));
    QVERIFY(log.allInOwnThread);
    QVERIFY2(log.count < 100, qPrintable(QString::number(log.count)));
    QCOMPARE(log.lastEnd, quint64(kThreads * kPerThread));
}

void TestTranscript::workerThreadsPastCapacityKeepTheNewest()
{
    Transcript transcript;
    transcript.setCapacity(1'000);
    QElapsedTimer clock;
    clock.start();
    NotificationLog log;
    record(transcript, log, clock);

    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&transcript] {
            for (int n = 0; n < 10'000; ++n)
                transcript.append(Direction::Received, "chunk"_ba);
        });
    }
    for (auto &thread : threads)
        thread.join();

    QCOMPARE(transcript.size(), 1'000);
    QCOMPARE(transcript.firstSequence(), 29'000u);
    QCOMPARE(transcript.evictedTotal(), 29'000u);
    QTRY_COMPARE(log.added, 30'000);
    QCOMPARE(log.evicted, 29'000);
    QCOMPARE(log.lastFirst, 29'000u);
    QCOMPARE(log.lastEnd, 30'000u);
}

void TestTranscript::clearInOwnThread()
{
    Transcript transcript;
    QElapsedTimer clock;
    clock.start();
    NotificationLog log;
    record(transcript, log, clock);
    QSignalSpy clearedSpy(&transcript, &Transcript::cleared);

    for (int i = 0; i < 5; ++i)
        transcript.append(Direction::Sent, "before"_ba);
    transcript.clear();
    QCOMPARE(clearedSpy.count(), 1); // at once: the user pressed Clear
    QCOMPARE(clearedSpy.at(0).at(0).toULongLong(), 5u);
    QCOMPARE(log.count, 0);          // the five entries were never announced, and never will be
    QCOMPARE(transcript.size(), 0);
    QCOMPARE(transcript.byteSize(), 0);
    QCOMPARE(transcript.range().originUs, 0);

    transcript.append(Direction::Received, "after"_ba);
    QCOMPARE(transcript.entries().constFirst().sequence, 5u); // sequences never restart
    QCOMPARE(transcript.range().originUs, transcript.entries().constFirst().monotonicUs);
    QTRY_COMPARE(log.count, 1);
    QCOMPARE(log.added, 1);
    QCOMPARE(log.lastFirst, 5u);
    QCOMPARE(log.lastEnd, 6u);
    QCOMPARE(clearedSpy.count(), 1);
}

void TestTranscript::clearFromWorkerThread()
{
    Transcript transcript;
    QSignalSpy addedSpy(&transcript, &Transcript::entriesAdded);
    QSignalSpy clearedSpy(&transcript, &Transcript::cleared);
    std::thread worker([&transcript] {
        for (int i = 0; i < 100; ++i)
            transcript.append(Direction::Sent, "x"_ba);
        transcript.clear();
        for (int i = 0; i < 7; ++i)
            transcript.append(Direction::Sent, "y"_ba);
    });
    worker.join();
    QTRY_COMPARE(addedSpy.count(), 1);
    QCOMPARE(clearedSpy.count(), 1);
    QCOMPARE(clearedSpy.at(0).at(0).toULongLong(), 100u);
    QCOMPARE(addedSpy.at(0).at(0).toULongLong(), 100u); // first
    QCOMPARE(addedSpy.at(0).at(1).toULongLong(), 107u); // end
    QCOMPARE(addedSpy.at(0).at(2).toLongLong(), 7);     // added since the clear
    QCOMPARE(transcript.size(), 7);
}

void TestTranscript::relativeTimes()
{
    QCOMPARE(relativeTimeString(1'000, 1'000), u"+0.000000"_s);
    QCOMPARE(relativeTimeString(3'600'000'001, 0), u"+3600.000001"_s);
    QCOMPARE(relativeTimeString(0, 250'000), u"-0.250000"_s);
}

void TestTranscript::visibleText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("plain") << "hello world"_ba << u"hello world"_s;
    QTest::newRow("CR LF") << "OK\r\n"_ba << u"OK␍␊"_s;
    QTest::newRow("bare LF") << "\nname"_ba << u"␊name"_s;
    QTest::newRow("tab") << "a\tb"_ba << u"a\\tb"_s;
    QTest::newRow("NUL and DEL") << QByteArray("\x00\x7f", 2) << u"\\x00\\x7F"_s;
    QTest::newRow("escape") << "\x1b[0m"_ba << u"\\x1B[0m"_s;
    QTest::newRow("chinese") << "欢迎 小明 进入聊天室"_ba << u"欢迎 小明 进入聊天室"_s;
    QTest::newRow("emoji 4 bytes") << "\xf0\x9f\x98\x80"_ba << u"😀"_s;
    QTest::newRow("invalid bytes") << "\xff\xfe"_ba << u"\\xFF\\xFE"_s;
    QTest::newRow("invalid then chinese") << "\xff你"_ba << u"\\xFF你"_s;
    QTest::newRow("lone continuation") << "a\x80z"_ba << u"a\\x80z"_s;
    QTest::newRow("overlong slash") << "\xc0\xaf"_ba << u"\\xC0\\xAF"_s;
    QTest::newRow("overlong 3 bytes") << "\xe0\x80\xaf"_ba << u"\\xE0\\x80\\xAF"_s;
    QTest::newRow("surrogate") << "\xed\xa0\x80"_ba << u"\\xED\\xA0\\x80"_s;
    QTest::newRow("past U+10FFFF") << "\xf4\x90\x80\x80"_ba << u"\\xF4\\x90\\x80\\x80"_s;
    QTest::newRow("truncated at end") << "\xe4\xbd"_ba << u"\\xE4\\xBD"_s;
    QTest::newRow("truncated then ascii") << "\xe4\xbd" "A"_ba << u"\\xE4\\xBDA"_s;
    QTest::newRow("GBK is not UTF-8") << "\xc4\xe3\xba\xc3"_ba << u"\\xC4\\xE3\\xBA\\xC3"_s; // 你好 in GBK
    QTest::newRow("C1 control") << "\xc2\x85"_ba << u"\\xC2\\x85"_s;
    QTest::newRow("zero width space") << "a\xe2\x80\x8b"_ba << u"a\\xE2\\x80\\x8B"_s;
    QTest::newRow("bidi override") << "\xe2\x80\xae"_ba << u"\\xE2\\x80\\xAE"_s;
    QTest::newRow("BOM") << "\xef\xbb\xbfhi"_ba << u"\\xEF\\xBB\\xBFhi"_s;
    QTest::newRow("latin-1 text") << "caf\xc3\xa9"_ba << u"café"_s;
    QTest::newRow("backslash kept") << "C:\\x"_ba << u"C:\\x"_s;
}

void TestTranscript::visibleText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(netcore::common::visibleText(bytes), expected);
    QVERIFY(!netcore::common::visibleText(bytes).contains(u'\n'));
}

void TestTranscript::visibleTextMultiLine()
{
    QCOMPARE(netcore::common::visibleText("HTTP/1.1 200 OK\r\nA: b\r\n\r\n"_ba, LineMode::MultiLine),
             u"HTTP/1.1 200 OK␍␊\nA: b␍␊\n␍␊\n"_s);
    QCOMPARE(netcore::common::visibleText("\n\n"_ba, LineMode::MultiLine), u"␊\n␊\n"_s);
    QCOMPARE(netcore::common::visibleText("a\rb"_ba, LineMode::MultiLine), u"a␍b"_s);
}

void TestTranscript::visibleTextCutsOnCharacterBoundaries()
{
    const QByteArray chinese = "你好世界"_ba; // 4 x 3 bytes
    QCOMPARE(netcore::common::visibleText(chinese, LineMode::SingleLine, 3), u"你…"_s);
    QCOMPARE(netcore::common::visibleText(chinese, LineMode::SingleLine, 5), u"你…"_s);
    QCOMPARE(netcore::common::visibleText(chinese, LineMode::SingleLine, 6), u"你好…"_s);
    QCOMPARE(netcore::common::visibleText(chinese, LineMode::SingleLine, 12), u"你好世界"_s);
    QCOMPARE(netcore::common::visibleText(chinese, LineMode::SingleLine, 100), u"你好世界"_s);
    QCOMPARE(netcore::common::visibleText("abc"_ba, LineMode::SingleLine, 0), u"…"_s);
    QCOMPARE(netcore::common::visibleText(QByteArray(), LineMode::SingleLine, 0), QString());
}

void TestTranscript::hexDump_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("short") << "hello\n"_ba
                           << u"00000000  68 65 6c 6c 6f 0a                                 |hello.|\n"_s;
    QTest::newRow("one full line") << "GET / HTTP/1.1\r\n"_ba
                                   << u"00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|\n"_s;
    QTest::newRow("seventeen") << "0123456789abcdef\xff"_ba
                               << u"00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|\n"
                                  "00000010  ff                                                |.|\n"_s;
    QTest::newRow("chinese is dots") << "你"_ba
                                     << u"00000000  e4 bd a0                                          |...|\n"_s;
}

void TestTranscript::hexDump()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QCOMPARE(netcore::common::hexDump(bytes), expected);
}

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"

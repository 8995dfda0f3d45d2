// The sequenced header and the loss accountant, without sockets: gaps, reorders, duplicates, jitter, restarts.
#include "netcore/udp/sequenced.h"

#include <QTest>

#include <limits>

using namespace netcore::udp;

namespace {

// Feeds sequences with send time = 1000 * seq and arrival = send time + delay(seq).
LossStats feed(const QList<quint64> &sequences, qint64 delayUs = 500)
{
    LossAccountant accountant;
    for (const quint64 s : sequences)
        accountant.add({s, qint64(s) * 1000}, qint64(s) * 1000 + delayUs);
    return accountant.stats();
}

} // namespace

class TestUdpLoss final : public QObject
{
    Q_OBJECT

private slots:
    void header()
    {
        const QByteArray d = makeSequencedDatagram(0x0102030405060708ULL, -2, "payload", 32);
        QCOMPARE(d.size(), 32);
        QCOMPARE(d.left(20).toHex(), "534b5351" "0102030405060708" "fffffffffffffffe");
        QCOMPARE(d.mid(20, 7), "payload");
        QCOMPARE(d.mid(27), QByteArray(5, '\0'));
        const auto header = parseSequencedHeader(d);
        QVERIFY(header);
        QCOMPARE(header->sequence, 0x0102030405060708ULL);
        QCOMPARE(header->sendTimeUs, -2);
        QCOMPARE(makeSequencedDatagram(1, 1, "abcdef", 22).mid(20), "ab");
        QCOMPARE(makeSequencedDatagram(1, 1, "abc").size(), 23);
        QVERIFY(!parseSequencedHeader("SKSQ short"));
        QVERIFY(!parseSequencedHeader(QByteArray(20, 'x')));
    }

    void inOrder()
    {
        const LossStats s = feed({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        QCOMPARE(s.received, 10u);
        QCOMPARE(s.expected, 10u);
        QCOMPARE(s.lost, 0u);
        QCOMPARE(s.outOfOrder, 0u);
        QCOMPARE(s.duplicates, 0u);
        QCOMPARE(s.jitterUs, 0.0); // constant delay: no jitter
    }

    void gaps()
    {
        const LossStats s = feed({0, 1, 4, 5, 9});
        QCOMPARE(s.expected, 10u);
        QCOMPARE(s.lost, 5u);
        QCOMPARE(s.highest, 9u);
    }

    void reorderAndDuplicates()
    {
        // 3 arrives after 4 (late), 2 arrives twice, 6 three times.
        const LossStats s = feed({0, 1, 2, 4, 3, 2, 5, 6, 6, 6, 7});
        QCOMPARE(s.received, 11u);
        QCOMPARE(s.expected, 8u);
        QCOMPARE(s.lost, 0u);
        QCOMPARE(s.outOfOrder, 1u);
        QCOMPARE(s.duplicates, 3u);
    }

    void lateArrivalFillsAGap()
    {
        LossAccountant a;
        for (const quint64 seq : {0ULL, 1ULL, 3ULL})
            a.add({seq, 0}, 0);
        QCOMPARE(a.stats().lost, 1u);
        a.add({2, 0}, 0);
        QCOMPARE(a.stats().lost, 0u);
        QCOMPARE(a.stats().outOfOrder, 1u);
    }

    void firstDatagramLate()
    {
        // The stream starts with 5; 4 and 3 arrive late: they extend the expected range downwards.
        const LossStats s = feed({5, 6, 4, 3, 7});
        QCOMPARE(s.expected, 5u);
        QCOMPARE(s.lost, 0u);
        QCOMPARE(s.outOfOrder, 2u);
    }

    void jitter()
    {
        // Transit alternates 1000/3000 us: |D| = 2000 each step; J converges towards 2000 (RFC 3550 A.8).
        LossAccountant a;
        double expected = 0;
        for (quint64 seq = 0; seq < 50; ++seq) {
            const qint64 transit = seq % 2 ? 3000 : 1000;
            a.add({seq, qint64(seq) * 10'000}, qint64(seq) * 10'000 + transit);
            if (seq > 0)
                expected += (2000.0 - expected) / 16.0;
        }
        QCOMPARE(a.stats().jitterUs, expected);
        QVERIFY(a.stats().jitterUs > 1900);
    }

    void hugeJumpClearsWindow()
    {
        LossAccountant a;
        a.add({0, 0}, 0);
        a.add({1, 0}, 0);
        a.add({1 + LossAccountant::kWindow * 3, 0}, 0);
        a.add({1 + LossAccountant::kWindow * 3, 0}, 0);
        QCOMPARE(a.stats().duplicates, 1u);
        // expected 0 .. 3 * kWindow + 1, three distinct sequences received
        QCOMPARE(a.stats().lost, LossAccountant::kWindow * 3 - 1);
    }

    void perSource()
    {
        LossTable table;
        table.add(QStringLiteral("10.0.0.1:5000"), {0, 0}, 0);
        table.add(QStringLiteral("10.0.0.1:5000"), {2, 0}, 0);
        table.add(QStringLiteral("10.0.0.2:5000"), {0, 0}, 0);
        table.add(QStringLiteral("10.0.0.2:5000"), {1, 0}, 0);
        QCOMPARE(table.perSource().size(), 2);
        QCOMPARE(table.total().lost, 1u);
        QCOMPARE(table.total().received, 4u);
        QCOMPARE(table.perSource().value(QStringLiteral("10.0.0.1:5000")).lost, 1u);
        table.clear();
        QCOMPARE(table.total().received, 0u);
    }

    // A duplicate further than kWindow below the highest is no longer remembered: it counts as out of order.
    void oldDuplicateOutsideWindow()
    {
        LossAccountant a;
        a.add({0, 0}, 0);
        a.add({LossAccountant::kWindow + 5, 0}, 0);
        a.add({0, 0}, 0);
        QCOMPARE(a.stats().duplicates, 0u);
        QCOMPARE(a.stats().outOfOrder, 1u);
        a.add({LossAccountant::kWindow + 4, 0}, 0);
        a.add({LossAccountant::kWindow + 4, 0}, 0);   // inside the window: a duplicate
        QCOMPARE(a.stats().duplicates, 1u);
    }

    // Issue #13: the sequence is unsigned 64-bit; numbers at and above 2^63 are sequenced like any other.
    void sequencesAbove2To63()
    {
        constexpr quint64 base = quint64(1) << 63;
        const QByteArray d = makeSequencedDatagram(base + 5, 0, {});
        const auto header = parseSequencedHeader(d);
        QVERIFY(header);
        QCOMPARE(header->sequence, base + 5);
        auto run = [](const QList<quint64> &sequences) {
            LossAccountant accountant;   // (feed() would overflow its send times up here)
            for (const quint64 sequence : sequences)
                accountant.add({sequence, 0}, 500);
            return accountant.stats();
        };
        const LossStats s = run({base - 1, base, base + 2, base + 1, base + 1});
        QCOMPARE(s.received, 5u);
        QCOMPARE(s.expected, 4u);
        QCOMPARE(s.lost, 0u);
        QCOMPARE(s.outOfOrder, 1u);
        QCOMPARE(s.duplicates, 1u);
        QCOMPARE(s.highest, base + 2);
        const quint64 top = std::numeric_limits<quint64>::max();
        const LossStats end = run({top - 2, top - 1, top});
        QCOMPARE(end.expected, 3u);
        QCOMPARE(end.lost, 0u);
        QCOMPARE(end.highest, top);
    }

    // No wrap-around: 0 after 2^64-1 is a (very) late datagram, and expected saturates instead of wrapping to 0.
    void noWrapAround()
    {
        const quint64 top = std::numeric_limits<quint64>::max();
        LossAccountant a;
        a.add({top - 1, 0}, 0);
        a.add({top, 0}, 0);
        a.add({0, 0}, 0);
        a.add({1, 0}, 0);
        const LossStats s = a.stats();
        QCOMPARE(s.received, 4u);
        QCOMPARE(s.outOfOrder, 2u);
        QCOMPARE(s.highest, top);
        QCOMPARE(s.expected, top);
        QCOMPARE(s.lost, top - 4);
    }

    // Totals add counts over sources; jitter is the worst source's, never a mean (issue #13: 10 ms and ~0 gave 5).
    void totalsCombine()
    {
        LossTable table;
        for (quint64 i = 0; i < 40; ++i) {
            // source A: transit alternates 0 / 20 ms (jitter climbs toward 20 ms); source B: constant transit.
            table.add(QStringLiteral("10.0.0.1:1"), {i, qint64(i) * 1000}, qint64(i) * 1000 + (i % 2 ? 20'000 : 0));
            table.add(QStringLiteral("10.0.0.2:1"), {i * 2, qint64(i) * 1000}, qint64(i) * 1000 + 300);
        }
        const LossStats a = table.perSource().value(QStringLiteral("10.0.0.1:1"));
        const LossStats b = table.perSource().value(QStringLiteral("10.0.0.2:1"));
        QVERIFY(a.jitterUs > 15'000);
        QCOMPARE(b.jitterUs, 0.0);
        const LossStats total = table.total();
        QCOMPARE(total.jitterUs, a.jitterUs);
        QCOMPARE(total.received, 80u);
        QCOMPARE(total.expected, 40u + 79u);
        QCOMPARE(total.lost, 39u);
        QCOMPARE(total.lost, a.lost + b.lost);
        QCOMPARE(total.highest, 78u);
    }
};

QTEST_APPLESS_MAIN(TestUdpLoss)
#include "tst_udploss.moc"

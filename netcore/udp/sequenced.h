#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

// Sequenced test mode: every datagram starts with a 20-byte header, like iperf3's UDP header, so a listener
// can count what was lost, reordered, duplicated, and how much the delay varied (jitter).
//
//   offset  size  field
//   0       4     magic "SKSQ" (0x53 0x4b 0x53 0x51)
//   4       8     sequence number, unsigned, big-endian, 0 for the first datagram of a run (all 64 bits count:
//                 2^63 and above are sequence numbers like any other; there is no wrap-around, see LossAccountant)
//   12      8     send time, microseconds since the Unix epoch (UTC), signed, big-endian
//   20      ...   filler up to the requested datagram size (the payload, cut or zero-padded)
namespace netcore::udp {

constexpr qsizetype kSequencedHeaderSize = 20;
inline constexpr char kSequencedMagic[] = "SKSQ";

struct SequencedHeader {
    quint64 sequence = 0;
    qint64 sendTimeUs = 0;
};

// The datagram for `sequence`: header, then `payload` (cut or zero-padded so the datagram is `size` bytes when
// size >= kSequencedHeaderSize; size < 0 keeps the whole payload).
QByteArray makeSequencedDatagram(quint64 sequence, qint64 sendTimeUs, const QByteArray &payload, qsizetype size = -1);
// The header, if the datagram has one.
std::optional<SequencedHeader> parseSequencedHeader(const QByteArray &datagram);

// Loss accounting for one stream (one source), in the spirit of RFC 3550 (RTP) appendix A.3 / A.8:
//   expected  = highest - lowest + 1 sequence seen
//   lost      = expected - distinct sequences received (never negative)
//   outOfOrder: arrived after a higher sequence (late, but not a duplicate)
//   duplicate : a sequence already received (remembered for the last kWindow sequences below the highest)
//   jitter    : J += (|D| - J) / 16 with D the change in transit time (arrival - send time) between consecutive
//               arrivals, in microseconds (the clocks need not agree: a constant offset cancels out).
// Sequence numbers compare as plain unsigned 64-bit integers: no wrap-around (at 10^9 datagrams/s a run would need
// 584 years to reach 2^64). A sender that jumps from near 2^64-1 back to 0 is taken at its word: the small numbers
// arrive after a higher one (out of order) and the span between them is expected (and lost); expected saturates at
// 2^64-1.
struct LossStats {
    quint64 received = 0;     // datagrams with a header, duplicates included
    quint64 expected = 0;
    quint64 lost = 0;
    quint64 outOfOrder = 0;
    quint64 duplicates = 0;
    double jitterUs = 0;
    quint64 highest = 0;      // highest sequence seen
    bool operator==(const LossStats &) const = default;
};

class LossAccountant
{
public:
    static constexpr quint64 kWindow = 1 << 16;

    void add(const SequencedHeader &header, qint64 arrivalUs);
    LossStats stats() const;
    void reset() { *this = LossAccountant(); }

private:
    bool seen(quint64 sequence) const;
    void mark(quint64 sequence);

    bool m_started = false;
    quint64 m_lowest = 0;
    quint64 m_highest = 0;
    quint64 m_distinct = 0;
    quint64 m_received = 0;
    quint64 m_outOfOrder = 0;
    quint64 m_duplicates = 0;
    double m_jitterUs = 0;
    qint64 m_lastTransitUs = 0;
    std::vector<quint64> m_bits = std::vector<quint64>(kWindow / 64); // seen-bitmap, indexed by sequence % kWindow
};

// One accountant per source endpoint ("1.2.3.4:5678"), at most kMaxSources (later sources are counted in
// `untracked`), and the totals over all of them: received, expected, lost, outOfOrder and duplicates are sums
// over the sources; highest and jitterUs are the largest of any source (jitter is a property of one stream: a
// mean over streams would describe none of them).
class LossTable
{
public:
    static constexpr qsizetype kMaxSources = 4096;

    void add(const QString &source, const SequencedHeader &header, qint64 arrivalUs);
    LossStats total() const;
    QHash<QString, LossStats> perSource() const;
    quint64 untracked() const { return m_untracked; }
    void clear();

private:
    QHash<QString, LossAccountant> m_sources;
    quint64 m_untracked = 0;
};

} // namespace netcore::udp

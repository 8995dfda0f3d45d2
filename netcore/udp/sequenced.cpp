#include "netcore/udp/sequenced.h"

#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>

namespace netcore::udp {

QByteArray makeSequencedDatagram(quint64 sequence, qint64 sendTimeUs, const QByteArray &payload, qsizetype size)
{
    QByteArray datagram(kSequencedHeaderSize, '\0');
    std::memcpy(datagram.data(), kSequencedMagic, 4);
    qToBigEndian(sequence, datagram.data() + 4);
    qToBigEndian(sendTimeUs, datagram.data() + 12);
    if (size < 0) {
        datagram += payload;
    } else if (size > kSequencedHeaderSize) {
        datagram += payload.left(size - kSequencedHeaderSize);
        datagram.resize(size, '\0');
    }
    return datagram;
}

std::optional<SequencedHeader> parseSequencedHeader(const QByteArray &datagram)
{
    if (datagram.size() < kSequencedHeaderSize || std::memcmp(datagram.constData(), kSequencedMagic, 4) != 0)
        return std::nullopt;
    return SequencedHeader{qFromBigEndian<quint64>(datagram.constData() + 4), qFromBigEndian<qint64>(datagram.constData() + 12)};
}

bool LossAccountant::seen(quint64 sequence) const
{
    const quint64 slot = sequence % kWindow;
    return (m_bits[slot / 64] >> (slot % 64)) & 1;
}

void LossAccountant::mark(quint64 sequence)
{
    const quint64 slot = sequence % kWindow;
    m_bits[slot / 64] |= quint64(1) << (slot % 64);
}

void LossAccountant::add(const SequencedHeader &header, qint64 arrivalUs)
{
    const quint64 s = header.sequence;
    ++m_received;
    const qint64 transit = arrivalUs - header.sendTimeUs;
    if (m_started) {
        const double d = std::fabs(double(transit - m_lastTransitUs));
        m_jitterUs += (d - m_jitterUs) / 16.0;
    }
    m_lastTransitUs = transit;
    if (!m_started) {
        m_started = true;
        m_lowest = m_highest = s;
        m_distinct = 1;
        mark(s);
        return;
    }
    if (s > m_highest) {
        // Forget the slots that the window slides past (they now stand for newer sequences).
        const quint64 advance = s - m_highest;
        if (advance >= kWindow) {
            std::fill(m_bits.begin(), m_bits.end(), 0);
        } else {
            // Counted by steps, not `k <= s`: with s = 2^64-1 that condition never turns false.
            for (quint64 step = 1; step <= advance; ++step) {
                const quint64 slot = (m_highest + step) % kWindow;
                m_bits[slot / 64] &= ~(quint64(1) << (slot % 64));
            }
        }
        m_highest = s;
        mark(s);
        ++m_distinct;
        return;
    }
    const bool inWindow = m_highest - s < kWindow;
    if (s >= m_lowest && inWindow && seen(s)) {
        ++m_duplicates;
        return;
    }
    ++m_outOfOrder;
    ++m_distinct;
    if (s < m_lowest)
        m_lowest = s;
    if (inWindow)
        mark(s);
}

LossStats LossAccountant::stats() const
{
    LossStats stats;
    if (!m_started)
        return stats;
    stats.received = m_received;
    const quint64 span = m_highest - m_lowest;
    stats.expected = span == std::numeric_limits<quint64>::max() ? span : span + 1;   // saturates, never wraps to 0
    stats.lost = stats.expected > m_distinct ? stats.expected - m_distinct : 0;
    stats.outOfOrder = m_outOfOrder;
    stats.duplicates = m_duplicates;
    stats.jitterUs = m_jitterUs;
    stats.highest = m_highest;
    return stats;
}

void LossTable::add(const QString &source, const SequencedHeader &header, qint64 arrivalUs)
{
    auto it = m_sources.find(source);
    if (it == m_sources.end()) {
        if (m_sources.size() >= kMaxSources) {
            ++m_untracked;
            return;
        }
        it = m_sources.insert(source, LossAccountant());
    }
    it->add(header, arrivalUs);
}

LossStats LossTable::total() const
{
    LossStats total;
    for (const LossAccountant &accountant : m_sources) {
        const LossStats s = accountant.stats();
        total.received += s.received;
        total.expected += s.expected;
        total.lost += s.lost;
        total.outOfOrder += s.outOfOrder;
        total.duplicates += s.duplicates;
        total.highest = std::max(total.highest, s.highest);
        total.jitterUs = std::max(total.jitterUs, s.jitterUs);   // the worst source's, never a mean
    }
    return total;
}

QHash<QString, LossStats> LossTable::perSource() const
{
    QHash<QString, LossStats> result;
    for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it)
        result.insert(it.key(), it->stats());
    return result;
}

void LossTable::clear()
{
    m_sources.clear();
    m_untracked = 0;
}

} // namespace netcore::udp

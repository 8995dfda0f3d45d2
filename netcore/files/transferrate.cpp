#include "netcore/files/transferrate.h"

#include <cmath>

namespace netcore::files {

void TransferRate::start(qint64 done, qint64 nowMs)
{
    m_done = done;
    m_sampleDone = done;
    m_sampleMs = nowMs;
    m_rate = 0.0;
    m_haveRate = false;
}

void TransferRate::update(qint64 done, qint64 nowMs)
{
    m_done = done;
    const qint64 elapsed = nowMs - m_sampleMs;
    if (elapsed < kMinSampleMs)
        return;
    const double instant = double(done - m_sampleDone) * 1000.0 / double(elapsed);
    if (!m_haveRate) {
        m_rate = instant;
        m_haveRate = true;
    } else {
        const double weight = 1.0 - std::exp(-double(elapsed) / kMemoryMs);
        m_rate += weight * (instant - m_rate);
    }
    m_sampleDone = done;
    m_sampleMs = nowMs;
}

std::optional<qint64> TransferRate::secondsLeft(qint64 total) const
{
    if (total < 0 || !m_haveRate || m_rate <= 1.0)
        return std::nullopt;
    return qint64(std::ceil(double(qMax<qint64>(0, total - m_done)) / m_rate));
}

} // namespace netcore::files

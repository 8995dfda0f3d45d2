#pragma once

#include <QtGlobal>

#include <optional>

namespace netcore::files {

// Smoothed transfer speed and time left, for progress displays (CLI and tab). Pure: the caller passes the clock.
// Samples closer than kMinSampleMs are merged; the speed is an exponential moving average with a ~2 s memory.
class TransferRate final
{
public:
    static constexpr qint64 kMinSampleMs = 200;
    static constexpr double kMemoryMs = 2000.0;

    void start(qint64 done, qint64 nowMs);
    void update(qint64 done, qint64 nowMs);
    double bytesPerSecond() const { return m_rate; }
    // Seconds left to reach `total`; nullopt while the speed is unknown or total is unknown (< 0).
    std::optional<qint64> secondsLeft(qint64 total) const;
    qint64 done() const { return m_done; }

private:
    qint64 m_done = 0;
    qint64 m_sampleDone = 0;
    qint64 m_sampleMs = 0;
    double m_rate = 0.0;
    bool m_haveRate = false;
};

} // namespace netcore::files

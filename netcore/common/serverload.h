#pragma once

#include <QtGlobal>

#include <atomic>
#include <cstddef>

// What a server holds and refused, live. One per server; its connections (in any thread) update it through
// ConnectionGuard, the server through Server::admit(). Tests, the soak and the classroom panel read it: a
// bound is asserted on these counters (peaks included), never on RSS.
namespace netcore::common {

// Why a connection was ended by its server: which deadline it missed, or which bound it hit.
enum class Deadline : quint8 {
    Hello,     // connected, never joined / said hello
    Request,   // a request begun and not completed in time
    Idle,      // no complete request, nothing moved
    Drain,     // output pending, not taken
    Rate,      // a transfer below the minimum rate
    Count
};

class ServerLoad final
{
    Q_DISABLE_COPY_MOVE(ServerLoad)

public:
    ServerLoad() = default;

    // Bytes written to sockets and not yet taken by the kernel (plus output a server holds back, e.g. a drip).
    void addQueued(qint64 delta) { add(m_queued, m_peakQueued, delta); }
    qint64 queued() const { return m_queued.load(); }
    qint64 peakQueued() const { return m_peakQueued.load(); }

    // Input held by connections (partial requests, bodies being received).
    void addBuffered(qint64 delta) { add(m_buffered, m_peakBuffered, delta); }
    qint64 buffered() const { return m_buffered.load(); }
    qint64 peakBuffered() const { return m_peakBuffered.load(); }
    // Reserves `bytes` of buffered input if the total stays within `budget` (0: no budget); false otherwise.
    bool tryAddBuffered(qint64 bytes, qint64 budget);

    // Largest unsent output one connection had (the per-connection bound).
    void notePerConnectionQueued(qint64 bytes) { raise(m_peakConnectionQueued, bytes); }
    qint64 peakConnectionQueued() const { return m_peakConnectionQueued.load(); }

    void countRefusedServerFull() { ++m_refusedServerFull; }
    void countRefusedHostFull() { ++m_refusedHostFull; }
    void countRefusedBudget() { ++m_refusedBudget; }
    void countAcceptFailure() { ++m_acceptFailures; }
    void countExpired(Deadline which) { ++m_expired[std::size_t(which)]; }
    void countPausedReading() { ++m_pausedReading; }

    qint64 refusedServerFull() const { return m_refusedServerFull.load(); }
    qint64 refusedHostFull() const { return m_refusedHostFull.load(); }
    qint64 refusedBudget() const { return m_refusedBudget.load(); }
    qint64 acceptFailures() const { return m_acceptFailures.load(); }
    qint64 expired(Deadline which) const { return m_expired[std::size_t(which)].load(); }
    qint64 pausedReading() const { return m_pausedReading.load(); }   // times a connection's reading waited for output

private:
    static void raise(std::atomic<qint64> &peak, qint64 value)
    {
        qint64 seen = peak.load();
        while (value > seen && !peak.compare_exchange_weak(seen, value)) {
        }
    }
    static void add(std::atomic<qint64> &value, std::atomic<qint64> &peak, qint64 delta)
    {
        raise(peak, value.fetch_add(delta) + delta);
    }

    std::atomic<qint64> m_queued{0};
    std::atomic<qint64> m_peakQueued{0};
    std::atomic<qint64> m_buffered{0};
    std::atomic<qint64> m_peakBuffered{0};
    std::atomic<qint64> m_peakConnectionQueued{0};
    std::atomic<qint64> m_refusedServerFull{0};
    std::atomic<qint64> m_refusedHostFull{0};
    std::atomic<qint64> m_refusedBudget{0};
    std::atomic<qint64> m_acceptFailures{0};
    std::atomic<qint64> m_pausedReading{0};
    std::atomic<qint64> m_expired[std::size_t(Deadline::Count)] = {};
};

inline bool ServerLoad::tryAddBuffered(qint64 bytes, qint64 budget)
{
    qint64 seen = m_buffered.load();
    for (;;) {
        if (budget > 0 && bytes > 0 && seen + bytes > budget)
            return false;
        if (m_buffered.compare_exchange_weak(seen, seen + bytes))
            break;
    }
    raise(m_peakBuffered, seen + bytes);
    return true;
}

} // namespace netcore::common

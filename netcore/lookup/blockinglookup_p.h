#pragma once

// Internal: what HostLookup and ReverseLookup share. One blocking resolver call (getaddrinfo, getnameinfo) at a
// time on a detached worker thread, its result delivered on the engine's thread; a new lookup supersedes the
// running one, cancel() forgets it, and a timeout reports it as ResolveError::Timeout (the call itself cannot be
// interrupted: its late result is dropped).

#include "netcore/lookup/resolveerror.h"
#include "netcore/lookup/resultgate_p.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>

namespace netcore::lookup::detail {

// Result: a result struct with id, error, elapsedUs and systemMessage fields (HostLookupResult, ReverseLookupResult).
template<typename Result>
class BlockingLookup final
{
public:
    // `finished` is called on the owner's thread with every outcome (Q_EMIT the engine's signal there).
    BlockingLookup(QObject *owner, std::chrono::milliseconds timeout, std::function<void(const Result &)> finished)
        : m_owner(owner), m_gate(std::make_shared<ResultGate>(owner)), m_finished(std::move(finished)), m_timeout(timeout)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, owner, [this] {
            if (m_currentId == 0)
                return;
            Result result = m_pending;
            result.error = ResolveError::Timeout;
            result.elapsedUs = m_elapsed.nsecsElapsed() / 1000;
            m_currentId = 0;
            m_finished(result);
        });
    }
    ~BlockingLookup() { m_gate->close(); }
    BlockingLookup(const BlockingLookup &) = delete;
    BlockingLookup &operator=(const BlockingLookup &) = delete;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    bool isRunning() const { return m_currentId != 0; }
    void cancel()
    {
        m_currentId = 0;
        m_timer.stop();
    }

    // Starts a lookup of `request` (its id is filled in and returned). When `valid` is false it ends at once, as
    // InvalidInput, without a thread. `resolve(Result) -> Result` runs on the worker thread.
    template<typename Resolve>
    quint64 start(Result request, bool valid, Resolve resolve)
    {
        cancel();
        const quint64 id = ++m_lastId;
        m_currentId = id;
        request.id = id;
        m_pending = request;
        m_elapsed.start();
        if (!valid) {
            request.error = ResolveError::InvalidInput;
            deliverLater(request);
            return id;
        }
        m_timer.start(m_timeout);
        const std::shared_ptr<ResultGate> gate = m_gate;
        const bool started = startDetached([this, gate, request, resolve] {
            const Result result = resolve(request);
            gate->post([this, result] { deliver(result); });   // runs only while the engine (and so this) lives
        });
        if (!started) {
            request.error = ResolveError::Other;
            request.systemMessage = QString::fromLocal8Bit(std::strerror(EAGAIN));
            deliverLater(request);
        }
        return id;
    }

private:
    void deliver(const Result &result)
    {
        if (result.id != m_currentId)
            return;   // cancelled, superseded or timed out
        m_currentId = 0;
        m_timer.stop();
        m_finished(result);
    }
    void deliverLater(const Result &result)
    {
        QMetaObject::invokeMethod(m_owner, [this, result] { deliver(result); }, Qt::QueuedConnection);
    }

    QObject *m_owner;
    std::shared_ptr<ResultGate> m_gate;
    std::function<void(const Result &)> m_finished;
    std::chrono::milliseconds m_timeout;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    Result m_pending;          // what a timeout reports
    quint64 m_lastId = 0;
    quint64 m_currentId = 0;   // 0 when idle
};

} // namespace netcore::lookup::detail

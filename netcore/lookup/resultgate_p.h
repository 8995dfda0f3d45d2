#pragma once

// Internal: how the lookup engines hand a worker thread's result back to their own thread.

#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace netcore::lookup::detail {

// Shared (std::shared_ptr) by an engine and its worker threads. A worker posts its result through post();
// the engine closes the gate in its destructor. The mutex makes "still alive? then post" atomic with respect
// to the destructor, and Qt discards events posted to an object when it is destroyed, so a result that
// arrives late is dropped, never delivered to a dead object.
class ResultGate final
{
public:
    explicit ResultGate(QObject *target) : m_target(target) {}

    void close()
    {
        const std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

    // Runs `function` in the target's thread (queued) if the target still exists.
    template<typename Function>
    void post(Function &&function)
    {
        const std::lock_guard lock(m_mutex);
        if (m_target)
            QMetaObject::invokeMethod(m_target, std::forward<Function>(function), Qt::QueuedConnection);
    }

private:
    std::mutex m_mutex;
    QObject *m_target;
};

// Starts `work` on a detached thread (getaddrinfo/getnameinfo cannot be interrupted, so nobody may wait for
// it: not the engine's destructor, not application exit). Returns false if no thread could be created.
template<typename Work>
bool startDetached(Work &&work)
{
    try {
        std::thread(std::forward<Work>(work)).detach();
        return true;
    } catch (const std::system_error &) {
        return false;
    }
}

} // namespace netcore::lookup::detail

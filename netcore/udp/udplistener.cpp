#include "netcore/udp/udplistener.h"

#include "netcore/udp/listenerworker.h"

#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace netcore::udp {

UdpListener::UdpListener(QObject *parent)
    : QObject(parent), m_batchTimer(new QTimer(this))
{
    m_batchTimer->setInterval(kBatchInterval);
    connect(m_batchTimer, &QTimer::timeout, this, &UdpListener::onBatchTimer);
}

UdpListener::~UdpListener()
{
    stop();
}

void UdpListener::setTranscript(common::Transcript *transcript)
{
    m_transcript = transcript;
    if (m_worker)
        m_worker->setTranscript(transcript);
}

bool UdpListener::runOnWorker(const std::function<bool()> &job)
{
    if (!m_worker)
        return false;
    bool result = false;
    QMetaObject::invokeMethod(m_worker, [&result, &job] { result = job(); }, Qt::BlockingQueuedConnection);
    return result;
}

bool UdpListener::start(const ListenerOptions &options)
{
    stop();
    m_error = Error::Count;
    m_errorDetail = {};
    m_thread = new QThread(this);
    m_thread->setObjectName(u"udp-listener"_s);
    m_worker = new ListenerWorker; // no parent: it moves to the thread, deleted when the thread finishes
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->setTranscript(m_transcript);
    m_thread->start();
    Error error = Error::Count;
    common::ErrorDetail detail;
    ListenerWorker *worker = m_worker;
    const bool ok = runOnWorker([worker, &options, &error, &detail, this] {
        if (!worker->open(options, &error, &detail))
            return false;
        m_localAddress = worker->localAddress();
        m_localPort = worker->localPort();
        m_socketOptions = worker->socketOptions();
        return true;
    });
    if (!ok) {
        stop();
        return fail(error, detail);
    }
    m_groups = options.groups;
    m_state = State::Listening;
    m_batchTimer->start();
    Q_EMIT stateChanged(m_state);
    return true;
}

void UdpListener::stop()
{
    if (!m_thread)
        return;
    m_batchTimer->stop();
    ListenerWorker *worker = m_worker;
    runOnWorker([worker] {
        worker->close();
        return true;
    });
    onBatchTimer(); // deliver what arrived before the close
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr; // deleted by the finished thread (deleteLater runs before the thread's loop ends)
    m_groups.clear();
    m_localPort = 0;
    if (m_state != State::Idle) {
        m_state = State::Idle;
        Q_EMIT stateChanged(m_state);
    }
}

bool UdpListener::joinGroup(const QHostAddress &group, const QString &interfaceName)
{
    Error error = Error::NotListening;
    common::ErrorDetail detail;
    ListenerWorker *worker = m_worker;
    const bool ok = runOnWorker([worker, &group, &interfaceName, &error, &detail] {
        return worker->join(group, interfaceName, &error, &detail);
    });
    if (!ok)
        return fail(error, detail);
    if (!m_groups.contains(group))
        m_groups.append(group);
    m_socketOptions = [this] {
        QList<SocketOption> options;
        ListenerWorker *w = m_worker;
        runOnWorker([w, &options] { options = w->socketOptions(); return true; });
        return options;
    }();
    return true;
}

bool UdpListener::leaveGroup(const QHostAddress &group, const QString &interfaceName)
{
    Error error = Error::NotListening;
    common::ErrorDetail detail;
    ListenerWorker *worker = m_worker;
    const bool ok = runOnWorker([worker, &group, &interfaceName, &error, &detail] {
        return worker->leave(group, interfaceName, &error, &detail);
    });
    if (!ok)
        return fail(error, detail);
    m_groups.removeAll(group);
    return true;
}

bool UdpListener::fail(Error error, const common::ErrorDetail &detail)
{
    m_error = error;
    m_errorDetail = detail;
    Q_EMIT errorOccurred(error);
    return false;
}

void UdpListener::setReply(bool enabled, const QByteArray &reply)
{
    ListenerWorker *worker = m_worker;
    runOnWorker([worker, enabled, &reply] {
        worker->setReply(enabled, reply);
        return true;
    });
}

ListenerCounters UdpListener::counters() const
{
    return m_worker ? m_worker->counters() : ListenerCounters{};
}

QList<UdpPeer> UdpListener::peers() const
{
    return m_worker ? m_worker->peers() : QList<UdpPeer>{};
}

QHash<QString, LossStats> UdpListener::lossPerSource() const
{
    return m_worker ? m_worker->lossPerSource() : QHash<QString, LossStats>{};
}

void UdpListener::resetCounters()
{
    if (m_worker)
        m_worker->resetCounters();
}

void UdpListener::onBatchTimer()
{
    if (!m_worker)
        return;
    QList<Datagram> batch = m_worker->takePending();
    if (!batch.isEmpty())
        Q_EMIT datagramsReceived(batch);
}

} // namespace netcore::udp

#include "netcore/common/transcript.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace netcore::common {

QString endpointString(const QHostAddress &address, quint16 port)
{
    if (address.isNull())
        return {};
    // A v4-mapped v6 address (::ffff:1.2.3.4, what a dual-stack server sees) reads as plain IPv4.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString() + u':' + QString::number(port);
    return u'[' + address.toString() + u"]:"_s + QString::number(port);
}

namespace {

// What an entry holds that a peer may control: its bytes, or an event's arguments (a name, a peer's words).
qsizetype payloadSize(const TranscriptEntry &entry)
{
    qsizetype size = entry.bytes.size();
    for (const QString &arg : entry.event.args)
        size += arg.size() * qsizetype(sizeof(QChar));
    return size;
}

} // namespace

Transcript::Transcript(QObject *parent)
    : QObject(parent)
    , m_notifyTimer(new QTimer(this))
{
    m_notifyTimer->setSingleShot(true);
    m_notifyTimer->setInterval(kNotifyInterval);
    connect(m_notifyTimer, &QTimer::timeout, this, &Transcript::onNotifyTimeout);
}

Transcript::~Transcript() = default;

qint64 Transcript::nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

void Transcript::append(Direction direction, const QByteArray &bytes, const QString &local, const QString &peer)
{
    TranscriptEntry entry;
    entry.direction = direction;
    entry.local = local;
    entry.peer = peer;
    entry.bytes = bytes;
    add(std::move(entry));
}

void Transcript::appendEvent(const TranscriptEvent &event, const QString &local, const QString &peer)
{
    TranscriptEntry entry;
    entry.direction = Direction::Event;
    entry.local = local;
    entry.peer = peer;
    entry.event = event;
    add(std::move(entry));
}

void Transcript::add(TranscriptEntry entry)
{
    entry.monotonicUs = nowUs();
    entry.wallMs = QDateTime::currentMSecsSinceEpoch();

    bool startTimer = false;
    {
        QMutexLocker locker(&m_mutex);
        if (m_originUs == 0) // first entry since creation / clear()
            m_originUs = entry.monotonicUs;
        entry.sequence = m_nextSequence++;
        m_byteSize += payloadSize(entry);
        m_entries.push_back(std::move(entry));
        ++m_pendingAdded;
        evictLocked();
        scheduleNotifyLocked(startTimer);
    }
    startNotifyTimer(startTimer);
}

// Drops the oldest entries until both bounds hold; the newest entry always stays.
void Transcript::evictLocked()
{
    while (m_entries.size() > 1
           && (qsizetype(m_entries.size()) > m_capacity || m_byteSize > m_byteCapacity)) {
        m_byteSize -= payloadSize(m_entries.front());
        m_entries.pop_front();
        ++m_firstSequence;
        ++m_pendingEvicted;
        ++m_evictedTotal;
    }
}

void Transcript::scheduleNotifyLocked(bool &startTimer)
{
    if (!m_notifyScheduled) {
        m_notifyScheduled = true;
        startTimer = true;
    }
}

// Starts the notification timer in the transcript's own thread (a worker thread only posts a request).
void Transcript::startNotifyTimer(bool startTimer)
{
    if (!startTimer)
        return;
    if (QThread::currentThread() == thread()) {
        m_notifyTimer->start();
        return;
    }
    QMetaObject::invokeMethod(
        this, [this] { m_notifyTimer->start(); }, Qt::QueuedConnection);
}

void Transcript::onNotifyTimeout()
{
    qsizetype added = 0;
    qsizetype evicted = 0;
    bool wasCleared = false;
    quint64 first = 0;
    quint64 end = 0;
    {
        QMutexLocker locker(&m_mutex);
        added = std::exchange(m_pendingAdded, 0);
        evicted = std::exchange(m_pendingEvicted, 0);
        wasCleared = std::exchange(m_pendingCleared, false);
        m_notifyScheduled = false;
        first = m_firstSequence;
        end = m_nextSequence;
    }
    // After a clear the counts are relative to the cleared (empty) state at end - added.
    if (wasCleared)
        Q_EMIT cleared(end - quint64(added));
    if (added > 0 || evicted > 0)
        Q_EMIT entriesAdded(first, end, added, evicted);
}

void Transcript::setCapacity(qsizetype entries)
{
    bool startTimer = false;
    {
        QMutexLocker locker(&m_mutex);
        m_capacity = std::clamp<qsizetype>(entries, 1, kMaxCapacity);
        const qsizetype before = m_pendingEvicted;
        evictLocked();
        if (m_pendingEvicted != before)
            scheduleNotifyLocked(startTimer);
    }
    startNotifyTimer(startTimer);
}

qsizetype Transcript::capacity() const
{
    QMutexLocker locker(&m_mutex);
    return m_capacity;
}

void Transcript::setByteCapacity(qsizetype bytes)
{
    bool startTimer = false;
    {
        QMutexLocker locker(&m_mutex);
        m_byteCapacity = std::max<qsizetype>(bytes, 1);
        const qsizetype before = m_pendingEvicted;
        evictLocked();
        if (m_pendingEvicted != before)
            scheduleNotifyLocked(startTimer);
    }
    startNotifyTimer(startTimer);
}

qsizetype Transcript::byteCapacity() const
{
    QMutexLocker locker(&m_mutex);
    return m_byteCapacity;
}

qsizetype Transcript::size() const
{
    QMutexLocker locker(&m_mutex);
    return qsizetype(m_entries.size());
}

qsizetype Transcript::byteSize() const
{
    QMutexLocker locker(&m_mutex);
    return m_byteSize;
}

quint64 Transcript::firstSequence() const
{
    QMutexLocker locker(&m_mutex);
    return m_firstSequence;
}

quint64 Transcript::endSequence() const
{
    QMutexLocker locker(&m_mutex);
    return m_nextSequence;
}

TranscriptRange Transcript::range() const
{
    QMutexLocker locker(&m_mutex);
    return {m_firstSequence, m_nextSequence, m_originUs};
}

quint64 Transcript::evictedTotal() const
{
    QMutexLocker locker(&m_mutex);
    return m_evictedTotal;
}

std::optional<TranscriptEntry> Transcript::entry(quint64 sequence) const
{
    QMutexLocker locker(&m_mutex);
    if (sequence < m_firstSequence || sequence >= m_nextSequence)
        return std::nullopt;
    return m_entries[std::size_t(sequence - m_firstSequence)];
}

QList<TranscriptEntry> Transcript::entries(quint64 fromSequence, qsizetype maxCount) const
{
    QMutexLocker locker(&m_mutex);
    const quint64 from = std::max(fromSequence, m_firstSequence);
    if (from >= m_nextSequence || maxCount <= 0)
        return {};
    const quint64 count = std::min<quint64>(m_nextSequence - from, quint64(maxCount));
    QList<TranscriptEntry> result;
    result.reserve(qsizetype(count));
    const auto begin = m_entries.begin() + std::ptrdiff_t(from - m_firstSequence);
    std::copy(begin, begin + std::ptrdiff_t(count), std::back_inserter(result));
    return result;
}

QList<TranscriptEntry> Transcript::entries() const
{
    QMutexLocker locker(&m_mutex);
    return QList<TranscriptEntry>(m_entries.begin(), m_entries.end());
}

void Transcript::clear()
{
    const bool sameThread = QThread::currentThread() == thread();
    bool startTimer = false;
    {
        QMutexLocker locker(&m_mutex);
        m_entries.clear();
        m_firstSequence = m_nextSequence;
        m_byteSize = 0;
        m_originUs = 0;
        m_evictedTotal = 0;
        m_pendingAdded = 0;
        m_pendingEvicted = 0;
        m_pendingCleared = true;
        if (!sameThread)
            scheduleNotifyLocked(startTimer);
    }
    if (sameThread) {
        onNotifyTimeout(); // the user pressed Clear: the view empties now, not 50 ms later
        return;
    }
    startNotifyTimer(startTimer);
}

} // namespace netcore::common

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <deque>
#include <optional>

// NOTE for implementers: the public append API below is what every engine calls; keep it stable.

class QTimer;

namespace netcore::common {

// Which way the bytes went, or a non-byte event (connected, closed, error, lookup done...).
enum class Direction : quint8 { Sent, Received, Event };

// Which capability a transcript event belongs to. Its code is a value of that capability's `Event` enum
// (netcore::common::Event for the shared ones). Values are stored in saved transcripts: append only.
enum class EventArea : quint8 { Common, Lookup, Chat, Files, Udp, Http, Tcp };

// The events every engine shares. Append only (saved transcripts store the numbers).
enum class Event : quint16 {
    Text,               // {text}: free text, only from a transcript saved before events were typed (format 1)
    Connecting,         // {peer}
    Connected,          // {} (local and peer are the entry's endpoints)
    Closed,             // {}: we closed the connection
    PeerClosed,         // {}: the other side closed it (a normal end)
    Failed,             // {reason}: a network error, reason as the socket reported it (untranslated data)
    Listening,          // {endpoint}
    StoppedListening,   // {}
    ClientConnected,    // {client id}
    ClientDisconnected, // {client id}
    ClientRefused,      // {limit}: the server already had its maximum number of clients
    IdleTimeout,        // {seconds}: nothing moved for that long, closed
    SendFailed,         // {reason}
    // keep last
    Count
};
constexpr EventArea eventAreaOf(Event) { return EventArea::Common; }

// A typed event: what happened (area + code) and its arguments (names, numbers, addresses: data, never
// sentences). presentation::common::eventText() turns it into a translated sentence where it is shown.
struct TranscriptEvent {
    EventArea area = EventArea::Common;
    quint16 code = 0;
    QStringList args;

    friend bool operator==(const TranscriptEvent &, const TranscriptEvent &) = default;
};

// "127.0.0.1:8888", "[::1]:80"; an empty string for a null address.
QString endpointString(const QHostAddress &address, quint16 port);

struct TranscriptEntry {
    quint64 sequence = 0;     // increases by one per entry over the transcript's life (survives ring eviction)
    qint64 monotonicUs = 0;   // steady clock, microseconds (Transcript::nowUs())
    qint64 wallMs = 0;        // wall clock, ms since the Unix epoch (UTC)
    Direction direction = Direction::Event;
    QString local;            // endpointString() of our side, may be empty
    QString peer;             // endpointString() of the other side, may be empty
    QByteArray bytes;         // the exact bytes (empty for an Event)
    TranscriptEvent event;    // what happened, for Direction::Event

    friend bool operator==(const TranscriptEntry &, const TranscriptEntry &) = default;
};

// The sequence numbers a transcript holds: [first, end). Empty when first == end.
struct TranscriptRange {
    quint64 first = 0;
    quint64 end = 0;
    qint64 originUs = 0;      // monotonicUs of the first entry since creation / clear() (0 before any entry)
};

// A bounded record of what an engine sent and received: a ring buffer of entries (oldest evicted past
// capacity), safe to append to from any thread, with change notifications batched (at most one
// entriesAdded per ~50 ms, delivered in the Transcript's own thread).
//
// Bounds: at most capacity() entries AND at most byteCapacity() payload bytes (an entry's bytes, or an event's
// arguments; the newest entry is always kept, even when it alone is larger). Sequence numbers never restart, not
// even after clear().
class Transcript final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transcript)

public:
    static constexpr qsizetype kDefaultCapacity = 100'000;
    static constexpr qsizetype kMaxCapacity = 10'000'000;
    static constexpr qsizetype kDefaultByteCapacity = qsizetype(64) * 1024 * 1024;
    static constexpr std::chrono::milliseconds kNotifyInterval{50};

    explicit Transcript(QObject *parent = nullptr);
    ~Transcript() override;

    // --- feeding (thread-safe) ---
    void append(Direction direction, const QByteArray &bytes, const QString &local = {}, const QString &peer = {});
    void appendEvent(const TranscriptEvent &event, const QString &local = {}, const QString &peer = {});
    // appendEvent(files::Event::Upload, {name}, local, peer): any capability's Event enum (found through its
    // eventAreaOf() overload).
    template <typename E>
    void appendEvent(E code, const QStringList &args = {}, const QString &local = {}, const QString &peer = {})
    {
        appendEvent(TranscriptEvent{eventAreaOf(code), quint16(code), args}, local, peer);
    }

    // Steady-clock microseconds, the time base of TranscriptEntry::monotonicUs.
    static qint64 nowUs();

    // --- bounds (thread-safe; shrinking evicts the oldest entries at once) ---
    void setCapacity(qsizetype entries);          // clamped to [1, kMaxCapacity]
    qsizetype capacity() const;
    void setByteCapacity(qsizetype bytes);        // clamped to >= 1
    qsizetype byteCapacity() const;

    // --- snapshots (thread-safe; entries are implicitly shared copies) ---
    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    qsizetype byteSize() const;                   // payload bytes held now (an event's arguments count too)
    quint64 firstSequence() const;
    quint64 endSequence() const;                  // sequence the next entry will get
    TranscriptRange range() const;                // first, end and origin read together
    quint64 evictedTotal() const;                 // entries dropped by the ring since creation / clear()
    std::optional<TranscriptEntry> entry(quint64 sequence) const;      // nullopt when evicted or not yet there
    QList<TranscriptEntry> entries(quint64 fromSequence, qsizetype maxCount) const;
    QList<TranscriptEntry> entries() const;       // everything held now, oldest first

    // Drops every entry (thread-safe). Emits cleared() at once when called in the transcript's thread.
    void clear();

Q_SIGNALS:
    // Batched: since the previous notification `added` entries were appended and `evicted` dropped from the
    // front; the transcript then held [firstSequence, endSequence). Emitted in the transcript's thread.
    void entriesAdded(quint64 firstSequence, quint64 endSequence, qsizetype added, qsizetype evicted);
    // Everything was dropped; the next entry gets nextSequence. Later entriesAdded counts start from here.
    void cleared(quint64 nextSequence);

private:
    void add(TranscriptEntry entry);   // stamps the times and the sequence number
    void evictLocked();
    void scheduleNotifyLocked(bool &startTimer);
    void startNotifyTimer(bool startTimer);
    void onNotifyTimeout();

    mutable QMutex m_mutex;
    std::deque<TranscriptEntry> m_entries;
    quint64 m_firstSequence = 0;
    quint64 m_nextSequence = 0;
    qint64 m_originUs = 0;
    qsizetype m_capacity = kDefaultCapacity;
    qsizetype m_byteCapacity = kDefaultByteCapacity;
    qsizetype m_byteSize = 0;
    quint64 m_evictedTotal = 0;
    // pending notification, guarded by m_mutex
    qsizetype m_pendingAdded = 0;
    qsizetype m_pendingEvicted = 0;
    bool m_pendingCleared = false;
    bool m_notifyScheduled = false;

    QTimer *m_notifyTimer = nullptr;
};

} // namespace netcore::common

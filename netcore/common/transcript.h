#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>

// NOTE for implementers: the public append API below is what every engine calls; keep it stable.

namespace netcore::common {

// Which way the bytes went, or a non-byte event (connected, closed, error, lookup done...).
enum class Direction : quint8 { Sent, Received, Event };

// "127.0.0.1:8888", "[::1]:80"; an empty string for a null address.
QString endpointString(const QHostAddress &address, quint16 port);

struct TranscriptEntry {
    quint64 sequence = 0;     // increases by one per entry over the transcript's life (survives ring eviction)
    qint64 monotonicUs = 0;   // steady clock, microseconds (Transcript::nowUs())
    qint64 wallMs = 0;        // wall clock, ms since the Unix epoch (UTC)
    Direction direction = Direction::Event;
    QString local;            // endpointString() of our side, may be empty
    QString peer;             // endpointString() of the other side, may be empty
    QByteArray bytes;         // the exact bytes; for Event, UTF-8 text
};

// A bounded record of what an engine sent and received: a ring buffer of entries (oldest evicted past
// capacity), safe to append to from any thread, with change notifications batched (at most one
// entriesAdded per ~50 ms, delivered in the Transcript's own thread).
class Transcript final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transcript)

public:
    static constexpr qsizetype kDefaultCapacity = 100'000;

    explicit Transcript(QObject *parent = nullptr);
    ~Transcript() override;

    // --- feeding (thread-safe) ---
    void append(Direction direction, const QByteArray &bytes, const QString &local = {}, const QString &peer = {});
    void appendEvent(const QString &text, const QString &local = {}, const QString &peer = {});

    // Steady-clock microseconds, the time base of TranscriptEntry::monotonicUs.
    static qint64 nowUs();

    // (The wire-view helper completes this class: capacity, snapshots, clear, batched signals.)
};

} // namespace netcore::common

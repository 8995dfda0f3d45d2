#pragma once

#include "netcore/tcp/encoding.h"
#include "netcore/tcp/tcpclient.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

// What the TCP tab's send box turns into writes: the payload (text in an encoding, with or without escapes, or hex;
// a line ending appended) and the plan of writes (repeat N times at an interval; each message split into pieces with
// a gap — 拆包 on demand; or several messages in one write — 粘包 on demand). Pure functions plus a small runner.
namespace widgets::tcp {

enum class PayloadFormat : quint8 { Text, Hex, Count };

struct ComposeOptions {
    PayloadFormat format = PayloadFormat::Text;
    netcore::tcp::TextEncoding encoding = netcore::tcp::TextEncoding::Utf8;
    bool escapes = true;
    netcore::tcp::LineEnding ending = netcore::tcp::LineEnding::None;
};

// The bytes of `text`, or nullopt with a translated reason in *error (an unencodable character names itself and its
// position; a bad escape or hex digit its position). With escapes on, \xNN is a raw byte whatever the encoding and
// every other character is written in the chosen encoding.
std::optional<QByteArray> composePayload(const QString &text, const ComposeOptions &options, QString *error);

enum class PieceMode : quint8 {
    Whole,     // one write per message
    Split,     // each message split into N writes with a gap (拆包 on demand)
    Batch,     // N messages in one write (粘包 on demand)
    Count
};

struct PlanOptions {
    int repeat = 1;                               // how many times the whole thing is sent
    std::chrono::milliseconds interval{0};        // between repeats
    PieceMode mode = PieceMode::Whole;
    int pieces = 2;                               // Split: writes per message; Batch: messages per write
    std::chrono::milliseconds gap{100};           // Split: between the pieces of one message
};

struct PlannedWrite {
    QByteArray bytes;
    std::chrono::milliseconds delay{0};           // wait before this write
};

// `message` cut into at most `pieces` parts of nearly equal size (never an empty part).
QList<QByteArray> splitPieces(const QByteArray &message, int pieces);
// Every write the options make of `message`, in order.
QList<PlannedWrite> buildPlan(const QByteArray &message, const PlanOptions &options);
// The bytes the plan would write in total (to refuse a plan too large before building it).
qint64 plannedBytes(qint64 messageSize, const PlanOptions &options);

// Runs a plan: writes through `write` (false stops the run), waiting each write's delay on a timer (a plan without
// delays is written at once, so its writes may still meet in one segment unless TCP_NODELAY is on).
class SendRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendRunner)

public:
    using Writer = std::function<bool(const QByteArray &)>;
    explicit SendRunner(QObject *parent = nullptr);

    void start(const QList<PlannedWrite> &plan, Writer write);
    void stop();
    bool isRunning() const { return m_next < m_plan.size(); }
    int writesDone() const { return int(m_next); }
    int writesPlanned() const { return int(m_plan.size()); }

Q_SIGNALS:
    void progress(int done, int planned);
    void finished();

private:
    void step();

    QList<PlannedWrite> m_plan;
    qsizetype m_next = 0;
    Writer m_write;
    QTimer m_timer;
};

// Streams a file of any size through `write`, one 64 KiB read at a time, never letting the target's unsent bytes
// (`unsent`: what Qt holds for it, not yet in the kernel) pass kHighWater: the file is not loaded, and a slow peer
// holds the sender back (TCP's window, then Qt's buffer, then us) instead of growing memory. It waits on a short
// timer while the target is full. Repeats and pieces do not apply: the file goes once, as it is.
class FileStreamer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileStreamer)

public:
    using Writer = SendRunner::Writer;
    using Unsent = std::function<qint64()>;
    static constexpr qint64 kChunk = qint64(64) * 1024;
    static constexpr qint64 kHighWater = qint64(1024) * 1024;
    static constexpr std::chrono::milliseconds kWait{5};

    explicit FileStreamer(QObject *parent = nullptr);

    // False when the file cannot be opened (*error: the system's reason). The first writes go at once.
    bool start(const QString &path, Writer write, Unsent unsent, QString *error);
    void stop();
    bool isRunning() const { return m_file.isOpen(); }
    qint64 bytesSent() const { return m_sent; }
    qint64 fileSize() const { return m_size; }
    qint64 peakUnsent() const { return m_peakUnsent; }   // the most the target held after one of our writes

Q_SIGNALS:
    void progress(qint64 sent, qint64 total);
    // complete: every byte was written; otherwise stopped, the target gone, or the file could not be read (`readError`).
    void finished(bool complete, const QString &readError);

private:
    void pump();
    void finish(bool complete, const QString &readError = {});

    QFile m_file;
    Writer m_write;
    Unsent m_unsent;
    qint64 m_sent = 0;
    qint64 m_size = 0;
    qint64 m_peakUnsent = 0;
    QTimer m_timer;
};

} // namespace widgets::tcp

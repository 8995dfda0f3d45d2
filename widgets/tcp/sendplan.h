#pragma once

#include "netcore/tcp/encoding.h"
#include "netcore/tcp/tcpclient.h"

#include <QByteArray>
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

} // namespace widgets::tcp

#include "widgets/tcp/sendplan.h"

#include "netcore/common/escapes.h"
#include "netcore/udp/payload.h"
#include "presentation/common/escapestext.h"
#include "presentation/tcp/tcptext.h"
#include "presentation/udp/udptext.h"

#include <QCoreApplication>

#include <algorithm>

namespace widgets::tcp {
namespace {

struct SendText {
    Q_DECLARE_TR_FUNCTIONS(widgets::tcp::SendBox)
};

} // namespace

std::optional<QByteArray> composePayload(const QString &text, const ComposeOptions &options, QString *error)
{
    std::optional<QByteArray> bytes;
    if (options.format == PayloadFormat::Hex) {
        netcore::udp::PayloadError hexError;
        bytes = netcore::udp::Payload::fromHex(text, &hexError);
        if (!bytes) {
            const QString why = presentation::udp::payloadErrorText(hexError);
            *error = hexError.position >= 0 ? SendText::tr("Character %1: %2").arg(hexError.position + 1).arg(why) : why;
            return std::nullopt;
        }
        return netcore::tcp::withLineEnding(*bytes, options.ending);
    }
    netcore::tcp::TypedTextError typedError;
    if (!options.escapes) {
        const netcore::tcp::EncodeResult result = netcore::tcp::encodeText(text, options.encoding);
        if (!result.ok()) {
            typedError = {netcore::tcp::TypedTextError::Kind::Unencodable, result.unencodable, {}, result.codePoint};
            *error = presentation::tcp::typedTextErrorText(text, typedError, options.encoding);
            return std::nullopt;
        }
        return netcore::tcp::withLineEnding(result.bytes, options.ending);
    }
    bytes = netcore::tcp::encodeTyped(text, options.encoding, &typedError);
    if (!bytes) {
        *error = presentation::tcp::typedTextErrorText(text, typedError, options.encoding);
        return std::nullopt;
    }
    return netcore::tcp::withLineEnding(*bytes, options.ending);
}

QList<QByteArray> splitPieces(const QByteArray &message, int pieces)
{
    const qsizetype n = std::clamp<qsizetype>(pieces, 1, std::max<qsizetype>(1, message.size()));
    QList<QByteArray> parts;
    qsizetype at = 0;
    for (qsizetype k = 0; k < n; ++k) {
        const qsizetype size = (message.size() - at) / (n - k);
        parts.append(message.mid(at, size));
        at += size;
    }
    return parts;
}

qint64 plannedBytes(qint64 messageSize, const PlanOptions &options)
{
    const qint64 perRepeat = options.mode == PieceMode::Batch ? messageSize * std::max(1, options.pieces) : messageSize;
    return perRepeat * std::max(1, options.repeat);
}

QList<PlannedWrite> buildPlan(const QByteArray &message, const PlanOptions &options)
{
    QList<PlannedWrite> plan;
    const int repeat = std::max(1, options.repeat);
    for (int r = 0; r < repeat; ++r) {
        const std::chrono::milliseconds first = r == 0 ? std::chrono::milliseconds(0) : options.interval;
        switch (options.mode) {
        case PieceMode::Split: {
            const QList<QByteArray> parts = splitPieces(message, options.pieces);
            for (qsizetype k = 0; k < parts.size(); ++k)
                plan.append({parts.at(k), k == 0 ? first : options.gap});
            break;
        }
        case PieceMode::Batch:
            plan.append({message.repeated(std::max(1, options.pieces)), first});
            break;
        case PieceMode::Whole:
        case PieceMode::Count:
            plan.append({message, first});
            break;
        }
    }
    return plan;
}

SendRunner::SendRunner(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SendRunner::step);
}

void SendRunner::start(const QList<PlannedWrite> &plan, Writer write)
{
    m_timer.stop();
    m_plan = plan;
    m_next = 0;
    m_write = std::move(write);
    step();
}

void SendRunner::stop()
{
    if (!isRunning())
        return;
    m_timer.stop();
    m_plan.clear();
    m_next = 0;
    Q_EMIT finished();
}

void SendRunner::step()
{
    // Write every due write; stop at the first that must wait.
    bool first = true;
    while (m_next < m_plan.size()) {
        const PlannedWrite &write = m_plan.at(m_next);
        if (!first && write.delay.count() > 0) {
            m_timer.start(write.delay);
            return;
        }
        first = false;
        if (!m_write(write.bytes)) {
            m_plan.clear();
            m_next = 0;
            Q_EMIT finished();
            return;
        }
        ++m_next;
        Q_EMIT progress(int(m_next), int(m_plan.size()));
    }
    Q_EMIT finished();
}

FileStreamer::FileStreamer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FileStreamer::pump);
}

bool FileStreamer::start(const QString &path, Writer write, Unsent unsent, QString *error)
{
    stop();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_write = std::move(write);
    m_unsent = std::move(unsent);
    m_sent = 0;
    m_size = m_file.size();
    m_peakUnsent = 0;
    pump();
    return true;
}

void FileStreamer::stop()
{
    if (isRunning())
        finish(false);
}

void FileStreamer::pump()
{
    while (isRunning() && m_unsent() < kHighWater) {
        const QByteArray chunk = m_file.read(kChunk);
        if (chunk.isEmpty()) {
            if (m_file.error() != QFileDevice::NoError)
                finish(false, m_file.errorString());
            else
                finish(true);
            return;
        }
        if (!m_write(chunk)) {
            finish(false);
            return;
        }
        m_sent += chunk.size();
        m_peakUnsent = std::max(m_peakUnsent, m_unsent());
        Q_EMIT progress(m_sent, m_size);
    }
    if (isRunning())
        m_timer.start(kWait);   // full: the event loop hands Qt's buffer to the kernel meanwhile
}

void FileStreamer::finish(bool complete, const QString &readError)
{
    m_timer.stop();
    m_file.close();
    m_write = {};
    m_unsent = {};
    Q_EMIT finished(complete, readError);
}

} // namespace widgets::tcp

#include "widgets/common/transcriptmodel.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/transcriptexport.h"
#include "presentation/common/transcripttext.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;
using netcore::common::Direction;
using netcore::common::Transcript;
using netcore::common::TranscriptEntry;

namespace widgets::common {

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

TranscriptModel::~TranscriptModel() = default;

void TranscriptModel::setTranscript(Transcript *transcript)
{
    if (transcript == m_transcript)
        return;
    beginResetModel();
    if (m_transcript)
        disconnect(m_transcript, nullptr, this, nullptr);
    m_transcript = transcript;
    m_cache.reset();
    m_first = m_end = 0;
    m_originUs = 0;
    if (m_transcript) {
        const netcore::common::TranscriptRange range = m_transcript->range();
        m_first = range.first;
        m_end = range.end;
        m_originUs = range.originUs;
        connect(m_transcript, &Transcript::entriesAdded, this, &TranscriptModel::onEntriesAdded);
        connect(m_transcript, &Transcript::cleared, this, &TranscriptModel::onCleared);
        connect(m_transcript, &QObject::destroyed, this, &TranscriptModel::onTranscriptDestroyed);
    }
    endResetModel();
}

// Reconciles with the transcript's [first, end) as of the notification. Works on absolute sequences, so a
// notification that the model already saw past (attached between append and notification) changes nothing.
void TranscriptModel::onEntriesAdded(quint64 first, quint64 end, qsizetype added, qsizetype evicted)
{
    Q_UNUSED(added);
    Q_UNUSED(evicted);
    if (m_transcript)
        m_originUs = m_transcript->range().originUs;
    if (first > m_first) {
        const quint64 dropped = std::min(first, m_end) - m_first;
        if (dropped > 0) {
            beginRemoveRows({}, 0, int(dropped) - 1);
            m_first += dropped;
            endRemoveRows();
        }
        m_first = first;
        m_end = std::max(m_end, first);
    }
    if (end > m_end) {
        const int firstNewRow = rowCount();
        beginInsertRows({}, firstNewRow, firstNewRow + int(end - m_end) - 1);
        m_end = end;
        endInsertRows();
    }
}

void TranscriptModel::onCleared(quint64 nextSequence)
{
    beginResetModel();
    m_first = m_end = nextSequence;
    m_originUs = 0;
    m_cache.reset();
    endResetModel();
}

void TranscriptModel::onTranscriptDestroyed()
{
    beginResetModel();
    m_first = m_end = 0;
    m_cache.reset();
    endResetModel();
}

const TranscriptEntry *TranscriptModel::cachedEntry(quint64 sequence) const
{
    if (!m_cache || m_cache->sequence != sequence) {
        if (!m_transcript)
            return nullptr;
        m_cache = m_transcript->entry(sequence);
        if (!m_cache)
            return nullptr; // evicted after the last notification: its row goes with the next one
    }
    return &*m_cache;
}

std::optional<TranscriptEntry> TranscriptModel::entryAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const TranscriptEntry *entry = cachedEntry(m_first + quint64(row));
    return entry ? std::optional<TranscriptEntry>(*entry) : std::nullopt;
}

void TranscriptModel::setDirectionColors(const QColor &sent, const QColor &received, const QColor &event)
{
    m_colors[std::size_t(Direction::Sent)] = sent;
    m_colors[std::size_t(Direction::Received)] = received;
    m_colors[std::size_t(Direction::Event)] = event;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

void TranscriptModel::setFixedFont(const QFont &font)
{
    m_fixedFont = QVariant(font);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, DataColumn), index(rowCount() - 1, DataColumn), {Qt::FontRole});
}

void TranscriptModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, DirectionColumn), index(rowCount() - 1, DirectionColumn), {Qt::DisplayRole});
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_end - m_first);
}

int TranscriptModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TranscriptModel::directionText(Direction direction)
{
    switch (direction) {
    case Direction::Sent:
        return tr("→ sent");
    case Direction::Received:
        return tr("← received");
    case Direction::Event:
        break;
    }
    return tr("• event");
}

QVariant TranscriptModel::displayData(const TranscriptEntry &entry, int column) const
{
    switch (column) {
    case TimeColumn:
        return netcore::common::relativeTimeString(entry.monotonicUs, m_originUs);
    case DirectionColumn:
        return directionText(entry.direction);
    case LocalColumn:
        return entry.local;
    case PeerColumn:
        return entry.peer;
    case SizeColumn:
        return entry.direction == Direction::Event ? QVariant() : QVariant(entry.bytes.size());
    case DataColumn:
        if (entry.direction == Direction::Event)
            return presentation::common::entryText(entry);
        return netcore::common::visibleText(entry.bytes, netcore::common::LineMode::SingleLine, kPreviewBytes);
    default:
        return {};
    }
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const quint64 sequence = m_first + quint64(index.row());
    if (role == SequenceRole)
        return sequence;
    const TranscriptEntry *entry = cachedEntry(sequence);
    if (!entry)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*entry, index.column());
    case Qt::ForegroundRole: {
        const QColor &color = m_colors[std::size_t(entry->direction)];
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::FontRole:
        return index.column() == DataColumn ? m_fixedFont : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn || index.column() == TimeColumn
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry->wallMs), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        return {};
    case DirectionRole:
        return int(entry->direction);
    default:
        return {};
    }
}

QVariant TranscriptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time (s)");
    case DirectionColumn:
        return tr("Direction");
    case LocalColumn:
        return tr("Local");
    case PeerColumn:
        return tr("Peer");
    case SizeColumn:
        return tr("Bytes");
    case DataColumn:
        return tr("Data");
    default:
        return {};
    }
}

} // namespace widgets::common

#include "widgets/udp/datagrammodel.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/transcript.h"
#include "netcore/udp/sequenced.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using netcore::udp::Datagram;

namespace widgets::udp {

DatagramModel::DatagramModel(QObject *parent) : QAbstractTableModel(parent) {}

void DatagramModel::appendBatch(const QList<Datagram> &batch)
{
    if (batch.isEmpty())
        return;
    const qsizetype kept = std::min(batch.size(), m_store.capacity());
    const qsizetype evict = std::max<qsizetype>(0, m_store.size() + kept - m_store.capacity());
    if (evict > 0) {
        beginRemoveRows({}, 0, int(evict - 1));
        m_store.removeFront(evict);
        endRemoveRows();
    }
    const int first = int(m_store.size());
    beginInsertRows({}, first, int(first + kept - 1));
    m_store.append(kept == batch.size() ? batch : batch.mid(batch.size() - kept));
    endInsertRows();
}

void DatagramModel::setCapacity(qsizetype capacity)
{
    const qsizetype evict = std::max<qsizetype>(0, m_store.size() - std::max<qsizetype>(1, capacity));
    if (evict > 0) {
        beginRemoveRows({}, 0, int(evict - 1));
        m_store.removeFront(evict);
        endRemoveRows();
    }
    m_store.setCapacity(capacity);
}

void DatagramModel::clear()
{
    beginResetModel();
    m_store.clear();
    endResetModel();
}

int DatagramModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_store.size());
}

int DatagramModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatagramModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_store.size())
        return {};
    const Datagram &d = m_store.at(index.row());
    if (role == Qt::TextAlignmentRole && (index.column() == SizeColumn || index.column() == SequenceColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(d.wallUs / 1000).toString(u"HH:mm:ss.zzz"_s);
    case SourceColumn:
        return netcore::common::endpointString(d.source, d.sourcePort);
    case SizeColumn:
        return QString::number(d.payload.size());
    case SequenceColumn:
        return d.sequence ? QString::number(*d.sequence) : QString();
    case TextColumn:
        return netcore::common::visibleText(d.sequence ? d.payload.mid(netcore::udp::kSequencedHeaderSize) : d.payload,
                                            netcore::common::LineMode::SingleLine, kPreviewBytes);
    default:
        return {};
    }
}

QVariant DatagramModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case SourceColumn: return tr("Source");
    case SizeColumn: return tr("Bytes");
    case SequenceColumn: return tr("Seq");
    case TextColumn: return tr("Text");
    default: return {};
    }
}

void DatagramModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

DatagramFilter::DatagramFilter(QObject *parent) : QSortFilterProxyModel(parent) {}

void DatagramFilter::setNeedle(const QString &needle)
{
    m_needle = needle;
    invalidateFilter();
}

bool DatagramFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_needle.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (const int column : {int(DatagramModel::SourceColumn), int(DatagramModel::TextColumn)}) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace widgets::udp

#include "widgets/files/transfermodel.h"

#include "presentation/files/filestext.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;
using Job = widgets::files::TransferQueue::Job;
using Status = widgets::files::TransferQueue::Status;

namespace widgets::files {
namespace {

// The queue's words were the tab's: they keep its translation context (and its existing translations).
struct TabText {
    Q_DECLARE_TR_FUNCTIONS(widgets::files::FilesTab)
};

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString durationText(qint64 seconds)
{
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

int permille(const Job &job)
{
    if (job.total > 0)
        return int(job.done * 1000 / job.total);
    return job.total == 0 ? 1000 : -1;
}

} // namespace

TransferModel::TransferModel(TransferQueue *queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
    , m_rows(int(queue->jobs().size()))
{
    connect(queue, &TransferQueue::jobAdded, this, &TransferModel::onJobAdded);
    connect(queue, &TransferQueue::jobChanged, this, &TransferModel::onJobChanged);
    connect(queue, &TransferQueue::jobsRemoved, this, &TransferModel::onJobsRemoved);
}

TransferModel::~TransferModel() = default;

int TransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int TransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TransferModel::statusText(const Job &job)
{
    switch (job.status) {
    case Status::Queued:
        return TabText::tr("Queued");
    case Status::Running:
        return job.done > 0 ? TabText::tr("Transferring") : TabText::tr("Connecting");
    case Status::Paused:
        return TabText::tr("Paused (the partial file is kept)");
    case Status::Verified:
        return job.resumedFrom > 0 ? TabText::tr("✔ Verified (SHA-256), resumed at %1").arg(sizeText(job.resumedFrom))
                                   : TabText::tr("✔ Verified (SHA-256)");
    case Status::Done:
        return TabText::tr("Done, not verified (the classic protocol has no checksum)");
    case Status::Failed:
        return TabText::tr("✘ Failed: %1").arg(presentation::files::errorText(job.error, job.detail));
    case Status::Cancelled:
        return TabText::tr("Cancelled");
    }
    return {};
}

QString TransferModel::text(const Job &job, int column) const
{
    const bool download = job.direction == TransferQueue::Direction::Download;
    switch (column) {
    case FileColumn:
        return download ? job.remoteName : job.localPath;
    case DirectionColumn:
        return download ? TabText::tr("Download") : TabText::tr("Upload");
    case ProgressColumn:
        return job.total >= 0 ? TabText::tr("%1 of %2").arg(sizeText(job.done), sizeText(job.total)) : sizeText(job.done);
    case SpeedColumn:
        return job.status == Status::Running && job.speed > 0 ? TabText::tr("%1/s").arg(sizeText(qint64(job.speed))) : QString();
    case TimeColumn:
        return job.secondsLeft ? durationText(*job.secondsLeft) : QString();
    case StatusColumn:
        return statusText(job);
    default:
        break;
    }
    return {};
}

QVariant TransferModel::data(const QModelIndex &index, int role) const
{
    if (!m_queue || !index.isValid() || index.row() >= m_queue->jobs().size())
        return {};
    const Job &job = m_queue->jobs().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(job, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !job.sha256.isEmpty())
            return QVariant(u"SHA-256 "_s + QString::fromLatin1(job.sha256));
        return text(job, index.column());
    case IdRole:
        return job.id;
    case ProgressRole:
        return permille(job);
    default:
        break;
    }
    return {};
}

QVariant TransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return TabText::tr("File");
    case DirectionColumn:
        return TabText::tr("Direction");
    case ProgressColumn:
        return TabText::tr("Progress");
    case SpeedColumn:
        return TabText::tr("Speed");
    case TimeColumn:
        return TabText::tr("Time left");
    case StatusColumn:
        return TabText::tr("Status");
    default:
        break;
    }
    return {};
}

void TransferModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

void TransferModel::onJobAdded(int)
{
    const int count = int(m_queue->jobs().size());
    if (count <= m_rows)
        return;
    beginInsertRows({}, m_rows, count - 1);
    m_rows = count;
    endInsertRows();
}

void TransferModel::onJobChanged(int id)
{
    const qsizetype row = m_queue->indexOf(id);
    if (row >= 0 && row < m_rows)
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
}

// Clearing finished jobs removes rows anywhere in the list: a reset, once per click (never per progress report).
void TransferModel::onJobsRemoved()
{
    beginResetModel();
    m_rows = int(m_queue->jobs().size());
    endResetModel();
}

} // namespace widgets::files

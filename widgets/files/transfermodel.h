#pragma once

#include "widgets/files/transferqueue.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace widgets::files {

// The transfer queue as a table (qBittorrent's transfer list shape): one row per job, in the queue's order. Rows are
// inserted as jobs are added and one row changes per progress report, so thousands of rows cost nothing to keep;
// the progress column is painted by ProgressDelegate from ProgressRole.
class TransferModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferModel)

public:
    enum Column { FileColumn, DirectionColumn, ProgressColumn, SpeedColumn, TimeColumn, StatusColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, ProgressRole };   // ProgressRole: 0..1000, or -1 while the size is unknown

    explicit TransferModel(TransferQueue *queue, QObject *parent = nullptr);
    ~TransferModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void retranslate();   // the language changed: every text again

    static QString statusText(const TransferQueue::Job &job);

private:
    void onJobAdded(int id);
    void onJobChanged(int id);
    void onJobsRemoved();
    QString text(const TransferQueue::Job &job, int column) const;

    QPointer<TransferQueue> m_queue;
    int m_rows = 0;
};

} // namespace widgets::files

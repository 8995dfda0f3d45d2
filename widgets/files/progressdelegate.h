#pragma once

#include <QStyledItemDelegate>

namespace widgets::files {

// Paints TransferModel's progress column as a progress bar (TransferModel::ProgressRole, text from the display role):
// no widget per row, so a queue of thousands of transfers scrolls as fast as a plain list.
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    explicit ProgressDelegate(QObject *parent = nullptr);
    ~ProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace widgets::files

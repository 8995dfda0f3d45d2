#pragma once

#include "netcore/udp/datagram.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace widgets::udp {

// The listener's table: the newest capacity() datagrams of a netcore::udp::DatagramStore. Batches are appended
// with beginInsertRows and the oldest rows dropped with beginRemoveRows: never a model reset per datagram.
class DatagramModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatagramModel)

public:
    enum Column { TimeColumn, SourceColumn, SizeColumn, SequenceColumn, TextColumn, ColumnCount };
    static constexpr qsizetype kPreviewBytes = 200;

    explicit DatagramModel(QObject *parent = nullptr);

    void appendBatch(const QList<netcore::udp::Datagram> &batch);
    void setCapacity(qsizetype capacity);
    void clear();
    const netcore::udp::DatagramStore &store() const { return m_store; }
    const netcore::udp::Datagram &datagram(int row) const { return m_store.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Called on language change: header texts come from tr().
    void retranslate();

private:
    netcore::udp::DatagramStore m_store;
};

// Filters by a text found in the source endpoint or the visible text of the payload (case-insensitive).
class DatagramFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatagramFilter)

public:
    explicit DatagramFilter(QObject *parent = nullptr);
    void setNeedle(const QString &needle);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_needle;
};

} // namespace widgets::udp

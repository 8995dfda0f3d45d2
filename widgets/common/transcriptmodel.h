#pragma once

#include "netcore/common/transcript.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QFont>
#include <QPointer>

#include <optional>

namespace widgets::common {

// A table over a netcore::common::Transcript: one row per entry still held, oldest first. Follows the
// transcript's batched notifications: rows evicted from the front are removed with beginRemoveRows, new
// rows appended with beginInsertRows — one pair per batch, never a reset (except on clear / new transcript).
// Row r shows sequence firstSequence() + r; data() reads the entry from the transcript on demand.
class TranscriptModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptModel)

public:
    enum Column { TimeColumn, DirectionColumn, LocalColumn, PeerColumn, SizeColumn, DataColumn, ColumnCount };
    enum Role { SequenceRole = Qt::UserRole + 1, DirectionRole };
    static constexpr qsizetype kPreviewBytes = 256;

    explicit TranscriptModel(QObject *parent = nullptr);
    ~TranscriptModel() override;

    void setTranscript(netcore::common::Transcript *transcript);
    netcore::common::Transcript *transcript() const { return m_transcript; }

    quint64 firstSequence() const { return m_first; }
    qint64 originUs() const { return m_originUs; }
    std::optional<netcore::common::TranscriptEntry> entryAt(int row) const;

    // Text colours per direction (the view picks them to suit its palette).
    void setDirectionColors(const QColor &sent, const QColor &received, const QColor &event);
    void setFixedFont(const QFont &font);
    // Re-reads translated header and cell texts (LanguageChange).
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString directionText(netcore::common::Direction direction);

private:
    void onEntriesAdded(quint64 first, quint64 end, qsizetype added, qsizetype evicted);
    void onCleared(quint64 nextSequence);
    void onTranscriptDestroyed();
    QVariant displayData(const netcore::common::TranscriptEntry &entry, int column) const;
    const netcore::common::TranscriptEntry *cachedEntry(quint64 sequence) const;

    QPointer<netcore::common::Transcript> m_transcript;
    quint64 m_first = 0; // sequence of row 0
    quint64 m_end = 0;   // one past the last row's sequence
    qint64 m_originUs = 0;
    QColor m_colors[3];
    QVariant m_fixedFont; // a QFont once set
    // data() is asked for every column and role of a row in turn: keep the last entry read.
    mutable std::optional<netcore::common::TranscriptEntry> m_cache;
};

} // namespace widgets::common

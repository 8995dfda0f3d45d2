#include "widgets/chat/chatmessagemodel.h"

#include "presentation/chat/chattext.h"
#include "widgets/common/colors.h"

#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;
using netcore::chat::ChatEvent;

namespace widgets::chat {

ChatMessageModel::ChatMessageModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

ChatMessageModel::~ChatMessageModel() = default;

int ChatMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void ChatMessageModel::append(Row row)
{
    if (int(m_rows.size()) >= kMaxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void ChatMessageModel::appendEvent(const ChatEvent &event)
{
    Row row;
    row.isEvent = true;
    row.event = event;
    switch (event.kind) {
    case ChatEvent::Kind::Message: row.kind = event.own ? RowKind::Own : RowKind::Other; break;
    case ChatEvent::Kind::Private: row.kind = RowKind::Private; break;
    default: row.kind = RowKind::System; break;
    }
    append(std::move(row));
}

void ChatMessageModel::appendNotice(NoticeText text, bool error)
{
    Row row;
    row.kind = error ? RowKind::Error : RowKind::System;
    row.notice = std::move(text);
    row.event.time = QDateTime::currentDateTime();
    append(std::move(row));
}

int ChatMessageModel::markerRow() const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[size_t(i)].kind == RowKind::Marker)
            return i;
    }
    return -1;
}

void ChatMessageModel::insertMarker()
{
    removeMarker();
    Row row;
    row.kind = RowKind::Marker;
    append(std::move(row));
}

void ChatMessageModel::removeMarker()
{
    const int row = markerRow();
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

void ChatMessageModel::clear()
{
    if (m_rows.empty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

void ChatMessageModel::retranslate()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::DisplayRole});
}

ChatMessageModel::RowKind ChatMessageModel::rowKind(int row) const
{
    return m_rows.at(size_t(row)).kind;
}

QString ChatMessageModel::rowText(int row) const
{
    return data(index(row), Qt::DisplayRole).toString();
}

QVariant ChatMessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        if (row.kind == RowKind::Marker)
            return tr("——— new messages ———");
        const QString text = row.isEvent ? presentation::chat::roomEventText(row.event)
                                         : (row.notice ? row.notice() : QString());
        return QString(row.event.time.toString(u"[HH:mm:ss] "_s) + text);
    }
    case Qt::ToolTipRole:
        return row.event.time.isValid() ? row.event.time.toString(Qt::ISODate) : QVariant();
    case Qt::TextAlignmentRole:
        return row.kind == RowKind::Marker ? QVariant(Qt::AlignCenter) : QVariant();
    case Qt::FontRole: {
        QFont font;
        font.setBold(row.kind == RowKind::Own || row.kind == RowKind::Marker);
        font.setItalic(row.kind == RowKind::System || row.kind == RowKind::Private);
        return font;
    }
    case Qt::ForegroundRole:
        switch (row.kind) {
        case RowKind::System: return QColor(0x80, 0x80, 0x80);
        case RowKind::Error: return common::errorColor();
        case RowKind::Marker: return QColor(0xe6, 0x51, 0x00);
        case RowKind::Private: return QColor(0x8e, 0x24, 0xaa);
        default: return {};
        }
    case Qt::BackgroundRole:
        // Translucent, so the tint reads on light and dark palettes alike.
        if (row.kind == RowKind::Own)
            return QColor(0x42, 0x85, 0xf4, 40);
        if (row.kind == RowKind::Private)
            return QColor(0x8e, 0x24, 0xaa, 30);
        return {};
    case KindRole: return int(row.kind);
    case EventKindRole: return row.isEvent ? int(row.event.kind) : -1;
    case FromRole: return row.event.from;
    case TextRole: return row.isEvent ? row.event.text : (row.notice ? row.notice() : QString());
    default: return {};
    }
}

} // namespace widgets::chat

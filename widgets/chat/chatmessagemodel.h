#pragma once

#include "netcore/chat/chatclient.h"

#include <QAbstractListModel>

#include <deque>
#include <functional>

namespace widgets::chat {

// The Chat tab's message list: room events, local notices (errors, state) and the unread marker, one row each.
// Rows are appended with beginInsertRows (never a reset); past kMaxRows the oldest go. Display texts are built
// in data(), so a language switch only needs retranslate() (a dataChanged over every row).
class ChatMessageModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatMessageModel)

public:
    static constexpr int kMaxRows = 20'000;

    // What a row is, for styling; exposed through KindRole.
    enum class RowKind : quint8 { Own, Other, Private, System, Error, Marker };
    Q_ENUM(RowKind)
    enum Role { KindRole = Qt::UserRole + 1, EventKindRole, FromRole, TextRole };

    explicit ChatMessageModel(QObject *parent = nullptr);
    ~ChatMessageModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void appendEvent(const netcore::chat::ChatEvent &event);
    // A local notice; `text` is called whenever the row is shown, so it follows a language switch (it builds
    // its sentence with tr() from values it captured).
    using NoticeText = std::function<QString()>;
    void appendNotice(NoticeText text, bool error);
    // The "new messages below" line; at most one (a new one replaces the old).
    void insertMarker();
    void removeMarker();
    int markerRow() const;
    void clear();
    void retranslate();

    RowKind rowKind(int row) const;
    QString rowText(int row) const;   // the display text of a row

private:
    struct Row {
        RowKind kind = RowKind::System;
        netcore::chat::ChatEvent event;   // for room events; notices keep only event.time
        NoticeText notice;                // for notices
        bool isEvent = false;
    };
    void append(Row row);

    std::deque<Row> m_rows;
};

} // namespace widgets::chat

#pragma once

#include "widgets/tcp/receivelog.h"
#include "widgets/tcp/tcptab.h"

#include <QDateTime>
#include <QPointer>
#include <QString>

class QTreeWidgetItem;

namespace widgets::tcp {

// One row of the connections tree and what it received.
struct TcpTab::Conversation {
    enum Kind : int { Session, Server, ServerClient };

    quint64 key = 0;
    Kind kind = Session;
    QPointer<netcore::tcp::TcpClient> client;   // Session
    quint64 clientId = 0;                       // ServerClient
    QString target;                             // Session: what was asked for ("host:port")
    QString peer;                               // the other side once known
    QDateTime started = QDateTime::currentDateTime();
    QDateTime ended;                            // null while open
    qint64 sentBytes = 0;                       // ServerClient: the server's count, kept after it left
    ReceiveLog log;
    QTreeWidgetItem *item = nullptr;
    bool dirty = true;

    bool isOpen() const { return ended.isNull(); }
};

} // namespace widgets::tcp

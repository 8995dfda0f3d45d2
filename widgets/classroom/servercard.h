#pragma once

#include "widgets/common/hostedserver.h"
#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"

#include "presentation/lookup/handouttext.h"

#include <QPointer>
#include <QStringList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace widgets::classroom {

class ClassroomTab;

// One server in the classroom panel: its state, the addresses to hand out, its clients. Its words are the panel's
// (ClassroomTab::tr): one translation context for the whole panel.
class ServerCard final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerCard)

public:
    ServerCard(common::ServerHost *host, common::TabPage *page, ClassroomTab *panel);

    common::ServerKind kind() const { return m_host->serverKind(); }
    // "chat": the card's object name ("card_chat") and the word the panel saves for it.
    QString key() const;
    common::ServerHost *host() const { return m_host; }
    // The server the card watches: the host's own status (UDP) or its common::Server seen through a
    // CommonServerStatus (asked of the host only when the host says it changed).
    common::HostedServer *status() const { return m_status.data(); }
    bool isRunning() const;
    int clientCount() const;                   // clients connected (TCP) or senders seen (UDP)
    int connectedCount() const;                // those that stopping would disconnect (0 for UDP)
    QString kindName() const;                  // translated: "Chat server"
    QString handoutText() const;               // what the large label says (the best 3, "and N more")
    QStringList allEndpoints() const;          // every address to hand out (the label's tooltip when it has more)
    QString commandsText() const;              // a command to try it (nc, Python), for servers that have one
    void start();
    void stop();                               // no question asked (the panel asks)
    void refresh();                            // state, addresses, clients, bytes
    bool disconnectSelected();                 // the Disconnect button
    QPushButton *toggleButton() const { return m_toggle; }
    QTreeWidget *clientsView() const { return m_clients; }

protected:
    void retranslateUi() override;

private:
    void watch();
    void onToggle();
    presentation::lookup::HandoutTransport transport() const;
    void applyLargeFont();
    void refreshClients(bool running);

    common::ServerHost *m_host;
    ClassroomTab *m_panel;
    QPointer<common::HostedServer> m_status;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_handout = nullptr;
    QLabel *m_commands = nullptr;
    QPushButton *m_toggle = nullptr;
    QPushButton *m_disconnect = nullptr;
    QTreeWidget *m_clients = nullptr;

    friend class ClassroomTab;
};

} // namespace widgets::classroom

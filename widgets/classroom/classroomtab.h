#pragma once

#include "widgets/common/hostedserver.h"
#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"

#include "netcore/common/server.h"
#include "netcore/lookup/firewall.h"
#include "netcore/lookup/handout.h"
#include "presentation/lookup/handouttext.h"

#include <QList>
#include <QPointer>

class QCheckBox;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QVBoxLayout;

namespace widgets::classroom {

class ServerCard;

// 课堂 — the teacher's panel: every server the tabs run, started and stopped with one click (each on its own or all
// together), the addresses students type in large type, who is connected (with a way to disconnect one), ready-to-
// paste instructions for students, a firewall hint. Which servers ran is remembered and they come back on the next
// start (a setting turns that off); a file server that took uploads comes back writable only on the network it was
// left on. The panel drives the servers through their tabs (common::ServerHost), so each tab shows the same state.
class ClassroomTab final : public common::TabPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassroomTab)

public:
    explicit ClassroomTab(QWidget *parent = nullptr);
    ~ClassroomTab() override;

    // The tabs that host servers (those that implement common::ServerHost; others are ignored).
    void setHosts(const QList<common::TabPage *> &pages);

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;

    void startAll();
    void stopAll();                        // asks first when students are connected
    QString studentInstructions() const;   // what "Copy instructions for students" copies
    ServerCard *card(common::ServerKind kind) const;
    // For tests: the interfaces the hand-out addresses come from (default: this machine's).
    void setInterfaces(const QList<netcore::lookup::InterfaceInfo> &interfaces);
    void setFirewall(const netcore::lookup::FirewallFacts &firewall);

    // A signature of the network this machine is on now (its hand-out addresses): a writable file server
    // comes back writable only when it matches the one saved.
    QString networkSignature() const;

protected:
    void retranslateUi() override;
    void changeEvent(QEvent *event) override;

private:
    // The interfaces the hand-out addresses come from: setInterfaces()' or this machine's now.
    QList<netcore::lookup::InterfaceInfo> interfaces() const;
    // The address the instructions name for `server` (the best hand-out address when it listens everywhere).
    QString instructionHost(const common::HostedServer *server) const;
    void copyInstructions();
    void updateSummary();
    bool confirmStop(const QList<ServerCard *> &cards);
    // The sentence and the commands that open `ports` ("8888/tcp") in the firewall found; empty without one.
    QString firewallHint(const QStringList &ports) const;

    QList<ServerCard *> m_cards;
    QList<netcore::lookup::InterfaceInfo> m_interfaces;
    bool m_customInterfaces = false;
    netcore::lookup::FirewallFacts m_firewall;
    QLabel *m_intro = nullptr;
    QPushButton *m_startAll = nullptr;
    QPushButton *m_stopAll = nullptr;
    QPushButton *m_copy = nullptr;
    QCheckBox *m_restore = nullptr;
    QLabel *m_firewallHint = nullptr;
    QVBoxLayout *m_cardsLayout = nullptr;
    QTimer *m_refresh = nullptr;

    friend class ServerCard;
};

// One server in the panel: its state, the addresses to hand out, its clients.
class ServerCard final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerCard)

public:
    ServerCard(common::ServerHost *host, common::TabPage *page, ClassroomTab *panel);

    common::ServerKind kind() const { return m_host->serverKind(); }
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

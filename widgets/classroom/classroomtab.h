#pragma once

#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"

#include "netcore/lookup/firewall.h"
#include "netcore/lookup/interfaces.h"

#include <QList>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QThread;
class QTimer;
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
    using FirewallDetector = std::function<netcore::lookup::FirewallFacts()>;

    // The firewall is looked for (netcore::lookup::detectFirewall()) in a thread of its own: the panel shows at
    // once and names the firewall when the facts arrive.
    explicit ClassroomTab(QWidget *parent = nullptr);
    // For tests: `detect` instead of netcore::lookup::detectFirewall() (it runs in that thread too).
    explicit ClassroomTab(FirewallDetector detect, QWidget *parent = nullptr);
    ~ClassroomTab() override;   // waits for the detection if it still runs

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
    // The firewall the hint names. Once set here, a detection that ends later changes nothing.
    void setFirewall(const netcore::lookup::FirewallFacts &firewall);
    const netcore::lookup::FirewallFacts &firewall() const { return m_firewall; }
    bool firewallKnown() const { return m_firewallKnown; }   // detected or set
    bool detectingFirewall() const { return m_detecting; }   // the detection's facts have not arrived yet

    // A signature of the network this machine is on now (its hand-out addresses): a writable file server
    // comes back writable only when it matches the one saved.
    QString networkSignature() const;

protected:
    void retranslateUi() override;
    void changeEvent(QEvent *event) override;

private:
    // The interfaces the hand-out addresses come from: setInterfaces()' or this machine's now.
    QList<netcore::lookup::InterfaceInfo> interfaces() const;
    void copyInstructions();
    void updateSummary();
    bool confirmStop(const QList<ServerCard *> &cards);
    void startFirewallDetection(FirewallDetector detect);
    void onFirewallDetected(const netcore::lookup::FirewallFacts &firewall);

    QList<ServerCard *> m_cards;
    QList<netcore::lookup::InterfaceInfo> m_interfaces;
    bool m_customInterfaces = false;
    netcore::lookup::FirewallFacts m_firewall;
    bool m_firewallKnown = false;
    bool m_detecting = true;
    QThread *m_detection = nullptr;
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

} // namespace widgets::classroom

#include "widgets/classroom/classroomtab.h"

#include "widgets/classroom/instructions.h"
#include "widgets/classroom/servercard.h"

#include "netcore/lookup/handout.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using widgets::common::ServerKind;

namespace widgets::classroom {
namespace {

constexpr int kRefreshMs = 1000;     // bytes of the client list

QString protocolSuffix(common::Transport transport)
{
    return transport == common::Transport::Udp ? u"udp"_s : u"tcp"_s;
}

} // namespace

ClassroomTab::ClassroomTab(QWidget *parent)
    : ClassroomTab([] { return netcore::lookup::detectFirewall(); }, parent)
{
}

ClassroomTab::ClassroomTab(FirewallDetector detect, QWidget *parent)
    : TabPage(parent)
    , m_refresh(new QTimer(this))
{
    setObjectName(u"ClassroomTab"_s);
    auto *outer = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    outer->addWidget(m_intro);
    auto *buttons = new QHBoxLayout;
    m_startAll = new QPushButton(this);
    m_startAll->setObjectName(u"startAll"_s);
    m_stopAll = new QPushButton(this);
    m_stopAll->setObjectName(u"stopAll"_s);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(u"copyInstructions"_s);
    m_restore = new QCheckBox(this);
    m_restore->setObjectName(u"restoreServers"_s);
    m_restore->setChecked(true);
    buttons->addWidget(m_startAll);
    buttons->addWidget(m_stopAll);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    buttons->addWidget(m_restore);
    outer->addLayout(buttons);
    m_firewallHint = new QLabel(this);
    m_firewallHint->setObjectName(u"firewallHint"_s);
    m_firewallHint->setWordWrap(true);
    m_firewallHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(m_firewallHint);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget(scroll);
    m_cardsLayout = new QVBoxLayout(inner);
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);
    m_cardsLayout->addStretch(1);
    scroll->setWidget(inner);
    outer->addWidget(scroll, 1);

    connect(m_startAll, &QPushButton::clicked, this, &ClassroomTab::startAll);
    connect(m_stopAll, &QPushButton::clicked, this, &ClassroomTab::stopAll);
    connect(m_copy, &QPushButton::clicked, this, &ClassroomTab::copyInstructions);
    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (!isVisible())
            return;
        for (ServerCard *card : std::as_const(m_cards))
            if (card->isRunning())
                card->refresh();
    });
    m_refresh->start();
    retranslateUi();
    startFirewallDetection(std::move(detect));
}

ClassroomTab::~ClassroomTab()
{
    // The detection still running reads nothing of the panel, but it posts its facts to it: it ends first (its
    // programs have a timeout each), and what it posted is dropped with the panel.
    if (m_detection)
        m_detection->wait();
}

void ClassroomTab::startFirewallDetection(FirewallDetector detect)
{
    // nft and iptables-legacy run as child processes (up to a few seconds when they hang): off the GUI thread, the
    // facts delivered back to it through the event loop.
    m_detection = QThread::create([this, detect = std::move(detect)] {
        const netcore::lookup::FirewallFacts facts = detect();
        QMetaObject::invokeMethod(this, [this, facts] { onFirewallDetected(facts); }, Qt::QueuedConnection);
    });
    m_detection->setObjectName(u"firewallDetection"_s);
    m_detection->setParent(this);
    m_detection->start();
}

void ClassroomTab::onFirewallDetected(const netcore::lookup::FirewallFacts &firewall)
{
    m_detecting = false;
    if (m_firewallKnown)   // setFirewall() came first (tests): it wins
        return;
    m_firewall = firewall;
    m_firewallKnown = true;
    updateSummary();
}

void ClassroomTab::setHosts(const QList<common::TabPage *> &pages)
{
    for (common::TabPage *page : pages) {
        auto *host = dynamic_cast<common::ServerHost *>(page);
        if (!host)
            continue;
        auto *card = new ServerCard(host, page, this);
        m_cards.append(card);
        m_cardsLayout->insertWidget(m_cardsLayout->count() - 1, card);
    }
    std::sort(m_cards.begin(), m_cards.end(), [](const ServerCard *a, const ServerCard *b) { return a->kind() < b->kind(); });
    updateSummary();
}

ServerCard *ClassroomTab::card(ServerKind kind) const
{
    for (ServerCard *card : m_cards)
        if (card->kind() == kind)
            return card;
    return nullptr;
}

void ClassroomTab::setInterfaces(const QList<netcore::lookup::InterfaceInfo> &interfaces)
{
    m_interfaces = interfaces;
    m_customInterfaces = true;
    for (ServerCard *card : std::as_const(m_cards))
        card->refresh();
}

void ClassroomTab::setFirewall(const netcore::lookup::FirewallFacts &firewall)
{
    m_firewall = firewall;
    m_firewallKnown = true;
    updateSummary();
}

QList<netcore::lookup::InterfaceInfo> ClassroomTab::interfaces() const
{
    return m_customInterfaces ? m_interfaces : netcore::lookup::localInterfaces();
}

QString ClassroomTab::networkSignature() const
{
    QStringList addresses;
    for (const netcore::lookup::HandoutAddress &h : netcore::lookup::handoutAddresses(interfaces()))
        if (!h.isVirtual && !h.isLinkLocal)
            addresses.append(h.address.toString());
    addresses.sort();
    return addresses.join(u',');
}

void ClassroomTab::startAll()
{
    for (ServerCard *card : std::as_const(m_cards))
        card->start();
}

void ClassroomTab::stopAll()
{
    QList<ServerCard *> running;
    for (ServerCard *card : std::as_const(m_cards))
        if (card->isRunning())
            running.append(card);
    if (running.isEmpty() || !confirmStop(running))
        return;
    for (ServerCard *card : std::as_const(running))
        card->stop();
}

bool ClassroomTab::confirmStop(const QList<ServerCard *> &cards)
{
    QStringList busy;
    for (const ServerCard *card : cards)
        if (card->connectedCount() > 0)
            busy.append(tr("%1: %n client(s) connected", nullptr, card->connectedCount()).arg(card->kindName()));
    if (busy.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Stop the server?"),
                    tr("Students are connected; stopping disconnects them:\n%1").arg(busy.join(u'\n')),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(u"confirmStopDialog"_s);
    box.button(QMessageBox::Yes)->setText(tr("Stop"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

QString ClassroomTab::studentInstructions() const
{
    QStringList parts;
    for (const ServerCard *card : m_cards)
        if (card->isRunning())
            parts.append(studentInstructionsPart(card->kind(), instructionHost(*card->status(), interfaces()),
                                                 card->status()->port()));
    return studentInstructionsText(parts);
}

void ClassroomTab::copyInstructions()
{
    const QString text = studentInstructions();
    if (text.isEmpty()) {
        Q_EMIT statusMessage(tr("No server is running: start one first."));
        return;
    }
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Instructions for students copied."));
}

void ClassroomTab::updateSummary()
{
    bool anyRunning = false;
    QStringList ports;
    for (const ServerCard *card : std::as_const(m_cards)) {
        if (!card->isRunning())
            continue;
        anyRunning = true;
        if (card->status()->listensEverywhere())
            ports.append(u"%1/%2"_s.arg(card->status()->port()).arg(protocolSuffix(card->status()->transport())));
    }
    if (m_stopAll)
        m_stopAll->setEnabled(anyRunning);
    if (m_copy)
        m_copy->setEnabled(anyRunning);
    if (!m_firewallHint)
        return;
    QString hint;
    if (!ports.isEmpty()) {
        // The chat server also takes classic clients over UDP on its port.
        if (const ServerCard *chat = card(ServerKind::Chat); chat && chat->isRunning())
            ports.append(u"%1/udp"_s.arg(chat->status()->port()));
        hint = firewallHint(m_firewall, ports);
    }
    m_firewallHint->setText(hint);
    m_firewallHint->setVisible(!hint.isEmpty());
}

QString ClassroomTab::title() const
{
    return tr("Classroom");
}

QString ClassroomTab::settingsKey() const
{
    return u"classroom"_s;
}

void ClassroomTab::saveSettings(QSettings &settings) const
{
    QStringList running;
    bool writableFiles = false;
    for (const ServerCard *card : m_cards) {
        if (!card->isRunning())
            continue;
        running.append(card->key());
        writableFiles |= card->kind() == ServerKind::Files && card->host()->servesWritable();
    }
    settings.setValue(u"restore"_s, m_restore->isChecked());
    settings.setValue(u"running"_s, running);
    settings.setValue(u"network"_s, writableFiles ? networkSignature() : QString());
}

void ClassroomTab::restoreSettings(QSettings &settings)
{
    m_restore->setChecked(settings.value(u"restore"_s, true).toBool());
    if (!m_restore->isChecked())
        return;
    const QStringList running = settings.value(u"running"_s).toStringList();
    const QString network = settings.value(u"network"_s).toString();
    // After every tab restored its own settings (ports, share folder): the window restores tabs in order.
    QTimer::singleShot(0, this, [this, running, network] {
        for (ServerCard *card : std::as_const(m_cards)) {
            if (!running.contains(card->key()))
                continue;
            if (card->host()->servesWritable() && network != networkSignature()) {
                card->host()->serveReadOnly();
                Q_EMIT statusMessage(tr("The file server came back read-only: this computer is on another network "
                                        "than when uploads were allowed."));
            }
            card->start();
        }
    });
}

void ClassroomTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange)
        for (ServerCard *card : std::as_const(m_cards))
            card->applyLargeFont();
    TabPage::changeEvent(event);
}

void ClassroomTab::retranslateUi()
{
    m_intro->setText(tr("Start the servers the lesson needs and hand out the addresses below. Each server also has "
                        "its own tab with every setting; what you start here shows there too."));
    m_startAll->setText(tr("Start &all"));
    m_stopAll->setText(tr("St&op all"));
    m_copy->setText(tr("&Copy instructions for students"));
    m_restore->setText(tr("Start these servers again next time"));
    updateSummary();
}

} // namespace widgets::classroom

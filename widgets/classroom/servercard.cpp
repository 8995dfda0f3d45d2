#include "widgets/classroom/servercard.h"

#include "widgets/classroom/classroomtab.h"
#include "widgets/classroom/instructions.h"

#include "netcore/common/server.h"
#include "netcore/lookup/handout.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using widgets::common::ServerKind;

namespace widgets::classroom {
namespace {

constexpr int kShownAddresses = 3;   // the best few; the rest in the tooltip ("and N more")
constexpr double kHandoutScale = 1.8;

} // namespace

ServerCard::ServerCard(common::ServerHost *host, common::TabPage *page, ClassroomTab *panel)
    : Retranslating<QWidget>(panel)
    , m_host(host)
    , m_panel(panel)
{
    setObjectName(u"card_"_s + key());
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_state = new QLabel(this);
    m_state->setObjectName(u"state"_s);
    m_toggle = new QPushButton(this);
    m_toggle->setObjectName(u"toggle"_s);
    top->addWidget(m_title);
    top->addWidget(m_state, 1);
    top->addWidget(m_toggle);
    layout->addLayout(top);
    m_handout = new QLabel(this);
    m_handout->setObjectName(u"handout"_s);
    m_handout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_handout->setWordWrap(true);
    layout->addWidget(m_handout);
    m_commands = new QLabel(this);
    m_commands->setObjectName(u"commands"_s);
    m_commands->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_commands->setWordWrap(true);
    layout->addWidget(m_commands);
    m_clients = new QTreeWidget(this);
    m_clients->setObjectName(u"clients"_s);
    m_clients->setRootIsDecorated(false);
    m_clients->setColumnCount(4);
    m_clients->setMaximumHeight(m_clients->sizeHintForRow(0) > 0 ? m_clients->sizeHintForRow(0) * 8 : 160);
    m_clients->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *row = new QHBoxLayout;
    m_disconnect = new QPushButton(this);
    m_disconnect->setObjectName(u"disconnectClient"_s);
    row->addStretch(1);
    row->addWidget(m_disconnect);
    layout->addWidget(m_clients);
    layout->addLayout(row);
    connect(m_toggle, &QPushButton::clicked, this, &ServerCard::onToggle);
    connect(m_disconnect, &QPushButton::clicked, this, &ServerCard::disconnectSelected);
    connect(m_clients, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_disconnect->setEnabled(!m_clients->selectedItems().isEmpty());
    });
    m_status = host->hostedStatus();
    if (!m_status) {
        // A common::Server: followed through the page's hostedServerChanged (a host being destroyed is never
        // called back: the status only holds a QPointer to the server).
        auto *status = new common::CommonServerStatus(this);
        status->setServer(host->hostedServer());
        connect(page, &common::TabPage::hostedServerChanged, status, [status, host] { status->setServer(host->hostedServer()); });
        m_status = status;
    }
    connect(m_status, &common::HostedServer::changed, this, &ServerCard::watch);
    retranslateUi();
    applyLargeFont();
    watch();
}

void ServerCard::applyLargeFont()
{
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * kHandoutScale);
    large.setBold(true);
    m_handout->setFont(large);
    QFont bold = font();
    bold.setBold(true);
    m_title->setFont(bold);
}

QString ServerCard::key() const
{
    switch (kind()) {
    case ServerKind::Chat:
        return u"chat"_s;
    case ServerKind::Files:
        return u"files"_s;
    case ServerKind::Http:
        return u"http"_s;
    case ServerKind::Udp:
        return u"udp"_s;
    case ServerKind::Tcp:
        return u"tcp"_s;
    case ServerKind::Count:
        break;
    }
    return {};
}

bool ServerCard::isRunning() const
{
    return m_status && m_status->isRunning();
}

int ServerCard::clientCount() const
{
    return isRunning() ? m_status->clientCount() : 0;
}

int ServerCard::connectedCount() const
{
    return isRunning() && m_status->hasConnections() ? m_status->clientCount() : 0;
}

QString ServerCard::kindName() const
{
    switch (kind()) {
    case ServerKind::Chat:
        return ClassroomTab::tr("Chat server");
    case ServerKind::Files:
        return ClassroomTab::tr("File server");
    case ServerKind::Http:
        return ClassroomTab::tr("HTTP capture server");
    case ServerKind::Udp:
        return ClassroomTab::tr("UDP listener");
    case ServerKind::Tcp:
        return ClassroomTab::tr("TCP echo server");
    case ServerKind::Count:
        break;
    }
    return {};
}

void ServerCard::watch()
{
    refresh();
    m_panel->updateSummary();
}

presentation::lookup::HandoutTransport ServerCard::transport() const
{
    return m_status && m_status->transport() == common::Transport::Udp ? presentation::lookup::HandoutTransport::Udp
                                                                       : presentation::lookup::HandoutTransport::Tcp;
}

QString ServerCard::handoutText() const
{
    if (!isRunning())
        return {};
    const quint16 port = m_status->port();
    if (!m_status->listensEverywhere() && m_status->address().isLoopback()) {
        // Where to change it: the panel knows the tab has the choice.
        const QString endpoint = netcore::lookup::handoutEndpoint(m_status->address(), port);
        return transport() == presentation::lookup::HandoutTransport::Udp
            ? ClassroomTab::tr("Only this computer can send to it (%1, UDP). Bind it to 0.0.0.0 in its tab.").arg(endpoint)
            : ClassroomTab::tr("Only this computer can connect (%1). Tick \"Listen on the LAN\" in its tab.").arg(endpoint);
    }
    return presentation::lookup::studentsConnectText(m_panel->interfaces(), m_status->address(), port, kShownAddresses,
                                                     transport());
}

QStringList ServerCard::allEndpoints() const
{
    if (!isRunning())
        return {};
    return presentation::lookup::handoutEndpoints(m_panel->interfaces(), m_status->address(), m_status->port());
}

QString ServerCard::commandsText() const
{
    if (!isRunning())
        return {};
    const QString host = instructionHost(*m_status, m_panel->interfaces());
    const quint16 port = m_status->port();
    switch (kind()) {
    case ServerKind::Tcp:
        return ClassroomTab::tr("Try it: nc %1 %2 (type a line: it comes back) · Python: "
                                "s = socket.create_connection((\"%1\", %2)); s.sendall(b\"hi\\n\"); print(s.recv(1024))")
            .arg(host)
            .arg(port);
    case ServerKind::Chat:
    case ServerKind::Files:
    case ServerKind::Http:
    case ServerKind::Udp:
    case ServerKind::Count:
        break;
    }
    return {};
}

void ServerCard::refresh()
{
    const bool running = isRunning();
    m_toggle->setText(running ? ClassroomTab::tr("Stop") : ClassroomTab::tr("Start"));
    const bool udp = m_status && m_status->transport() == common::Transport::Udp;
    if (running) {
        const QString where = m_status->listensEverywhere() ? ClassroomTab::tr("every address of this computer")
                                                          : m_status->address().toString();
        m_state->setText(udp ? ClassroomTab::tr("listening on UDP port %1 (%2), %n sender(s) seen", nullptr, m_status->clientCount())
                                   .arg(m_status->port())
                                   .arg(where)
                             : ClassroomTab::tr("listening on port %1 (%2), %n client(s)", nullptr, m_status->clientCount())
                                   .arg(m_status->port())
                                   .arg(where));
    } else {
        m_state->setText(ClassroomTab::tr("stopped"));
    }
    m_handout->setText(handoutText());
    m_handout->setVisible(running);
    // "(and N more)": every address is in the tooltip, none left out without a trace.
    const QStringList all = allEndpoints();
    m_handout->setToolTip(all.size() > kShownAddresses ? ClassroomTab::tr("Every address students can use:\n%1").arg(all.join(u'\n'))
                                                       : QString());
    m_commands->setText(commandsText());
    m_commands->setVisible(running && !m_commands->text().isEmpty());
    m_clients->setVisible(running);
    m_disconnect->setVisible(running && m_status->hasConnections());
    refreshClients(running);
}

void ServerCard::refreshClients(bool running)
{
    // The client list: kept in place (selection survives a refresh), rows added and removed by id.
    QHash<quint64, QTreeWidgetItem *> rows;
    for (int i = 0; i < m_clients->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_clients->topLevelItem(i);
        rows.insert(item->data(0, Qt::UserRole).toULongLong(), item);
    }
    const QList<netcore::common::ClientInfo> clients = running ? m_status->clients() : QList<netcore::common::ClientInfo>{};
    for (const netcore::common::ClientInfo &client : clients) {
        QTreeWidgetItem *item = rows.take(client.id);
        if (!item) {
            item = new QTreeWidgetItem(m_clients);
            item->setData(0, Qt::UserRole, client.id);
        }
        item->setText(0, client.name.isEmpty() ? client.peer : ClassroomTab::tr("%1 (%2)").arg(client.name, client.peer));
        item->setText(1, QLocale().toString(client.since.toLocalTime().time(), QLocale::ShortFormat));
        item->setText(2, QLocale().formattedDataSize(client.bytesReceived));
        item->setText(3, QLocale().formattedDataSize(client.bytesSent));
    }
    qDeleteAll(rows);
    m_disconnect->setEnabled(!m_clients->selectedItems().isEmpty());
}

void ServerCard::onToggle()
{
    if (isRunning()) {
        if (m_panel->confirmStop({this}))
            stop();
    } else {
        start();
    }
}

void ServerCard::start()
{
    if (!isRunning())
        m_host->startForClass();
    watch();
}

void ServerCard::stop()
{
    if (isRunning())
        m_host->stopServer();
    watch();
}

bool ServerCard::disconnectSelected()
{
    const QList<QTreeWidgetItem *> selected = m_clients->selectedItems();
    if (selected.isEmpty() || !isRunning() || !m_status->hasConnections())
        return false;
    bool any = false;
    for (const QTreeWidgetItem *item : selected)
        any |= m_status->disconnectClient(item->data(0, Qt::UserRole).toULongLong());
    return any;
}

void ServerCard::retranslateUi()
{
    m_title->setText(kindName());
    if (m_status && m_status->transport() == common::Transport::Udp)
        m_clients->setHeaderLabels({ClassroomTab::tr("Sender"), ClassroomTab::tr("First seen"), ClassroomTab::tr("Received"),
                                    ClassroomTab::tr("Replied")});
    else
        m_clients->setHeaderLabels({ClassroomTab::tr("Client"), ClassroomTab::tr("Since"), ClassroomTab::tr("Received"),
                                    ClassroomTab::tr("Sent")});
    m_disconnect->setText(ClassroomTab::tr("&Disconnect selected"));
    refresh();
}

} // namespace widgets::classroom

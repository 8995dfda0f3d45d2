#include "widgets/classroom/classroomtab.h"

#include "netcore/common/server.h"
#include "presentation/lookup/handouttext.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using widgets::common::ServerKind;

namespace widgets::classroom {
namespace {

constexpr int kShownAddresses = 3;   // the best few; the rest in the tooltip ("and N more")
constexpr int kRefreshMs = 1000;     // bytes of the client list
constexpr double kHandoutScale = 1.8;

QString keyOf(ServerKind kind)
{
    switch (kind) {
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

bool listensEverywhere(const common::HostedServer *server)
{
    return server->listensEverywhere();
}

QString protocolSuffix(common::Transport transport)
{
    return transport == common::Transport::Udp ? u"udp"_s : u"tcp"_s;
}

} // namespace

// --- ServerCard ---

ServerCard::ServerCard(common::ServerHost *host, common::TabPage *page, ClassroomTab *panel)
    : Retranslating<QWidget>(panel)
    , m_host(host)
    , m_panel(panel)
{
    setObjectName(u"card_"_s + keyOf(host->serverKind()));
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
    if (!listensEverywhere(m_status) && m_status->address().isLoopback()) {
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
    const QString host = m_panel->instructionHost(m_status);
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
        const QString where = listensEverywhere(m_status) ? ClassroomTab::tr("every address of this computer")
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

// --- ClassroomTab ---

ClassroomTab::ClassroomTab(QWidget *parent)
    : TabPage(parent)
    , m_refresh(new QTimer(this))
{
    setObjectName(u"ClassroomTab"_s);
    m_firewall = netcore::lookup::detectFirewall();
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
}

ClassroomTab::~ClassroomTab() = default;

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

QString ClassroomTab::instructionHost(const common::HostedServer *server) const
{
    QString host;
    if (listensEverywhere(server)) {
        const QList<netcore::lookup::HandoutAddress> all = netcore::lookup::handoutAddresses(interfaces());
        for (const netcore::lookup::HandoutAddress &h : all)
            if (!h.isVirtual && !h.isLinkLocal) {
                host = h.address.toString();
                break;
            }
    } else {
        host = server->address().toString();
    }
    return host.isEmpty() ? u"127.0.0.1"_s : host;
}

QString ClassroomTab::studentInstructions() const
{
    QStringList parts;
    for (const ServerCard *card : m_cards) {
        if (!card->isRunning())
            continue;
        const quint16 port = card->status()->port();
        const QString host = instructionHost(card->status());
        const QString endpoint = netcore::lookup::handoutEndpoint(QHostAddress(host), port);
        const QString python = u"import socket\ns = socket.create_connection((\"%1\", %2))"_s.arg(host).arg(port);
        switch (card->kind()) {
        case ServerKind::Chat:
            parts.append(tr("Chat room: %1\n"
                            "  nc %2 %3    (then type: NICK yourname, then MSG hello)\n"
                            "  socketeer chat --host %2 --port %3 --name yourname\n"
                            "  Python:\n%4\n"
                            "  s.sendall(b\"NICK yourname\\n\")")
                             .arg(endpoint, host, QString::number(port), python));
            break;
        case ServerKind::Files:
            parts.append(tr("File server: %1\n"
                            "  nc %2 %3    (then type: LIST)\n"
                            "  socketeer files ls %1\n"
                            "  Python:\n%4\n"
                            "  s.sendall(b\"LIST\\n\")")
                             .arg(endpoint, host, QString::number(port), python));
            break;
        case ServerKind::Http:
            parts.append(tr("HTTP server: open http://%1/ in a browser\n"
                            "  curl -v http://%1/\n"
                            "  nc -C %2 %3    (then type: GET / HTTP/1.1, Host: x, and an empty line)")
                             .arg(endpoint, host, QString::number(port)));
            break;
        case ServerKind::Udp: {
            const QString family = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol ? u"AF_INET6"_s : u"AF_INET"_s;
            parts.append(tr("UDP listener: %1 (UDP: no connection, every line you send is one datagram)\n"
                            "  nc -u %2 %3    (then type a line and press Enter)\n"
                            "  socketeer udp send %2 %3 hello\n"
                            "  Python:\n"
                            "import socket\n"
                            "s = socket.socket(socket.%4, socket.SOCK_DGRAM)\n"
                            "s.sendto(b\"hello\", (\"%2\", %3))")
                             .arg(endpoint, host, QString::number(port), family));
            break;
        }
        case ServerKind::Tcp:
            parts.append(tr("TCP echo server: %1 (what you send comes back)\n"
                            "  nc %2 %3    (then type a line)\n"
                            "  socketeer tcp connect %2 %3    (shows every read with its size)\n"
                            "  Python:\n%4\n"
                            "  s.sendall(\"你好\\n\".encode())\n"
                            "  print(s.recv(1024).decode())")
                             .arg(endpoint, host, QString::number(port), python));
            break;
        case ServerKind::Count:
            break;
        }
    }
    if (parts.isEmpty())
        return {};
    return tr("Socketeer — connect to the teacher's computer") + u"\n\n"_s + parts.join(u"\n\n"_s) + u'\n';
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
        if (listensEverywhere(card->status()))
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
        hint = firewallHint(ports);
    }
    m_firewallHint->setText(hint);
    m_firewallHint->setVisible(!hint.isEmpty());
}

QString ClassroomTab::firewallHint(const QStringList &ports) const
{
    // One command per port (and per dropping chain): "8888/tcp" -> the firewall's own words.
    QStringList commands;
    for (const QString &port : ports) {
        const QString number = port.section(u'/', 0, 0);
        const QString protocol = port.section(u'/', 1, 1);
        switch (m_firewall.kind) {
        case netcore::lookup::Firewall::Ufw:
            commands.append(u"sudo ufw allow "_s + port);
            break;
        case netcore::lookup::Firewall::Firewalld:
            commands.append(u"sudo firewall-cmd --add-port="_s + port);
            break;
        case netcore::lookup::Firewall::Nftables:
            // insert, not add: a rule appended after a final "reject" would never be reached.
            for (const netcore::lookup::FirewallChain &chain : m_firewall.chains)
                commands.append(u"sudo nft insert rule %1 %2 %3 %4 dport %5 accept"_s.arg(chain.family, chain.table, chain.chain,
                                                                                         protocol, number));
            break;
        case netcore::lookup::Firewall::Iptables:
            commands.append(u"sudo %1 -I INPUT -p %2 --dport %3 -j ACCEPT"_s.arg(m_firewall.program, protocol, number));
            break;
        case netcore::lookup::Firewall::None:
        case netcore::lookup::Firewall::Count:
            break;
        }
    }
    const QString run = commands.join(u"; "_s);
    switch (m_firewall.kind) {
    case netcore::lookup::Firewall::Ufw:
        return tr("The ufw firewall is on: students cannot connect until the ports are open. Run: %1").arg(run);
    case netcore::lookup::Firewall::Firewalld:
        return tr("firewalld is running: students cannot connect until the ports are open. Run: %1").arg(run);
    case netcore::lookup::Firewall::Nftables: {
        QStringList chains;
        for (const netcore::lookup::FirewallChain &chain : m_firewall.chains)
            chains.append(u"%1 %2 %3"_s.arg(chain.family, chain.table, chain.chain));
        return tr("An nftables rule set drops incoming connections (chain %1): students cannot connect until the ports "
                  "are open. Run: %2")
            .arg(chains.join(tr(", ")), run);
    }
    case netcore::lookup::Firewall::Iptables:
        return tr("An iptables rule set drops incoming connections (%1, chain INPUT): students cannot connect until the "
                  "ports are open. Run: %2")
            .arg(m_firewall.program, run);
    case netcore::lookup::Firewall::None:
    case netcore::lookup::Firewall::Count:
        break;
    }
    return {};
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
        running.append(keyOf(card->kind()));
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
            if (!running.contains(keyOf(card->kind())))
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

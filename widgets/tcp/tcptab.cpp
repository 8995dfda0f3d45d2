#include "widgets/tcp/tcptab.h"

#include "netcore/common/transcript.h"
#include "presentation/lookup/handouttext.h"
#include "widgets/common/colors.h"
#include "widgets/common/wireview.h"
#include "widgets/common/zoom.h"
#include "widgets/tcp/factspage.h"
#include "widgets/tcp/probepage.h"
#include "widgets/tcp/framingview.h"
#include "widgets/tcp/receivedview.h"
#include "widgets/tcp/sendbox.h"
#include "widgets/tcp/tcptab_p.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using netcore::tcp::ServerMode;
using netcore::tcp::TcpClient;
using netcore::tcp::TcpServer;

namespace widgets::tcp {
namespace {
constexpr int kRefreshMs = 250;   // counters and row texts
constexpr int kMaxClientsField = 1000;        // the limit fields' ceiling (the probe's most clients)
constexpr int kMaxIdleSeconds = 24 * 3600;
enum class ListenOn : int { Every, ThisComputer, UnixSocket };
} // namespace

TcpTab::TcpTab(QWidget *parent)
    : TabPage(parent)
    , m_transcript(new netcore::common::Transcript(this))
    , m_refresh(new QTimer(this))
{
    setObjectName(u"TcpTab"_s);
    buildUi();
    addSidePage(new FactsPage(this));
    m_probe = new ProbePage;
    addSidePage(m_probe);
    m_refresh->setInterval(kRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, &TcpTab::refreshCounters);
    m_refresh->start();
    retranslateUi();
    updateMetrics();
    updateEnabledState();
    updateTarget();
}

void TcpTab::updateMetrics()
{
    m_rules->setMaximumHeight(m_rules->fontMetrics().lineSpacing() * 4 + 2 * m_rules->frameWidth() + 4);
    m_tree->setMinimumHeight(m_tree->fontMetrics().lineSpacing() * 3);
}

void TcpTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange)
        updateMetrics();
    TabPage::changeEvent(event);
}

TcpTab::~TcpTab()
{
    m_refresh->stop();
    // Stopped while the transcript it writes to is still there (children go in creation order).
    if (m_server) {
        disconnect(m_server, nullptr, this, nullptr);
        m_server->stop();
    }
    for (auto &[key, conversation] : m_conversations)
        if (conversation->client)
            disconnect(conversation->client, nullptr, this, nullptr);
}

void TcpTab::buildUi()
{
    m_received = new ReceivedView;
    m_send = new SendBox;
    m_middle = new QSplitter(Qt::Vertical);
    m_middle->addWidget(m_received);
    m_middle->addWidget(m_send);
    m_middle->setStretchFactor(0, 3);
    m_middle->setStretchFactor(1, 1);
    m_middle->setChildrenCollapsible(false);

    // The pages beside the received text, hex and frames: the wire view of everything the tab did, the selected
    // connection's TCP facts and the concurrency probe. One tab widget keeps the tab within a 1024x768 projector.
    m_wire = new common::WireView;
    m_wire->setTranscript(m_transcript);
    m_side = m_received->pages();
    m_side->addTab(m_wire, QString());

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(buildConnectionsPanel());
    m_splitter->addWidget(m_middle);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_send, &SendBox::statusMessage, this, &TcpTab::statusMessage);
    connect(m_send, &SendBox::sent, this, [this] { refreshCounters(); });
    connect(m_received, &ReceivedView::encodingChanged, this, [this] {
        for (auto &[key, conversation] : m_conversations)
            conversation->log.setEncoding(m_received->encoding());
    });
    connect(m_received, &ReceivedView::keepChunksChanged, this, [this] {
        for (auto &[key, conversation] : m_conversations)
            applyViewSettings(conversation->log);
        m_received->setLog(currentLog());
    });
    connect(m_received, &ReceivedView::framingChanged, this, [this] {
        for (auto &[key, conversation] : m_conversations)
            conversation->log.setFraming(m_received->framingView()->spec());
        refreshCounters();
    });
    connect(m_received, &ReceivedView::receiveToFileRequested, this, &TcpTab::onReceiveToFileRequested);
    connect(m_received, &ReceivedView::clearRequested, this, [this] {
        if (ReceiveLog *log = currentLog()) {
            log->clear();
            m_received->setLog(log);
            refreshCounters();
        }
    });
}

QWidget *TcpTab::buildConnectionsPanel()
{
    m_host = new QLineEdit(u"127.0.0.1"_s);
    m_host->setObjectName(u"clientHost"_s);
    m_port = new QSpinBox;
    m_port->setObjectName(u"clientPort"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(TcpServer::kDefaultPort);
    m_hostLabel = new QLabel;
    m_portLabel = new QLabel;
    m_connect = new QPushButton;
    m_connect->setObjectName(u"newConnection"_s);
    m_tls = new QCheckBox;
    m_tls->setObjectName(u"clientTls"_s);
    m_tlsInsecure = new QCheckBox;
    m_tlsInsecure->setObjectName(u"clientTlsInsecure"_s);
    m_tlsInsecure->setEnabled(false);
    auto *clientGrid = new QGridLayout;
    clientGrid->addWidget(m_hostLabel, 0, 0);
    clientGrid->addWidget(m_host, 0, 1, 1, 2);
    clientGrid->addWidget(m_portLabel, 1, 0);
    clientGrid->addWidget(m_port, 1, 1);
    clientGrid->addWidget(m_connect, 1, 2);
    clientGrid->addWidget(m_tls, 2, 1);
    clientGrid->addWidget(m_tlsInsecure, 2, 2);
    clientGrid->setColumnStretch(1, 1);
    m_clientBox = new QGroupBox;
    m_clientBox->setLayout(clientGrid);

    m_listenAddress = new QComboBox;
    m_listenAddress->setObjectName(u"listenAddress"_s);
    m_listenAddress->addItem(QString(), int(ListenOn::Every));
    m_listenAddress->addItem(QString(), int(ListenOn::ThisComputer));
    m_listenAddress->addItem(QString(), int(ListenOn::UnixSocket));
    m_unixPath = new QLineEdit(QDir::tempPath() + u"/socketeer-tcp.sock"_s);
    m_unixPath->setObjectName(u"listenUnixPath"_s);
    m_unixPath->setVisible(false);
    m_listenAddress->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_listenAddress->setMinimumContentsLength(8);
    m_listenPort = new QSpinBox;
    m_listenPort->setObjectName(u"listenPort"_s);
    m_listenPort->setRange(0, 65535);
    m_listenPort->setValue(TcpServer::kDefaultPort);
    m_listenPortLabel = new QLabel;
    m_mode = new QComboBox;
    m_mode->setObjectName(u"serverMode"_s);
    for (int m = 0; m < int(ServerMode::Count); ++m)
        m_mode->addItem(QString(), m);
    m_mode->setCurrentIndex(int(ServerMode::Echo));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mode->setMinimumContentsLength(8);
    m_reply = new QLineEdit(u"OK\\n"_s);
    m_reply->setObjectName(u"fixedReply"_s);
    m_rules = new QPlainTextEdit(u"hello => hi there\\n\nPING => PONG\\n"_s);
    m_rules->setObjectName(u"rules"_s);
    m_rules->setTabChangesFocus(true);
    // The hardening limits a teacher may want to change (a probe of 200 clients from one laptop, a class of 80):
    // they apply to clients that connect afterwards, like TcpServer::setLimits().
    const netcore::common::ServerLimits defaults = TcpServer::defaultLimits();
    m_maxClients = new QSpinBox;
    m_maxClients->setObjectName(u"maxClients"_s);
    m_maxClients->setRange(1, kMaxClientsField);
    m_maxClients->setValue(defaults.maxClients);
    m_maxPerHost = new QSpinBox;
    m_maxPerHost->setObjectName(u"maxPerHost"_s);
    m_maxPerHost->setRange(0, kMaxClientsField);
    m_maxPerHost->setValue(defaults.maxPerHost);
    m_idleSeconds = new QSpinBox;
    m_idleSeconds->setObjectName(u"idleSeconds"_s);
    m_idleSeconds->setRange(0, kMaxIdleSeconds);
    m_idleSeconds->setValue(int(std::chrono::duration_cast<std::chrono::seconds>(defaults.idleTimeout).count()));
    auto *limitsRow = new QHBoxLayout;
    limitsRow->setContentsMargins(0, 0, 0, 0);
    limitsRow->addWidget(m_maxClients, 1);
    limitsRow->addWidget(m_maxPerHost, 1);
    limitsRow->addWidget(m_idleSeconds, 1);
    m_serverProblem = new QLabel;
    m_serverProblem->setWordWrap(true);
    m_serverProblem->setStyleSheet(common::errorStyleSheet());
    m_serverHandout = new QLabel;
    m_serverHandout->setObjectName(u"serverHandout"_s);
    m_serverHandout->setWordWrap(true);
    m_serverHandout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_listen = new QPushButton;
    m_listen->setObjectName(u"listenButton"_s);
    auto *serverGrid = new QGridLayout;
    serverGrid->addWidget(m_listenAddress, 0, 0, 1, 3);
    serverGrid->addWidget(m_unixPath, 1, 0, 1, 3);
    serverGrid->addWidget(m_listenPortLabel, 2, 0);
    serverGrid->addWidget(m_listenPort, 2, 1);
    serverGrid->addWidget(m_listen, 2, 2);
    serverGrid->addWidget(m_mode, 3, 0, 1, 3);
    serverGrid->addWidget(m_reply, 4, 0, 1, 3);
    serverGrid->addWidget(m_rules, 5, 0, 1, 3);
    serverGrid->addLayout(limitsRow, 6, 0, 1, 3);
    serverGrid->addWidget(m_serverProblem, 7, 0, 1, 3);
    serverGrid->addWidget(m_serverHandout, 8, 0, 1, 3);
    serverGrid->setColumnStretch(1, 1);
    m_serverBox = new QGroupBox;
    m_serverBox->setLayout(serverGrid);

    m_tree = new QTreeWidget;
    m_tree->setObjectName(u"connections"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_close = new QPushButton;
    m_close->setObjectName(u"closeButton"_s);
    m_halfClose = new QPushButton;
    m_halfClose->setObjectName(u"halfCloseButton"_s);
    m_abort = new QPushButton;
    m_abort->setObjectName(u"abortButton"_s);
    m_disconnect = new QPushButton;
    m_disconnect->setObjectName(u"disconnectButton"_s);
    m_remove = new QPushButton;
    m_remove->setObjectName(u"removeButton"_s);
    m_noDelay = new QCheckBox;
    m_noDelay->setObjectName(u"noDelay"_s);
    auto *actions = new QGridLayout;
    actions->addWidget(m_close, 0, 0);
    actions->addWidget(m_halfClose, 0, 1);
    actions->addWidget(m_abort, 0, 2);
    actions->addWidget(m_disconnect, 1, 0);
    actions->addWidget(m_remove, 1, 1);
    actions->addWidget(m_noDelay, 1, 2);

    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_clientBox);
    layout->addWidget(m_serverBox);
    layout->addWidget(m_tree, 1);
    layout->addLayout(actions);

    connect(m_connect, &QPushButton::clicked, this, &TcpTab::onNewConnection);
    connect(m_host, &QLineEdit::returnPressed, this, &TcpTab::onNewConnection);
    connect(m_listen, &QPushButton::clicked, this, &TcpTab::onListenToggled);
    connect(m_tls, &QCheckBox::toggled, m_tlsInsecure, &QWidget::setEnabled);
    connect(m_listenAddress, &QComboBox::currentIndexChanged, this, &TcpTab::updateEnabledState);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        applyServerSettings();
        updateEnabledState();
    });
    connect(m_reply, &QLineEdit::textChanged, this, &TcpTab::applyServerSettings);
    connect(m_rules, &QPlainTextEdit::textChanged, this, &TcpTab::applyServerSettings);
    for (QSpinBox *limit : {m_maxClients, m_maxPerHost, m_idleSeconds})
        connect(limit, &QSpinBox::valueChanged, this, &TcpTab::applyServerSettings);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &TcpTab::onCurrentItemChanged);
    connect(m_close, &QPushButton::clicked, this, &TcpTab::closeSelected);
    connect(m_halfClose, &QPushButton::clicked, this, &TcpTab::halfCloseSelected);
    connect(m_abort, &QPushButton::clicked, this, &TcpTab::abortSelected);
    connect(m_disconnect, &QPushButton::clicked, this, &TcpTab::disconnectSelected);
    connect(m_remove, &QPushButton::clicked, this, &TcpTab::removeSelected);
    connect(m_noDelay, &QCheckBox::clicked, this, [this](bool on) {
        if (TcpClient *client = currentSession())
            client->setNoDelay(on);
        else if (const std::optional<quint64> id = currentServerClient(); id && m_server)
            m_server->setNoDelay(*id, on);
    });
    return panel;
}

void TcpTab::retranslateUi()
{
    m_clientBox->setTitle(tr("Connect to a server"));
    m_hostLabel->setText(tr("Host:"));
    m_host->setToolTip(tr("An IP address (IPv4 or IPv6), a host name, or the path of a Unix-domain socket "
                          "(starting with /: the port is not used)."));
    m_tls->setText(tr("TLS"));
    m_tls->setToolTip(tr("Wrap the connection in TLS (like openssl s_client): the certificate chain and protocol "
                         "show under TCP facts."));
    m_tlsInsecure->setText(tr("Accept certificate problems"));
    m_tlsInsecure->setToolTip(tr("Connect even when the certificate does not verify (self-signed, wrong name), like "
                                 "curl -k; the problems are still listed."));
    m_portLabel->setText(tr("Port:"));
    m_connect->setText(tr("New connection"));
    m_connect->setToolTip(tr("Open another client session; every session stays in the list."));
    m_serverBox->setTitle(tr("Server"));
    m_listenAddress->setItemText(int(ListenOn::Every), tr("Every address (students can connect)"));
    m_listenAddress->setItemText(int(ListenOn::ThisComputer), tr("This computer only (127.0.0.1)"));
    m_listenAddress->setItemText(int(ListenOn::UnixSocket), tr("Unix-domain socket (a path)"));
    m_unixPath->setToolTip(tr("The socket file's path; programs on this computer connect to it (AF_UNIX)."));
    m_listenPortLabel->setText(tr("Port:"));
    m_listenPort->setSpecialValueText(tr("any free"));
    m_mode->setItemText(int(ServerMode::Show), tr("Show only"));
    m_mode->setItemText(int(ServerMode::Echo), tr("Echo every read back"));
    m_mode->setItemText(int(ServerMode::FixedReply), tr("Fixed reply to every read"));
    m_mode->setItemText(int(ServerMode::Rules), tr("Reply by rules"));
    m_reply->setToolTip(tr("Sent back for every read; escapes \\r \\n \\t \\xNN are allowed."));
    m_rules->setToolTip(tr("One rule per line: TEXT => REPLY. A read that contains TEXT is answered with REPLY "
                           "(the first rule that matches; escapes allowed on both sides). /PATTERN/ => REPLY answers "
                           "a read that matches the regular expression PATTERN."));
    m_rules->setPlaceholderText(tr("hello => hi there\\n"));
    m_maxClients->setSuffix(tr(" clients at most"));
    m_maxClients->setToolTip(tr("Connections at once, from every address together; one more is closed at once without "
                                "a byte. Applies to clients that connect afterwards."));
    m_maxPerHost->setSuffix(tr(" per address"));
    m_maxPerHost->setSpecialValueText(tr("any number per address"));
    m_maxPerHost->setToolTip(tr("Connections at once from one address (one student's reconnect loop); a concurrency "
                                "probe from this computer needs as many as its clients. Not used on a Unix-domain "
                                "socket. Applies to clients that connect afterwards."));
    m_idleSeconds->setPrefix(tr("idle "));
    m_idleSeconds->setSuffix(tr(" s"));
    m_idleSeconds->setSpecialValueText(tr("no idle limit"));
    m_idleSeconds->setToolTip(tr("A client that moves no byte either way for this long is aborted (RST). "
                                 "Applies to clients that connect afterwards."));
    m_close->setText(tr("Close (FIN)"));
    m_close->setToolTip(tr("Graceful close: FIN after what is queued; what the peer still sends is read."));
    m_halfClose->setText(tr("Half-close"));
    m_halfClose->setToolTip(tr("shutdown(SHUT_WR): the peer reads end-of-file, and we keep reading what it sends."));
    m_abort->setText(tr("Abort (RST)"));
    m_abort->setToolTip(tr("SO_LINGER 0 then close: the kernel sends RST and throws away what is queued."));
    m_disconnect->setText(tr("Disconnect"));
    m_disconnect->setToolTip(tr("Close the selected client of the server."));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove a finished connection (and what it received) from the list."));
    m_noDelay->setText(tr("TCP_NODELAY"));
    m_noDelay->setToolTip(tr("On: every write leaves at once. Off (Nagle's algorithm): small writes may wait and be merged."));
    m_side->setTabText(m_side->indexOf(m_wire), tr("Wire"));
    for (auto &[key, conversation] : m_conversations)
        updateRow(*conversation);
    updateEnabledState();
    updateTarget();
    updateHandout();
    refreshCounters();
}

void TcpTab::updateHandout()
{
    const bool listening = m_server && m_server->isListening();
    if (listening && m_server->isUnix())
        m_serverHandout->setText(tr("Programs on this computer connect to %1 (a Unix-domain socket).").arg(m_server->unixPath()));
    else
        m_serverHandout->setText(listening ? presentation::lookup::studentsConnectText(m_server->serverAddress(), m_server->serverPort(), 2)
                                           : QString());
    m_serverHandout->setVisible(listening);
}

QString TcpTab::title() const
{
    return tr("TCP");
}

QString TcpTab::settingsKey() const
{
    return u"tcp"_s;
}

int TcpTab::addSidePage(QWidget *page)
{
    page->installEventFilter(this);
    return m_side->addTab(page, page->windowTitle());
}

bool TcpTab::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::WindowTitleChange) {
        if (auto *page = qobject_cast<QWidget *>(watched); page && m_side->indexOf(page) >= 0)
            m_side->setTabText(m_side->indexOf(page), page->windowTitle());
    }
    return TabPage::eventFilter(watched, event);
}

void TcpTab::saveSettings(QSettings &settings) const
{
    settings.setValue(u"client/host"_s, m_host->text());
    settings.setValue(u"client/port"_s, m_port->value());
    settings.setValue(u"server/address"_s, m_listenAddress->currentIndex());
    settings.setValue(u"server/unixPath"_s, m_unixPath->text());
    settings.setValue(u"client/tls"_s, m_tls->isChecked());
    settings.setValue(u"server/port"_s, m_listenPort->value());
    settings.setValue(u"server/mode"_s, m_mode->currentIndex());
    settings.setValue(u"server/reply"_s, m_reply->text());
    settings.setValue(u"server/rules"_s, m_rules->toPlainText());
    settings.setValue(u"server/maxClients"_s, m_maxClients->value());
    settings.setValue(u"server/maxPerHost"_s, m_maxPerHost->value());
    settings.setValue(u"server/idleSeconds"_s, m_idleSeconds->value());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"middle"_s, m_middle->saveState());
    m_send->saveSettings(settings);
}

void TcpTab::restoreSettings(QSettings &settings)
{
    m_host->setText(settings.value(u"client/host"_s, m_host->text()).toString());
    m_port->setValue(settings.value(u"client/port"_s, m_port->value()).toInt());
    m_listenAddress->setCurrentIndex(settings.value(u"server/address"_s, 0).toInt());
    m_unixPath->setText(settings.value(u"server/unixPath"_s, m_unixPath->text()).toString());
    m_tls->setChecked(settings.value(u"client/tls"_s, false).toBool());
    m_listenPort->setValue(settings.value(u"server/port"_s, m_listenPort->value()).toInt());
    m_mode->setCurrentIndex(settings.value(u"server/mode"_s, int(ServerMode::Echo)).toInt());
    m_reply->setText(settings.value(u"server/reply"_s, m_reply->text()).toString());
    m_rules->setPlainText(settings.value(u"server/rules"_s, m_rules->toPlainText()).toString());
    m_maxClients->setValue(settings.value(u"server/maxClients"_s, m_maxClients->value()).toInt());
    m_maxPerHost->setValue(settings.value(u"server/maxPerHost"_s, m_maxPerHost->value()).toInt());
    m_idleSeconds->setValue(settings.value(u"server/idleSeconds"_s, m_idleSeconds->value()).toInt());
    m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    m_middle->restoreState(settings.value(u"middle"_s).toByteArray());
    m_send->restoreSettings(settings);
}

QStringList TcpTab::activeWork() const
{
    QStringList work;
    if (m_server && m_server->isListening())
        work.append(tr("TCP server on port %1, %n client(s) connected", nullptr, m_server->clientCount()).arg(m_server->serverPort()));
    for (const auto &[key, conversation] : m_conversations)
        if (conversation->kind == Conversation::Session && conversation->isOpen() && conversation->client
            && conversation->client->state() != TcpClient::State::Closed)
            work.append(tr("TCP connection to %1").arg(conversation->peer.isEmpty() ? conversation->target : conversation->peer));
    return work;
}

void TcpTab::showStatus(const QString &text)
{
    Q_EMIT statusMessage(text);
}

void TcpTab::applyViewSettings(ReceiveLog &log) const
{
    log.setLimits(m_received->keepChunks(), ReceiveLog::kDefaultMaxBytes);
}

void TcpTab::updateEnabledState()
{
    const auto mode = ServerMode(m_mode->currentData().toInt());
    m_reply->setVisible(mode == ServerMode::FixedReply);
    m_rules->setVisible(mode == ServerMode::Rules);
    const bool listening = m_server && m_server->isListening();
    m_listen->setText(listening ? tr("Stop") : tr("Listen"));
    m_listenAddress->setEnabled(!listening);
    const bool onUnix = ListenOn(m_listenAddress->currentData().toInt()) == ListenOn::UnixSocket;
    m_unixPath->setVisible(onUnix);
    m_unixPath->setEnabled(!listening);
    m_listenPort->setEnabled(!listening && !onUnix);
    m_maxPerHost->setEnabled(!onUnix);

    const Conversation *conversation = current();
    const TcpClient *client = currentSession();
    const TcpClient::State state = client ? client->state() : TcpClient::State::Closed;
    const bool live = client && state != TcpClient::State::Closed && state != TcpClient::State::Unconnected;
    m_close->setEnabled(live && state != TcpClient::State::Closing);
    m_halfClose->setEnabled(client && state == TcpClient::State::Connected);
    m_abort->setEnabled(live);
    const std::optional<quint64> serverClient = currentServerClient();
    // TCP_NODELAY for a session or for one of the server's TCP clients (a Unix socket has no Nagle).
    const std::optional<bool> serverNoDelay = serverClient && m_server ? m_server->noDelay(*serverClient) : std::nullopt;
    m_noDelay->setEnabled(live || serverNoDelay.has_value());
    m_noDelay->setChecked(client ? client->noDelay() : serverNoDelay.value_or(false));
    m_disconnect->setEnabled(serverClient && m_server && m_server->client(*serverClient).has_value());
    m_remove->setEnabled(conversation && !conversation->isOpen());
}
} // namespace widgets::tcp

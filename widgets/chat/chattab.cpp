// ChatTab: building the UI, texts, settings and the enabled state. The session side is in chattab_session.cpp.
#include "widgets/chat/chattab.h"

#include "widgets/common/preparedsends.h"
#include "widgets/chat/chatmessagemodel.h"
#include "netcore/chat/chatserver.h"
#include "netcore/common/transcript.h"
#include "widgets/common/wireview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using netcore::chat::ChatClient;

namespace widgets::chat {

ChatTab::ChatTab(QWidget *parent)
    : common::TabPage(parent)
    , m_transcript(new netcore::common::Transcript(this))
    , m_client(new ChatClient(this))
    , m_messages(new ChatMessageModel(this))
{
    setObjectName(u"ChatTab"_s);
    m_client->setTranscript(m_transcript);
    buildUi();
    connect(m_client, &ChatClient::stateChanged, this, &ChatTab::onStateChanged);
    connect(m_client, &ChatClient::eventReceived, this, &ChatTab::onEvent);
    connect(m_client, &ChatClient::errorOccurred, this, &ChatTab::onError);
    connect(m_client, &ChatClient::requestFailed, this, &ChatTab::onRequestFailed);
    connect(m_client, &ChatClient::usersChanged, this, &ChatTab::onUsersChanged);
    retranslateUi();
    updateEnabledState();
}

ChatTab::~ChatTab()
{
    // Leave the room politely; the local server (a child) then closes with the tab.
    m_client->disconnectFromServer();
}

QString ChatTab::title() const
{
    return tr("Chat");
}

QString ChatTab::settingsKey() const
{
    return u"chat"_s;
}

void ChatTab::buildUi()
{
    auto *room = new QSplitter(Qt::Vertical, this);
    room->addWidget(buildRoom());
    m_wireLabel = new QLabel(this);
    m_wire = new common::WireView(this);
    m_wire->setTranscript(m_transcript);
    auto *wireBox = new QWidget(this);
    auto *wireLayout = new QVBoxLayout(wireBox);
    wireLayout->setContentsMargins(0, 0, 0, 0);
    wireLayout->addWidget(m_wireLabel);
    wireLayout->addWidget(m_wire);
    room->addWidget(wireBox);
    room->setStretchFactor(0, 3);
    room->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildConnectPanel());
    layout->addWidget(room, 1);
}

QWidget *ChatTab::buildConnectPanel()
{
    m_connectBox = new QGroupBox(this);
    m_hostLabel = new QLabel(m_connectBox);
    m_host = new QLineEdit(u"127.0.0.1"_s, m_connectBox);
    m_host->setObjectName(u"host"_s);
    m_portLabel = new QLabel(m_connectBox);
    m_port = new QSpinBox(m_connectBox);
    m_port->setObjectName(u"port"_s);
    m_port->setRange(0, 65535);
    m_port->setValue(netcore::chat::kDefaultPort);
    m_nameLabel = new QLabel(m_connectBox);
    m_name = new QLineEdit(m_connectBox);
    m_name->setObjectName(u"name"_s);
    m_name->setMaxLength(int(netcore::chat::kMaxNameLength) * 2);
    m_modeLabel = new QLabel(m_connectBox);
    m_mode = new QComboBox(m_connectBox);
    m_mode->setObjectName(u"mode"_s);
    for (const Mode mode : {Mode::Native, Mode::Classic, Mode::Classic2020})
        m_mode->addItem(QString(), QVariant::fromValue(int(mode)));
    m_localServer = new QCheckBox(m_connectBox);
    m_localServer->setObjectName(u"localServer"_s);
    m_connect = new QPushButton(m_connectBox);
    m_connect->setObjectName(u"connect"_s);
    m_connect->setDefault(true);
    m_disconnect = new QPushButton(m_connectBox);
    m_disconnect->setObjectName(u"disconnect"_s);
    m_reconnect = new QPushButton(m_connectBox);
    m_reconnect->setObjectName(u"reconnect"_s);
    m_status = new QLabel(m_connectBox);
    m_status->setObjectName(u"status"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *row = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(m_hostLabel), static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_portLabel),
                       static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_nameLabel), static_cast<QWidget *>(m_name),
                       static_cast<QWidget *>(m_modeLabel), static_cast<QWidget *>(m_mode)})
        row->addWidget(w);
    row->setStretchFactor(m_host, 2);
    row->setStretchFactor(m_name, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_localServer);
    buttons->addStretch(1);
    buttons->addWidget(m_connect);
    buttons->addWidget(m_disconnect);
    buttons->addWidget(m_reconnect);
    auto *box = new QVBoxLayout(m_connectBox);
    box->addLayout(row);
    box->addLayout(buttons);
    box->addWidget(m_status);

    connect(m_connect, &QPushButton::clicked, this, &ChatTab::connectToRoom);
    connect(m_disconnect, &QPushButton::clicked, this, &ChatTab::disconnectFromRoom);
    connect(m_reconnect, &QPushButton::clicked, this, &ChatTab::reconnect);
    connect(m_name, &QLineEdit::returnPressed, this, &ChatTab::connectToRoom);
    connect(m_localServer, &QCheckBox::toggled, this, &ChatTab::onLocalServerToggled);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ChatTab::updateEnabledState);
    return m_connectBox;
}

QWidget *ChatTab::buildRoom()
{
    m_list = new QListView(this);
    m_list->setObjectName(u"messages"_s);
    m_list->setModel(m_messages);
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_unreadButton = new QToolButton(this);
    m_unreadButton->setObjectName(u"unread"_s);
    m_unreadButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_unreadButton->hide();
    m_usersLabel = new QLabel(this);
    m_users = new QListWidget(this);
    m_users->setObjectName(u"users"_s);
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(u"input"_s);
    m_input->setTabChangesFocus(true);
    m_input->setMaximumHeight(m_input->fontMetrics().lineSpacing() * 5);
    m_input->installEventFilter(this);
    m_send = new QPushButton(this);
    m_send->setObjectName(u"send"_s);

    auto *messages = new QWidget(this);
    auto *messagesLayout = new QVBoxLayout(messages);
    messagesLayout->setContentsMargins(0, 0, 0, 0);
    messagesLayout->addWidget(m_list, 1);
    messagesLayout->addWidget(m_unreadButton, 0, Qt::AlignRight);
    auto *users = new QWidget(this);
    auto *usersLayout = new QVBoxLayout(users);
    usersLayout->setContentsMargins(0, 0, 0, 0);
    usersLayout->addWidget(m_usersLabel);
    usersLayout->addWidget(m_users, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(messages);
    split->addWidget(users);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send, 0, Qt::AlignBottom);
    inputRow->addWidget(new common::PreparedSendsButton(u"chat"_s, {m_input}, m_send, this), 0, Qt::AlignBottom);
    auto *room = new QWidget(this);
    auto *layout = new QVBoxLayout(room);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    layout->addLayout(inputRow);

    connect(m_send, &QPushButton::clicked, this, &ChatTab::sendInput);
    connect(m_unreadButton, &QToolButton::clicked, this, &ChatTab::markRead);
    connect(m_users, &QListWidget::itemActivated, this, &ChatTab::onUserActivated);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (m_unread > 0 && isReading())
            markRead();
    });
    return room;
}

void ChatTab::retranslateUi()
{
    m_connectBox->setTitle(tr("Connection"));
    m_hostLabel->setText(tr("&Host:"));
    m_hostLabel->setBuddy(m_host);
    m_portLabel->setText(tr("&Port:"));
    m_portLabel->setBuddy(m_port);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setToolTip(tr("TCP port of the chat server; a classic UDP server uses the same number"));
    m_nameLabel->setText(tr("&Name:"));
    m_nameLabel->setBuddy(m_name);
    m_name->setPlaceholderText(tr("1-32 characters, no spaces"));
    m_modeLabel->setText(tr("&Mode:"));
    m_modeLabel->setBuddy(m_mode);
    m_mode->setItemText(m_mode->findData(int(Mode::Native)), tr("Native (TCP, works with nc)"));
    m_mode->setItemText(m_mode->findData(int(Mode::Classic)), tr("Classic UDP (course 2018/19: L/C/Q)"));
    m_mode->setItemText(m_mode->findData(int(Mode::Classic2020)), tr("Classic UDP (course 2020: L/C/E)"));
    m_localServer->setText(tr("Start a &local server on this port"));
    m_localServer->setToolTip(tr("Runs Socketeer's chat server here (native TCP and classic UDP on the same port) so one machine is enough for a demo"));
    m_connect->setText(tr("&Connect"));
    m_disconnect->setText(tr("&Disconnect"));
    m_reconnect->setText(tr("&Reconnect"));
    m_usersLabel->setText(tr("In the room"));
    m_users->setToolTip(tr("Double-click a name to send a private message"));
    m_input->setPlaceholderText(tr("Type a message. Enter sends, Shift+Enter starts a new line, /to NAME text sends privately."));
    m_send->setText(tr("&Send"));
    m_wireLabel->setText(tr("On the wire (this connection)"));
    m_unreadButton->setText(tr("%n new message(s) ↓", nullptr, m_unread));
    m_messages->retranslate();
    updateStatus();
}

void ChatTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ActivationChange && m_unread > 0 && isReading())
        markRead();   // back at the window with the list at its end: the new messages are seen
    common::TabPage::changeEvent(event);
}

void ChatTab::showEvent(QShowEvent *event)
{
    common::TabPage::showEvent(event);
    if (m_unread > 0 && isReading())
        markRead();
}

bool ChatTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            sendInput();
            return true;
        }
    }
    return common::TabPage::eventFilter(watched, event);
}

void ChatTab::saveSettings(QSettings &settings) const
{
    settings.setValue(u"host"_s, m_host->text());
    settings.setValue(u"port"_s, m_port->value());
    settings.setValue(u"name"_s, m_name->text());
    settings.setValue(u"mode"_s, m_mode->currentData().toInt());
}

void ChatTab::restoreSettings(QSettings &settings)
{
    m_host->setText(settings.value(u"host"_s, m_host->text()).toString());
    m_port->setValue(settings.value(u"port"_s, m_port->value()).toInt());
    m_name->setText(settings.value(u"name"_s).toString());
    const int index = m_mode->findData(settings.value(u"mode"_s, int(Mode::Native)).toInt());
    m_mode->setCurrentIndex(index >= 0 ? index : 0);
}

void ChatTab::updateEnabledState()
{
    const ChatClient::State state = m_client->state();
    const bool idle = state == ChatClient::State::Disconnected;
    const bool joined = state == ChatClient::State::Joined;
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_name),
                       static_cast<QWidget *>(m_mode)})
        w->setEnabled(idle);
    m_connect->setEnabled(idle);
    m_disconnect->setEnabled(!idle);
    m_reconnect->setEnabled(idle && !m_client->host().isEmpty());
    m_input->setEnabled(joined);
    m_send->setEnabled(joined);
    m_users->setEnabled(joined);
}

} // namespace widgets::chat

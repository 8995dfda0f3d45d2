#pragma once

#include "widgets/chat/chatmessagemodel.h"
#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"

#include "netcore/chat/chatclient.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace netcore::chat { class ChatServer; }
namespace netcore::common { class Transcript; }
namespace widgets::common { class WireView; }

namespace widgets::chat {


// The Chat tab: joins a chat room with the native protocol or the course's classic UDP protocol (to a student's
// server), optionally after starting a local ChatServer so one machine is enough for a demo. Messages (own,
// others', private, system) are styled apart with timestamps and an unread marker; users are listed; Enter
// sends, Shift+Enter starts a new line, "/to NAME text" (or a double-click on a user) whispers. The wire view
// shows this connection's bytes.
class ChatTab final : public common::TabPage, public common::ServerHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTab)

public:
    // The mode box holds the client's dialects (item data: the enum's value).
    using Mode = netcore::chat::ChatClient::Mode;

    explicit ChatTab(QWidget *parent = nullptr);
    ~ChatTab() override;

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;
    QStringList activeWork() const override;   // the local server, with its clients
    common::ServerKind serverKind() const override { return common::ServerKind::Chat; }
    netcore::common::Server *hostedServer() const override;
    bool startForClass() override { return setLocalServerRunning(true); }
    void stopServer() override { setLocalServerRunning(false); }

    // What the buttons do; public for tests and keyboard users alike.
    void setConnection(const QString &host, quint16 port, const QString &name, Mode mode);
    void connectToRoom();
    void disconnectFromRoom();
    void reconnect();
    bool setLocalServerRunning(bool run);   // false (with a message) when it cannot listen
    void sendInput();                      // sends the input box's text

    netcore::chat::ChatClient *client() const { return m_client; }
    netcore::chat::ChatServer *localServer() const { return m_server; }
    netcore::common::Transcript *transcript() const { return m_transcript; }
    ChatMessageModel *messages() const { return m_messages; }
    QStringList userNames() const;
    QString statusText() const;
    int unreadCount() const { return m_unread; }
    void markRead();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    QWidget *buildConnectPanel();
    QWidget *buildRoom();
    void retranslateUi() override;
    void updateEnabledState();
    void updateStatus();
    void onStateChanged(netcore::chat::ChatClient::State state);
    void onEvent(const netcore::chat::ChatEvent &event);
    void onError(netcore::chat::ChatClient::Error error);
    void onRequestFailed(const QString &code, const QString &text);
    void onUsersChanged(const QStringList &users);
    void onUserActivated(QListWidgetItem *item);
    void onLocalServerToggled(bool checked);
    void notice(ChatMessageModel::NoticeText text, bool error = false);
    bool isReading() const;
    void scrollToBottom();

    netcore::common::Transcript *m_transcript = nullptr;
    netcore::chat::ChatClient *m_client = nullptr;
    netcore::chat::ChatServer *m_server = nullptr;
    ChatMessageModel *m_messages = nullptr;

    QGroupBox *m_connectBox = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_host = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_modeLabel = nullptr;
    QComboBox *m_mode = nullptr;
    QCheckBox *m_localServer = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_reconnect = nullptr;
    QLabel *m_status = nullptr;
    QListView *m_list = nullptr;
    QToolButton *m_unreadButton = nullptr;
    QLabel *m_usersLabel = nullptr;
    QListWidget *m_users = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_wireLabel = nullptr;
    common::WireView *m_wire = nullptr;

    int m_unread = 0;
    ChatMessageModel::NoticeText m_statusError;   // the last error, said in the current language until the next connect
};

} // namespace widgets::chat

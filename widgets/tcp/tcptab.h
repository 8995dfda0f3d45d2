#pragma once

#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"

#include "netcore/tcp/tcpclient.h"
#include "netcore/tcp/tcpserver.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace netcore::common { class Transcript; }
namespace widgets::common { class WireView; }

namespace widgets::tcp {

class ProbePage;
class ReceiveLog;
class ReceivedView;
class SendBox;

// The TCP tab (TCP 调试, like NetAssist's, but honest about the byte stream). Left: the connections — client sessions
// (several at once) and a server (show / echo / fixed reply / rules) whose clients are its children in the same tree;
// close (FIN), half-close, abort (RST), disconnect, TCP_NODELAY. Middle: the selected connection's received data
// (text read by read with every recv() boundary marked, hex, the framing view, counters, receive-to-file) and the send
// box (encodings, hex, escapes, line ending, repeat, pieces, file, prepared sends). Beside the received Text, Hex and
// Frames pages, in the same tab widget (sidePages(), objectName "receivedPages"): the wire view of everything the
// tab's sessions and server did; more pages (TCP facts, the concurrency probe) go there through addSidePage(), and
// follow the selection through currentConnectionChanged().
class TcpTab final : public common::TabPage, public common::ServerHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpTab)

public:
    explicit TcpTab(QWidget *parent = nullptr);
    ~TcpTab() override;

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;
    QStringList activeWork() const override;

    // common::ServerHost: the "TCP echo server" of the classroom panel (echo mode, every address, the port field:
    // 8007 unless changed).
    common::ServerKind serverKind() const override { return common::ServerKind::Tcp; }
    netcore::common::Server *hostedServer() const override;
    bool startForClass() override;
    void stopServer() override;

    // --- the side pages: Text, Hex, Frames, Wire, then pages added later (the TCP facts panel, the probe) ---
    QTabWidget *sidePages() const { return m_side; }
    // Adds `page` to the side area; its tab text is page->windowTitle() and follows it (set it in the page's
    // retranslateUi()). Returns the page's index.
    int addSidePage(QWidget *page);

    // --- the selection (what the send box sends to, what the received view shows) ---
    netcore::tcp::TcpClient *currentSession() const;             // a client session row, else null
    std::optional<quint64> currentServerClient() const;          // a server's client row: its id
    bool serverRowSelected() const;                              // the server row ("send to all")
    netcore::tcp::TcpServer *server() const { return m_server; }

    // --- driving the tab (the buttons do the same; tests use these) ---
    netcore::tcp::TcpClient *openSession(const QString &host, quint16 port);
    bool listen(const QHostAddress &address, quint16 port);
    // The server on a Unix-domain socket at `path` (a stale socket file nobody answers on is replaced).
    bool listenUnix(const QString &path);
    void selectSession(const netcore::tcp::TcpClient *client);
    void selectServer();
    void selectServerClient(quint64 id);
    bool receiveToFile(const QString &path);                     // the selected connection's reads from now on
    void stopReceiveToFile();
    void setServerMode(netcore::tcp::ServerMode mode);

    SendBox *sendBox() const { return m_send; }
    ProbePage *probePage() const { return m_probe; }
    ReceivedView *receivedView() const { return m_received; }
    ReceiveLog *currentLog() const;
    QTreeWidget *connectionsView() const { return m_tree; }
    netcore::common::Transcript *transcript() const { return m_transcript; }

Q_SIGNALS:
    // Another row is selected (or the selected connection changed state): side pages re-read the selection.
    void currentConnectionChanged();

protected:
    void retranslateUi() override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Conversation;

    void buildUi();
    QWidget *buildConnectionsPanel();
    void updateMetrics();   // heights counted in lines follow the zoom
    void updateEnabledState();
    void updateTarget();
    void updateHandout();
    bool startServer(const std::function<bool(netcore::tcp::TcpServer *)> &start);
    void updateRow(Conversation &conversation);
    void refreshCounters();
    void onCurrentItemChanged();
    void onNewConnection();
    void onListenToggled();
    void onClientAdded(const netcore::common::ClientInfo &client);
    void onClientRemoved(quint64 id);
    void onServerReceived(quint64 id, const QByteArray &bytes);
    void onReceived(Conversation &conversation, const QByteArray &bytes, const QString &from);
    void onReceiveToFileRequested(bool on);
    void applyServerSettings();
    void applyViewSettings(ReceiveLog &log) const;
    void closeSelected();
    void halfCloseSelected();
    void abortSelected();
    void disconnectSelected();
    void removeSelected();
    void removeConversation(quint64 key);
    void removeServerRows();
    void showStatus(const QString &text);
    Conversation &addConversation(int kind, QTreeWidgetItem *parent);
    Conversation *current() const;
    Conversation *conversationOf(const netcore::tcp::TcpClient *client) const;
    std::optional<QList<netcore::tcp::ReplyRule>> parseRules(QString *error) const;
    QString serverWhere() const;

    netcore::common::Transcript *m_transcript;
    QPointer<netcore::tcp::TcpServer> m_server;
    std::map<quint64, std::unique_ptr<Conversation>> m_conversations;
    QHash<quint64, quint64> m_serverClients;   // server client id -> conversation key
    quint64 m_serverKey = 0;                   // the server row's conversation (0: none)
    quint64 m_nextKey = 1;
    QTimer *m_refresh = nullptr;

    QSplitter *m_splitter = nullptr;
    QSplitter *m_middle = nullptr;
    QGroupBox *m_clientBox = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_host = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QPushButton *m_connect = nullptr;
    QGroupBox *m_serverBox = nullptr;
    QComboBox *m_listenAddress = nullptr;
    QLabel *m_listenPortLabel = nullptr;
    QSpinBox *m_listenPort = nullptr;
    QComboBox *m_mode = nullptr;
    QLineEdit *m_reply = nullptr;
    QPlainTextEdit *m_rules = nullptr;
    QSpinBox *m_maxClients = nullptr;    // ServerLimits::maxClients
    QSpinBox *m_maxPerHost = nullptr;    // ServerLimits::maxPerHost (0: no limit)
    QSpinBox *m_idleSeconds = nullptr;   // ServerLimits::idleTimeout in seconds (0: off)
    QLabel *m_serverProblem = nullptr;
    QLabel *m_serverHandout = nullptr;   // where students connect, while listening
    QPushButton *m_listen = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_halfClose = nullptr;
    QPushButton *m_abort = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_remove = nullptr;
    QCheckBox *m_noDelay = nullptr;
    QCheckBox *m_tls = nullptr;
    QCheckBox *m_tlsInsecure = nullptr;
    QLineEdit *m_unixPath = nullptr;
    ReceivedView *m_received = nullptr;
    SendBox *m_send = nullptr;
    QTabWidget *m_side = nullptr;
    common::WireView *m_wire = nullptr;
    ProbePage *m_probe = nullptr;
};

} // namespace widgets::tcp

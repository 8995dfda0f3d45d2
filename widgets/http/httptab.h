#pragma once

#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"

#include "netcore/http/httpclient.h"

class QCheckBox;
class QHBoxLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace netcore::common { class Transcript; }
namespace widgets::common { class WireView; }

namespace widgets::http {

class HttpCapturePage;
class HttpRawPage;
class HttpResponseView;

// The HTTP inspector tab: Compose (method with its meaning, URL, headers with Socketeer's own greyed,
// body, version, timeout, redirects), Raw (exact bytes + checker), the response in detail, a history,
// "copy as curl", the capture server, and the wire view of everything sent and received.
class HttpTab final : public common::TabPage, public common::ServerHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTab)

public:
    static constexpr int kHistoryLimit = 50;
    enum class BodyType : quint8 { Text, Json, Form, File };   // the body type box (its item data)

    explicit HttpTab(QWidget *parent = nullptr);
    ~HttpTab() override;

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;
    QStringList activeWork() const override;   // the capture server while it listens, a request in flight
    common::ServerKind serverKind() const override { return common::ServerKind::Http; }
    netcore::common::Server *hostedServer() const override;
    bool startForClass() override;
    void stopServer() override;

    // For tests and the history list.
    void setMethod(const QString &method);
    void setUrl(const QString &url);
    void setBody(const QString &body);
    void setFollowRedirects(bool follow);
    void send();                                 // the Send button
    void sendRaw();                              // the Raw page's Send raw button
    netcore::http::RequestSpec composedSpec() const;
    QString curlCommand() const;                 // what "Copy as curl" copies
    QStringList automaticHeaderNames() const;    // the greyed rows
    QStringList history() const;
    HttpResponseView *responseView() const { return m_response; }
    HttpRawPage *rawPage() const { return m_raw; }
    HttpCapturePage *capturePage() const { return m_capture; }
    netcore::http::HttpClient *client() const { return m_client; }
    netcore::common::Transcript *transcript() const { return m_transcript; }

Q_SIGNALS:
    void exchangeFinished();

private:
    void buildUi();
    QWidget *buildCompose();
    void retranslateUi() override;
    void updateEnabledState();
    void updateMethodHelp();
    void refreshAutomaticHeaders();
    void addHeaderRow(const QString &name, const QString &value, bool automatic);
    netcore::http::ClientOptions options() const;
    BodyType bodyType() const;
    void setBodyType(BodyType type);
    netcore::http::HttpVersion version() const;
    void setVersion(netcore::http::HttpVersion version);
    void onFinished();
    void onCopyCurl();
    void onBodyTypeChanged();
    void onHistoryActivated();
    void rememberInHistory(const netcore::http::RequestSpec &spec);
    void loadFromHistory(const QString &entry);

    netcore::common::Transcript *m_transcript;
    netcore::http::HttpClient *m_client;
    QStringList m_history;   // JSON objects, newest first
    QByteArray m_fileBody;   // the body when its type is File
    bool m_fillingHeaders = false;

    QTabWidget *m_sections = nullptr;
    QTabWidget *m_requestTabs = nullptr;
    QComboBox *m_method = nullptr;
    QLabel *m_methodHelp = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_stop = nullptr;
    QTableWidget *m_headers = nullptr;
    QPushButton *m_addHeader = nullptr;
    QPushButton *m_removeHeader = nullptr;
    QLabel *m_headersHint = nullptr;
    QComboBox *m_bodyType = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QComboBox *m_version = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_follow = nullptr;
    QCheckBox *m_insecure = nullptr;
    QPushButton *m_copyCurl = nullptr;
    QLabel *m_bodyLabel = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_timeoutLabel = nullptr;
    QListWidget *m_historyList = nullptr;
    HttpRawPage *m_raw = nullptr;
    HttpResponseView *m_response = nullptr;
    HttpCapturePage *m_capture = nullptr;
    QHBoxLayout *m_preparedSlot = nullptr;   // the URL row, where the Prepared button goes
    common::WireView *m_wire = nullptr;
};

} // namespace widgets::http

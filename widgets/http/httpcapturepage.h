#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/http/captureserver.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace netcore::common { class Transcript; }

namespace widgets::http {

// The capture server ("a better nc -l"): listen, see each incoming request's exact bytes and parsed form
// as it arrives (favicon requests and connection reuse included), answer with a chosen canned response.
class HttpCapturePage final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpCapturePage)

public:
    explicit HttpCapturePage(netcore::common::Transcript *transcript, QWidget *parent = nullptr);

    netcore::http::CaptureServer *server() const { return m_server; }
    bool startListening(const QString &address, quint16 port);   // what the Start button does
    bool startForClass();        // ticks "listen on the LAN" and starts on every address with the page's settings
    void stopListening();
    void setAnswer(const netcore::http::ResponseSpec &spec);       // fills the answer fields
    netcore::http::ResponseSpec answer() const;                     // from the answer fields
    QList<netcore::http::CapturedRequest> captured() const { return m_captured; }
    QString detailText() const;                                     // the selected request as shown

    static constexpr int kMaxKept = 2000;

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    QByteArray cannedBody() const;   // the body field as bytes (escapes read when ticked)
    void buildUi();
    void retranslateUi() override;
    void updateEnabledState();
    void onStartStop();
    void onLanToggled(bool lan);
    void onCaptured(const netcore::http::CapturedRequest &captured);
    void onServerError(netcore::http::CaptureServer::Error error);
    static QString answerModeText(netcore::http::AnswerMode mode);
    static QString malformedText(netcore::http::MalformedKind kind);
    void onSelectionChanged();
    void onAnswerChanged();
    void onBrowse();
    void onOpenInBrowser();

    netcore::http::CaptureServer *m_server;
    QList<netcore::http::CapturedRequest> m_captured;
    QLineEdit *m_address = nullptr;
    QCheckBox *m_lan = nullptr;
    QSpinBox *m_port = nullptr;
    QPushButton *m_startStop = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_addressLabel = nullptr;
    QLabel *m_portLabel = nullptr;
    QLabel *m_modeLabel = nullptr;
    QComboBox *m_mode = nullptr;
    QSpinBox *m_status = nullptr;
    QLineEdit *m_root = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_location = nullptr;
    QComboBox *m_malformed = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPlainTextEdit *m_extraHeaders = nullptr;
    QCheckBox *m_chunked = nullptr;
    QCheckBox *m_gzip = nullptr;
    QCheckBox *m_continue = nullptr;
    QCheckBox *m_bodyEscapes = nullptr;   // the canned body is text with \r \n \t \xNN escapes (any bytes)
    QLabel *m_bodyError = nullptr;
    QSpinBox *m_drip = nullptr;
    QLabel *m_dripLabel = nullptr;
    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace widgets::http

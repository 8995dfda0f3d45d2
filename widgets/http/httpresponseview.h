#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/http/exchange.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace widgets::http {

class TimingWaterfall;

// One exchange as the inspector shows it: the hops (redirects), and for the chosen hop the status line
// with the meaning of its code, the headers, the body step by step (wire -> de-chunked -> decoded, with
// sizes; JSON pretty-printed, images previewed), the raw bytes both ways, a hex view, the timing
// waterfall and the TLS panel.
class HttpResponseView final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpResponseView)

public:
    explicit HttpResponseView(QWidget *parent = nullptr);

    void setHops(const QList<netcore::http::Hop> &hops);
    void clear();
    int currentHop() const { return m_current; }
    void showHop(int index);

    // What is shown now, for tests and copy.
    QString statusText() const;
    QString stepsText() const;
    QString bodyText() const;
    QSize imagePreviewSize() const;   // the preview's size in pixels, invalid when the body is not shown as an image
    QString tlsText() const;
    QString timingText() const;
    QString rawText() const;

protected:

private:
    void buildUi();
    void retranslateUi() override;
    void refresh();
    void fillHeaders(const netcore::http::Hop &hop);
    void fillBody(const netcore::http::Hop &hop);
    QString describeSteps(const netcore::http::Hop &hop) const;
    QString describeTls(const netcore::http::Hop &hop) const;
    void onSaveBody();

    QList<netcore::http::Hop> m_hops;
    int m_current = -1;
    QLabel *m_status = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_steps = nullptr;
    QListWidget *m_hopList = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_image = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QPlainTextEdit *m_hex = nullptr;
    TimingWaterfall *m_timing = nullptr;
    QPlainTextEdit *m_tls = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace widgets::http

#pragma once

#include "widgets/common/retranslating.h"

#include "netcore/http/requestchecker.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace widgets::http {

// The Raw editor: the exact request bytes, line ends made visible (¶ marks a line end, sent as CR LF or
// LF as chosen), a linked hex view, and a checker that points at the byte of each protocol mistake.
class HttpRawPage final : public common::Retranslating<QWidget>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpRawPage)

public:
    explicit HttpRawPage(QWidget *parent = nullptr);

    QByteArray bytes() const;                  // what Send raw sends
    void setBytes(const QByteArray &bytes);    // CR LF line ends become the CR LF mode
    bool slowSend() const;
    QStringList checkerMessages() const;       // "byte N: text" per issue, as listed
    void fixContentLength();
    void check();
    int textPositionForByte(qint64 offset) const;

Q_SIGNALS:
    void sendRequested();
    void fillFromComposeRequested();

private:
    enum class LineEnds : quint8 { CrLf, Lf };   // the line-ends box (its item data)

    LineEnds lineEnds() const;
    bool crlf() const { return lineEnds() == LineEnds::CrLf; }
    void buildUi();
    void retranslateUi() override;
    void onIssueActivated();
    void onCursorMoved();

    QPlainTextEdit *m_editor = nullptr;
    QPlainTextEdit *m_hex = nullptr;
    QComboBox *m_lineEnds = nullptr;
    QCheckBox *m_slow = nullptr;
    QPushButton *m_fromCompose = nullptr;
    QPushButton *m_fix = nullptr;
    QPushButton *m_send = nullptr;
    QListWidget *m_issues = nullptr;
    QLabel *m_hint = nullptr;
    QTimer *m_checkTimer = nullptr;
    QList<netcore::http::RequestIssue> m_found;
};

} // namespace widgets::http

#include "widgets/http/httprawpage.h"

#include "widgets/common/shortcuts.h"
#include "widgets/common/zoom.h"
#include "widgets/common/colors.h"
#include "presentation/http/httpexplain.h"
#include "presentation/http/wiretext.h"
#include "netcore/common/bytesformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace netcore::http;

using namespace presentation::http;

namespace widgets::http {
namespace {

constexpr std::chrono::milliseconds kCheckDelay{250};

} // namespace

HttpRawPage::HttpRawPage(QWidget *parent)
    : Retranslating(parent)
    , m_checkTimer(new QTimer(this))
{
    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(kCheckDelay);
    connect(m_checkTimer, &QTimer::timeout, this, &HttpRawPage::check);
    buildUi();
    retranslateUi();
}

void HttpRawPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_lineEnds = new QComboBox(this);
    m_lineEnds->addItem(QString(), QVariant::fromValue(int(LineEnds::CrLf)));
    m_lineEnds->addItem(QString(), QVariant::fromValue(int(LineEnds::Lf)));
    m_lineEnds->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_slow = new QCheckBox(this);
    m_fromCompose = new QPushButton(this);
    m_fix = new QPushButton(this);
    m_send = new QPushButton(this);
    row->addWidget(m_lineEnds);
    row->addWidget(m_slow);
    row->addStretch(1);
    layout->addLayout(row);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fromCompose);
    buttons->addWidget(m_fix);
    buttons->addStretch(1);
    buttons->addWidget(m_send);
    layout->addLayout(buttons);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_editor = new QPlainTextEdit(splitter);
    common::useFixedFont(m_editor);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    QTextOption option = m_editor->document()->defaultTextOption();
    option.setFlags(option.flags() | QTextOption::ShowLineAndParagraphSeparators | QTextOption::ShowTabsAndSpaces);
    m_editor->document()->setDefaultTextOption(option);
    m_hex = new QPlainTextEdit(splitter);
    m_hex->setReadOnly(true);
    common::useFixedFont(m_hex);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_issues = new QListWidget(splitter);
    layout->addWidget(splitter, 1);
    connect(m_editor, &QPlainTextEdit::textChanged, m_checkTimer, qOverload<>(&QTimer::start));
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &HttpRawPage::onCursorMoved);
    connect(m_lineEnds, &QComboBox::currentIndexChanged, this, &HttpRawPage::check);
    connect(m_issues, &QListWidget::currentRowChanged, this, &HttpRawPage::onIssueActivated);
    connect(m_fix, &QPushButton::clicked, this, &HttpRawPage::fixContentLength);
    connect(m_send, &QPushButton::clicked, this, &HttpRawPage::sendRequested);
    common::addSendShortcut(m_send, this);
    connect(m_fromCompose, &QPushButton::clicked, this, &HttpRawPage::fillFromComposeRequested);
}

void HttpRawPage::retranslateUi()
{
    m_lineEnds->setItemText(m_lineEnds->findData(int(LineEnds::CrLf)), tr("Line ends sent as CR LF (correct HTTP)"));
    m_lineEnds->setItemText(m_lineEnds->findData(int(LineEnds::Lf)), tr("Line ends sent as LF only (a common mistake)"));
    m_slow->setText(tr("Send slowly, byte by byte"));
    m_fromCompose->setText(tr("Copy from Compose"));
    m_fix->setText(tr("Fix Content-Length"));
    m_send->setText(tr("Send raw"));
    m_hint->setText(tr("Type the request exactly as it goes on the wire: request line, headers, an empty line, the body. "
                       "¶ marks each line end. The hex view shows the bytes; the checker below points at mistakes "
                       "(click one to jump to its byte)."));
    check();
}


HttpRawPage::LineEnds HttpRawPage::lineEnds() const
{
    return LineEnds(m_lineEnds->currentData().toInt());
}

QByteArray HttpRawPage::bytes() const
{
    QByteArray utf8 = m_editor->toPlainText().toUtf8();
    if (crlf())
        utf8.replace("\n", "\r\n");
    return utf8;
}

void HttpRawPage::setBytes(const QByteArray &raw)
{
    const LineEnds ends = raw.contains("\r\n") || !raw.contains('\n') ? LineEnds::CrLf : LineEnds::Lf;
    m_lineEnds->setCurrentIndex(m_lineEnds->findData(int(ends)));
    QByteArray text = raw;
    if (crlf())
        text.replace("\r\n", "\n");
    m_editor->setPlainText(QString::fromUtf8(text));
    check();
}

bool HttpRawPage::slowSend() const
{
    return m_slow->isChecked();
}

int HttpRawPage::textPositionForByte(qint64 offset) const
{
    const QString text = m_editor->toPlainText();
    const bool crlf = this->crlf();
    qint64 bytesSoFar = 0;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        qint64 size = 1;
        if (c == u'\n')
            size = crlf ? 2 : 1;
        else if (c.isHighSurrogate())
            size = 4;
        else
            size = QString(c).toUtf8().size();
        if (bytesSoFar + size > offset)
            return i;   // inside this character (or the CR of its CR LF)
        bytesSoFar += size;
        if (c.isHighSurrogate())
            ++i;
    }
    return int(text.size());
}

void HttpRawPage::check()
{
    const QByteArray raw = bytes();
    m_found = raw.isEmpty() ? QList<RequestIssue>{} : checkRequest(raw);
    const QSignalBlocker blocker(m_issues);
    m_issues->clear();
    for (const RequestIssue &issue : std::as_const(m_found)) {
        auto *item = new QListWidgetItem(tr("byte %1: %2").arg(issue.offset).arg(HttpExplain::requestIssue(issue)), m_issues);
        item->setForeground(issue.severity == Severity::Error ? common::errorColor() : common::warningColor());
    }
    if (m_found.isEmpty() && !raw.isEmpty())
        m_issues->addItem(tr("No protocol mistakes found (%n byte(s)).", nullptr, int(raw.size())));
    m_hex->setPlainText(netcore::common::hexDump(raw, presentation::http::kHexDumpMaxBytes));
}

QStringList HttpRawPage::checkerMessages() const
{
    QStringList list;
    for (int i = 0; i < m_issues->count(); ++i)
        list.append(m_issues->item(i)->text());
    return list;
}

void HttpRawPage::fixContentLength()
{
    setBytes(netcore::http::fixContentLength(bytes()));
}

void HttpRawPage::onIssueActivated()
{
    const int row = m_issues->currentRow();
    if (row < 0 || row >= m_found.size())
        return;
    const RequestIssue &issue = m_found.at(row);
    QTextCursor cursor = m_editor->textCursor();
    const int start = textPositionForByte(issue.offset);
    const int end = qMax(start + 1, textPositionForByte(issue.offset + qMax<qint64>(1, issue.length)));
    cursor.setPosition(start);
    cursor.setPosition(qMin(end, int(m_editor->toPlainText().size())), QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_editor->setFocus();
}

void HttpRawPage::onCursorMoved()
{
    // the linked hex view: put its cursor on the row of the byte under the editor's cursor
    const int position = m_editor->textCursor().position();
    const QString before = m_editor->toPlainText().left(position);
    qint64 offset = before.toUtf8().size();
    if (crlf())
        offset += before.count(u'\n');
    const QTextBlock block = m_hex->document()->findBlockByNumber(int(offset / 16));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    const int column = 10 + int(offset % 16) * 3 + (offset % 16 >= 8 ? 1 : 0);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column);
    cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, 2);
    m_hex->setTextCursor(cursor);
    m_hex->ensureCursorVisible();
}

} // namespace widgets::http

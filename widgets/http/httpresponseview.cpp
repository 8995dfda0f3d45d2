#include "widgets/http/httpresponseview.h"

#include "widgets/common/zoom.h"
#include "presentation/http/httpexplain.h"
#include "widgets/http/timingwaterfall.h"
#include "presentation/http/wiretext.h"
#include "netcore/common/bytesformat.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace netcore::http;

using namespace presentation::http;

namespace widgets::http {
namespace {

QPlainTextEdit *monospaceView(QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    common::useFixedFont(view);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}

} // namespace

HttpResponseView::HttpResponseView(QWidget *parent)
    : Retranslating(parent)
{
    buildUi();
    retranslateUi();
    refresh();
}

void HttpResponseView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_connection = new QLabel(this);
    m_connection->setWordWrap(true);
    m_steps = new QLabel(this);
    m_steps->setWordWrap(true);
    m_hopList = new QListWidget(this);
    m_hopList->setMaximumHeight(70);
    connect(m_hopList, &QListWidget::currentRowChanged, this, &HttpResponseView::showHop);
    layout->addWidget(m_status);
    layout->addWidget(m_connection);
    layout->addWidget(m_steps);
    layout->addWidget(m_hopList);

    m_tabs = new QTabWidget(this);
    m_headers = new QTableWidget(0, 2, this);
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->setVisible(false);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *bodyPage = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    m_body = monospaceView(bodyPage);
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_image = new QLabel(bodyPage);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->hide();
    m_save = new QPushButton(bodyPage);
    connect(m_save, &QPushButton::clicked, this, &HttpResponseView::onSaveBody);
    bodyLayout->addWidget(m_body);
    bodyLayout->addWidget(m_image);
    bodyLayout->addWidget(m_save, 0, Qt::AlignRight);
    m_raw = monospaceView(this);
    m_hex = monospaceView(this);
    auto *timingScroll = new QScrollArea(this);
    m_timing = new TimingWaterfall(timingScroll);
    timingScroll->setWidget(m_timing);
    timingScroll->setWidgetResizable(true);
    m_tls = monospaceView(this);
    m_tabs->addTab(m_headers, QString());
    m_tabs->addTab(bodyPage, QString());
    m_tabs->addTab(m_raw, QString());
    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(timingScroll, QString());
    m_tabs->addTab(m_tls, QString());
    layout->addWidget(m_tabs, 1);
}

void HttpResponseView::retranslateUi()
{
    m_tabs->setTabText(0, tr("Headers"));
    m_tabs->setTabText(1, tr("Body"));
    m_tabs->setTabText(2, tr("Raw"));
    m_tabs->setTabText(3, tr("Hex"));
    m_tabs->setTabText(4, tr("Timing"));
    m_tabs->setTabText(5, tr("TLS"));
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_save->setText(tr("Save body…"));
    m_hopList->setToolTip(tr("Each hop of a followed redirect, with its own bytes"));
    refresh();
}


void HttpResponseView::setHops(const QList<Hop> &hops)
{
    m_hops = hops;
    m_current = hops.isEmpty() ? -1 : int(hops.size() - 1);
    refresh();
}

void HttpResponseView::clear()
{
    setHops({});
}

void HttpResponseView::showHop(int index)
{
    if (index < 0 || index >= m_hops.size() || index == m_current)
        return;
    m_current = index;
    refresh();
}

void HttpResponseView::refresh()
{
    const QSignalBlocker blocker(m_hopList);
    m_hopList->clear();
    for (const Hop &hop : std::as_const(m_hops)) {
        m_hopList->addItem(u"%1 %2 → %3"_s.arg(QString::fromLatin1(hop.method), hop.url.toString())
                               .arg(hop.response.statusCode ? QString::number(hop.response.statusCode) : u"—"_s));
    }
    m_hopList->setVisible(m_hops.size() > 1);
    m_hopList->setCurrentRow(m_current);
    m_save->setEnabled(m_current >= 0 && !m_hops.at(m_current).decoded.bytes.isEmpty());
    if (m_current < 0) {
        m_status->setText(tr("No response yet."));
        m_connection->clear();
        m_steps->clear();
        m_headers->setRowCount(0);
        m_body->clear();
        m_image->hide();
        m_raw->clear();
        m_hex->clear();
        m_timing->clear();
        m_tls->clear();
        return;
    }
    const Hop &hop = m_hops.at(m_current);
    QString status;
    if (!hop.response.headBytes.isEmpty())
        status = QString::fromLatin1(hop.response.startLine()) + u"\n"_s + HttpExplain::statusMeaning(hop.response.statusCode);
    if (!hop.ok())
        status += (status.isEmpty() ? QString() : u"\n"_s) + HttpExplain::exchangeError(hop);
    m_status->setText(status);
    if (hop.connectionNumber > 0) {
        m_connection->setText(hop.reusedConnection
                                  ? tr("Connection #%1 reused (keep-alive): %2 → %3").arg(hop.connectionNumber).arg(hop.local, hop.peer)
                                  : tr("New connection #%1: %2 → %3").arg(hop.connectionNumber).arg(hop.local, hop.peer));
    } else {
        m_connection->clear();
    }
    m_steps->setText(describeSteps(hop));
    fillHeaders(hop);
    fillBody(hop);
    QString raw = tr("— sent (%n byte(s)) —", nullptr, int(hop.requestBytes.size())) + u'\n' + netcore::common::visibleText(hop.requestBytes, netcore::common::LineMode::MultiLine, -1, netcore::common::Escaping::Python)
                  + u"\n\n"_s + tr("— received (%n byte(s)) —", nullptr, int(hop.receivedBytes.size())) + u'\n'
                  + netcore::common::visibleText(hop.receivedBytes, netcore::common::LineMode::MultiLine, -1, netcore::common::Escaping::Python);
    m_raw->setPlainText(raw);
    m_hex->setPlainText(tr("sent:") + u'\n' + netcore::common::hexDump(hop.requestBytes, presentation::http::kHexDumpMaxBytes) + u'\n' + tr("received:") + u'\n'
                        + netcore::common::hexDump(hop.receivedBytes, presentation::http::kHexDumpMaxBytes));
    m_timing->setHop(hop);
    m_tls->setPlainText(describeTls(hop));
}

void HttpResponseView::fillHeaders(const Hop &hop)
{
    QList<Header> rows;
    for (const HttpMessage &interim : hop.interim) {
        rows.append({"(" + QByteArray::number(interim.statusCode) + ")", interim.startLine()});
        rows.append(interim.headers);
    }
    rows.append(hop.response.headers);
    for (const Header &trailer : hop.response.trailers)
        rows.append({trailer.name + " (trailer)", trailer.value});
    m_headers->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_headers->setItem(i, 0, new QTableWidgetItem(QString::fromLatin1(rows.at(i).name)));
        m_headers->setItem(i, 1, new QTableWidgetItem(QString::fromUtf8(rows.at(i).value)));
    }
    m_headers->resizeColumnToContents(0);
}

void HttpResponseView::fillBody(const Hop &hop)
{
    const QByteArray &bytes = hop.decoded.bytes;
    const QByteArray type = hop.response.headerValue("Content-Type").toLower();
    if (type.startsWith("image/")) {
        QImage image;
        if (image.loadFromData(bytes)) {
            m_image->setPixmap(QPixmap::fromImage(image.scaled(image.size().boundedTo(QSize(640, 480)), Qt::KeepAspectRatio)));
            m_image->show();
            m_body->setPlainText(tr("Image: %1 × %2 pixels, %3 bytes").arg(image.width()).arg(image.height()).arg(bytes.size()));
            return;
        }
    }
    m_image->hide();
    const QString json = prettyJson(bytes);
    if (!json.isEmpty()) {
        m_body->setPlainText(json);
        return;
    }
    const QString text = QString::fromUtf8(bytes);
    const bool binary = bytes.contains('\0') || text.contains(QChar::ReplacementCharacter);
    if (binary) {
        m_body->setPlainText(netcore::common::hexDump(bytes, presentation::http::kHexDumpMaxBytes));
        return;
    }
    // HTML re-indented (the Raw and Hex pages keep the bytes exactly as they came); very large pages stay as sent
    constexpr qsizetype kPrettyHtmlLimit = 4 * 1024 * 1024;
    const bool html = type.startsWith("text/html") || type.startsWith("application/xhtml");
    const QString pretty = html && bytes.size() <= kPrettyHtmlLimit ? prettyHtml(text) : QString();
    m_body->setPlainText(pretty.isEmpty() ? text : pretty);
}

QString HttpResponseView::describeSteps(const Hop &hop) const
{
    const HttpMessage &r = hop.response;
    if (r.headBytes.isEmpty())
        return {};
    QString steps = tr("Body: %1 bytes on the wire (%2)").arg(r.wireBody.size()).arg(HttpExplain::framing(r.framing));
    if (r.framing == BodyFraming::Chunked)
        steps += tr(" → %1 bytes after removing %2 chunk header(s)").arg(r.body.size()).arg(r.chunkCount);
    if (hop.decoded.coding != Coding::Identity)
        steps += tr(" → %1 bytes after %2 decoding").arg(hop.decoded.bytes.size()).arg(QString::fromLatin1(hop.decoded.codingName));
    if (hop.decoded.error != DecodeError::None)
        steps += u' ' + tr("(decoding failed: %1)").arg(QString::fromLatin1(decodeErrorKey(hop.decoded.error)));
    steps += u'\n' + tr("Head: %1 bytes. Keep-alive: %2.").arg(r.headBytes.size()).arg(r.keepAlive ? tr("yes") : tr("no, the connection closes"));
    return steps;
}

QString HttpResponseView::describeTls(const Hop &hop) const
{
    if (!hop.tls.used)
        return tr("Plain HTTP: nothing is encrypted; anyone on the path can read these bytes.");
    QString text;
    if (!hop.tls.protocol.isEmpty())
        text += tr("Protocol: %1\nCipher: %2 (%3 bits)\n").arg(hop.tls.protocol, hop.tls.cipher).arg(hop.tls.cipherBits);
    text += tr("Checked against the name: %1\n").arg(hop.tls.peerVerifyName);
    for (qsizetype i = 0; i < hop.tls.chain.size(); ++i) {
        const CertificateInfo &c = hop.tls.chain.at(i);
        text += u'\n' + tr("Certificate %1%2").arg(i).arg(c.selfSigned ? tr(" (self-signed)") : QString()) + u'\n'
                + tr("  subject: %1\n  issuer: %2\n  valid: %3 to %4\n  names: %5\n  SHA-256: %6\n")
                      .arg(c.subject, c.issuer, c.notBefore.toString(Qt::ISODate), c.notAfter.toString(Qt::ISODate),
                           c.alternativeNames.join(u", "_s), c.sha256);
    }
    if (!hop.tls.errors.isEmpty()) {
        text += u'\n' + (hop.tls.errorsIgnored ? tr("Verification errors (you chose to continue):")
                                               : tr("Verification errors (nothing was sent):"))
                + u'\n';
        for (const TlsErrorInfo &error : hop.tls.errors)
            text += u"  • "_s + HttpExplain::tlsError(error) + u'\n';
    } else if (!hop.tls.protocol.isEmpty()) {
        text += u'\n' + tr("The certificate verified.") + u'\n';
    }
    return text;
}

void HttpResponseView::onSaveBody()
{
    if (m_current < 0)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save body"), m_hops.at(m_current).url.fileName());
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_hops.at(m_current).decoded.bytes) < 0)
        QMessageBox::warning(this, tr("Save body"), tr("Could not write %1: %2").arg(path, file.errorString()));
}

QString HttpResponseView::statusText() const { return m_status->text(); }
QString HttpResponseView::stepsText() const { return m_steps->text(); }
QString HttpResponseView::bodyText() const { return m_body->toPlainText(); }

QSize HttpResponseView::imagePreviewSize() const
{
    return m_image->isHidden() ? QSize() : m_image->pixmap().size();
}
QString HttpResponseView::tlsText() const { return m_tls->toPlainText(); }
QString HttpResponseView::timingText() const { return m_timing->summary(); }
QString HttpResponseView::rawText() const { return m_raw->toPlainText(); }

} // namespace widgets::http

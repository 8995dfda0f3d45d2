#include "widgets/http/httpcapturepage.h"

#include "widgets/common/zoom.h"
#include "widgets/common/colors.h"
#include "presentation/http/httpexplain.h"
#include "presentation/http/httptext.h"
#include "presentation/http/wiretext.h"
#include "presentation/lookup/handouttext.h"
#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "presentation/common/escapestext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace netcore::http;

using namespace presentation::http;

namespace widgets::http {

HttpCapturePage::HttpCapturePage(netcore::common::Transcript *transcript, QWidget *parent)
    : Retranslating(parent)
    , m_server(new CaptureServer(this))
{
    m_server->setTranscript(transcript);
    buildUi();
    retranslateUi();
    connect(m_server, &CaptureServer::requestCaptured, this, &HttpCapturePage::onCaptured);
    connect(m_server, &CaptureServer::errorOccurred, this, &HttpCapturePage::onServerError);
    connect(m_server, &CaptureServer::stateChanged, this, &HttpCapturePage::updateEnabledState);
    updateEnabledState();
}

void HttpCapturePage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *listenRow = new QHBoxLayout;
    m_addressLabel = new QLabel(this);
    m_address = new QLineEdit(u"127.0.0.1"_s, this);
    m_lan = new QCheckBox(this);
    m_lan->setObjectName(u"listenOnLan"_s);
    m_portLabel = new QLabel(this);
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"capturePort"_s);
    m_port->setRange(0, 65535);
    m_port->setValue(CaptureServer::kDefaultPort);
    m_startStop = new QPushButton(this);
    m_open = new QPushButton(this);
    m_state = new QLabel(this);
    m_state->setWordWrap(true);
    listenRow->addWidget(m_addressLabel);
    listenRow->addWidget(m_address);
    listenRow->addWidget(m_lan);
    listenRow->addWidget(m_portLabel);
    listenRow->addWidget(m_port);
    listenRow->addWidget(m_startStop);
    listenRow->addWidget(m_open);
    listenRow->addWidget(m_state, 1);
    layout->addLayout(listenRow);
    connect(m_startStop, &QPushButton::clicked, this, &HttpCapturePage::onStartStop);
    connect(m_lan, &QCheckBox::toggled, this, &HttpCapturePage::onLanToggled);
    connect(m_open, &QPushButton::clicked, this, &HttpCapturePage::onOpenInBrowser);

    auto *answerRow = new QHBoxLayout;
    m_modeLabel = new QLabel(this);
    m_mode = new QComboBox(this);
    for (AnswerMode mode : {AnswerMode::Echo, AnswerMode::Canned, AnswerMode::StaticFiles, AnswerMode::Redirect,
                            AnswerMode::Malformed})
        m_mode->addItem(QString(), QVariant::fromValue(int(mode)));
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status = new QSpinBox(this);
    m_status->setRange(100, 599);
    m_status->setValue(200);
    m_root = new QLineEdit(this);
    m_browse = new QPushButton(this);
    m_location = new QLineEdit(this);
    m_malformed = new QComboBox(this);
    for (MalformedKind kind : {MalformedKind::BareLineFeeds, MalformedKind::ShortBody, MalformedKind::BadStatusLine,
                               MalformedKind::BadChunkSize})
        m_malformed->addItem(QString(), QVariant::fromValue(int(kind)));
    m_malformed->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    answerRow->addWidget(m_modeLabel);
    answerRow->addWidget(m_mode);
    answerRow->addWidget(m_status);
    answerRow->addWidget(m_root, 1);
    answerRow->addWidget(m_browse);
    answerRow->addWidget(m_location, 1);
    answerRow->addWidget(m_malformed);
    answerRow->addStretch(1);
    layout->addLayout(answerRow);
    auto *optionsRow = new QHBoxLayout;
    m_chunked = new QCheckBox(this);
    m_gzip = new QCheckBox(this);
    m_continue = new QCheckBox(this);
    m_continue->setChecked(true);
    m_dripLabel = new QLabel(this);
    m_drip = new QSpinBox(this);
    m_drip->setRange(0, 1 << 20);
    optionsRow->addWidget(m_chunked);
    optionsRow->addWidget(m_gzip);
    optionsRow->addWidget(m_continue);
    optionsRow->addWidget(m_dripLabel);
    optionsRow->addWidget(m_drip);
    optionsRow->addStretch(1);
    layout->addLayout(optionsRow);
    auto *cannedRow = new QHBoxLayout;
    m_extraHeaders = new QPlainTextEdit(this);
    m_extraHeaders->setMaximumHeight(70);
    m_body = new QPlainTextEdit(this);
    m_body->setObjectName(u"cannedBody"_s);
    m_body->setMaximumHeight(70);
    auto *bodyColumn = new QVBoxLayout;
    bodyColumn->addWidget(m_body);
    auto *bodyOptions = new QHBoxLayout;
    m_bodyEscapes = new QCheckBox(this);
    m_bodyEscapes->setObjectName(u"bodyEscapes"_s);
    m_bodyError = new QLabel(this);
    m_bodyError->setObjectName(u"bodyError"_s);
    m_bodyError->setStyleSheet(common::errorStyleSheet());
    bodyOptions->addWidget(m_bodyEscapes);
    bodyOptions->addWidget(m_bodyError, 1);
    bodyColumn->addLayout(bodyOptions);
    cannedRow->addWidget(m_extraHeaders);
    cannedRow->addLayout(bodyColumn);
    layout->addLayout(cannedRow);
    connect(m_bodyEscapes, &QCheckBox::toggled, this, &HttpCapturePage::onAnswerChanged);
    connect(m_extraHeaders, &QPlainTextEdit::textChanged, this, &HttpCapturePage::onAnswerChanged);
    connect(m_browse, &QPushButton::clicked, this, &HttpCapturePage::onBrowse);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &HttpCapturePage::onAnswerChanged);
    connect(m_malformed, &QComboBox::currentIndexChanged, this, &HttpCapturePage::onAnswerChanged);
    connect(m_status, &QSpinBox::valueChanged, this, &HttpCapturePage::onAnswerChanged);
    connect(m_drip, &QSpinBox::valueChanged, this, &HttpCapturePage::onAnswerChanged);
    connect(m_root, &QLineEdit::textChanged, this, &HttpCapturePage::onAnswerChanged);
    connect(m_location, &QLineEdit::textChanged, this, &HttpCapturePage::onAnswerChanged);
    connect(m_body, &QPlainTextEdit::textChanged, this, &HttpCapturePage::onAnswerChanged);
    for (QCheckBox *box : {m_chunked, m_gzip, m_continue})
        connect(box, &QCheckBox::toggled, this, &HttpCapturePage::onAnswerChanged);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(splitter);
    m_list->setColumnCount(6);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_detail = new QPlainTextEdit(splitter);
    m_detail->setReadOnly(true);
    common::useFixedFont(m_detail);
    m_detail->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(splitter, 1);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &HttpCapturePage::onSelectionChanged);
}

void HttpCapturePage::retranslateUi()
{
    m_addressLabel->setText(tr("Address:"));
    m_address->setToolTip(tr("127.0.0.1 = this computer only; 0.0.0.0 = every address (other computers can connect)"));
    m_lan->setText(tr("Listen on the &LAN"));
    m_lan->setToolTip(tr("Listens on every address (0.0.0.0), so students' computers can connect; unticked, only this computer can"));
    m_portLabel->setText(tr("Port:"));
    m_open->setText(tr("Open in browser"));
    m_modeLabel->setText(tr("Answer:"));
    for (int i = 0; i < m_mode->count(); ++i)
        m_mode->setItemText(i, answerModeText(AnswerMode(m_mode->itemData(i).toInt())));
    for (int i = 0; i < m_malformed->count(); ++i)
        m_malformed->setItemText(i, malformedText(MalformedKind(m_malformed->itemData(i).toInt())));
    m_status->setToolTip(tr("Status code"));
    m_root->setPlaceholderText(tr("Folder to serve (index.html, 404, nothing outside it)"));
    m_browse->setText(tr("Browse…"));
    m_location->setPlaceholderText(tr("Location, e.g. /elsewhere or http://host/"));
    m_body->setPlaceholderText(tr("Body of the canned response"));
    m_bodyEscapes->setText(tr("Escapes: \\r \\n \\t \\xNN"));
    m_bodyEscapes->setToolTip(tr("Read the body as text with escapes, so any bytes can be sent (\\x00 is a zero byte, "
                                 "\\\\ a backslash)"));
    m_extraHeaders->setPlaceholderText(tr("Extra headers, one \"Name: value\" per line (replace Socketeer's own)"));
    m_chunked->setText(tr("Chunked"));
    m_gzip->setText(tr("gzip"));
    m_continue->setText(tr("Answer 100 Continue"));
    m_dripLabel->setText(tr("Slow drip (bytes per 100 ms, 0 = off):"));
    m_list->setHeaderLabels({tr("Time"), tr("Connection"), tr("From"), tr("Request line"), tr("Answer"), tr("Bytes")});
    updateEnabledState();
    onSelectionChanged();
}


void HttpCapturePage::updateEnabledState()
{
    const bool listening = m_server->isListening();
    m_startStop->setText(listening ? tr("Stop") : tr("Start"));
    m_address->setEnabled(!listening);
    m_lan->setEnabled(!listening);
    m_port->setEnabled(!listening);
    m_open->setEnabled(listening);
    m_state->setText(listening ? tr("Listening on %1:%2. %3")
                                     .arg(m_server->serverAddress().toString())
                                     .arg(m_server->serverPort())
                                     .arg(presentation::lookup::studentsConnectText(m_server->serverAddress(),
                                                                                    m_server->serverPort()))
                               : tr("Not listening"));
    const auto mode = AnswerMode(m_mode->currentData().toInt());
    m_status->setVisible(mode == AnswerMode::Canned || mode == AnswerMode::Redirect);
    m_root->setVisible(mode == AnswerMode::StaticFiles);
    m_browse->setVisible(mode == AnswerMode::StaticFiles);
    m_location->setVisible(mode == AnswerMode::Redirect);
    m_malformed->setVisible(mode == AnswerMode::Malformed);
    m_body->setVisible(mode == AnswerMode::Canned);
    m_bodyEscapes->setVisible(mode == AnswerMode::Canned);
    m_bodyError->setVisible(mode == AnswerMode::Canned);
    m_extraHeaders->setVisible(mode != AnswerMode::Malformed);
}

bool HttpCapturePage::startListening(const QString &address, quint16 port)
{
    QHostAddress host;
    if (!host.setAddress(address)) {
        Q_EMIT statusMessage(tr("\"%1\" is not an IP address.").arg(address));
        return false;
    }
    m_server->setResponse(answer());
    if (!m_server->start(host, port))
        return false;   // onServerError() says why
    Q_EMIT statusMessage(tr("Capture server listening on port %1").arg(m_server->serverPort()));
    return true;
}

bool HttpCapturePage::startForClass()
{
    if (m_server->isListening())
        return true;
    m_lan->setChecked(true);
    return startListening(m_address->text().trimmed(), quint16(m_port->value()));
}

void HttpCapturePage::onLanToggled(bool lan)
{
    const QString address = m_address->text().trimmed();
    if (lan && (address.isEmpty() || QHostAddress(address).isLoopback()))
        m_address->setText(u"0.0.0.0"_s);
    else if (!lan && (address == u"0.0.0.0"_s || address == u"::"_s))
        m_address->setText(u"127.0.0.1"_s);
}

void HttpCapturePage::stopListening()
{
    m_server->stop();
}

void HttpCapturePage::onStartStop()
{
    if (m_server->isListening())
        stopListening();
    else
        startListening(m_address->text().trimmed(), quint16(m_port->value()));
}

ResponseSpec HttpCapturePage::answer() const
{
    ResponseSpec spec;
    spec.mode = AnswerMode(m_mode->currentData().toInt());
    spec.status = m_status->value();
    spec.body = cannedBody();
    spec.root = m_root->text();
    spec.location = m_location->text().toUtf8();
    spec.malformed = MalformedKind(m_malformed->currentData().toInt());
    spec.chunked = m_chunked->isChecked();
    spec.gzip = m_gzip->isChecked();
    spec.sendContinue = m_continue->isChecked();
    spec.dripBytes = m_drip->value();
    const QStringList lines = m_extraHeaders->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0)
            spec.headers.append({line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    return spec;
}

void HttpCapturePage::setAnswer(const ResponseSpec &spec)
{
    m_mode->setCurrentIndex(m_mode->findData(int(spec.mode)));
    m_status->setValue(spec.status);
    // bytes that plain text cannot carry (not UTF-8, control characters) switch the escapes on
    const QString text = QString::fromUtf8(spec.body);
    const bool plain = text.toUtf8() == spec.body && std::none_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control && c != u'\n' && c != u'\r' && c != u'\t';
    });
    const QSignalBlocker blockEscapes(m_bodyEscapes);
    m_bodyEscapes->setChecked(!plain);
    m_body->setPlainText(plain ? text : netcore::common::visibleText(spec.body, netcore::common::LineMode::SingleLine, -1, netcore::common::Escaping::Python));
    m_root->setText(spec.root);
    m_location->setText(QString::fromUtf8(spec.location));
    m_malformed->setCurrentIndex(m_malformed->findData(int(spec.malformed)));
    m_chunked->setChecked(spec.chunked);
    m_gzip->setChecked(spec.gzip);
    m_continue->setChecked(spec.sendContinue);
    m_drip->setValue(int(spec.dripBytes));
    QString headers;
    for (const Header &header : spec.headers)
        headers += QString::fromLatin1(header.name) + u": "_s + QString::fromUtf8(header.value) + u'\n';
    m_extraHeaders->setPlainText(headers);
    m_server->setResponse(answer());
}

QByteArray HttpCapturePage::cannedBody() const
{
    if (!m_bodyEscapes->isChecked())
        return m_body->toPlainText().toUtf8();
    // a mistake in the escapes leaves the text as typed (shown beside the box, see onAnswerChanged)
    return netcore::common::parseEscapes(m_body->toPlainText()).value_or(m_body->toPlainText().toUtf8());
}

void HttpCapturePage::onAnswerChanged()
{
    netcore::common::EscapeParseError error;
    const bool bad = m_bodyEscapes->isChecked() && !netcore::common::parseEscapes(m_body->toPlainText(), &error);
    m_bodyError->setText(bad ? tr("character %1: %2 (sent as typed)").arg(error.position + 1).arg(presentation::common::escapeErrorText(error))
                             : QString());
    m_server->setResponse(answer());
    updateEnabledState();
}

void HttpCapturePage::onServerError(CaptureServer::Error error)
{
    Q_EMIT statusMessage(errorText(error, m_server->errorDetail()));
}

QString HttpCapturePage::answerModeText(AnswerMode mode)
{
    switch (mode) {
    case AnswerMode::Echo: return tr("Echo the request (text/plain)");
    case AnswerMode::Canned: return tr("Canned response");
    case AnswerMode::StaticFiles: return tr("Static files from a folder");
    case AnswerMode::Redirect: return tr("Redirect");
    case AnswerMode::Malformed: return tr("Deliberately malformed");
    }
    return {};
}

QString HttpCapturePage::malformedText(MalformedKind kind)
{
    switch (kind) {
    case MalformedKind::BareLineFeeds: return tr("LF instead of CR LF");
    case MalformedKind::ShortBody: return tr("Body shorter than Content-Length");
    case MalformedKind::BadStatusLine: return tr("Status line without a code");
    case MalformedKind::BadChunkSize: return tr("Chunk size that is not hex");
    }
    return {};
}

void HttpCapturePage::onBrowse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder to serve"), m_root->text());
    if (!dir.isEmpty())
        m_root->setText(dir);
}

void HttpCapturePage::onOpenInBrowser()
{
    QString host = m_server->serverAddress().toString();
    if (m_server->serverAddress() == QHostAddress::Any || m_server->serverAddress() == QHostAddress::AnyIPv4)
        host = u"127.0.0.1"_s;
    QDesktopServices::openUrl(QUrl(u"http://%1:%2/"_s.arg(host).arg(m_server->serverPort())));
}

void HttpCapturePage::onCaptured(const CapturedRequest &captured)
{
    m_captured.append(captured);
    auto *item = new QTreeWidgetItem(m_list);
    item->setText(0, QDateTime::fromMSecsSinceEpoch(captured.wallMs).toString(u"HH:mm:ss.zzz"_s));
    item->setText(1, captured.indexOnConnection > 1 ? tr("#%1 (reused, request %2)").arg(captured.connection).arg(captured.indexOnConnection)
                                                    : tr("#%1 (new)").arg(captured.connection));
    item->setText(2, captured.peer);
    item->setText(3, netcore::common::visibleText(captured.request.startLine(), netcore::common::LineMode::SingleLine, 200,
                                                  netcore::common::Escaping::Python));
    item->setText(4, captured.answeredStatus ? QString::number(captured.answeredStatus) : u"—"_s);
    item->setText(5, QString::number(captured.request.raw().size()));
    item->setData(0, Qt::UserRole, int(m_captured.size() - 1));
    if (!captured.ok())
        item->setToolTip(3, HttpExplain::captureError(captured.error, captured.errorOffset, captured.errorReason));
    else if (!captured.findings.isEmpty())
        item->setToolTip(3, HttpExplain::captureFinding(captured.findings.constFirst()));
    while (m_captured.size() > kMaxKept) {
        m_captured.removeFirst();
        delete m_list->takeTopLevelItem(0);
        for (int i = 0; i < m_list->topLevelItemCount(); ++i)
            m_list->topLevelItem(i)->setData(0, Qt::UserRole, i);
    }
    if (!m_list->currentItem())
        m_list->setCurrentItem(item);
    Q_EMIT statusMessage(tr("Captured %1 from %2")
                             .arg(netcore::common::visibleText(captured.request.startLine(), netcore::common::LineMode::SingleLine,
                                                               80, netcore::common::Escaping::Python),
                                  captured.peer));
}

void HttpCapturePage::onSelectionChanged()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item) {
        m_detail->setPlainText(tr("Start the server, then point a browser, curl or your own client at it. Each request "
                                  "appears here with its exact bytes."));
        return;
    }
    const CapturedRequest &c = m_captured.at(item->data(0, Qt::UserRole).toInt());
    QString text = tr("Connection #%1, request %2 on it, from %3").arg(c.connection).arg(c.indexOnConnection).arg(c.peer) + u'\n';
    if (!c.ok())
        text += HttpExplain::captureError(c.error, c.errorOffset, c.errorReason) + u'\n';
    if (!c.findings.isEmpty()) {
        text += tr("Malformed by the HTTP rules (RFC 9110/9112) though the parser read it:") + u'\n';
        for (const netcore::http::RequestIssue &finding : c.findings)
            text += u"  "_s + HttpExplain::captureFinding(finding) + u'\n';
    }
    text += u'\n' + tr("— exact bytes (%n byte(s)) —", nullptr, int(c.request.raw().size())) + u'\n'
            + netcore::common::visibleText(c.request.raw(), netcore::common::LineMode::MultiLine, -1, netcore::common::Escaping::Python) + u"\n\n"_s + tr("— parsed —") + u'\n';
    const auto shown = [](const QByteArray &bytes) {
        return netcore::common::visibleText(bytes, netcore::common::LineMode::SingleLine, -1, netcore::common::Escaping::Python);
    };
    text += tr("method: %1\ntarget: %2\nversion: %3\n")
                .arg(shown(c.request.method), shown(c.request.target), shown(c.request.versionString()));
    for (const Header &header : c.request.headers)
        text += u"  "_s + shown(header.name) + u" = "_s + shown(header.value) + u'\n';
    text += tr("body: %n byte(s)", nullptr, int(c.request.body.size())) + u'\n';
    if (!c.responseHead.isEmpty())
        text += u'\n' + tr("— answered —") + u'\n' + netcore::common::visibleText(c.responseHead, netcore::common::LineMode::MultiLine, -1, netcore::common::Escaping::Python);
    m_detail->setPlainText(text);
}

QString HttpCapturePage::detailText() const
{
    return m_detail->toPlainText();
}

} // namespace widgets::http

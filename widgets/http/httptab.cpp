#include "widgets/http/httptab.h"

#include "netcore/common/transcript.h"
#include "widgets/common/preparedsends.h"
#include "widgets/common/shortcuts.h"
#include "widgets/common/wireview.h"
#include "widgets/http/httpcapturepage.h"
#include "presentation/http/httpexplain.h"
#include "widgets/http/httprawpage.h"
#include "widgets/http/httpresponseview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace netcore::http;

using namespace presentation::http;

namespace widgets::http {
namespace {

constexpr int kAutomaticRole = Qt::UserRole + 1;

QByteArray contentTypeFor(HttpTab::BodyType bodyType)
{
    switch (bodyType) {
    case HttpTab::BodyType::Json: return "application/json"_ba;
    case HttpTab::BodyType::Form: return "application/x-www-form-urlencoded"_ba;
    case HttpTab::BodyType::File: return "application/octet-stream"_ba;
    default: break;
    }
    return "text/plain; charset=utf-8"_ba;
}

} // namespace

HttpTab::HttpTab(QWidget *parent)
    : common::TabPage(parent)
    , m_transcript(new netcore::common::Transcript(this))
    , m_client(new HttpClient(this))
{
    m_client->setTranscript(m_transcript);
    buildUi();
    retranslateUi();
    connect(m_client, &HttpClient::finished, this, &HttpTab::onFinished);
    connect(m_client, &HttpClient::stateChanged, this, &HttpTab::updateEnabledState);
    refreshAutomaticHeaders();
    updateEnabledState();
}

HttpTab::~HttpTab() = default;

QString HttpTab::title() const
{
    return tr("HTTP");
}

QString HttpTab::settingsKey() const
{
    return u"http"_s;
}

void HttpTab::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_sections = new QTabWidget(this);
    layout->addWidget(m_sections);

    auto *splitter = new QSplitter(Qt::Horizontal, m_sections);
    m_requestTabs = new QTabWidget(splitter);
    m_requestTabs->addTab(buildCompose(), QString());
    m_raw = new HttpRawPage(m_requestTabs);
    m_requestTabs->addTab(m_raw, QString());
    m_historyList = new QListWidget(m_requestTabs);
    m_requestTabs->addTab(m_historyList, QString());
    m_response = new HttpResponseView(splitter);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({1000, 1000});   // half and half
    m_sections->addTab(splitter, QString());
    m_capture = new HttpCapturePage(m_transcript, m_sections);
    m_sections->addTab(m_capture, QString());
    m_wire = new common::WireView(m_sections);
    m_wire->setTranscript(m_transcript);
    m_sections->addTab(m_wire, QString());

    connect(m_raw, &HttpRawPage::sendRequested, this, &HttpTab::sendRaw);
    connect(m_raw, &HttpRawPage::fillFromComposeRequested, this, [this] { m_raw->setBytes(buildRequest(composedSpec())); });
    connect(m_historyList, &QListWidget::itemActivated, this, &HttpTab::onHistoryActivated);
    connect(m_capture, &HttpCapturePage::statusMessage, this, &HttpTab::statusMessage);
}

QWidget *HttpTab::buildCompose()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *urlRow = new QHBoxLayout;
    m_method = new QComboBox(page);
    m_method->setEditable(true);
    for (const QByteArray &method : courseMethods())
        m_method->addItem(QString::fromLatin1(method));
    m_url = new QLineEdit(u"http://127.0.0.1:8000/"_s, page);
    m_send = new QPushButton(page);
    m_send->setDefault(true);
    m_stop = new QPushButton(page);
    urlRow->addWidget(m_method);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(m_send);
    urlRow->addWidget(m_stop);
    m_preparedSlot = urlRow;
    layout->addLayout(urlRow);
    m_methodHelp = new QLabel(page);
    m_methodHelp->setWordWrap(true);
    layout->addWidget(m_methodHelp);

    m_headersHint = new QLabel(page);
    m_headersHint->setWordWrap(true);
    layout->addWidget(m_headersHint);
    m_headers = new QTableWidget(0, 2, page);
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_headers->verticalHeader()->setVisible(false);
    layout->addWidget(m_headers, 1);
    auto *headerButtons = new QHBoxLayout;
    m_addHeader = new QPushButton(page);
    m_removeHeader = new QPushButton(page);
    headerButtons->addWidget(m_addHeader);
    headerButtons->addWidget(m_removeHeader);
    headerButtons->addStretch(1);
    layout->addLayout(headerButtons);

    auto *bodyRow = new QHBoxLayout;
    m_bodyLabel = new QLabel(page);
    m_bodyType = new QComboBox(page);
    for (BodyType type : {BodyType::Text, BodyType::Json, BodyType::Form, BodyType::File})
        m_bodyType->addItem(QString(), QVariant::fromValue(int(type)));
    m_bodyType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bodyRow->addWidget(m_bodyLabel);
    bodyRow->addWidget(m_bodyType);
    bodyRow->addStretch(1);
    layout->addLayout(bodyRow);
    m_body = new QPlainTextEdit(page);
    m_body->setMaximumHeight(120);
    layout->addWidget(m_body);

    auto *optionsRow = new QHBoxLayout;
    m_versionLabel = new QLabel(page);
    m_version = new QComboBox(page);
    m_version->addItem(u"HTTP/1.1"_s, QVariant::fromValue(int(HttpVersion::Http11)));
    m_version->addItem(u"HTTP/1.0"_s, QVariant::fromValue(int(HttpVersion::Http10)));
    m_timeoutLabel = new QLabel(page);
    m_timeout = new QSpinBox(page);
    m_timeout->setRange(1, 600);
    m_timeout->setValue(30);
    m_follow = new QCheckBox(page);
    m_insecure = new QCheckBox(page);
    m_copyCurl = new QPushButton(page);
    optionsRow->addWidget(m_versionLabel);
    optionsRow->addWidget(m_version);
    optionsRow->addWidget(m_timeoutLabel);
    optionsRow->addWidget(m_timeout);
    optionsRow->addStretch(1);
    optionsRow->addWidget(m_copyCurl);
    layout->addLayout(optionsRow);
    auto *choicesRow = new QHBoxLayout;
    choicesRow->addWidget(m_follow);
    choicesRow->addWidget(m_insecure);
    choicesRow->addStretch(1);
    layout->addLayout(choicesRow);

    connect(m_send, &QPushButton::clicked, this, &HttpTab::send);
    m_method->setObjectName(u"method"_s);
    m_url->setObjectName(u"url"_s);
    m_headers->setObjectName(u"headers"_s);
    m_bodyType->setObjectName(u"bodyType"_s);
    m_body->setObjectName(u"body"_s);
    m_preparedSlot->addWidget(new common::PreparedSendsButton(u"http"_s, {m_method, m_url, m_headers, m_bodyType, m_body},
                                                              m_send, m_send->parentWidget()));
    common::addSendShortcut(m_send, m_send->parentWidget());
    connect(m_url, &QLineEdit::returnPressed, this, &HttpTab::send);
    connect(m_stop, &QPushButton::clicked, m_client, &HttpClient::abort);
    connect(m_method, &QComboBox::currentTextChanged, this, &HttpTab::updateMethodHelp);
    connect(m_method, &QComboBox::currentTextChanged, this, &HttpTab::refreshAutomaticHeaders);
    connect(m_url, &QLineEdit::textChanged, this, &HttpTab::refreshAutomaticHeaders);
    connect(m_body, &QPlainTextEdit::textChanged, this, &HttpTab::refreshAutomaticHeaders);
    connect(m_version, &QComboBox::currentIndexChanged, this, &HttpTab::refreshAutomaticHeaders);
    connect(m_bodyType, &QComboBox::currentIndexChanged, this, &HttpTab::onBodyTypeChanged);
    connect(m_addHeader, &QPushButton::clicked, this, [this] {
        addHeaderRow(u"X-Header"_s, QString(), false);
        m_headers->editItem(m_headers->item(m_headers->rowCount() - 1, 0));
    });
    connect(m_removeHeader, &QPushButton::clicked, this, [this] {
        const int row = m_headers->currentRow();
        if (row >= 0 && !m_headers->item(row, 0)->data(kAutomaticRole).toBool())
            m_headers->removeRow(row);
    });
    connect(m_copyCurl, &QPushButton::clicked, this, &HttpTab::onCopyCurl);
    return page;
}

void HttpTab::retranslateUi()
{
    m_sections->setTabText(0, tr("Request and response"));
    m_sections->setTabText(1, tr("Capture server"));
    m_sections->setTabText(2, tr("Wire"));
    m_requestTabs->setTabText(0, tr("Compose"));
    m_requestTabs->setTabText(1, tr("Raw"));
    m_requestTabs->setTabText(2, tr("History"));
    m_send->setText(tr("Send"));
    m_stop->setText(tr("Stop"));
    m_url->setPlaceholderText(tr("http://host:port/path or https://…"));
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headersHint->setText(tr("Grey rows are headers Socketeer adds by itself: edit a value to replace it, untick to leave "
                              "it out. Ticked rows are sent in this order."));
    m_addHeader->setText(tr("Add header"));
    m_removeHeader->setText(tr("Remove header"));
    m_bodyLabel->setText(tr("Body:"));
    m_bodyType->setItemText(m_bodyType->findData(int(BodyType::Text)), tr("Text"));
    m_bodyType->setItemText(m_bodyType->findData(int(BodyType::Json)), tr("JSON"));
    m_bodyType->setItemText(m_bodyType->findData(int(BodyType::Form)), tr("Form (a=1&b=2)"));
    m_bodyType->setItemText(m_bodyType->findData(int(BodyType::File)), tr("File…"));
    m_versionLabel->setText(tr("Version:"));
    m_timeoutLabel->setText(tr("Timeout (s):"));
    m_follow->setText(tr("Follow redirects"));
    m_insecure->setText(tr("Continue despite TLS errors"));
    m_insecure->setToolTip(tr("Only for servers you trust (your own test server): the errors are still shown."));
    m_copyCurl->setText(tr("Copy as curl"));
    updateMethodHelp();
    refreshAutomaticHeaders();
}


void HttpTab::updateEnabledState()
{
    const bool busy = m_client->isBusy();
    m_send->setEnabled(!busy);
    m_stop->setEnabled(busy);
}

void HttpTab::updateMethodHelp()
{
    m_methodHelp->setText(HttpExplain::methodHelp(m_method->currentText().trimmed().toLatin1()));
}

void HttpTab::addHeaderRow(const QString &name, const QString &value, bool automatic)
{
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    auto *nameItem = new QTableWidgetItem(name);
    nameItem->setFlags(nameItem->flags() | Qt::ItemIsUserCheckable);
    nameItem->setCheckState(Qt::Checked);
    nameItem->setData(kAutomaticRole, automatic);
    auto *valueItem = new QTableWidgetItem(value);
    valueItem->setData(kAutomaticRole, automatic ? value : QString());
    if (automatic) {
        const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
        nameItem->setForeground(grey);
        valueItem->setForeground(grey);
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
        nameItem->setToolTip(tr("Added by Socketeer"));
    }
    m_headers->setItem(row, 0, nameItem);
    m_headers->setItem(row, 1, valueItem);
}

// Keeps the user's rows, recomputes the automatic ones (Host follows the URL, Content-Length the body)
// unless the user edited or unticked them.
void HttpTab::refreshAutomaticHeaders()
{
    if (m_fillingHeaders || !m_headers)
        return;
    m_fillingHeaders = true;
    QHash<QString, std::pair<bool, QString>> kept;   // lower name -> (checked, edited value or empty)
    for (int row = m_headers->rowCount() - 1; row >= 0; --row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        if (!name->data(kAutomaticRole).toBool())
            continue;
        const QTableWidgetItem *value = m_headers->item(row, 1);
        const bool edited = value->text() != value->data(kAutomaticRole).toString();
        kept.insert(name->text().toLower(), {name->checkState() == Qt::Checked, edited ? value->text() : QString()});
        m_headers->removeRow(row);
    }
    RequestSpec spec;
    spec.method = m_method->currentText().trimmed().toLatin1();
    spec.url = QUrl(m_url->text().trimmed());
    spec.body = bodyType() == BodyType::File ? m_fileBody : m_body->toPlainText().toUtf8();
    spec.version = version();
    QList<Header> automatic = automaticHeaders(spec);
    if (!spec.body.isEmpty())
        automatic.append({"Content-Type"_ba, contentTypeFor(bodyType())});
    int insertAt = 0;
    for (const Header &header : std::as_const(automatic)) {
        const QString name = QString::fromLatin1(header.name);
        addHeaderRow(name, QString::fromLatin1(header.value), true);
        const int row = m_headers->rowCount() - 1;
        if (const auto it = kept.constFind(name.toLower()); it != kept.cend()) {
            m_headers->item(row, 0)->setCheckState(it->first ? Qt::Checked : Qt::Unchecked);
            if (!it->second.isEmpty())
                m_headers->item(row, 1)->setText(it->second);
        }
        // automatic rows first, in the order they are sent
        if (row != insertAt) {
            QTableWidgetItem *name0 = m_headers->takeItem(row, 0);
            QTableWidgetItem *value0 = m_headers->takeItem(row, 1);
            m_headers->removeRow(row);
            m_headers->insertRow(insertAt);
            m_headers->setItem(insertAt, 0, name0);
            m_headers->setItem(insertAt, 1, value0);
        }
        ++insertAt;
    }
    m_fillingHeaders = false;
}

RequestSpec HttpTab::composedSpec() const
{
    RequestSpec spec;
    spec.method = m_method->currentText().trimmed().toLatin1();
    spec.url = QUrl::fromUserInput(m_url->text().trimmed());
    spec.version = version();
    spec.body = bodyType() == BodyType::File ? m_fileBody
                                                       : m_body->toPlainText().toUtf8();
    bool contentTypeListed = false;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        const QByteArray key = name->text().trimmed().toLatin1();
        if (key.isEmpty())
            continue;
        const bool automatic = name->data(kAutomaticRole).toBool();
        const bool isContentType = key.compare("Content-Type", Qt::CaseInsensitive) == 0;
        contentTypeListed = contentTypeListed || isContentType;
        if (name->checkState() != Qt::Checked) {
            if (automatic && !isContentType)
                spec.omitted.append(key);
            continue;
        }
        const bool edited = value->text() != value->data(kAutomaticRole).toString();
        if (!automatic || edited || isContentType)
            spec.headers.append({key, value->text().toUtf8()});
    }
    if (!spec.body.isEmpty() && !contentTypeListed)
        spec.headers.append({"Content-Type"_ba, contentTypeFor(bodyType())});
    return spec;
}

ClientOptions HttpTab::options() const
{
    ClientOptions options;
    options.followRedirects = m_follow->isChecked();
    options.ignoreTlsErrors = m_insecure->isChecked();
    options.timeout = std::chrono::seconds(m_timeout->value());
    return options;
}

void HttpTab::send()
{
    if (m_client->isBusy())
        return;
    const RequestSpec spec = composedSpec();
    if (!isValidMethodToken(spec.method)) {
        Q_EMIT statusMessage(tr("\"%1\" is not a valid method name.").arg(QString::fromLatin1(spec.method)));
        return;
    }
    m_response->clear();
    rememberInHistory(spec);
    m_client->send(spec, options());
    updateEnabledState();
}

void HttpTab::sendRaw()
{
    if (m_client->isBusy())
        return;
    ClientOptions opts = options();
    if (m_raw->slowSend())
        opts.byteDelay = std::chrono::milliseconds(20);
    m_response->clear();
    m_client->sendRaw(QUrl::fromUserInput(m_url->text().trimmed()), m_raw->bytes(), opts);
    updateEnabledState();
}

void HttpTab::onFinished()
{
    m_response->setHops(m_client->hops());
    const Hop &hop = m_client->lastHop();
    Q_EMIT statusMessage(hop.ok() ? HttpExplain::statusMeaning(hop.response.statusCode) : HttpExplain::exchangeError(hop));
    updateEnabledState();
    Q_EMIT exchangeFinished();
}

netcore::common::Server *HttpTab::hostedServer() const
{
    return m_capture->server();
}

bool HttpTab::startForClass()
{
    return m_capture->startForClass();
}

void HttpTab::stopServer()
{
    m_capture->stopListening();
}

QStringList HttpTab::activeWork() const
{
    QStringList work;
    const CaptureServer *server = m_capture->server();
    if (server->isListening()) {
        work.append(tr("HTTP capture server on port %1, %n connection(s) open", nullptr, server->clientCount())
                        .arg(server->serverPort()));
    }
    if (m_client->isBusy())
        work.append(tr("HTTP request to %1").arg(m_client->lastHop().url.toString()));
    return work;
}

QString HttpTab::curlCommand() const
{
    return netcore::http::curlCommand(composedSpec(), m_insecure->isChecked());
}

void HttpTab::onCopyCurl()
{
    QApplication::clipboard()->setText(curlCommand());
    Q_EMIT statusMessage(tr("Copied the curl command."));
}

void HttpTab::onBodyTypeChanged()
{
    if (bodyType() == BodyType::File) {
        const QString path = QFileDialog::getOpenFileName(this, tr("Body from a file"));
        QFile file(path);
        if (!path.isEmpty() && file.open(QIODevice::ReadOnly)) {
            m_fileBody = file.readAll();
            m_body->setPlainText(tr("(file %1, %2 bytes)").arg(path).arg(file.size()));
            m_body->setReadOnly(true);
        } else {
            setBodyType(BodyType::Text);
        }
    } else {
        m_body->setReadOnly(false);
    }
    refreshAutomaticHeaders();
}

QStringList HttpTab::automaticHeaderNames() const
{
    QStringList names;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        if (m_headers->item(row, 0)->data(kAutomaticRole).toBool())
            names.append(m_headers->item(row, 0)->text());
    }
    return names;
}

HttpTab::BodyType HttpTab::bodyType() const
{
    return BodyType(m_bodyType->currentData().toInt());
}

void HttpTab::setBodyType(BodyType type)
{
    m_bodyType->setCurrentIndex(m_bodyType->findData(int(type)));
}

HttpVersion HttpTab::version() const
{
    return HttpVersion(m_version->currentData().toInt());
}

void HttpTab::setVersion(HttpVersion version)
{
    m_version->setCurrentIndex(m_version->findData(int(version)));
}

void HttpTab::setMethod(const QString &method) { m_method->setCurrentText(method); }
void HttpTab::setUrl(const QString &url) { m_url->setText(url); }
void HttpTab::setBody(const QString &body) { m_body->setPlainText(body); }
void HttpTab::setFollowRedirects(bool follow) { m_follow->setChecked(follow); }

} // namespace widgets::http

#include "widgets/lookup/lookuptab.h"

#include "widgets/common/colors.h"
#include "widgets/common/wireview.h"
#include "presentation/lookup/lookuplabels.h"
#include "presentation/lookup/lookupreport.h"

#include "netcore/common/transcript.h"
#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/inputkind.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/lookup/subnet.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaEnum>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;
using namespace presentation::lookup;

namespace widgets::lookup {
namespace {

constexpr int kHostTimeoutMs = 10'000;
constexpr int kModeBoxChars = 22;
constexpr int kRowPadding = 6;

QString modeKey(LookupTab::Mode mode)
{
    return QString::fromLatin1(QMetaEnum::fromType<LookupTab::Mode>().valueToKey(int(mode))).toLower();
}

std::optional<LookupTab::Mode> modeFromKey(const QString &key)
{
    const QByteArray latin = key.toLatin1();
    const QMetaEnum meta = QMetaEnum::fromType<LookupTab::Mode>();
    for (int i = 0; i < meta.keyCount(); ++i) {
        if (QByteArray(meta.key(i)).toLower() == latin)
            return LookupTab::Mode(meta.value(i));
    }
    return std::nullopt;
}

} // namespace

LookupTab::LookupTab(QWidget *parent)
    : common::TabPage(parent)
    , m_hostLookup(new HostLookup(this))
    , m_reverseLookup(new ReverseLookup(this))
    , m_dnsLookup(new DnsLookup(this))
    , m_transcript(new netcore::common::Transcript(this))
{
    buildUi();
    retranslateUi();
    updateModeWidgets();
    connect(m_hostLookup, &HostLookup::finished, this, &LookupTab::onHostFinished);
    connect(m_reverseLookup, &ReverseLookup::finished, this, &LookupTab::onReverseFinished);
    connect(m_dnsLookup, &DnsLookup::finished, this, &LookupTab::onDnsFinished);
}

LookupTab::~LookupTab() = default;

void LookupTab::buildUi()
{
    m_mode = new QComboBox(this);
    m_mode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_mode->setMinimumContentsLength(kModeBoxChars);
    for (int i = 0; i <= int(Mode::Interfaces); ++i)
        m_mode->addItem(QString(), i);
    m_input = new QLineEdit(this);
    m_input->setClearButtonEnabled(true);
    m_submit = new QPushButton(this);
    m_submit->setDefault(true);
    m_cancel = new QPushButton(this);
    m_cancel->setEnabled(false);
    m_copy = new QPushButton(this);
    m_dnsType = new QComboBox(this);
    for (const DnsRecordType type : allDnsRecordTypes())
        m_dnsType->addItem(dnsRecordTypeKey(type), int(type));
    m_nameServer = new QLineEdit(this);
    m_nameServer->setClearButtonEnabled(true);
    m_dnsTypeLabel = new QLabel(this);
    m_nameServerLabel = new QLabel(this);
    m_detected = new QLabel(this);
    m_status = new QLabel(this);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(common::errorStyleSheet());
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_mode);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_submit);
    inputRow->addWidget(m_cancel);
    auto *dnsRow = new QHBoxLayout;
    dnsRow->addWidget(m_dnsTypeLabel);
    dnsRow->addWidget(m_dnsType);
    dnsRow->addWidget(m_nameServerLabel);
    dnsRow->addWidget(m_nameServer, 1);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_detected, 1);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_copy);

    m_table = new QTableWidget(0, 2, this);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    QFont mono = m_table->font();
    mono.setFamilies({u"monospace"_s});
    mono.setStyleHint(QFont::Monospace);
    m_table->setFont(mono);
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(mono).height() + kRowPadding);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);

    m_historyLabel = new QLabel(this);
    m_historyList = new QListWidget(this);
    m_wireLabel = new QLabel(this);
    m_wire = new common::WireView(this);
    m_wire->setTranscript(m_transcript);

    auto *resultsBox = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_error);
    resultsLayout->addWidget(m_table, 1);
    resultsLayout->addWidget(m_note);
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyLabel);
    historyLayout->addWidget(m_historyList, 1);
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(resultsBox);
    top->addWidget(historyBox);
    top->setStretchFactor(0, 4);
    top->setStretchFactor(1, 1);
    auto *wireBox = new QWidget(this);
    auto *wireLayout = new QVBoxLayout(wireBox);
    wireLayout->setContentsMargins(0, 0, 0, 0);
    wireLayout->addWidget(m_wireLabel);
    wireLayout->addWidget(m_wire, 1);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(wireBox);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(inputRow);
    layout->addLayout(dnsRow);
    layout->addLayout(statusRow);
    layout->addWidget(vertical, 1);

    setFocusProxy(m_input);
    connect(m_submit, &QPushButton::clicked, this, &LookupTab::onSubmit);
    connect(m_input, &QLineEdit::returnPressed, this, &LookupTab::onSubmit);
    connect(m_cancel, &QPushButton::clicked, this, &LookupTab::cancel);
    connect(m_copy, &QPushButton::clicked, this, &LookupTab::copyResults);
    connect(m_input, &QLineEdit::textChanged, this, &LookupTab::updateDetectedKind);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &LookupTab::updateModeWidgets);
    connect(m_historyList, &QListWidget::itemActivated, this, &LookupTab::onHistoryActivated);
}

void LookupTab::retranslateUi()
{
    const QStringList modes{tr("Auto-detect"), tr("Host → addresses (getaddrinfo)"), tr("Address → name (getnameinfo)"),
                            tr("DNS records (QDnsLookup)"), tr("Service / port (getservbyname)"),
                            tr("Convert address (inet_aton / inet_pton)"), tr("Subnet calculator"),
                            tr("Local interfaces")};
    for (int i = 0; i < modes.size(); ++i)
        m_mode->setItemText(i, modes.at(i));
    m_input->setPlaceholderText(tr("A host name, an address, a port or service name, or a subnet like 192.168.1.0/24"));
    m_submit->setText(tr("Look up"));
    m_cancel->setText(tr("Cancel"));
    m_copy->setText(tr("Copy results"));
    m_dnsTypeLabel->setText(tr("Record type:"));
    m_nameServerLabel->setText(tr("Name server:"));
    m_nameServer->setPlaceholderText(tr("system default (/etc/resolv.conf)"));
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("Value")});
    m_historyLabel->setText(tr("History (double-click to repeat)"));
    m_wireLabel->setText(tr("Bytes of the addresses found, in network order"));
    updateDetectedKind();
}


QString LookupTab::title() const
{
    return tr("Lookup");
}

QString LookupTab::settingsKey() const
{
    return u"lookup"_s;
}

void LookupTab::saveSettings(QSettings &settings) const
{
    settings.setValue(u"history"_s, m_history);
    settings.setValue(u"mode"_s, modeKey(Mode(m_mode->currentIndex())));
    settings.setValue(u"dnsType"_s, m_dnsType->currentText());
    settings.setValue(u"nameServer"_s, m_nameServer->text());
}

void LookupTab::restoreSettings(QSettings &settings)
{
    m_history = settings.value(u"history"_s).toStringList().mid(0, kHistoryLimit);
    m_historyList->clear();
    for (const QString &entry : std::as_const(m_history))
        m_historyList->addItem(QString(entry).replace(u'\t', u"  "_s));
    if (const auto mode = modeFromKey(settings.value(u"mode"_s).toString()))
        m_mode->setCurrentIndex(int(*mode));
    const int type = m_dnsType->findText(settings.value(u"dnsType"_s).toString());
    if (type >= 0)
        m_dnsType->setCurrentIndex(type);
    m_nameServer->setText(settings.value(u"nameServer"_s).toString());
}

void LookupTab::updateModeWidgets()
{
    const Mode mode = Mode(m_mode->currentIndex());
    const bool dns = mode == Mode::Dns;
    for (QWidget *w : {static_cast<QWidget *>(m_dnsType), static_cast<QWidget *>(m_nameServer),
                       static_cast<QWidget *>(m_dnsTypeLabel), static_cast<QWidget *>(m_nameServerLabel)})
        w->setVisible(dns);
    m_input->setEnabled(mode != Mode::Interfaces);
    updateDetectedKind();
}

void LookupTab::updateDetectedKind()
{
    if (Mode(m_mode->currentIndex()) != Mode::Auto) {
        m_detected->clear();
        return;
    }
    QString kind;
    switch (detectInputKind(m_input->text())) {
    case InputKind::Empty: kind = tr("type something to look up, or pick a mode"); break;
    case InputKind::Ipv4Address: kind = tr("an IPv4 address: converted, then looked up by address"); break;
    case InputKind::Ipv4LegacyForm: kind = tr("a legacy inet_aton form: converted to show how it is read"); break;
    case InputKind::Ipv6Address: kind = tr("an IPv6 address: converted, then looked up by address"); break;
    case InputKind::Ipv4Cidr:
    case InputKind::Ipv4AddressMask:
    case InputKind::Ipv6Prefix: kind = tr("a subnet: calculated"); break;
    case InputKind::PortNumber: kind = tr("a port number: looked up in the services database"); break;
    case InputKind::ServiceName: kind = tr("a service name: looked up in the services database"); break;
    case InputKind::HostName: kind = tr("a host name: resolved to addresses"); break;
    case InputKind::Invalid: kind = tr("not a name, address, port or subnet"); break;
    }
    m_detected->setText(tr("Detected: %1").arg(kind));
}

void LookupTab::onSubmit()
{
    runQuery(Mode(m_mode->currentIndex()), m_input->text());
}

void LookupTab::runQuery(Mode mode, const QString &text)
{
    cancel();
    m_table->setRowCount(0);
    m_note->clear();
    m_lastError.clear();
    m_error->clear();
    m_error->hide();
    const QString trimmed = text.trimmed();
    if (mode == Mode::Auto) {
        switch (detectInputKind(trimmed)) {
        case InputKind::Empty:
            showError(tr("Type a host name, an address, a port or service name, or a subnet."));
            finishQuery();
            return;
        case InputKind::Invalid:
            showError(tr("'%1' is not a host name, an address, a port, a service or a subnet.").arg(trimmed.left(80)));
            finishQuery();
            return;
        case InputKind::Ipv4Address:
        case InputKind::Ipv6Address: mode = Mode::Address; break;
        case InputKind::Ipv4LegacyForm: mode = Mode::Convert; break;
        case InputKind::Ipv4Cidr:
        case InputKind::Ipv4AddressMask:
        case InputKind::Ipv6Prefix: mode = Mode::Subnet; break;
        case InputKind::PortNumber:
        case InputKind::ServiceName: mode = Mode::Service; break;
        case InputKind::HostName: mode = Mode::Host; break;
        }
    }
    addHistory(mode, trimmed);
    startQuery(mode, trimmed);
}

void LookupTab::startQuery(Mode mode, const QString &text)
{
    switch (mode) {
    case Mode::Auto: break;
    case Mode::Host:
        if (text.isEmpty()) {
            showError(tr("Type a host name to resolve."));
            break;
        }
        setBusy(true);
        m_hostLookup->setTimeout(std::chrono::milliseconds(timeoutMs()));
        m_hostLookup->lookup(text);
        return;
    case Mode::Address: {
        const Conversion c = convertAddress(text);
        if (!c.ok()) {
            showError(conversionErrorText(c));
            break;
        }
        showReport(conversionReport(c));
        recordAddresses(netcore::lookup::Event::AddressConverted, {c.canonical}, {QHostAddress(c.canonical)});
        QHostAddress address(c.canonical);
        if (!c.scopeId.isEmpty())
            address.setScopeId(c.scopeId);
        setBusy(true);
        m_reverseLookup->setTimeout(std::chrono::milliseconds(timeoutMs()));
        m_reverseLookup->lookup(address);
        return;
    }
    case Mode::Dns: {
        QHostAddress server;
        const QString serverText = m_nameServer->text().trimmed();
        if (!serverText.isEmpty() && !server.setAddress(serverText)) {
            showError(tr("The name server must be an IP address, not '%1'.").arg(serverText.left(80)));
            break;
        }
        setBusy(true);
        m_dnsLookup->lookup(text, DnsRecordType(m_dnsType->currentData().toInt()), server);
        return;
    }
    case Mode::Service: {
        const PortParse port = parsePort(text);
        const bool numeric = !text.isEmpty()
                             && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (numeric && port.error != PortParseError::None) {
            showError(tr("A port number is between 0 and 65535, not %1.").arg(text.left(20)));
            break;
        }
        if (!numeric && !isPlausibleServiceName(text)) {
            showError(tr("'%1' is neither a service name nor a port number.").arg(text.left(80)));
            break;
        }
        const ServiceQuery query = queryServices(text, {Transport::Tcp, Transport::Udp});
        showReport(serviceReport(query));
        if (query.entries.isEmpty())
            showError(tr("'%1' is not in this machine's services database (/etc/services).").arg(text.left(80)));
        break;
    }
    case Mode::Convert: {
        const Conversion c = convertAddress(text);
        if (!c.ok()) {
            showError(conversionErrorText(c));
            break;
        }
        showReport(conversionReport(c));
        recordAddresses(netcore::lookup::Event::InetAtonParsed, {c.input}, {QHostAddress(c.canonical)});
        break;
    }
    case Mode::Subnet: {
        const SubnetResult r = calculateSubnet(text);
        if (!r.ok()) {
            showError(subnetErrorText(r.error));
            break;
        }
        showReport(subnetReport(r));
        break;
    }
    case Mode::Interfaces: {
        const QList<InterfaceInfo> interfaces = localInterfaces();
        showReport(interfacesReport(interfaces));
        break;
    }
    }
    finishQuery();
}

void LookupTab::onHostFinished(const HostLookupResult &result)
{
    if (result.ok()) {
        showReport(hostReport(result));
        recordAddresses(netcore::lookup::Event::HostResolved, {result.name}, result.addresses);
    } else {
        showError(resolveErrorText(result.error, result.systemMessage, timeoutMs()));
    }
    finishQuery();
}

void LookupTab::onReverseFinished(const ReverseLookupResult &result)
{
    if (result.ok())
        showReport(reverseReport(result), true);
    else
        showError(resolveErrorText(result.error, result.systemMessage, timeoutMs()));
    finishQuery();
}

void LookupTab::onDnsFinished(const DnsResult &result)
{
    if (result.ok()) {
        showReport(dnsReport(result));
        QList<QHostAddress> addresses;
        for (const DnsRecord &record : result.records) {
            if (!record.address.isNull())
                addresses.append(record.address);
        }
        if (!addresses.isEmpty())
            recordAddresses(netcore::lookup::Event::DnsAnswered, {dnsRecordTypeKey(result.type), result.name}, addresses);
    } else {
        showError(dnsErrorText(result.error, result.systemMessage, int(DnsLookup::kDefaultTimeout.count())));
    }
    finishQuery();
}

void LookupTab::cancel()
{
    const bool wasBusy = m_busy;
    m_hostLookup->cancel();
    m_reverseLookup->cancel();
    m_dnsLookup->cancel();
    if (wasBusy) {
        Q_EMIT statusMessage(tr("Lookup cancelled"));
        finishQuery();
    }
}

bool LookupTab::isBusy() const
{
    return m_busy;
}

void LookupTab::showReport(const LookupReport &report, bool append)
{
    if (!append)
        m_table->setRowCount(0);
    for (const auto &[label, value] : report.rows) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(label));
        m_table->setItem(row, 1, new QTableWidgetItem(value));
    }
    if (!report.note.isEmpty())
        m_note->setText(report.note);
}

void LookupTab::showError(const QString &text)
{
    m_lastError = text;
    m_error->setText(text);
    m_error->show();
    Q_EMIT statusMessage(text);
}

void LookupTab::setBusy(bool busy)
{
    m_busy = busy;
    m_cancel->setEnabled(busy);
    m_status->setText(busy ? tr("Looking up…") : QString());
}

void LookupTab::finishQuery()
{
    setBusy(false);
    Q_EMIT queryFinished();
}

void LookupTab::addHistory(Mode mode, const QString &text)
{
    const QString entry = modeKey(mode) + u'\t' + text;
    m_history.removeAll(entry);
    m_history.prepend(entry);
    while (m_history.size() > kHistoryLimit)
        m_history.removeLast();
    m_historyList->clear();
    for (const QString &e : std::as_const(m_history))
        m_historyList->addItem(QString(e).replace(u'\t', u"  "_s));
}

void LookupTab::onHistoryActivated(QListWidgetItem *item)
{
    const int row = m_historyList->row(item);
    if (row < 0 || row >= m_history.size())
        return;
    const QString entry = m_history.at(row);
    const qsizetype tab = entry.indexOf(u'\t');
    const auto mode = modeFromKey(entry.left(tab));
    if (!mode || tab < 0)
        return;
    const QString text = entry.mid(tab + 1);
    m_mode->setCurrentIndex(int(*mode));
    m_input->setText(text);
    runQuery(*mode, text);
}

QString LookupTab::resultsText() const
{
    QStringList lines;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *label = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        lines.append((label ? label->text() : QString()) + u'\t' + (value ? value->text() : QString()));
    }
    if (!m_note->text().isEmpty())
        lines.append(m_note->text());
    return lines.join(u'\n');
}

QString LookupTab::errorText() const
{
    return m_lastError;
}

void LookupTab::copyResults()
{
    QString text = resultsText();
    if (!m_lastError.isEmpty())
        text = m_lastError + u'\n' + text;
    QApplication::clipboard()->setText(text);
    Q_EMIT statusMessage(tr("Results copied to the clipboard"));
}

void LookupTab::recordAddresses(netcore::lookup::Event event, const QStringList &args, const QList<QHostAddress> &addresses)
{
    m_transcript->appendEvent(event, args);
    for (const QHostAddress &address : addresses) {
        const Conversion c = convertAddress(address.toString());
        if (c.ok())
            m_transcript->append(netcore::common::Direction::Received, c.bytes, QString(), c.canonical);
    }
}

int LookupTab::timeoutMs() const
{
    return kHostTimeoutMs;
}

} // namespace widgets::lookup

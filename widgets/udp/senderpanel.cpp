#include "widgets/udp/senderpanel.h"

#include "widgets/common/preparedsends.h"
#include "widgets/common/shortcuts.h"
#include "widgets/common/zoom.h"
#include "widgets/common/colors.h"
#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/udp/payload.h"
#include "netcore/udp/sequenced.h"
#include "netcore/udp/structformat.h"
#include "presentation/common/escapestext.h"
#include "presentation/udp/udptext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>
#include <initializer_list>
#include <utility>

using namespace Qt::StringLiterals;
using namespace netcore::udp;

namespace widgets::udp {
namespace {

constexpr quint16 kCoursePort = 9999;           // the course's broadcast demo
constexpr qsizetype kPreviewBytes = 4096;       // hex dump shown at most
constexpr int kComboMinimumChars = 14;         // what a combo asks for at least (its popup shows all)

template <typename E>
void addEnumItems(QComboBox *combo, std::initializer_list<E> values)
{
    for (const E value : values)
        combo->addItem(QString(), QVariant::fromValue(int(value)));
}

template <typename E>
void setEnumItemText(QComboBox *combo, E value, const QString &text)
{
    combo->setItemText(combo->findData(int(value)), text);
}

template <typename E>
void selectEnum(QComboBox *combo, E value)
{
    combo->setCurrentIndex(std::max(0, combo->findData(int(value))));
}

} // namespace

SenderPanel::SenderPanel(QWidget *parent)
    : Retranslating(parent), m_sender(new UdpSender(this)), m_resolver(new HostResolver(this)),
      m_transcript(new netcore::common::Transcript(this))
{
    m_sender->setTranscript(m_transcript);
    buildUi();
    retranslateUi();
    refreshInterfaces();
    connect(m_sender, &UdpSender::stateChanged, this, &SenderPanel::onSenderStateChanged);
    connect(m_sender, &UdpSender::progress, this, &SenderPanel::onProgress);
    connect(m_sender, &UdpSender::errorOccurred, this, &SenderPanel::onError);
    connect(m_resolver, &HostResolver::finished, this, &SenderPanel::onResolved);
    updatePreview();
    updateEnabledState();
}

void SenderPanel::buildUi()
{
    m_kind = new QComboBox;
    addEnumItems(m_kind, {Destination::Unicast, Destination::LimitedBroadcast, Destination::SubnetBroadcast,
                          Destination::Multicast4, Destination::Multicast6});
    m_host = new QLineEdit(u"127.0.0.1"_s);
    m_broadcastAddress = new QComboBox;
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_port->setValue(kCoursePort);
    m_ttl = new QSpinBox;
    m_ttl->setRange(-1, 255);
    m_ttl->setValue(-1);
    m_interface = new QComboBox;
    m_kindLabel = new QLabel;
    m_hostLabel = new QLabel;
    m_portLabel = new QLabel;
    m_ttlLabel = new QLabel;
    m_interfaceLabel = new QLabel;
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(m_broadcastAddress, 1);
    auto *destinationForm = new QFormLayout;
    destinationForm->addRow(m_kindLabel, m_kind);
    destinationForm->addRow(m_hostLabel, hostRow);
    destinationForm->addRow(m_portLabel, m_port);
    destinationForm->addRow(m_ttlLabel, m_ttl);
    destinationForm->addRow(m_interfaceLabel, m_interface);
    m_destinationBox = new QGroupBox;
    m_destinationBox->setLayout(destinationForm);

    m_payloadKind = new QComboBox;
    addEnumItems(m_payloadKind, {PayloadKind::Text, PayloadKind::Hex, PayloadKind::File, PayloadKind::Struct});
    m_text = new QPlainTextEdit(u"hello\\n"_s);
    m_text->setMaximumHeight(70);
    m_file = new QLineEdit;
    m_browse = new QPushButton;
    m_filePage = new QWidget;
    auto *fileRow = new QHBoxLayout(m_filePage);
    fileRow->setContentsMargins(0, 0, 0, 0);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    m_format = new QLineEdit(u"!i8sf"_s);
    m_values = new QLineEdit(u"7, \"zhangsan\", 1.75"_s);
    m_formatLabel = new QLabel;
    m_valuesLabel = new QLabel;
    m_structPage = new QWidget;
    auto *structForm = new QFormLayout(m_structPage);
    structForm->setContentsMargins(0, 0, 0, 0);
    structForm->addRow(m_formatLabel, m_format);
    structForm->addRow(m_valuesLabel, m_values);
    m_payloadStack = new QStackedWidget;
    m_payloadStack->addWidget(m_text);   // text and hex share the editor
    m_payloadStack->addWidget(m_filePage);
    m_payloadStack->addWidget(m_structPage);
    m_previewLabel = new QLabel;
    m_preview = new QPlainTextEdit;
    m_preview->setReadOnly(true);
    common::useFixedFont(m_preview);
    m_preview->setMaximumHeight(90);
    m_payloadError = new QLabel;
    m_payloadError->setWordWrap(true);
    m_payloadError->setStyleSheet(common::errorStyleSheet());
    auto *payloadLayout = new QVBoxLayout;
    payloadLayout->addWidget(m_payloadKind);
    payloadLayout->addWidget(m_payloadStack);
    payloadLayout->addWidget(m_previewLabel);
    payloadLayout->addWidget(m_preview);
    payloadLayout->addWidget(m_payloadError);
    m_payloadBox = new QGroupBox;
    m_payloadBox->setLayout(payloadLayout);

    m_count = new QSpinBox;
    m_count->setRange(0, 1'000'000'000);
    m_count->setValue(1);
    m_timing = new QComboBox;
    addEnumItems(m_timing, {Timing::Interval, Timing::Rate});
    m_timingValue = new QDoubleSpinBox;
    m_timingValue->setDecimals(3);
    m_timingValue->setRange(0, 10'000'000);
    m_timingValue->setValue(1000);
    m_sequenced = new QCheckBox;
    m_size = new QSpinBox;
    m_size->setRange(0, int(kMaxDatagramSize));
    m_size->setValue(0);
    m_countLabel = new QLabel;
    m_sizeLabel = new QLabel;
    auto *repeatForm = new QFormLayout;
    repeatForm->addRow(m_countLabel, m_count);
    repeatForm->addRow(m_timing, m_timingValue);
    repeatForm->addRow(m_sequenced);
    repeatForm->addRow(m_sizeLabel, m_size);
    m_repeatBox = new QGroupBox;
    m_repeatBox->setLayout(repeatForm);

    // The combos' longest entries ("Limited broadcast 255.255.255.255", an interface's long name) must not set the
    // form's width: it sits beside the listener above the wire view (1024 px wide at a projector).
    for (QComboBox *combo : {m_kind, m_broadcastAddress, m_interface, m_payloadKind, m_timing}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(kComboMinimumChars);
    }

    m_sendButton = new QPushButton;
    m_stopButton = new QPushButton;
    m_sendButton->setObjectName(u"udpSend"_s);
    m_actions = new QWidget;
    auto *buttons = new QHBoxLayout(m_actions);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_sendButton);
    buttons->addWidget(m_stopButton);
    m_kind->setObjectName(u"kind"_s);
    m_host->setObjectName(u"host"_s);
    m_broadcastAddress->setObjectName(u"broadcastAddress"_s);
    m_port->setObjectName(u"port"_s);
    m_payloadKind->setObjectName(u"payloadKind"_s);
    m_text->setObjectName(u"text"_s);
    m_format->setObjectName(u"format"_s);
    m_values->setObjectName(u"values"_s);
    m_count->setObjectName(u"count"_s);
    buttons->addWidget(new common::PreparedSendsButton(
        u"udp"_s, {m_kind, m_host, m_broadcastAddress, m_port, m_payloadKind, m_text, m_format, m_values, m_count},
        m_sendButton, this));
    buttons->addStretch();
    m_options = new QLabel;
    m_options->setWordWrap(true);
    common::markSecondary(m_options);   // presenter mode hides the socket options
    m_options->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QLabel;

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_destinationBox);
    layout->addWidget(m_payloadBox);
    layout->addWidget(m_repeatBox);
    layout->addWidget(m_actions);
    layout->addWidget(m_options);
    layout->addWidget(m_progress);
    layout->addStretch();

    connect(m_kind, &QComboBox::currentIndexChanged, this, &SenderPanel::updateEnabledState);
    connect(m_payloadKind, &QComboBox::currentIndexChanged, this, &SenderPanel::updateEnabledState);
    connect(m_payloadKind, &QComboBox::currentIndexChanged, this, &SenderPanel::updatePreview);
    connect(m_text, &QPlainTextEdit::textChanged, this, &SenderPanel::updatePreview);
    connect(m_file, &QLineEdit::textChanged, this, &SenderPanel::updatePreview);
    connect(m_format, &QLineEdit::textChanged, this, &SenderPanel::updatePreview);
    connect(m_values, &QLineEdit::textChanged, this, &SenderPanel::updatePreview);
    connect(m_sequenced, &QCheckBox::toggled, this, &SenderPanel::updateEnabledState);
    connect(m_browse, &QPushButton::clicked, this, &SenderPanel::browseFile);
    connect(m_sendButton, &QPushButton::clicked, this, &SenderPanel::send);
    common::addSendShortcut(m_sendButton, this);
    connect(m_stopButton, &QPushButton::clicked, this, &SenderPanel::stop);
}

void SenderPanel::retranslateUi()
{
    m_destinationBox->setTitle(tr("Destination"));
    m_kindLabel->setText(tr("Kind:"));
    setEnumItemText(m_kind, Destination::Unicast, tr("Unicast (one host)"));
    setEnumItemText(m_kind, Destination::LimitedBroadcast, tr("Limited broadcast 255.255.255.255"));
    setEnumItemText(m_kind, Destination::SubnetBroadcast, tr("Subnet broadcast of an interface"));
    setEnumItemText(m_kind, Destination::Multicast4, tr("IPv4 multicast group"));
    setEnumItemText(m_kind, Destination::Multicast6, tr("IPv6 multicast group"));
    m_hostLabel->setText(tr("Host:"));
    m_host->setToolTip(tr("An IP address or a host name (resolved when sending)."));
    m_portLabel->setText(tr("Port:"));
    m_ttlLabel->setText(tr("TTL:"));
    m_ttl->setSpecialValueText(tr("system default"));
    m_ttl->setToolTip(tr("IP_MULTICAST_TTL for groups (0 = this host only, 1 = this subnet), IP_TTL otherwise."));
    m_interfaceLabel->setText(tr("Interface:"));
    m_interface->setToolTip(tr("Outgoing interface for multicast (IP_MULTICAST_IF)."));
    if (m_interface->count() > 0)
        m_interface->setItemText(0, tr("routing table decides"));
    m_payloadBox->setTitle(tr("Payload"));
    setEnumItemText(m_payloadKind, PayloadKind::Text, tr("Text (escapes %1)").arg(presentation::common::escapeHint()));
    setEnumItemText(m_payloadKind, PayloadKind::Hex, tr("Hex bytes"));
    setEnumItemText(m_payloadKind, PayloadKind::File, tr("File"));
    setEnumItemText(m_payloadKind, PayloadKind::Struct, tr("Python struct (format + values)"));
    m_browse->setText(tr("Browse…"));
    m_formatLabel->setText(tr("Format:"));
    m_format->setToolTip(tr("Byte order @ = < > !, codes x c b B ? h H i I l L q Q n N e f d s p, repeat counts: !i8sf"));
    m_valuesLabel->setText(tr("Values:"));
    m_values->setToolTip(tr("Comma-separated, strings in quotes: 7, \"zhangsan\", 1.75"));
    m_previewLabel->setText(tr("Bytes to send:"));
    m_repeatBox->setTitle(tr("Repeat"));
    m_countLabel->setText(tr("Count:"));
    m_count->setSpecialValueText(tr("until stopped"));
    setEnumItemText(m_timing, Timing::Interval, tr("Interval (ms):"));
    setEnumItemText(m_timing, Timing::Rate, tr("Rate (datagrams/s):"));
    // Short beside the listener (the form's width at a projector); the explanation in the tooltip.
    m_sequenced->setText(tr("Sequenced test mode"));
    m_sequenced->setToolTip(tr("Sequenced test mode (sequence number + send time, for loss counting)"));
    m_sizeLabel->setText(tr("Datagram size:"));
    m_size->setSpecialValueText(tr("header + payload"));
    m_sendButton->setText(tr("Send"));
    m_stopButton->setText(tr("Stop"));
    updatePreview();
}

SenderPanel::Destination SenderPanel::currentDestination() const
{
    return Destination(m_kind->currentData().toInt());
}

SenderPanel::PayloadKind SenderPanel::currentPayloadKind() const
{
    return PayloadKind(m_payloadKind->currentData().toInt());
}

void SenderPanel::refreshInterfaces()
{
    m_broadcastAddress->clear();
    m_interface->clear();
    m_interface->addItem(tr("routing table decides"), QString());
    for (const netcore::lookup::InterfaceInfo &info : netcore::lookup::localInterfaces()) {
        if (info.flags.testFlag(QNetworkInterface::CanMulticast) || info.flags.testFlag(QNetworkInterface::IsLoopBack))
            m_interface->addItem(info.name, info.name);
        for (const netcore::lookup::InterfaceAddress &address : info.addresses) {
            if (!address.broadcast.isNull())
                m_broadcastAddress->addItem(info.name + u" — "_s + address.broadcast.toString(), address.broadcast.toString());
        }
    }
}

void SenderPanel::updateEnabledState()
{
    const Destination kind = currentDestination();
    const bool sending = m_sender->state() == UdpSender::State::Sending || m_resolving.has_value();
    const bool multicast = kind == Destination::Multicast4 || kind == Destination::Multicast6;
    m_host->setVisible(kind != Destination::SubnetBroadcast);
    m_host->setEnabled(kind != Destination::LimitedBroadcast);
    if (kind == Destination::LimitedBroadcast)
        m_host->setText(u"255.255.255.255"_s);
    m_broadcastAddress->setVisible(kind == Destination::SubnetBroadcast);
    m_interface->setEnabled(multicast);
    const PayloadKind payloadKind = currentPayloadKind();
    m_payloadStack->setCurrentWidget(payloadKind == PayloadKind::File     ? m_filePage
                                     : payloadKind == PayloadKind::Struct ? m_structPage
                                                                          : static_cast<QWidget *>(m_text));
    m_size->setEnabled(m_sequenced->isChecked());
    m_sendButton->setEnabled(!sending);
    m_stopButton->setEnabled(sending);
    m_destinationBox->setEnabled(!sending);
    m_payloadBox->setEnabled(!sending);
    m_repeatBox->setEnabled(!sending);
}

std::optional<QByteArray> SenderPanel::currentPayload(QString *error) const
{
    const PayloadKind kind = currentPayloadKind();
    PayloadError payloadError;
    std::optional<QByteArray> bytes;
    if (kind == PayloadKind::Text) {
        netcore::common::EscapeParseError escapeError;
        bytes = netcore::common::parseEscapes(m_text->toPlainText(), &escapeError);
        if (!bytes)
            *error = tr("Character %1: %2").arg(escapeError.position + 1).arg(presentation::common::escapeErrorText(escapeError));
        return bytes;
    }
    if (kind == PayloadKind::Hex) {
        bytes = Payload::fromHex(m_text->toPlainText(), &payloadError);
    } else if (kind == PayloadKind::File) {
        if (m_file->text().isEmpty()) {
            *error = tr("Choose a file to send.");
            return std::nullopt;
        }
        bytes = Payload::fromFile(m_file->text(), &payloadError);
    } else {
        StructError structError;
        const std::optional<StructFormat> format = StructFormat::parse(m_format->text(), &structError);
        if (!format) {
            *error = tr("Format, character %1: %2").arg(structError.position + 1).arg(presentation::udp::structErrorText(structError));
            return std::nullopt;
        }
        const std::optional<QStringList> tokens = StructFormat::splitValueLine(m_values->text(), &structError);
        const std::optional<QList<StructValue>> values = tokens ? format->valuesFromText(*tokens, &structError) : std::nullopt;
        bytes = values ? format->pack(*values, &structError) : std::nullopt;
        if (!bytes)
            *error = tr("Values: %1").arg(presentation::udp::structErrorText(structError));
        return bytes;
    }
    if (!bytes) {
        const QString why = presentation::udp::payloadErrorText(payloadError);
        *error = payloadError.position >= 0 ? tr("Character %1: %2").arg(payloadError.position + 1).arg(why) : why;
    }
    return bytes;
}

void SenderPanel::updatePreview()
{
    QString error;
    const std::optional<QByteArray> bytes = currentPayload(&error);
    m_payloadError->setText(error);
    m_payloadError->setVisible(!error.isEmpty());
    if (!bytes) {
        m_preview->clear();
        return;
    }
    m_previewLabel->setText(tr("Bytes to send (%n byte(s)):", nullptr, int(bytes->size())));
    m_preview->setPlainText(bytes->isEmpty() ? tr("(empty datagram)") : netcore::common::hexDump(*bytes, kPreviewBytes));
}

void SenderPanel::browseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("File to send"));
    if (!path.isEmpty())
        m_file->setText(path);
}

std::optional<SenderOptions> SenderPanel::collectOptions(QString *error) const
{
    SenderOptions options;
    const Destination kind = currentDestination();
    const QString host = kind == Destination::SubnetBroadcast ? m_broadcastAddress->currentData().toString() : m_host->text().trimmed();
    if (kind == Destination::SubnetBroadcast && !options.destination.setAddress(host)) {
        *error = tr("No interface offers a broadcast address.");
        return std::nullopt;
    }
    if (host.isEmpty()) {
        *error = tr("Enter a host name or an IP address.");
        return std::nullopt;
    }
    // A host name stays null here: send() resolves it. Addresses are checked at once.
    if (const std::optional<QHostAddress> literal = HostResolver::literalAddress(host))
        options.destination = *literal;
    const bool wantsMulticast = kind == Destination::Multicast4 || kind == Destination::Multicast6;
    if (wantsMulticast && !options.destination.isMulticast()) {
        *error = tr("%1 is not a multicast group (224.0.0.0/4 or ff00::/8).").arg(host);
        return std::nullopt;
    }
    if (!wantsMulticast && options.destination.isMulticast()) {
        *error = tr("%1 is a multicast group: choose a multicast destination kind.").arg(host);
        return std::nullopt;
    }
    options.port = quint16(m_port->value());
    options.broadcast = kind == Destination::LimitedBroadcast || kind == Destination::SubnetBroadcast;
    options.ttl = m_ttl->value();
    options.multicastInterface = wantsMulticast ? m_interface->currentData().toString() : QString();
    const std::optional<QByteArray> payload = currentPayload(error);
    if (!payload)
        return std::nullopt;
    options.payload = *payload;
    options.count = m_count->value();
    if (Timing(m_timing->currentData().toInt()) == Timing::Rate)
        options.rate = m_timingValue->value();
    else
        options.interval = std::chrono::microseconds(qint64(std::llround(m_timingValue->value() * 1000)));
    options.sequenced = m_sequenced->isChecked();
    options.sequencedSize = m_size->value() > 0 ? m_size->value() : -1;
    return options;
}

void SenderPanel::send()
{
    QString error;
    std::optional<SenderOptions> options = collectOptions(&error);
    if (!options) {
        showProblem(error);
        return;
    }
    if (!options->destination.isNull()) {
        startSending(*options);
        return;
    }
    m_resolving = options;
    m_progress->setText(tr("Resolving %1…").arg(m_host->text().trimmed()));
    m_resolver->resolve(m_host->text().trimmed());
    updateEnabledState();
}

void SenderPanel::onResolved(const HostResolution &resolution)
{
    if (!m_resolving)
        return;
    SenderOptions options = *std::exchange(m_resolving, std::nullopt);
    updateEnabledState();
    if (!resolution.ok()) {
        showProblem(presentation::udp::resolutionErrorText(resolution));
        return;
    }
    if (resolution.address.isMulticast()) {
        showProblem(tr("%1 is a multicast group: choose a multicast destination kind.").arg(resolution.host));
        return;
    }
    options.destination = resolution.address;
    startSending(options);
}

void SenderPanel::startSending(const SenderOptions &options)
{
    if (!m_sender->start(options)) {
        showProblem(tr("Cannot send: %1").arg(presentation::udp::errorText(m_sender->error(), m_sender->errorDetail())));
        return;
    }
    QStringList parts;
    for (const SocketOption &option : m_sender->socketOptions())
        parts.append(option.name + u" = "_s + option.value);
    m_options->setText(tr("Socket options: %1").arg(parts.join(u", "_s)));
}

void SenderPanel::showProblem(const QString &message)
{
    m_progress->setText(message);
    Q_EMIT statusMessage(message);
}

void SenderPanel::stop()
{
    if (m_resolving) {
        m_resolver->cancel();
        m_resolving.reset();
        m_progress->clear();
        updateEnabledState();
    }
    m_sender->stop();
}

void SenderPanel::onSenderStateChanged()
{
    updateEnabledState();
}

void SenderPanel::onProgress(quint64 sent, quint64 bytes)
{
    const netcore::udp::SenderStats stats = m_sender->stats();
    m_progress->setText(tr("Sent %1 datagram(s), %2 bytes, %3 datagrams/s").arg(sent).arg(bytes).arg(stats.achievedRate(), 0, 'f', 0));
}

void SenderPanel::onError(UdpSender::Error error)
{
    showProblem(tr("Sending stopped: %1").arg(presentation::udp::errorText(error, m_sender->errorDetail())));
}

void SenderPanel::setDestination(Destination kind, const QString &host, quint16 port)
{
    selectEnum(m_kind, kind);
    if (kind != Destination::SubnetBroadcast && kind != Destination::LimitedBroadcast)
        m_host->setText(host);
    m_port->setValue(port);
}

void SenderPanel::setPayload(PayloadKind kind, const QString &text, const QString &structValues)
{
    selectEnum(m_payloadKind, kind);
    if (kind == PayloadKind::File)
        m_file->setText(text);
    else if (kind == PayloadKind::Struct) {
        m_format->setText(text);
        m_values->setText(structValues);
    } else
        m_text->setPlainText(text);
}

void SenderPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(u"sender/kind"_s, int(currentDestination()));
    settings.setValue(u"sender/host"_s, m_host->text());
    settings.setValue(u"sender/port"_s, m_port->value());
    settings.setValue(u"sender/payloadKind"_s, int(currentPayloadKind()));
    settings.setValue(u"sender/text"_s, m_text->toPlainText());
    settings.setValue(u"sender/format"_s, m_format->text());
    settings.setValue(u"sender/values"_s, m_values->text());
}

void SenderPanel::restoreSettings(QSettings &settings)
{
    selectEnum(m_kind, Destination(settings.value(u"sender/kind"_s, 0).toInt()));
    m_host->setText(settings.value(u"sender/host"_s, m_host->text()).toString());
    m_port->setValue(settings.value(u"sender/port"_s, m_port->value()).toInt());
    selectEnum(m_payloadKind, PayloadKind(settings.value(u"sender/payloadKind"_s, 0).toInt()));
    m_text->setPlainText(settings.value(u"sender/text"_s, m_text->toPlainText()).toString());
    m_format->setText(settings.value(u"sender/format"_s, m_format->text()).toString());
    m_values->setText(settings.value(u"sender/values"_s, m_values->text()).toString());
}

} // namespace widgets::udp

#include "widgets/udp/listenerpanel.h"

#include "widgets/common/zoom.h"
#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/udp/datagramexport.h"
#include "netcore/udp/structformat.h"
#include "presentation/common/escapestext.h"
#include "presentation/lookup/handouttext.h"
#include "presentation/udp/udptext.h"
#include "widgets/udp/datagrammodel.h"
#include "widgets/udp/rateplot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace netcore::udp;

namespace widgets::udp {
namespace {

constexpr quint16 kCoursePort = 9999;
constexpr qsizetype kDetailMaxBytes = 64 * 1024;
constexpr qsizetype kShownAddresses = 3;   // the best few (Lookup → interfaces lists every one)

} // namespace

ListenerPanel::ListenerPanel(QWidget *parent)
    : Retranslating(parent), m_listener(new UdpListener(this)), m_model(new DatagramModel(this)), m_filter(new DatagramFilter(this)),
      m_counterTimer(new QTimer(this))
{
    m_filter->setSourceModel(m_model);
    buildUi();
    retranslateUi();
    connect(m_listener, &UdpListener::datagramsReceived, this, &ListenerPanel::onBatch);
    connect(m_listener, &UdpListener::stateChanged, this, &ListenerPanel::updateEnabledState);
    m_counterTimer->setInterval(kCounterInterval);
    connect(m_counterTimer, &QTimer::timeout, this, &ListenerPanel::updateCounters);
    updateEnabledState();
}

ListenerPanel::~ListenerPanel()
{
    m_listener->stop();
}

QWidget *ListenerPanel::buildControls()
{
    m_address = new QComboBox;
    m_address->setEditable(true);
    m_address->addItems({u"0.0.0.0"_s, u"::"_s, u"127.0.0.1"_s});
    m_port = new QSpinBox;
    m_port->setRange(0, 65535);
    m_port->setValue(kCoursePort);
    m_port->setObjectName(u"listenPort"_s);
    m_startStop = new QPushButton;
    m_startStop->setObjectName(u"listenStartStop"_s);
    m_bound = new QLabel;
    m_bound->setWordWrap(true);
    m_bound->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_group = new QLineEdit(u"239.255.0.1"_s);
    m_groupInterface = new QComboBox;
    m_groupInterface->addItem(QString(), QString());
    for (const netcore::lookup::InterfaceInfo &info : netcore::lookup::localInterfaces())
        m_groupInterface->addItem(info.name, info.name);
    m_join = new QPushButton;
    m_leave = new QPushButton;
    m_groups = new QLabel;
    m_replyEnabled = new QCheckBox;
    m_reply = new QLineEdit(u"I am here\\n"_s);
    m_addressLabel = new QLabel;
    m_portLabel = new QLabel;
    m_groupLabel = new QLabel;
    auto *bindRow = new QHBoxLayout;
    bindRow->addWidget(m_address, 1);
    bindRow->addWidget(m_portLabel);
    bindRow->addWidget(m_port);
    bindRow->addWidget(m_startStop);
    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(m_group, 1);
    groupRow->addWidget(m_groupInterface);
    groupRow->addWidget(m_join);
    groupRow->addWidget(m_leave);
    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_replyEnabled);
    replyRow->addWidget(m_reply, 1);
    auto *form = new QFormLayout;
    form->addRow(m_addressLabel, bindRow);
    form->addRow(m_bound);
    form->addRow(m_groupLabel, groupRow);
    form->addRow(m_groups);
    form->addRow(replyRow);
    m_bindBox = new QGroupBox;
    m_bindBox->setLayout(form);

    connect(m_startStop, &QPushButton::clicked, this, &ListenerPanel::onStartStop);
    connect(m_join, &QPushButton::clicked, this, &ListenerPanel::onJoin);
    connect(m_leave, &QPushButton::clicked, this, &ListenerPanel::onLeave);
    connect(m_replyEnabled, &QCheckBox::toggled, this, &ListenerPanel::onReplyChanged);
    connect(m_reply, &QLineEdit::editingFinished, this, &ListenerPanel::onReplyChanged);
    return m_bindBox;
}

QWidget *ListenerPanel::buildDetail()
{
    m_hex = new QPlainTextEdit;
    m_hex->setReadOnly(true);
    common::useFixedFont(m_hex);
    common::markSecondary(m_hex);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_decodeLabel = new QLabel;
    m_decodeFormat = new QLineEdit;
    m_decoded = new QPlainTextEdit;
    m_decoded->setReadOnly(true);
    m_decoded->setMaximumHeight(90);
    auto *detail = new QWidget;
    auto *layout = new QVBoxLayout(detail);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_hex, 1);
    auto *decodeRow = new QHBoxLayout;
    decodeRow->addWidget(m_decodeLabel);
    decodeRow->addWidget(m_decodeFormat, 1);
    layout->addLayout(decodeRow);
    layout->addWidget(m_decoded);
    connect(m_decodeFormat, &QLineEdit::textChanged, this, &ListenerPanel::updateDetail);
    return detail;
}

void ListenerPanel::buildUi()
{
    m_filterEdit = new QLineEdit;
    m_filterEdit->setClearButtonEnabled(true);
    m_pause = new QCheckBox;
    m_clear = new QPushButton;
    m_exportCsv = new QPushButton;
    m_exportPcap = new QPushButton;
    auto *toolRow = new QHBoxLayout;
    toolRow->addWidget(m_filterEdit, 1);
    toolRow->addWidget(m_pause);
    toolRow->addWidget(m_clear);
    toolRow->addWidget(m_exportCsv);
    toolRow->addWidget(m_exportPcap);
    m_counters = new QLabel;
    m_loss = new QLabel;
    m_plot = new RatePlot;
    auto *statsColumn = new QVBoxLayout;
    statsColumn->addWidget(m_counters);
    statsColumn->addWidget(m_loss);
    auto *statsRow = new QHBoxLayout;
    statsRow->addLayout(statsColumn, 1);
    statsRow->addWidget(m_plot, 1);

    m_view = new QTableView;
    m_view->setModel(m_filter);
    // Built for floods: fixed row heights, no vertical header, no word wrap (no per-row measuring).
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 4);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(DatagramModel::TimeColumn, 100);
    m_view->horizontalHeader()->resizeSection(DatagramModel::SourceColumn, 170);
    m_view->horizontalHeader()->resizeSection(DatagramModel::SizeColumn, 60);
    m_view->horizontalHeader()->resizeSection(DatagramModel::SequenceColumn, 70);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_view);
    splitter->addWidget(buildDetail());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addLayout(toolRow);
    layout->addLayout(statsRow);
    layout->addWidget(splitter, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &ListenerPanel::setFilterText);
    connect(m_pause, &QCheckBox::toggled, this, &ListenerPanel::setPaused);
    connect(m_clear, &QPushButton::clicked, this, &ListenerPanel::onClear);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { onExport(false); });
    connect(m_exportPcap, &QPushButton::clicked, this, [this] { onExport(true); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ListenerPanel::updateDetail);
}

void ListenerPanel::retranslateUi()
{
    m_bindBox->setTitle(tr("Listen"));
    m_addressLabel->setText(tr("Bind address:"));
    m_portLabel->setText(tr("Port:"));
    m_port->setSpecialValueText(tr("any free port"));
    m_groupLabel->setText(tr("Multicast group:"));
    m_groupInterface->setItemText(0, tr("any interface"));
    m_join->setText(tr("Join"));
    m_leave->setText(tr("Leave"));
    m_replyEnabled->setText(tr("Reply to each sender with:"));
    m_filterEdit->setPlaceholderText(tr("Filter by source or text"));
    m_pause->setText(tr("Pause"));
    m_clear->setText(tr("Clear"));
    m_exportCsv->setText(tr("Export CSV…"));
    m_exportPcap->setText(tr("Export pcap…"));
    m_decodeLabel->setText(tr("Decode as struct:"));
    m_decodeFormat->setPlaceholderText(tr("format, e.g. !i8sf"));
    m_model->retranslate();
    updateEnabledState();
    updateCounters();
    updateDetail();
}


void ListenerPanel::updateEnabledState()
{
    const bool listening = m_listener->state() == UdpListener::State::Listening;
    m_startStop->setText(listening ? tr("Stop") : tr("Start"));
    m_address->setEnabled(!listening);
    m_port->setEnabled(!listening);
    m_join->setEnabled(listening);
    m_leave->setEnabled(listening && !m_listener->joinedGroups().isEmpty());
    QStringList groups;
    for (const QHostAddress &group : m_listener->joinedGroups())
        groups.append(group.toString());
    m_groups->setText(groups.isEmpty() ? QString() : tr("Joined: %1").arg(groups.join(u", "_s)));
    if (!listening) {
        m_bound->setText(tr("Not listening."));
        m_counterTimer->stop();
        return;
    }
    QStringList options;
    for (const SocketOption &option : m_listener->socketOptions())
        options.append(option.name + u" = "_s + option.value);
    QString text = tr("Listening on %1. Socket options: %2")
                       .arg(netcore::common::endpointString(m_listener->localAddress(), m_listener->localPort()), options.join(u", "_s));
    const QHostAddress bound = m_listener->localAddress();
    if (bound == QHostAddress::AnyIPv4 || bound == QHostAddress::AnyIPv6 || bound == QHostAddress::Any) {
        // Every address: name the ones other computers send to, not 0.0.0.0.
        const QStringList reachable = presentation::lookup::handoutEndpoints(netcore::lookup::localInterfaces(), bound,
                                                                             m_listener->localPort());
        text += u'\n' + (reachable.isEmpty() ? tr("Every address of this computer; no network address other computers can reach.")
                                              : tr("Every address of this computer: others send to %1.")
                                                    .arg(reachable.mid(0, kShownAddresses).join(u", "_s)));
    }
    m_bound->setText(text);
    if (!m_counterTimer->isActive()) {
        m_counterTimer->start();
        m_sampleClock.start();
        m_lastSampleCount = m_listener->counters().datagrams;
    }
}

bool ListenerPanel::startListening(const QString &address, quint16 port)
{
    ListenerOptions options;
    if (!options.bindAddress.setAddress(address.trimmed())) {
        Q_EMIT statusMessage(tr("'%1' is not an IP address to bind.").arg(address));
        return false;
    }
    options.port = port;
    options.maxPending = m_model->store().capacity();
    options.replyEnabled = m_replyEnabled->isChecked();
    options.reply = netcore::common::parseEscapes(m_reply->text()).value_or(QByteArray()); // onReplyChanged() says what is wrong
    if (!m_listener->start(options)) {
        const QString message = tr("Cannot listen: %1. Another program may hold the port without sharing it; try another port.")
                                    .arg(presentation::udp::errorText(m_listener->error(), m_listener->errorDetail()));
        m_bound->setText(message);
        Q_EMIT statusMessage(message);
        return false;
    }
    m_address->setCurrentText(address);
    m_port->setValue(m_listener->localPort());
    updateEnabledState();
    return true;
}

bool ListenerPanel::startForClass()
{
    const QHostAddress asked(m_address->currentText().trimmed());
    const bool everywhere = asked == QHostAddress::AnyIPv4 || asked == QHostAddress::AnyIPv6 || asked == QHostAddress::Any;
    return startListening(everywhere ? m_address->currentText().trimmed() : u"0.0.0.0"_s, quint16(m_port->value()));
}

void ListenerPanel::stopListening()
{
    m_listener->stop();
    updateCounters();
}

void ListenerPanel::onStartStop()
{
    if (m_listener->state() == UdpListener::State::Listening)
        stopListening();
    else
        startListening(m_address->currentText(), quint16(m_port->value()));
}

void ListenerPanel::onJoin()
{
    const QHostAddress group(m_group->text().trimmed());
    if (group.isNull())
        Q_EMIT statusMessage(tr("Cannot join the group: '%1' is not an IP address.").arg(m_group->text().trimmed()));
    else if (!m_listener->joinGroup(group, m_groupInterface->currentData().toString()))
        Q_EMIT statusMessage(tr("Cannot join the group: %1").arg(presentation::udp::errorText(m_listener->error(), m_listener->errorDetail())));
    updateEnabledState();
}

void ListenerPanel::onLeave()
{
    const QHostAddress group(m_group->text().trimmed());
    if (group.isNull())
        Q_EMIT statusMessage(tr("Cannot leave the group: '%1' is not an IP address.").arg(m_group->text().trimmed()));
    else if (!m_listener->leaveGroup(group, m_groupInterface->currentData().toString()))
        Q_EMIT statusMessage(tr("Cannot leave the group: %1").arg(presentation::udp::errorText(m_listener->error(), m_listener->errorDetail())));
    updateEnabledState();
}

void ListenerPanel::onReplyChanged()
{
    netcore::common::EscapeParseError error;
    const std::optional<QByteArray> reply = netcore::common::parseEscapes(m_reply->text(), &error);
    if (!reply) {
        Q_EMIT statusMessage(tr("Reply, character %1: %2").arg(error.position + 1).arg(presentation::common::escapeErrorText(error)));
        return;
    }
    if (m_listener->state() == UdpListener::State::Listening)
        m_listener->setReply(m_replyEnabled->isChecked(), *reply);
}

void ListenerPanel::onBatch(const QList<Datagram> &batch)
{
    if (m_paused) {
        m_heldBack += quint64(batch.size());
        return;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    m_model->appendBatch(batch);
    if (atBottom)
        m_view->scrollToBottom();
}

void ListenerPanel::setCapacity(qsizetype capacity)
{
    m_model->setCapacity(capacity);
}

void ListenerPanel::setFilterText(const QString &text)
{
    if (m_filterEdit->text() != text)
        m_filterEdit->setText(text);
    m_filter->setNeedle(text);
}

void ListenerPanel::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    updateCounters();
}

void ListenerPanel::onClear()
{
    m_model->clear();
    m_listener->resetCounters();
    m_heldBack = 0;
    m_lastSampleCount = 0;
    m_plot->clear();
    updateCounters();
    updateDetail();
}

void ListenerPanel::updateCounters()
{
    const ListenerCounters c = m_listener->counters();
    if (m_sampleClock.isValid() && m_sampleClock.elapsed() >= 1000) {
        const double seconds = double(m_sampleClock.restart()) / 1000.0;
        m_plot->addSample(double(c.datagrams - std::min(c.datagrams, m_lastSampleCount)) / seconds);
        m_lastSampleCount = c.datagrams;
    }
    const QLocale locale;
    QString text = tr("Datagrams: %1   Bytes: %2   Listed: %3 (newest %4 kept)")
                       .arg(locale.toString(c.datagrams), locale.toString(c.bytes), locale.toString(m_model->rowCount()),
                            locale.toString(m_model->store().capacity()));
    if (m_heldBack > 0 || m_paused)
        text += u"\n"_s + tr("Paused: %1 arrived and were counted but not listed.").arg(locale.toString(m_heldBack));
    if (c.notDelivered > 0)
        text += u"\n"_s + tr("%1 were counted but not listed: they arrived faster than the table could take them.").arg(locale.toString(c.notDelivered));
    if (c.replies || c.replyErrors)
        text += u"\n"_s + tr("Replies sent: %1, failed: %2").arg(locale.toString(c.replies), locale.toString(c.replyErrors));
    m_counters->setText(text);
    m_loss->setText(c.sequenced == 0 ? tr("No sequenced datagrams yet (send with the sequenced test mode to count loss).")
                                     : tr("Sequenced: %1   expected %2   lost %3 (%4%)   out of order %5   duplicates %6   jitter %7 ms")
                                           .arg(locale.toString(c.sequenced), locale.toString(c.loss.expected), locale.toString(c.loss.lost))
                                           .arg(locale.toString(c.loss.expected ? 100.0 * double(c.loss.lost) / double(c.loss.expected) : 0.0, 'f', 2))
                                           .arg(locale.toString(c.loss.outOfOrder), locale.toString(c.loss.duplicates))
                                           .arg(locale.toString(c.loss.jitterUs / 1000.0, 'f', 3)));
}

void ListenerPanel::updateDetail()
{
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_hex->setPlainText(tr("Select a datagram to see its bytes."));
        m_decoded->clear();
        return;
    }
    const Datagram &d = m_model->datagram(current.row());
    QString header = tr("From %1, %n byte(s)", nullptr, int(d.payload.size())).arg(netcore::common::endpointString(d.source, d.sourcePort));
    if (!d.destination.isNull())
        header += u", "_s + tr("sent to %1").arg(d.destination.toString());
    m_hex->setPlainText(header + u"\n\n"_s + netcore::common::hexDump(d.payload, kDetailMaxBytes));
    const QString formatText = m_decodeFormat->text();
    if (formatText.isEmpty()) {
        m_decoded->clear();
        return;
    }
    StructError error;
    const std::optional<StructFormat> format = StructFormat::parse(formatText, &error);
    if (!format) {
        m_decoded->setPlainText(tr("Format, character %1: %2").arg(error.position + 1).arg(presentation::udp::structErrorText(error)));
        return;
    }
    if (d.payload.size() < format->size()) {
        m_decoded->setPlainText(tr("The datagram has %1 bytes; the format needs %2.").arg(d.payload.size()).arg(format->size()));
        return;
    }
    const std::optional<QList<StructValue>> values = format->unpack(d.payload.left(format->size()), &error);
    QStringList parts;
    for (const StructValue &value : values.value_or(QList<StructValue>()))
        parts.append(structValueText(value));
    QString text = u"("_s + parts.join(u", "_s) + u")"_s;
    if (d.payload.size() > format->size())
        text += u"\n"_s + tr("%n more byte(s) after the format.", nullptr, int(d.payload.size() - format->size()));
    m_decoded->setPlainText(text);
}

bool ListenerPanel::exportTo(const QString &path, bool pcap, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    const bool written = pcap ? DatagramExport::writePcap(file, m_model->store(), m_listener->localAddress(), m_listener->localPort(), error)
                              : DatagramExport::writeCsv(file, m_model->store(), error);
    if (!written)
        return false;
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void ListenerPanel::onExport(bool pcap)
{
    const QString path = QFileDialog::getSaveFileName(this, pcap ? tr("Export pcap") : tr("Export CSV"), QString(),
                                                      pcap ? tr("pcap capture (*.pcap)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, pcap, &error))
        Q_EMIT statusMessage(tr("Saved %n datagram(s) to %1.", nullptr, int(m_model->rowCount())).arg(path));
    else
        Q_EMIT statusMessage(tr("Could not save %1: %2").arg(path, error));
}

void ListenerPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(u"listener/address"_s, m_address->currentText());
    settings.setValue(u"listener/port"_s, m_port->value());
    settings.setValue(u"listener/group"_s, m_group->text());
    settings.setValue(u"listener/reply"_s, m_reply->text());
    settings.setValue(u"listener/decodeFormat"_s, m_decodeFormat->text());
}

void ListenerPanel::restoreSettings(QSettings &settings)
{
    m_address->setCurrentText(settings.value(u"listener/address"_s, m_address->currentText()).toString());
    m_port->setValue(settings.value(u"listener/port"_s, m_port->value()).toInt());
    m_group->setText(settings.value(u"listener/group"_s, m_group->text()).toString());
    m_reply->setText(settings.value(u"listener/reply"_s, m_reply->text()).toString());
    m_decodeFormat->setText(settings.value(u"listener/decodeFormat"_s, m_decodeFormat->text()).toString());
}

} // namespace widgets::udp

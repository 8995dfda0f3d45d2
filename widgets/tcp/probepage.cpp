#include "widgets/tcp/probepage.h"

#include "netcore/common/escapes.h"
#include "netcore/tcp/probe.h"
#include "presentation/common/escapestext.h"
#include "presentation/tcp/tcptext.h"
#include "widgets/common/colors.h"
#include "widgets/tcp/probetimeline.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using netcore::tcp::ConcurrencyProbe;
using netcore::tcp::ProbeExpect;

namespace widgets::tcp {

ProbePage::ProbePage(QWidget *parent)
    : Retranslating<QWidget>(parent)
    , m_repaint(new QTimer(this))
    , m_hostLabel(new QLabel(this))
    , m_host(new QLineEdit(u"127.0.0.1"_s, this))
    , m_portLabel(new QLabel(this))
    , m_port(new QSpinBox(this))
    , m_clientsLabel(new QLabel(this))
    , m_clients(new QSpinBox(this))
    , m_messageLabel(new QLabel(this))
    , m_message(new QLineEdit(u"hello\\n"_s, this))
    , m_expectLabel(new QLabel(this))
    , m_expect(new QComboBox(this))
    , m_expectBytes(new QSpinBox(this))
    , m_deadlineLabel(new QLabel(this))
    , m_deadline(new QSpinBox(this))
    , m_start(new QPushButton(this))
    , m_timeline(new ProbeTimeline(this))
    , m_verdict(new QLabel(this))
    , m_evidence(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"tcpProbePage"_s);
    m_host->setObjectName(u"probeHost"_s);
    m_port->setObjectName(u"probePort"_s);
    m_port->setRange(1, 65535);
    m_port->setValue(8007);
    m_clients->setObjectName(u"probeClients"_s);
    m_clients->setRange(1, ConcurrencyProbe::kMaxClients);
    m_clients->setValue(20);
    m_message->setObjectName(u"probeMessage"_s);
    m_expect->setObjectName(u"probeExpect"_s);
    for (int i = 0; i < int(ProbeExpect::Count); ++i)
        m_expect->addItem(QString(), i);
    m_expectBytes->setObjectName(u"probeExpectBytes"_s);
    m_expectBytes->setRange(1, 1 << 20);
    m_expectBytes->setValue(1);
    m_deadline->setObjectName(u"probeDeadline"_s);
    m_deadline->setRange(1, 600);
    m_deadline->setValue(10);
    m_start->setObjectName(u"probeStart"_s);
    m_verdict->setObjectName(u"probeVerdict"_s);
    m_verdict->setWordWrap(true);
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_verdict->setFont(big);
    m_evidence->setObjectName(u"probeEvidence"_s);
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(u"probeStatus"_s);
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *target = new QHBoxLayout;
    target->addWidget(m_host, 3);
    target->addWidget(m_portLabel);
    target->addWidget(m_port, 1);
    form->addRow(m_hostLabel, target);
    auto *counts = new QHBoxLayout;
    counts->addWidget(m_clients);
    counts->addWidget(m_deadlineLabel);
    counts->addWidget(m_deadline);
    counts->addStretch();
    form->addRow(m_clientsLabel, counts);
    form->addRow(m_messageLabel, m_message);
    auto *expect = new QHBoxLayout;
    expect->addWidget(m_expect, 1);
    expect->addWidget(m_expectBytes);
    form->addRow(m_expectLabel, expect);

    // Everything in a vertical scroll area: on a projector (1280x800 at 150 %) the page shares its height with the
    // send box, and scrolls rather than pushing the window past the screen.
    auto *content = new QWidget;
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_status, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_timeline, 1);
    layout->addWidget(m_verdict);
    layout->addWidget(m_evidence);

    m_repaint->setInterval(100);
    connect(m_repaint, &QTimer::timeout, this, &ProbePage::refresh);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (running())
            stop();
        else
            start();
    });
    connect(m_expect, &QComboBox::currentIndexChanged, this, &ProbePage::updateExpect);
    retranslateUi();
    updateExpect();
}

ProbePage::~ProbePage() = default;

void ProbePage::setTarget(const QString &host, quint16 port)
{
    if (!host.isEmpty())
        m_host->setText(host);
    if (port != 0)
        m_port->setValue(port);
}

bool ProbePage::running() const
{
    return m_probe && m_probe->state() != ConcurrencyProbe::State::Finished
            && m_probe->state() != ConcurrencyProbe::State::Idle;
}

bool ProbePage::start()
{
    if (running())
        return false;
    const QString host = m_host->text().trimmed();
    if (host.isEmpty()) {
        m_status->setText(tr("Enter the server's address."));
        m_status->setStyleSheet(common::errorStyleSheet());
        return false;
    }
    netcore::common::EscapeParseError escapeError;
    const std::optional<QByteArray> message = netcore::common::parseEscapes(m_message->text(), &escapeError);
    if (!message) {
        m_status->setText(tr("Message: %1").arg(presentation::common::escapeErrorText(escapeError)));
        m_status->setStyleSheet(common::errorStyleSheet());
        return false;
    }
    netcore::tcp::ProbeConfig config;
    config.host = host;
    config.port = quint16(m_port->value());
    config.clients = m_clients->value();
    config.message = *message;
    config.expect = ProbeExpect(m_expect->currentData().toInt());
    config.expectBytes = m_expectBytes->value();
    config.deadline = std::chrono::seconds(m_deadline->value());

    if (m_probe)
        m_probe->deleteLater();
    m_probe = new ConcurrencyProbe(this);
    m_probe->setConfig(config);
    connect(m_probe, &ConcurrencyProbe::finished, this, &ProbePage::onFinished);
    m_timeline->clear();
    m_verdict->clear();
    m_evidence->clear();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Connecting %n client(s) at once to %1:%2 ...", nullptr, config.clients)
                              .arg(host)
                              .arg(config.port));
    m_probe->start();
    m_repaint->start();
    m_start->setText(tr("Stop"));
    return true;
}

void ProbePage::stop()
{
    if (running())
        m_probe->stop();
}

void ProbePage::refresh()
{
    if (m_probe)
        m_timeline->setClients(m_probe->clients(), m_probe->elapsedUs());
}

void ProbePage::onFinished()
{
    m_repaint->stop();
    m_start->setText(tr("Run probe"));
    refresh();
    if (m_probe->error() != ConcurrencyProbe::Error::Count) {
        m_status->setText(presentation::tcp::probeErrorText(m_probe->error(), m_probe->errorDetail()));
        m_status->setStyleSheet(common::errorStyleSheet());
        Q_EMIT finished();
        return;
    }
    showVerdict();
    Q_EMIT finished();
}

void ProbePage::showVerdict()
{
    const netcore::tcp::ProbeVerdict verdict = m_probe->verdict();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("%1 of %n client(s) answered, in %2.", nullptr, verdict.clients)
                          .arg(verdict.done)
                          .arg(presentation::tcp::probeMsText(m_probe->elapsedUs())));
    m_verdict->setText(presentation::tcp::probeVerdictText(verdict));
    m_evidence->setText(presentation::tcp::probeEvidenceText(verdict, m_probe->clients()).join(u'\n'));
}

void ProbePage::updateExpect()
{
    m_expectBytes->setVisible(ProbeExpect(m_expect->currentData().toInt()) == ProbeExpect::Bytes);
}

QString ProbePage::verdictText() const
{
    return m_verdict->text();
}

QString ProbePage::statusText() const
{
    return m_status->text();
}

void ProbePage::retranslateUi()
{
    setWindowTitle(tr("Concurrency probe"));
    m_hostLabel->setText(tr("Server:"));
    m_portLabel->setText(tr("Port:"));
    m_clientsLabel->setText(tr("Clients at once:"));
    m_deadlineLabel->setText(tr("Deadline (s):"));
    m_messageLabel->setText(tr("Each sends:"));
    m_message->setToolTip(tr("The message every client sends once connected (escapes: \\n \\r \\t \\xNN). Empty: send nothing."));
    m_expectLabel->setText(tr("Done when:"));
    m_expect->setItemText(int(ProbeExpect::Bytes), tr("this many bytes came back"));
    m_expect->setItemText(int(ProbeExpect::Any), tr("any byte came back"));
    m_expect->setItemText(int(ProbeExpect::Close), tr("the server closed the connection"));
    m_start->setText(running() ? tr("Stop") : tr("Run probe"));
    m_timeline->setToolTip(tr("One row per client, the first answered on top: grey while connecting, amber while "
                              "waiting for the server, green while the answer arrives."));
    if (m_probe && m_probe->state() == ConcurrencyProbe::State::Finished && m_probe->error() == ConcurrencyProbe::Error::Count)
        showVerdict();
}

} // namespace widgets::tcp

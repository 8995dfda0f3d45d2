#include "widgets/tcp/sendbox.h"

#include "presentation/common/escapestext.h"
#include "presentation/tcp/tcptext.h"
#include "widgets/common/colors.h"
#include "widgets/common/preparedsends.h"
#include "widgets/common/shortcuts.h"
#include "widgets/common/zoom.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using netcore::tcp::LineEnding;
using netcore::tcp::TextEncoding;

namespace widgets::tcp {

SendBox::SendBox(QWidget *parent)
    : Retranslating(parent)
    , m_runner(new SendRunner(this))
    , m_streamer(new FileStreamer(this))
{
    m_target = new QLabel;
    m_target->setObjectName(u"sendTarget"_s);
    m_target->setWordWrap(true);
    m_text = new QPlainTextEdit(u"你好，服务器\\n"_s);
    m_text->setObjectName(u"tcpText"_s);
    m_text->setTabChangesFocus(true);
    m_format = new QComboBox;
    m_format->setObjectName(u"tcpFormat"_s);
    m_format->addItem(QString(), int(PayloadFormat::Text));
    m_format->addItem(QString(), int(PayloadFormat::Hex));
    m_encoding = new QComboBox;
    m_encoding->setObjectName(u"tcpEncoding"_s);
    for (int e = 0; e < int(TextEncoding::Count); ++e)
        m_encoding->addItem(QString(), e);
    m_escapes = new QCheckBox;
    m_escapes->setObjectName(u"tcpEscapes"_s);
    m_escapes->setChecked(true);
    m_ending = new QComboBox;
    m_ending->setObjectName(u"tcpLineEnding"_s);
    for (int e = 0; e < int(LineEnding::Count); ++e)
        m_ending->addItem(QString(), e);
    m_repeat = new QSpinBox;
    m_repeat->setObjectName(u"tcpRepeat"_s);
    m_repeat->setRange(1, 100000);
    m_repeatLabel = new QLabel;
    m_interval = new QSpinBox;
    m_interval->setObjectName(u"tcpInterval"_s);
    m_interval->setRange(0, 3'600'000);
    m_interval->setValue(1000);
    m_intervalLabel = new QLabel;
    m_pieceMode = new QComboBox;
    m_pieceMode->setObjectName(u"tcpPieceMode"_s);
    for (int m = 0; m < int(PieceMode::Count); ++m)
        m_pieceMode->addItem(QString(), m);
    m_pieces = new QSpinBox;
    m_pieces->setObjectName(u"tcpPieces"_s);
    m_pieces->setRange(2, 10000);
    m_pieces->setValue(3);
    m_gap = new QSpinBox;
    m_gap->setObjectName(u"tcpGap"_s);
    m_gap->setRange(0, 60'000);
    m_gap->setValue(200);
    m_gapLabel = new QLabel;
    m_send = new QPushButton;
    m_send->setObjectName(u"tcpSend"_s);
    m_send->setDefault(false);
    m_sendFile = new QPushButton;
    m_sendFile->setObjectName(u"tcpSendFile"_s);
    m_stop = new QPushButton;
    m_stop->setObjectName(u"tcpStop"_s);
    m_prepared = new common::PreparedSendsButton(
        u"tcp"_s, {m_text, m_format, m_encoding, m_escapes, m_ending, m_repeat, m_interval, m_pieceMode, m_pieces, m_gap},
        m_send, this);
    m_message = new QLabel;
    m_message->setObjectName(u"sendMessage"_s);
    m_message->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_format, 0, 0);
    grid->addWidget(m_encoding, 0, 1);
    grid->addWidget(m_escapes, 0, 2);
    grid->addWidget(m_ending, 0, 3);
    grid->addWidget(m_repeatLabel, 1, 0);
    grid->addWidget(m_repeat, 1, 1);
    grid->addWidget(m_intervalLabel, 1, 2);
    grid->addWidget(m_interval, 1, 3);
    grid->addWidget(m_pieceMode, 2, 0);
    grid->addWidget(m_pieces, 2, 1);
    grid->addWidget(m_gapLabel, 2, 2);
    grid->addWidget(m_gap, 2, 3);
    grid->setColumnStretch(4, 1);   // the fields keep their size; the room is left at the end
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_sendFile);
    buttons->addWidget(m_prepared);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_target);
    layout->addWidget(m_text, 1);
    layout->addLayout(grid);
    layout->addLayout(buttons);
    layout->addWidget(m_message);

    connect(m_send, &QPushButton::clicked, this, &SendBox::send);
    connect(m_sendFile, &QPushButton::clicked, this, &SendBox::browseFile);
    connect(m_stop, &QPushButton::clicked, this, &SendBox::stop);
    connect(m_format, &QComboBox::currentIndexChanged, this, &SendBox::updateEnabledState);
    connect(m_pieceMode, &QComboBox::currentIndexChanged, this, &SendBox::updateEnabledState);
    connect(m_runner, &SendRunner::finished, this, &SendBox::updateEnabledState);
    connect(m_runner, &SendRunner::progress, this, [this](int done, int planned) {
        if (planned > 1)
            showMessage(tr("Write %1 of %2").arg(done).arg(planned), false);
    });
    connect(m_streamer, &FileStreamer::progress, this, [this](qint64 sent, qint64 total) {
        // at most one sentence per MiB: a 4 GiB file does not relayout the label 65,000 times
        if (sent == total || sent % (qint64(1) << 20) < FileStreamer::kChunk)
            showMessage(tr("Sent %1 of %2 MiB").arg(sent >> 20).arg(total >> 20), false);
    });
    connect(m_streamer, &FileStreamer::finished, this, [this](bool complete, const QString &readError) {
        if (!readError.isEmpty())
            showMessage(tr("The file could not be read after %1 byte(s): %2").arg(m_streamer->bytesSent()).arg(readError), true);
        else if (complete)
            showMessage(tr("Sent the whole file: %1 bytes.").arg(m_streamer->bytesSent()), false);
        else
            showMessage(tr("Stopped after %1 of %2 byte(s).").arg(m_streamer->bytesSent()).arg(m_streamer->fileSize()), false);
        updateEnabledState();
    });
    common::addSendShortcut(m_send, this);
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_encoding->setMinimumContentsLength(7);
    m_pieceMode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pieceMode->setMinimumContentsLength(12);
    m_ending->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ending->setMinimumContentsLength(6);
    m_format->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_format->setMinimumContentsLength(4);
    retranslateUi();
    updateEnabledState();
}

void SendBox::retranslateUi()
{
    m_format->setItemText(0, tr("Text"));
    m_format->setItemText(1, tr("Hex"));
    for (int e = 0; e < int(TextEncoding::Count); ++e)
        m_encoding->setItemText(e, presentation::tcp::encodingDisplayName(TextEncoding(e)));
    m_encoding->setToolTip(tr("How the text becomes bytes. Devices and Windows tools in China often speak GBK."));
    m_escapes->setText(tr("Escapes"));
    m_escapes->setToolTip(tr("Interpret %1 (\\xNN is one raw byte in any encoding).").arg(presentation::common::escapeHint()));
    m_ending->setItemText(int(LineEnding::None), tr("No line end"));
    m_ending->setItemText(int(LineEnding::Lf), tr("+ \\n"));
    m_ending->setItemText(int(LineEnding::CrLf), tr("+ \\r\\n"));
    m_repeatLabel->setText(tr("Times:"));
    m_intervalLabel->setText(tr("every"));
    m_interval->setSuffix(tr(" ms"));
    m_pieceMode->setItemText(int(PieceMode::Whole), tr("One write per message"));
    m_pieceMode->setItemText(int(PieceMode::Split), tr("Split into N writes (拆包)"));
    m_pieceMode->setItemText(int(PieceMode::Batch), tr("N messages in one write (粘包)"));
    m_pieceMode->setToolTip(tr("Make the stream's lesson happen on demand: one message arriving in several reads, or "
                               "several messages arriving in one read."));
    m_pieces->setPrefix(tr("N = "));
    m_gapLabel->setText(tr("gap"));
    m_gap->setSuffix(tr(" ms"));
    m_send->setText(tr("Send"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_sendFile->setText(tr("Send file…"));
    m_stop->setText(tr("Stop"));
    updateEnabledState();
}

void SendBox::updateEnabledState()
{
    const bool hex = PayloadFormat(m_format->currentData().toInt()) == PayloadFormat::Hex;
    m_encoding->setEnabled(!hex);
    m_escapes->setEnabled(!hex);
    const auto mode = PieceMode(m_pieceMode->currentData().toInt());
    m_pieces->setEnabled(mode != PieceMode::Whole);
    m_gap->setEnabled(mode == PieceMode::Split);
    const bool running = isSending();
    m_send->setEnabled(m_canSend && !running);
    m_sendFile->setEnabled(m_canSend && !running);
    m_stop->setEnabled(running);
}

void SendBox::setTarget(quint64 key, const QString &description, bool canSend, SendRunner::Writer writer,
                        FileStreamer::Unsent unsent)
{
    if (key != m_targetKey) {
        m_runner->stop();
        m_streamer->stop();
    }
    m_targetKey = key;
    m_target->setText(description);
    m_canSend = canSend;
    m_writer = std::move(writer);
    m_unsent = std::move(unsent);
    updateEnabledState();
}

ComposeOptions SendBox::composeOptions() const
{
    ComposeOptions options;
    options.format = PayloadFormat(m_format->currentData().toInt());
    options.encoding = TextEncoding(m_encoding->currentData().toInt());
    options.escapes = m_escapes->isChecked();
    options.ending = LineEnding(m_ending->currentData().toInt());
    return options;
}

PlanOptions SendBox::planOptions() const
{
    PlanOptions options;
    options.repeat = m_repeat->value();
    options.interval = std::chrono::milliseconds(m_interval->value());
    options.mode = PieceMode(m_pieceMode->currentData().toInt());
    options.pieces = m_pieces->value();
    options.gap = std::chrono::milliseconds(m_gap->value());
    return options;
}

std::optional<QByteArray> SendBox::payload(QString *error) const
{
    return composePayload(m_text->toPlainText(), composeOptions(), error);
}

bool SendBox::send()
{
    QString error;
    const std::optional<QByteArray> bytes = payload(&error);
    if (!bytes) {
        showMessage(tr("Nothing sent: %1").arg(error), true);
        return false;
    }
    return run(*bytes);
}

bool SendBox::sendFile(const QString &path)
{
    QFile file(path);
    if (file.size() > kMaxPlanBytes)
        return streamFile(path, file.size());
    if (!file.open(QIODevice::ReadOnly)) {
        showMessage(tr("Nothing sent: cannot read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    return run(file.readAll());
}

bool SendBox::run(const QByteArray &message)
{
    if (!m_canSend || !m_writer) {
        showMessage(tr("Nothing sent: select a connected session or a server with clients."), true);
        return false;
    }
    if (message.isEmpty()) {
        showMessage(tr("Nothing sent: the message is empty."), true);
        return false;
    }
    const PlanOptions options = planOptions();
    if (plannedBytes(message.size(), options) > kMaxPlanBytes) {
        showMessage(tr("Nothing sent: that is more than %1 MiB in one send; lower the count.").arg(kMaxPlanBytes >> 20), true);
        return false;
    }
    const QList<PlannedWrite> plan = buildPlan(message, options);
    showMessage(plan.size() == 1 ? tr("Sending %n byte(s) in one write.", nullptr, int(message.size()))
                                 : tr("Sending in %n write(s).", nullptr, int(plan.size())),
                false);
    m_runner->start(plan, [this](const QByteArray &bytes) {
        if (!m_writer || !m_writer(bytes))
            return false;
        Q_EMIT sent(bytes.size());
        return true;
    });
    updateEnabledState();
    return true;
}

bool SendBox::streamFile(const QString &path, qint64 size)
{
    if (!m_canSend || !m_writer || !m_unsent) {
        showMessage(tr("Nothing sent: select a connected session or a server with clients."), true);
        return false;
    }
    // Whatever the plan fields say, a file this large goes once, as it is, as fast as the peer takes it.
    QString error;
    const bool started = m_streamer->start(path, [this](const QByteArray &bytes) {
        if (!m_writer || !m_writer(bytes))
            return false;
        Q_EMIT sent(bytes.size());
        return true;
    }, [this] { return m_unsent ? m_unsent() : 0; }, &error);
    if (!started) {
        showMessage(tr("Nothing sent: cannot read %1: %2").arg(path, error), true);
        return false;
    }
    if (m_streamer->isRunning())
        showMessage(tr("Streaming %1 (%2 MiB, larger than %3 MiB: sent once, repeats and pieces do not apply).")
                        .arg(QFileInfo(path).fileName()).arg(size >> 20).arg(kMaxPlanBytes >> 20), false);
    updateEnabledState();
    return true;
}

void SendBox::stop()
{
    m_runner->stop();
    m_streamer->stop();
}

void SendBox::browseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("File to send"));
    if (!path.isEmpty())
        sendFile(path);
}

void SendBox::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? common::errorStyleSheet() : QString());
    if (error)
        Q_EMIT statusMessage(text);
}

QString SendBox::message() const
{
    return m_message->text();
}

void SendBox::setText(const QString &text)
{
    m_text->setPlainText(text);
}

void SendBox::setFormat(PayloadFormat format)
{
    m_format->setCurrentIndex(int(format));
}

void SendBox::setEncoding(TextEncoding encoding)
{
    m_encoding->setCurrentIndex(int(encoding));
}

void SendBox::setPieces(PieceMode mode, int pieces, int gapMs)
{
    m_pieceMode->setCurrentIndex(int(mode));
    m_pieces->setValue(pieces);
    m_gap->setValue(gapMs);
}

void SendBox::setRepeat(int count, int intervalMs)
{
    m_repeat->setValue(count);
    m_interval->setValue(intervalMs);
}

void SendBox::saveSettings(QSettings &settings) const
{
    settings.setValue(u"send/text"_s, m_text->toPlainText());
    settings.setValue(u"send/format"_s, m_format->currentIndex());
    settings.setValue(u"send/encoding"_s, m_encoding->currentIndex());
    settings.setValue(u"send/escapes"_s, m_escapes->isChecked());
    settings.setValue(u"send/ending"_s, m_ending->currentIndex());
}

void SendBox::restoreSettings(QSettings &settings)
{
    m_text->setPlainText(settings.value(u"send/text"_s, m_text->toPlainText()).toString());
    m_format->setCurrentIndex(settings.value(u"send/format"_s, 0).toInt());
    m_encoding->setCurrentIndex(settings.value(u"send/encoding"_s, 0).toInt());
    m_escapes->setChecked(settings.value(u"send/escapes"_s, true).toBool());
    m_ending->setCurrentIndex(settings.value(u"send/ending"_s, 0).toInt());
}

} // namespace widgets::tcp

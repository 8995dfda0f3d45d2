#include "widgets/tcp/receivedview.h"

#include "netcore/common/bytesformat.h"
#include "presentation/tcp/tcptext.h"
#include "widgets/common/zoom.h"
#include "widgets/tcp/framingview.h"
#include "widgets/tcp/receivelog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using netcore::tcp::TextEncoding;

namespace widgets::tcp {
namespace {

constexpr int kTickMs = 50;

// Decoded text as it is, but with the characters a text view would hide made visible: CR as ␍, other controls as \xNN.
QString visibleDecoded(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\t')
            out += c;
        else if (u == u'\r')
            out += u'\u240D';
        else if (u < 0x20 || u == 0x7f)
            out += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0');
        else
            out += c;
    }
    return out;
}

} // namespace

void ChunkPane::append(quint64 number, const QString &header, const QString &body)
{
    QTextDocument *doc = m_edit->document();
    const int before = doc->isEmpty() ? 0 : doc->blockCount();
    m_edit->appendPlainText(body.isEmpty() ? header : header + u'\n' + body);
    m_shown.push_back({number, doc->blockCount() - before});
}

void ChunkPane::dropBefore(quint64 number)
{
    int blocks = 0;
    qsizetype reads = 0;
    while (!m_shown.empty() && m_shown.front().number < number) {
        blocks += m_shown.front().blocks;
        m_shown.pop_front();
        ++reads;
    }
    if (reads == 0)
        return;
    if (m_shown.empty()) {
        m_edit->clear();
        return;
    }
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::Start);
    cursor.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor, blocks);
    cursor.removeSelectedText();
}

void ChunkPane::clear()
{
    m_edit->clear();
    m_shown.clear();
}

ReceivedView::ReceivedView(QWidget *parent)
    : Retranslating(parent)
    , m_text(new QPlainTextEdit)
    , m_hex(new QPlainTextEdit)
    , m_framing(new FramingView)
    , m_tick(new QTimer(this))
{
    for (QPlainTextEdit *edit : {m_text.edit(), m_hex.edit()}) {
        edit->setReadOnly(true);
        edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        edit->setUndoRedoEnabled(false);
        common::useFixedFont(edit);
    }
    m_text.edit()->setObjectName(u"receivedText"_s);
    m_hex.edit()->setObjectName(u"receivedHex"_s);
    m_hex.edit()->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_pages = new QTabWidget;
    m_pages->setObjectName(u"receivedPages"_s);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_text.edit(), QString());
    m_pages->addTab(m_hex.edit(), QString());
    m_pages->addTab(m_framing, QString());

    m_encoding = new QComboBox;
    m_encoding->setObjectName(u"receiveEncoding"_s);
    for (int e = 0; e < int(TextEncoding::Count); ++e)
        m_encoding->addItem(QString(), e);
    m_encodingLabel = new QLabel;
    m_keep = new QSpinBox;
    m_keep->setObjectName(u"keepChunks"_s);
    m_keep->setRange(1, 100000);
    m_keep->setValue(int(ReceiveLog::kDefaultMaxChunks));
    m_keepLabel = new QLabel;
    m_toFile = new QPushButton;
    m_toFile->setObjectName(u"receiveToFile"_s);
    m_toFile->setCheckable(true);
    m_clear = new QPushButton;
    m_clear->setObjectName(u"clearReceived"_s);
    m_dropped = new QLabel;
    m_dropped->setObjectName(u"droppedLabel"_s);
    m_counters = new QLabel;
    m_counters->setObjectName(u"counters"_s);
    m_counters->setWordWrap(true);
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_encodingLabel);
    row->addWidget(m_encoding);
    row->addWidget(m_keepLabel);
    row->addWidget(m_keep);
    row->addStretch(1);
    row->addWidget(m_toFile);
    row->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_dropped);
    layout->addWidget(m_counters);

    connect(m_encoding, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT encodingChanged(encoding());
        m_rebuild = true;
        renderNow();
    });
    connect(m_keep, &QSpinBox::valueChanged, this, [this](int value) { Q_EMIT keepChunksChanged(value); });
    connect(m_toFile, &QPushButton::clicked, this, &ReceivedView::receiveToFileRequested);
    connect(m_clear, &QPushButton::clicked, this, &ReceivedView::clearRequested);
    connect(m_framing, &FramingView::specChanged, this, &ReceivedView::framingChanged);
    connect(m_pages, &QTabWidget::currentChanged, this, [this] { renderNow(); });
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &ReceivedView::renderNow);
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_encoding->setMinimumContentsLength(7);
    retranslateUi();
}

ReceivedView::~ReceivedView() = default;

void ReceivedView::retranslateUi()
{
    m_pages->setTabText(0, tr("Text"));
    m_pages->setTabText(1, tr("Hex"));
    m_pages->setTabText(2, tr("Frames"));
    m_pages->setTabToolTip(0, tr("What each recv() returned, decoded; a separator marks every read."));
    m_pages->setTabToolTip(2, tr("The same bytes re-cut by a framing: how a program finds messages in a stream."));
    for (int e = 0; e < int(TextEncoding::Count); ++e)
        m_encoding->setItemText(e, presentation::tcp::encodingDisplayName(TextEncoding(e)));
    m_encodingLabel->setText(tr("Show as:"));
    m_keepLabel->setText(tr("Keep:"));
    m_keep->setSuffix(tr(" reads"));
    m_keep->setToolTip(tr("The view keeps the newest reads (and at most %1 MiB); older ones are dropped and counted.")
                           .arg(ReceiveLog::kDefaultMaxBytes / (1024 * 1024)));
    m_toFile->setText(tr("Save to file…"));
    m_toFile->setToolTip(tr("Append every read from now on to a file, byte for byte."));
    m_clear->setText(tr("Clear"));
    m_rebuild = true;
    renderNow();
}

TextEncoding ReceivedView::encoding() const
{
    return TextEncoding(m_encoding->currentData().toInt());
}

qsizetype ReceivedView::keepChunks() const
{
    return m_keep->value();
}

void ReceivedView::setWritingFile(bool on, const QString &path)
{
    m_toFile->setChecked(on);
    m_toFile->setToolTip(on ? tr("Writing every read to %1; click to stop.").arg(path)
                            : tr("Append every read from now on to a file, byte for byte."));
}

void ReceivedView::setLog(ReceiveLog *log)
{
    m_log = log;
    m_rebuild = true;
    m_framesDirty = true;
    renderNow();
}

void ReceivedView::noteAppended(ReceiveLog *log, qsizetype added, qsizetype dropped)
{
    Q_UNUSED(added)
    Q_UNUSED(dropped)
    if (log != m_log)
        return;
    m_framesDirty = true;
    if (!m_tick->isActive())
        m_tick->start();
}

void ReceivedView::setCounters(const QString &text)
{
    m_counters->setText(text);
}

QString ReceivedView::droppedText() const
{
    return m_dropped->text();
}

void ReceivedView::renderNow()
{
    m_tick->stop();
    if (m_rebuild || !m_log) {
        rebuild();
    } else {
        // The panes follow the log by read number: what it dropped goes, what it gained is drawn — at most
        // kMaxDrawnPerRefresh reads (the newest), the rest counted as not drawn.
        const std::deque<ReceivedChunk> &chunks = m_log->chunks();
        if (!chunks.empty()) {
            m_text.dropBefore(chunks.front().number);
            m_hex.dropBefore(chunks.front().number);
        }
        const quint64 last = m_text.lastNumber();
        qsizetype first = qsizetype(chunks.size());
        while (first > 0 && chunks.at(std::size_t(first - 1)).number > last)
            --first;
        // The newest reads that fit one refresh: at most kMaxDrawnPerRefresh, and about kMaxDrawnCharsPerRefresh
        // characters of text and hex together (laying out text is what costs).
        qsizetype drawFrom = qsizetype(chunks.size());
        qsizetype characters = 0;
        while (drawFrom > first && qsizetype(chunks.size()) - drawFrom < kMaxDrawnPerRefresh) {
            const ReceivedChunk &chunk = chunks.at(std::size_t(drawFrom - 1));
            const qsizetype cost = qMin(chunk.text.size(), kRenderChars) + qMin(chunk.bytes.size(), kRenderHexBytes) * 4;
            if (characters > 0 && characters + cost > kMaxDrawnCharsPerRefresh)
                break;
            characters += cost;
            --drawFrom;
        }
        if (drawFrom > first) {
            m_notDrawn += drawFrom - first;
            m_text.clear();   // a gap: the panes restart at the newest reads
            m_hex.clear();
            first = drawFrom;
        }
        for (qsizetype i = first; i < qsizetype(chunks.size()); ++i)
            appendChunk(i);
    }
    updateDropped();
    if (m_framesDirty && m_pages->currentWidget() == m_framing)
        refreshFrames();
}

void ReceivedView::rebuild()
{
    m_rebuild = false;
    m_notDrawn = 0;
    m_text.clear();
    m_hex.clear();
    if (!m_log)
        return;
    const qsizetype size = qsizetype(m_log->chunks().size());
    // A connection's kept log is drawn when it is selected: its newest kMaxDrawnOnRebuild reads (the rest counted).
    const qsizetype first = qMax<qsizetype>(0, size - kMaxDrawnOnRebuild);
    m_notDrawn = first;
    for (qsizetype i = first; i < size; ++i)
        appendChunk(i);
}

void ReceivedView::appendChunk(qsizetype index)
{
    const ReceivedChunk &chunk = m_log->chunks().at(std::size_t(index));
    const QString time = chunk.time.toString(u"HH:mm:ss.zzz"_s);
    const int size = int(chunk.bytes.size());
    const QString header = chunk.from.isEmpty()
        ? tr("── read %1 · %n byte(s) · %2 ──", nullptr, size).arg(chunk.number).arg(time)
        : tr("── read %1 from %3 · %n byte(s) · %2 ──", nullptr, size).arg(chunk.number).arg(time, chunk.from);
    QString text = visibleDecoded(chunk.text.left(kRenderChars));
    if (chunk.text.size() > kRenderChars)
        text += u'\n' + tr("… %n more character(s) of this read not shown here (Frames, Save to file and the wire view have every byte)",
                           nullptr, int(chunk.text.size() - kRenderChars));
    m_text.append(chunk.number, header, text);
    QString hex = netcore::common::hexDump(chunk.bytes, kRenderHexBytes);
    if (hex.endsWith(u'\n'))
        hex.chop(1);
    if (chunk.bytes.size() > kRenderHexBytes)
        hex += u'\n' + tr("… %n more byte(s) of this read not shown here", nullptr, int(chunk.bytes.size() - kRenderHexBytes));
    m_hex.append(chunk.number, header, hex);
}

void ReceivedView::updateDropped()
{
    const qint64 dropped = m_log ? m_log->droppedChunks() : 0;
    QStringList lines;
    if (dropped > 0)
        lines << tr("The view keeps the newest %1 read(s); %n older read(s) dropped (%2 bytes).", nullptr, int(dropped))
                     .arg(m_log->chunks().size())
                     .arg(m_log->droppedBytes());
    if (m_notDrawn > 0)
        lines << tr("Data came faster than it can be drawn: %n read(s) kept but not drawn here (Frames, Save to file "
                    "and the wire view have them).", nullptr, int(qMin<qint64>(m_notDrawn, INT_MAX)));
    m_dropped->setText(lines.join(u'\n'));
    m_dropped->setVisible(!lines.isEmpty());
}

void ReceivedView::refreshFrames()
{
    m_framesDirty = false;
    m_framing->showBytes(m_log ? m_log->keptBytes() : QByteArray(), m_log && m_log->droppedChunks() > 0);
}

} // namespace widgets::tcp

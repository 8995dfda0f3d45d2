#include "widgets/common/wireview.h"

#include "presentation/common/transcripttext.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/transcript.h"
#include "netcore/common/transcriptexport.h"
#include "widgets/common/transcriptmodel.h"
#include "widgets/common/zoom.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;
using netcore::common::Direction;
using netcore::common::Transcript;
using netcore::common::TranscriptEntry;

namespace widgets::common {

namespace {

constexpr int kRowPadding = 6;
constexpr int kDarkLightnessThreshold = 128;
constexpr int kHexDumpColumns = 78; // "00000000  xx xx ... xx  |16 characters...|"

QToolButton *makeButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

WireView::WireView(QWidget *parent)
    : Retranslating(parent)
    , m_model(new TranscriptModel(this))
{
    buildUi();
    retranslateUi();
    updateColors();
    updateEnabledState();
}

WireView::~WireView() = default;

void WireView::buildUi()
{
    m_copyAction = new QAction(this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_saveAction = new QAction(this);
    m_clearAction = new QAction(this);
    // Ctrl+L clears the wire view that has the focus (a tab may show more than one).
    m_clearAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_clearAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_clearAction);
    connect(m_copyAction, &QAction::triggered, this, &WireView::copySelection);
    connect(m_saveAction, &QAction::triggered, this, &WireView::saveWithDialog);
    connect(m_clearAction, &QAction::triggered, this, &WireView::clear);

    m_follow = new QCheckBox(this);
    m_follow->setChecked(true);
    m_copyButton = makeButton(m_copyAction, this);
    m_saveButton = makeButton(m_saveAction, this);
    m_clearButton = makeButton(m_clearAction, this);
    m_status = new QLabel(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_follow);
    bar->addWidget(m_copyButton);
    bar->addWidget(m_saveButton);
    bar->addWidget(m_clearButton);
    bar->addStretch(1);
    bar->addWidget(m_status);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows: no per-row measuring
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->addActions({m_copyAction, m_saveAction, m_clearAction});
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_detailHeader = new QLabel(this);
    m_detailHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailHeader->setWordWrap(true);
    m_textPane = new QPlainTextEdit(this);
    m_hexPane = new QPlainTextEdit(this);
    m_textPane->setObjectName(u"wireTextPane"_s);
    m_hexPane->setObjectName(u"wireHexPane"_s);
    for (QPlainTextEdit *pane : {m_textPane, m_hexPane}) {
        pane->setReadOnly(true);
        useFixedFont(pane);
        pane->setUndoRedoEnabled(false);
    }
    m_hexPane->setLineWrapMode(QPlainTextEdit::NoWrap);
    markSecondary(m_hexPane);
    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->addWidget(m_textPane);
    panes->addWidget(m_hexPane);
    panes->setChildrenCollapsible(false);
    // The hex dump starts wide enough for its 78 columns; extra width goes to the text.
    const int hexWidth = QFontMetrics(fixedFont()).horizontalAdvance(QString(kHexDumpColumns, u'0'))
        + m_hexPane->verticalScrollBar()->sizeHint().width() + 4 * m_hexPane->frameWidth() + kRowPadding * 2;
    panes->setStretchFactor(0, 1);
    panes->setStretchFactor(1, 0);
    panes->setSizes({hexWidth, hexWidth});

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detailHeader);
    detailLayout->addWidget(panes, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WireView::onRowsInserted);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WireView::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WireView::updateStatus);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WireView::updateEnabledState);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &WireView::updateDetail);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WireView::updateEnabledState);
    connect(m_table->verticalScrollBar(), &QAbstractSlider::actionTriggered, this, &WireView::onScrollAction);
}

void WireView::retranslateUi()
{
    m_follow->setText(tr("Follow newest"));
    m_follow->setToolTip(tr("Keep the newest entry in view while data arrives"));
    m_copyAction->setText(tr("Copy"));
    m_copyAction->setToolTip(tr("Copy the selected entries as text"));
    m_saveAction->setText(tr("Save…"));
    m_saveAction->setToolTip(tr("Save every entry as text or JSON"));
    m_clearAction->setText(tr("Clear"));
    m_clearAction->setToolTip(tr("Remove every entry recorded so far"));
    m_textPane->setPlaceholderText(
        tr("Select an entry to see its bytes as text: %1 is CR, %2 is LF, %3 is TAB, %4 is a byte that is not "
           "printable text.")
            .arg(u"␍"_s, u"␊"_s, u"\\t"_s, u"\\xNN"_s));
    m_hexPane->setPlaceholderText(tr("…and here as a hex dump: offset, 16 bytes in hex, the same bytes as ASCII."));
    m_model->retranslate();
    updateMetrics();
    updateStatus();
    updateDetail();
}

void WireView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColors();
    else if (event->type() == QEvent::FontChange && m_table)
        updateMetrics();
    Retranslating::changeEvent(event);
}

// Row height, column widths and the monospace font follow the font (View → Zoom changes it for the whole window).
void WireView::updateMetrics()
{
    const QFont fixed = fixedFont();
    m_model->setFixedFont(fixed);
    const QFontMetrics metrics(fixed);
    const QFontMetrics text = m_table->fontMetrics();
    m_table->verticalHeader()->setDefaultSectionSize(std::max(text.height(), metrics.height()) + kRowPadding);
    m_table->setColumnWidth(TranscriptModel::TimeColumn, metrics.horizontalAdvance(u"+0000.000000__"_s));
    m_table->setColumnWidth(TranscriptModel::DirectionColumn, text.horizontalAdvance(u"← received____"_s));
    m_table->setColumnWidth(TranscriptModel::LocalColumn, text.horizontalAdvance(u"255.255.255.255:65535__"_s));
    m_table->setColumnWidth(TranscriptModel::PeerColumn, text.horizontalAdvance(u"255.255.255.255:65535__"_s));
    m_table->setColumnWidth(TranscriptModel::SizeColumn, text.horizontalAdvance(u"_10000000__"_s));
}

// Sent blue, received green, events grey: darker tones on a light base, lighter ones on a dark base.
void WireView::updateColors()
{
    const bool dark = palette().color(QPalette::Base).lightness() < kDarkLightnessThreshold;
    if (dark)
        m_model->setDirectionColors(QColor(0x8a, 0xb8, 0xff), QColor(0x7e, 0xd3, 0x8c), QColor(0xb4, 0xb4, 0xb4));
    else
        m_model->setDirectionColors(QColor(0x0b, 0x4f, 0xb3), QColor(0x17, 0x7a, 0x32), QColor(0x6a, 0x6a, 0x6a));
}

void WireView::setTranscript(Transcript *transcript)
{
    m_model->setTranscript(transcript);
    if (followTail())
        m_table->scrollToBottom();
    updateStatus();
    updateEnabledState();
}

Transcript *WireView::transcript() const
{
    return m_model->transcript();
}

bool WireView::followTail() const
{
    return m_follow->isChecked();
}

void WireView::onRowsInserted()
{
    if (followTail())
        m_table->scrollToBottom();
    updateStatus();
    updateEnabledState();
}

// Scrolling away from the bottom stops following; scrolling back to the bottom resumes it.
void WireView::onScrollAction()
{
    const QScrollBar *bar = m_table->verticalScrollBar();
    m_follow->setChecked(bar->sliderPosition() >= bar->maximum());
}

void WireView::updateStatus()
{
    const Transcript *source = transcript();
    const int rows = m_model->rowCount();
    const QLocale locale;
    QString text = tr("Entries: %1").arg(locale.toString(rows));
    const quint64 dropped = source ? source->evictedTotal() : 0;
    if (dropped > 0) {
        text += u"  ·  "_s
            + tr("%1 oldest dropped (keeps %2)").arg(locale.toString(dropped), locale.toString(source->capacity()));
    }
    m_status->setText(text);
}

void WireView::updateEnabledState()
{
    const bool hasRows = m_model->rowCount() > 0;
    m_copyAction->setEnabled(hasRows && m_table->selectionModel()->hasSelection());
    m_saveAction->setEnabled(hasRows);
    m_clearAction->setEnabled(hasRows);
}

void WireView::updateDetail()
{
    const QModelIndex current = m_table->currentIndex();
    const auto entry = current.isValid() ? m_model->entryAt(current.row()) : std::nullopt;
    if (!entry) {
        m_detailHeader->setText(tr("No entry selected."));
        m_textPane->clear();
        m_hexPane->clear();
        return;
    }
    const qsizetype size = entry->bytes.size();
    const QByteArray shown = entry->bytes.left(kDetailMaxBytes);
    QString header = tr("#%1  %2  %3  %4 → %5  %6")
                         .arg(QString::number(entry->sequence),
                              netcore::common::relativeTimeString(entry->monotonicUs, m_model->originUs()),
                              TranscriptModel::directionText(entry->direction),
                              entry->local.isEmpty() ? u"-"_s : entry->local,
                              entry->peer.isEmpty() ? u"-"_s : entry->peer,
                              tr("Bytes: %1").arg(QLocale().toString(size)));
    header += u"  "_s + QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry->wallMs), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    if (shown.size() < size)
        header += u'\n' + tr("Showing the first %1 of %2 bytes; save the transcript to get all of them.")
                              .arg(QLocale().toString(shown.size()), QLocale().toString(size));
    m_detailHeader->setText(header);
    if (entry->direction == netcore::common::Direction::Event) {
        m_textPane->setPlainText(presentation::common::entryText(*entry));
        m_hexPane->clear();
        return;
    }
    m_textPane->setPlainText(netcore::common::visibleText(shown, netcore::common::LineMode::MultiLine));
    QString dump = netcore::common::hexDump(shown);
    if (dump.endsWith(u'\n'))
        dump.chop(1); // a text edit would show the final line break as an empty line
    m_hexPane->setPlainText(dump);
}

QString WireView::selectedText() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows.append(m_table->currentIndex().row());
    std::sort(rows.begin(), rows.end());
    QList<TranscriptEntry> entries;
    entries.reserve(rows.size());
    for (int row : std::as_const(rows)) {
        if (auto entry = m_model->entryAt(row))
            entries.append(std::move(*entry));
    }
    return presentation::common::transcriptToText(entries, m_model->originUs());
}

void WireView::copySelection()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

bool WireView::saveToFile(const QString &path, SaveFormat format, QString *errorString) const
{
    const Transcript *source = transcript();
    const QList<TranscriptEntry> entries = source ? source->entries() : QList<TranscriptEntry>();
    const qint64 origin = source ? source->range().originUs : 0;
    const QByteArray bytes = format == SaveFormat::Json ? netcore::common::transcriptToJson(entries, origin)
                                                       : presentation::common::transcriptToText(entries, origin).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (errorString)
            *errorString = file.errorString();
        return false;
    }
    return true;
}

void WireView::saveWithDialog()
{
    const QString textFilter = tr("Text files (*.txt)");
    const QString jsonFilter = tr("JSON files (*.json)");
    QString selectedFilter = textFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Transcript"), QDir::homePath() + u"/transcript.txt"_s,
                                                textFilter + u";;"_s + jsonFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool json = suffix == u"json"_s || (suffix != u"txt"_s && selectedFilter == jsonFilter);
    if (suffix.isEmpty())
        path += json ? u".json"_s : u".txt"_s;
    QString error;
    if (!saveToFile(path, json ? SaveFormat::Json : SaveFormat::Text, &error)) {
        QMessageBox::warning(this, tr("Save Transcript"),
                             tr("Could not save the transcript to %1: %2\nChoose another folder or file name.")
                                 .arg(QDir::toNativeSeparators(path), error));
    }
}

void WireView::clear()
{
    if (Transcript *source = transcript())
        source->clear();
}

} // namespace widgets::common

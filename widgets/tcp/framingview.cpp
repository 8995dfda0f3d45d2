#include "widgets/tcp/framingview.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "presentation/tcp/tcptext.h"
#include "widgets/common/zoom.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using netcore::tcp::FramingKind;
using netcore::tcp::FramingSpec;

namespace widgets::tcp {
namespace {
constexpr qsizetype kPreviewBytes = 200;   // of each frame's payload in the list
}

FramingView::FramingView(QWidget *parent)
    : Retranslating(parent)
{
    m_kind = new QComboBox;
    m_kind->setObjectName(u"framingKind"_s);
    for (int k = 0; k < int(FramingKind::Count); ++k)
        m_kind->addItem(QString(), k);
    m_delimiter = new QLineEdit(u"##"_s);
    m_delimiter->setObjectName(u"framingDelimiter"_s);
    m_delimiterLabel = new QLabel;
    m_length = new QSpinBox;
    m_length->setObjectName(u"framingLength"_s);
    m_length->setRange(1, 1 << 20);
    m_length->setValue(8);
    m_lengthLabel = new QLabel;
    m_prefix = new QComboBox;
    m_prefix->setObjectName(u"framingPrefix"_s);
    for (const int n : {1, 2, 4, 8})
        m_prefix->addItem(QString(), n);
    m_prefix->setCurrentIndex(2);
    m_order = new QComboBox;
    m_order->setObjectName(u"framingOrder"_s);
    m_order->addItem(QString(), int(netcore::tcp::ByteOrder::BigEndian));
    m_order->addItem(QString(), int(netcore::tcp::ByteOrder::LittleEndian));
    m_includesHeader = new QCheckBox;
    m_includesHeader->setObjectName(u"framingIncludesHeader"_s);
    m_frames = new QTreeWidget;
    m_frames->setObjectName(u"frameList"_s);
    m_frames->setRootIsDecorated(false);
    m_frames->setUniformRowHeights(true);
    m_frames->setColumnCount(3);
    m_frames->header()->setStretchLastSection(true);
    common::useFixedFont(m_frames);
    m_status = new QLabel;
    m_status->setObjectName(u"framingStatus"_s);
    m_status->setWordWrap(true);

    auto *controls = new QGridLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_kind, 0, 0);
    controls->addWidget(m_delimiterLabel, 0, 1);
    controls->addWidget(m_delimiter, 0, 2);
    controls->addWidget(m_lengthLabel, 0, 3);
    controls->addWidget(m_length, 0, 4);
    controls->addWidget(m_prefix, 1, 0);
    controls->addWidget(m_order, 1, 1, 1, 2);
    controls->addWidget(m_includesHeader, 1, 3, 1, 2);
    controls->setColumnStretch(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_frames, 1);
    layout->addWidget(m_status);

    const auto changed = [this] {
        updateEnabledState();
        showBytes(m_bytes, m_dropped);
        Q_EMIT specChanged();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_delimiter, &QLineEdit::textChanged, this, changed);
    connect(m_length, &QSpinBox::valueChanged, this, changed);
    connect(m_prefix, &QComboBox::currentIndexChanged, this, changed);
    connect(m_order, &QComboBox::currentIndexChanged, this, changed);
    connect(m_includesHeader, &QCheckBox::toggled, this, changed);
    retranslateUi();
    updateEnabledState();
}

void FramingView::retranslateUi()
{
    m_kind->setItemText(int(FramingKind::None), tr("None (all bytes are one frame)"));
    m_kind->setItemText(int(FramingKind::Line), tr("Lines (\\n or \\r\\n)"));
    m_kind->setItemText(int(FramingKind::Delimiter), tr("Delimiter"));
    m_kind->setItemText(int(FramingKind::FixedLength), tr("Fixed length"));
    m_kind->setItemText(int(FramingKind::LengthPrefix), tr("Length prefix"));
    m_kind->setToolTip(tr("How the received bytes are cut into messages. TCP itself keeps no message boundaries."));
    m_delimiterLabel->setText(tr("Delimiter:"));
    m_delimiter->setToolTip(tr("The bytes between messages; escapes \\r \\n \\t \\xNN are allowed."));
    m_lengthLabel->setText(tr("Bytes:"));
    m_length->setToolTip(tr("Every message is exactly this many bytes."));
    for (int i = 0; i < m_prefix->count(); ++i)
        m_prefix->setItemText(i, tr("%n-byte length", nullptr, m_prefix->itemData(i).toInt()));
    m_order->setItemText(0, tr("big endian (network order)"));
    m_order->setItemText(1, tr("little endian"));
    m_includesHeader->setText(tr("length counts the header"));
    m_frames->setHeaderLabels({tr("#"), tr("Bytes"), tr("Payload")});
    showBytes(m_bytes, m_dropped);
}

void FramingView::updateEnabledState()
{
    const auto kind = FramingKind(m_kind->currentData().toInt());
    m_delimiterLabel->setVisible(kind == FramingKind::Delimiter);
    m_delimiter->setVisible(kind == FramingKind::Delimiter);
    m_lengthLabel->setVisible(kind == FramingKind::FixedLength);
    m_length->setVisible(kind == FramingKind::FixedLength);
    m_prefix->setVisible(kind == FramingKind::LengthPrefix);
    m_order->setVisible(kind == FramingKind::LengthPrefix);
    m_includesHeader->setVisible(kind == FramingKind::LengthPrefix);
}

FramingSpec FramingView::spec() const
{
    FramingSpec spec;
    spec.kind = FramingKind(m_kind->currentData().toInt());
    spec.delimiter = netcore::common::parseEscapes(m_delimiter->text()).value_or(QByteArray());
    spec.fixedLength = m_length->value();
    spec.prefixBytes = m_prefix->currentData().toInt();
    spec.byteOrder = netcore::tcp::ByteOrder(m_order->currentData().toInt());
    spec.lengthIncludesHeader = m_includesHeader->isChecked();
    return spec;
}

void FramingView::setSpec(const FramingSpec &spec)
{
    m_kind->setCurrentIndex(int(spec.kind));
    m_delimiter->setText(netcore::common::visibleText(spec.delimiter, netcore::common::LineMode::SingleLine, -1,
                                                      netcore::common::Escaping::Python));
    m_length->setValue(int(std::max<qint64>(1, spec.fixedLength)));
    m_prefix->setCurrentIndex(std::max(0, m_prefix->findData(spec.prefixBytes)));
    m_order->setCurrentIndex(std::max(0, m_order->findData(int(spec.byteOrder))));
    m_includesHeader->setChecked(spec.lengthIncludesHeader);
}

void FramingView::showBytes(const QByteArray &bytes, bool droppedBefore)
{
    m_bytes = bytes;
    m_dropped = droppedBefore;
    m_frames->clear();
    m_lastFrames.clear();
    const FramingSpec framing = spec();
    QStringList status;
    if (!framing.isValid()) {
        m_statusText = framing.kind == FramingKind::Delimiter ? tr("Enter a delimiter (escapes allowed).")
                                                              : tr("These framing settings cannot cut a stream.");
        m_status->setText(m_statusText);
        return;
    }
    const netcore::tcp::Recut recut = netcore::tcp::recut(framing, bytes);
    m_lastFrames = recut.frames;
    const qsizetype first = std::max<qsizetype>(0, recut.frames.size() - kMaxFramesShown);
    QList<QTreeWidgetItem *> items;
    for (qsizetype i = first; i < recut.frames.size(); ++i) {
        const QByteArray &frame = recut.frames.at(i);
        items.append(new QTreeWidgetItem({QString::number(i + 1), QString::number(frame.size()),
                                          netcore::common::visibleText(frame, netcore::common::LineMode::SingleLine,
                                                                       kPreviewBytes)}));
    }
    m_frames->addTopLevelItems(items);
    m_frames->scrollToBottom();
    status.append(tr("%n frame(s)", nullptr, int(recut.frames.size())));
    if (first > 0)
        status.append(tr("the newest %1 listed").arg(kMaxFramesShown));
    const qsizetype rest = bytes.size() - recut.restOffset;
    if (rest > 0)
        status.append(tr("%1 (%n byte(s))", nullptr, int(rest))
                          .arg(presentation::tcp::frameStatusText(recut.end, framing.maxFrame)));
    if (droppedBefore)
        status.append(tr("older reads were dropped from the view, so the first frame may begin mid-message"));
    m_statusText = status.join(u"; "_s);
    m_status->setText(m_statusText);
}

QString FramingView::status() const
{
    return m_statusText;
}

} // namespace widgets::tcp

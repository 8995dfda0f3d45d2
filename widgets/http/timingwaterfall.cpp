#include "widgets/http/timingwaterfall.h"

#include "presentation/http/httpexplain.h"

#include <QEvent>
#include <QPainter>

using namespace Qt::StringLiterals;
using namespace netcore::http;

using namespace presentation::http;

namespace widgets::http {
namespace {

constexpr int kRowHeight = 20;
constexpr int kLabelWidth = 130;
constexpr int kMargin = 6;

QString msText(qint64 us)
{
    return QString::number(double(us) / 1000.0, 'f', 2);
}

} // namespace

TimingWaterfall::TimingWaterfall(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void TimingWaterfall::setHop(const Hop &hop)
{
    m_hop = hop;
    rebuild();
}

void TimingWaterfall::clear()
{
    m_hop = Hop{};
    rebuild();
}

void TimingWaterfall::rebuild()
{
    m_bars.clear();
    m_reads.clear();
    qint64 at = 0;
    auto add = [&](TimingPhase phase, const QString &label) {
        const qint64 end = m_hop.elapsedUs(phase);
        if (end < 0)
            return;
        m_bars.append({label, at, end});
        at = end;
    };
    add(TimingPhase::DnsDone, HttpExplain::timingPhase(TimingPhase::DnsDone));
    add(TimingPhase::Connected, HttpExplain::timingPhase(TimingPhase::Connected));
    add(TimingPhase::TlsDone, HttpExplain::timingPhase(TimingPhase::TlsDone));
    add(TimingPhase::RequestSent, tr("send request"));
    add(TimingPhase::FirstByte, tr("wait (server think time)"));
    add(TimingPhase::Done, tr("receive response"));
    for (const TimingMark &mark : std::as_const(m_hop.timing)) {
        if (mark.phase == TimingPhase::Read)
            m_reads.append(mark.us);
    }
    m_totalUs = qMax<qint64>(1, at);
    updateGeometry();
    update();
}

QString TimingWaterfall::summary() const
{
    QStringList lines;
    for (const Bar &bar : m_bars)
        lines << tr("%1: %2 ms (from %3 to %4 ms)").arg(bar.label, msText(bar.endUs - bar.startUs), msText(bar.startUs), msText(bar.endUs));
    if (!m_reads.isEmpty())
        lines << tr("%n read(s) from the socket", nullptr, int(m_reads.size()));
    return lines.join(u'\n');
}

QSize TimingWaterfall::sizeHint() const
{
    return {480, kMargin * 2 + kRowHeight * int(qMax<qsizetype>(1, m_bars.size()) + 1)};
}

QSize TimingWaterfall::minimumSizeHint() const
{
    return {240, sizeHint().height()};
}

void TimingWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    if (m_bars.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No timing yet: send a request."));
        return;
    }
    const int width = qMax(10, this->width() - kLabelWidth - kMargin * 3 - 70);
    auto x = [&](qint64 us) { return kLabelWidth + kMargin * 2 + int(double(us) / double(m_totalUs) * width); };
    const QList<QColor> colors{QColor(0x8e, 0x6c, 0xd1), QColor(0xe0, 0x8e, 0x2b), QColor(0xc0, 0x39, 0x2b),
                               QColor(0x27, 0xae, 0x60), QColor(0x95, 0xa5, 0xa6), QColor(0x29, 0x80, 0xb9)};
    int y = kMargin;
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        const Bar &bar = m_bars.at(i);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(kMargin, y, kLabelWidth, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, bar.label);
        const QRect box(x(bar.startUs), y + 4, qMax(2, x(bar.endUs) - x(bar.startUs)), kRowHeight - 8);
        painter.fillRect(box, colors.at(i % colors.size()));
        painter.drawText(QRect(box.right() + 4, y, 70, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         msText(bar.endUs - bar.startUs) + u" ms"_s);
        if (i == m_bars.size() - 1) {
            painter.setPen(pal.color(QPalette::Text));
            for (qint64 read : std::as_const(m_reads))
                painter.drawLine(x(read), y + 2, x(read), y + kRowHeight - 2);
        }
        y += kRowHeight;
    }
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRect(kMargin, y, this->width() - 2 * kMargin, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                     tr("total %1 ms; each tick on the last bar is one read").arg(msText(m_totalUs)));
}

void TimingWaterfall::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace widgets::http

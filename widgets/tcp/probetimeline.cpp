#include "widgets/tcp/probetimeline.h"

#include "widgets/common/colors.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using netcore::tcp::ProbeClient;

namespace widgets::tcp {
namespace {

QColor connectingColor() { return QColor(0x95, 0xa5, 0xa6); }
QColor waitingColor() { return QColor(0xe0, 0x8e, 0x2b); }
QColor answeringColor() { return QColor(0x27, 0xae, 0x60); }

// A "nice" step for the axis: 1, 2 or 5 times a power of ten, about `target` µs.
qint64 niceStep(qint64 target)
{
    if (target <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(double(target))));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * magnitude >= double(target))
            return qint64(factor * magnitude);
    }
    return qint64(10 * magnitude);
}

QString msLabel(qint64 us)
{
    const double ms = double(us) / 1000.0;
    return ms >= 10 ? QString::number(qRound64(ms)) : QString::number(ms, 'g', 2);
}

} // namespace

ProbeTimeline::ProbeTimeline(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setObjectName(u"probeTimeline"_s);
}

void ProbeTimeline::setClients(const QList<ProbeClient> &clients, qint64 elapsedUs)
{
    m_clients = clients;
    m_order.resize(clients.size());
    for (qsizetype i = 0; i < clients.size(); ++i)
        m_order[i] = int(i);
    std::stable_sort(m_order.begin(), m_order.end(), [&clients](int a, int b) {
        const ProbeClient &x = clients.at(a);
        const ProbeClient &y = clients.at(b);
        const bool xHas = x.firstByteUs >= 0;
        const bool yHas = y.firstByteUs >= 0;
        if (xHas != yHas)
            return xHas;
        if (xHas)
            return x.firstByteUs < y.firstByteUs;
        return x.connectStartUs < y.connectStartUs;
    });
    qint64 last = elapsedUs;
    for (const ProbeClient &client : clients)
        last = std::max({last, client.doneUs, client.releasedUs, client.firstByteUs});
    m_axisUs = std::max<qint64>(last, 1000);
    update();
}

void ProbeTimeline::clear()
{
    m_clients.clear();
    m_order.clear();
    m_axisUs = 0;
    update();
}

QSize ProbeTimeline::sizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 30, line * 16};
}

QSize ProbeTimeline::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 12, line * 6};
}

void ProbeTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    const int margin = line / 2;
    if (m_clients.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(margin, margin, -margin, -margin), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Run the probe: each client becomes one row here. A loop server draws a staircase, a "
                            "concurrent server a column."));
        return;
    }

    // Legend on top, the axis at the bottom, the rows in between.
    const QList<std::pair<QColor, QString>> legend{{connectingColor(), tr("connecting")},
                                                   {waitingColor(), tr("waiting")},
                                                   {answeringColor(), tr("answer")},
                                                   {common::errorColor(), tr("failed")}};
    int x = margin;
    painter.setPen(pal.color(QPalette::Text));
    for (const auto &[color, label] : legend) {
        painter.fillRect(QRect(x, margin + line / 4, line / 2 * 2, line / 2), color);
        x += line + margin / 2;
        painter.drawText(QRect(x, margin, metrics.horizontalAdvance(label) + 2, line), Qt::AlignVCenter, label);
        x += metrics.horizontalAdvance(label) + line;
    }
    const int left = margin + line + margin;   // room for the rows' caption, written upwards
    const QRectF area(left, margin + line + margin / 2, width() - left - margin,
                      height() - (margin + line + margin / 2) - (line + margin * 2));
    if (area.width() < 10 || area.height() < 4)
        return;
    const double row = area.height() / double(m_clients.size());
    const auto xOf = [&](qint64 us) { return area.left() + double(us) / double(m_axisUs) * area.width(); };

    for (qsizetype r = 0; r < m_order.size(); ++r) {
        const ProbeClient &client = m_clients.at(m_order.at(r));
        const double top = area.top() + double(r) * row;
        const double barHeight = row >= 3 ? row * 0.7 : std::max(row, 1.0);
        const double barTop = top + (row - barHeight) / 2;
        const auto bar = [&](qint64 from, qint64 to, const QColor &color) {
            if (from < 0)
                return;
            const double x0 = xOf(from);
            const double x1 = std::max(xOf(to < 0 ? m_axisUs : to), x0 + 1.0);
            painter.fillRect(QRectF(x0, barTop, x1 - x0, barHeight), color);
        };
        const qint64 connected = client.connectedUs >= 0 ? client.connectedUs : client.doneUs;
        bar(client.connectStartUs, connected, connectingColor());
        if (client.connectedUs >= 0)
            bar(client.connectedUs, client.firstByteUs >= 0 ? client.firstByteUs : client.doneUs, waitingColor());
        if (client.firstByteUs >= 0)
            bar(client.firstByteUs, client.doneUs, answeringColor());
        if (client.doneUs >= 0 && client.releasedUs > client.doneUs && row >= 3) {
            painter.setPen(pal.color(QPalette::Mid));
            painter.drawLine(QPointF(xOf(client.doneUs), top + row / 2), QPointF(xOf(client.releasedUs), top + row / 2));
        }
        const bool failed = client.finished() && client.outcome != ProbeClient::Outcome::Done;
        if (failed && client.doneUs >= 0) {
            const double at = xOf(client.doneUs);
            painter.fillRect(QRectF(at - 1.5, barTop, 3, barHeight), common::errorColor());
        }
    }

    // Axis: ticks in ms, about one label per 8 characters of width.
    painter.setPen(pal.color(QPalette::Text));
    const double axisY = area.bottom() + margin / 2.0;
    painter.drawLine(QPointF(area.left(), axisY), QPointF(area.right(), axisY));
    const int labels = std::max(2, int(area.width() / (metrics.horizontalAdvance(u'0') * 8)));
    const qint64 step = niceStep(m_axisUs / labels);
    for (qint64 us = 0; us <= m_axisUs; us += step) {
        const double at = xOf(us);
        painter.drawLine(QPointF(at, axisY), QPointF(at, axisY + margin / 2.0));
        const QString text = msLabel(us);
        painter.drawText(QRectF(at - 40, axisY + margin / 2.0, 80, line), Qt::AlignHCenter | Qt::AlignTop, text);
    }
    painter.drawText(QRectF(area.right() - 60, axisY + margin / 2.0, 60 + margin, line), Qt::AlignRight | Qt::AlignTop,
                     tr("ms"));
    // The rows' meaning, written along the left edge.
    painter.save();
    painter.translate(margin + line / 2.0, area.center().y());
    painter.rotate(-90);
    const QString caption = metrics.elidedText(tr("%n client(s), first answered on top", nullptr, int(m_clients.size())),
                                               Qt::ElideRight, int(area.height()));
    painter.drawText(QRectF(-area.height() / 2, -line / 2.0, area.height(), line), Qt::AlignCenter, caption);
    painter.restore();
}

void ProbeTimeline::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace widgets::tcp

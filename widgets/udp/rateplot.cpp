#include "widgets/udp/rateplot.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace widgets::udp {

RatePlot::RatePlot(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(50);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void RatePlot::addSample(double perSecond)
{
    m_samples.append(perSecond);
    if (m_samples.size() > kSamples)
        m_samples.removeFirst();
    update();
}

void RatePlot::clear()
{
    m_samples.clear();
    update();
}

void RatePlot::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = rect().adjusted(1, 1, -1, -1);
    painter.fillRect(area, palette().base());
    painter.setPen(palette().mid().color());
    painter.drawRect(area);
    if (m_samples.isEmpty())
        return;
    const double peak = std::max(1.0, *std::max_element(m_samples.cbegin(), m_samples.cend()));
    const double step = area.width() / double(kSamples - 1);
    QPainterPath path;
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const double x = area.right() - double(m_samples.size() - 1 - i) * step;
        const double y = area.bottom() - m_samples.at(i) / peak * (area.height() - 14);
        if (i == 0)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
    }
    painter.setPen(QPen(palette().highlight().color(), 1.5));
    painter.drawPath(path);
    painter.setPen(palette().text().color());
    painter.drawText(area.adjusted(4, 1, -4, 0), Qt::AlignTop | Qt::AlignLeft,
                     tr("%1 /s (peak %2)").arg(QLocale().toString(m_samples.back(), 'f', 0), QLocale().toString(peak, 'f', 0)));
}

} // namespace widgets::udp

#pragma once

#include <QList>
#include <QWidget>

namespace widgets::udp {

// A small live plot of datagrams per second: one sample per second, the newest kSamples, painted with QPainter.
class RatePlot final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RatePlot)

public:
    static constexpr int kSamples = 60;

    explicit RatePlot(QWidget *parent = nullptr);

    void addSample(double perSecond);
    void clear();
    const QList<double> &samples() const { return m_samples; }
    QSize sizeHint() const override { return {240, 70}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<double> m_samples;
};

} // namespace widgets::udp

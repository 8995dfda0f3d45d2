#pragma once

#include "netcore/http/exchange.h"

#include <QWidget>

// The timing of one hop as a waterfall: one bar per phase (DNS, connect, TLS, send, wait, receive) on a
// shared time axis, with each read as a tick on the receive bar.
namespace widgets::http {

class TimingWaterfall final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimingWaterfall)

public:
    explicit TimingWaterfall(QWidget *parent = nullptr);

    void setHop(const netcore::http::Hop &hop);
    void clear();
    QString summary() const;   // the same numbers as text (tooltips, copy, tests)
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Bar {
        QString label;
        qint64 startUs = 0;
        qint64 endUs = 0;
    };
    void rebuild();

    netcore::http::Hop m_hop;
    QList<Bar> m_bars;
    QList<qint64> m_reads;
    qint64 m_totalUs = 0;
};

} // namespace widgets::http

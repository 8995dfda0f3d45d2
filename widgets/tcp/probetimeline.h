#pragma once

#include "netcore/tcp/probe.h"

#include <QList>
#include <QWidget>

// The concurrency probe as a picture: one row per client, sorted by when its answer began, on one time axis —
// grey while connecting, amber while connected and waiting, green from the first byte to the whole answer, a thin
// line while the connection is held, red where a client failed. A loop server draws a staircase (each client waits
// for the one before), a concurrent server a column (everybody answered together). Rows shrink to fit the height
// (1,000 clients are still a readable shape); the axis and the legend scale with the font, so zoom enlarges them.
namespace widgets::tcp {

class ProbeTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeTimeline)

public:
    explicit ProbeTimeline(QWidget *parent = nullptr);

    // The clients' records as they are now, and the probe's elapsed time (the axis's end while it runs).
    void setClients(const QList<netcore::tcp::ProbeClient> &clients, qint64 elapsedUs);
    void clear();
    // The drawing order: client indexes sorted by first byte (clients without one last, by connect start).
    const QList<int> &order() const { return m_order; }
    qint64 axisUs() const { return m_axisUs; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QList<netcore::tcp::ProbeClient> m_clients;
    QList<int> m_order;
    qint64 m_axisUs = 0;
};

} // namespace widgets::tcp

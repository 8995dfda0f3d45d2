#pragma once

#include "netcore/files/transferrate.h"

#include <QElapsedTimer>
#include <QString>

namespace app::cli {

// Human formats shared by the files command: "1.5 MiB", "12.3 MiB/s", "1:05".
QString humanBytes(double bytes);
QString humanDuration(qint64 seconds);

// Progress on stderr: "\r 45%  12.0 MiB of 26.7 MiB  12.3 MiB/s  ETA 0:03" redrawn in place on a terminal,
// one line per second otherwise. Silent when quiet.
class ProgressPrinter final
{
public:
    explicit ProgressPrinter(bool quiet);
    void start(const QString &label, qint64 done);
    void update(qint64 done, qint64 total);
    void finish();

private:
    QString line(qint64 done, qint64 total) const;

    bool m_quiet = false;
    bool m_terminal = false;
    bool m_drawn = false;
    QString m_label;
    QElapsedTimer m_clock;
    qint64 m_lastPrintMs = -1;
    qint64 m_total = -1;
    netcore::files::TransferRate m_rate;
};

} // namespace app::cli

#include "app/cli/filesprogress.h"

#include "app/cli/output.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

constexpr qint64 kTerminalRedrawMs = 200;
constexpr qint64 kLogLineMs = 1000;

// Strings below use QCoreApplication::translate("app::cli::FilesProgress", ...): lupdate cannot resolve a
// Q_DECLARE_TR_FUNCTIONS helper from inside ProgressPrinter's members.

} // namespace

QString humanBytes(double bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024.0 && unit < 4) {
        bytes /= 1024.0;
        ++unit;
    }
    return unit == 0 ? u"%1 B"_s.arg(qint64(bytes)) : u"%1 %2"_s.arg(bytes, 0, 'f', 1).arg(QLatin1StringView(units[unit]));
}

QString humanDuration(qint64 seconds)
{
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

ProgressPrinter::ProgressPrinter(bool quiet)
    : m_quiet(quiet)
    , m_terminal(::isatty(STDERR_FILENO) == 1)
{
}

void ProgressPrinter::start(const QString &label, qint64 done)
{
    m_label = label;
    m_clock.start();
    m_rate.start(done, 0);
    m_lastPrintMs = -1;
}

QString ProgressPrinter::line(qint64 done, qint64 total) const
{
    QString text = m_label + u"  "_s;
    if (total > 0)
        text += u"%1%  "_s.arg(done * 100 / total, 3);
    text += total >= 0 ? QCoreApplication::translate("app::cli::FilesProgress", "%1 of %2").arg(humanBytes(double(done)), humanBytes(double(total)))
                       : humanBytes(double(done));
    if (m_rate.bytesPerSecond() > 0)
        text += u"  "_s + humanBytes(m_rate.bytesPerSecond()) + u"/s"_s;
    if (const std::optional<qint64> left = m_rate.secondsLeft(total))
        text += u"  "_s + QCoreApplication::translate("app::cli::FilesProgress", "ETA %1").arg(humanDuration(*left));
    return text;
}

void ProgressPrinter::update(qint64 done, qint64 total)
{
    const qint64 now = m_clock.elapsed();
    m_rate.update(done, now);
    m_total = total;
    if (m_quiet)
        return;
    const qint64 interval = m_terminal ? kTerminalRedrawMs : kLogLineMs;
    if (m_lastPrintMs >= 0 && now - m_lastPrintMs < interval)
        return;
    m_lastPrintMs = now;
    err() << (m_terminal ? u"\r\x1b[K"_s : QString()) << line(done, total) << (m_terminal ? "" : "\n");
    err().flush();
    m_drawn = true;
}

void ProgressPrinter::finish()
{
    if (m_quiet)
        return;
    const qint64 elapsedMs = qMax<qint64>(1, m_clock.elapsed());
    const qint64 done = m_rate.done();
    if (m_terminal && m_drawn)
        err() << "\r\x1b[K";
    err() << m_label << "  " << QCoreApplication::translate("app::cli::FilesProgress", "%1 in %2 s (%3/s)")
                                     .arg(humanBytes(double(done)))
                                     .arg(double(elapsedMs) / 1000.0, 0, 'f', 2)
                                     .arg(humanBytes(double(done) * 1000.0 / double(elapsedMs)))
          << '\n';
    err().flush();
}

} // namespace app::cli

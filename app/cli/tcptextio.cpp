#include "app/cli/tcptextio.h"


#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <utility>

#include <poll.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Tcp (the words of `socketeer tcp`).
struct Tcp
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Tcp)
};

constexpr qsizetype kStdinChunk = 64 * 1024;
constexpr qsizetype kMaxLine = 16 * 1024 * 1024;   // a "line" without a line end is sent in pieces of this size

} // namespace

QString escapedControls(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\n':
            shown += "\\n"_L1;
            break;
        case u'\r':
            shown += "\\r"_L1;
            break;
        case u'\t':
            shown += "\\t"_L1;
            break;
        case u'\\':
            shown += "\\\\"_L1;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                shown += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                shown += c;
        }
    }
    return shown;
}

StdinLines::StdinLines(QObject *parent)
    : QObject(parent)
{
}

StdinLines::~StdinLines() = default;

void StdinLines::start()
{
    pollfd look{STDIN_FILENO, POLLIN, 0};
    if (::poll(&look, 1, 0) == 1) {
        if ((look.revents & (POLLIN | POLLHUP)) != 0 && !readOnce()) {
            if (m_buffer.isEmpty()) {
                m_endAtStart = true;   // nothing at all: not interactive
                m_done = true;
                return;
            }
            QMetaObject::invokeMethod(this, &StdinLines::onReadable, Qt::QueuedConnection);
            return;
        }
        if ((look.revents & POLLNVAL) != 0) {
            m_endAtStart = true;   // no standard input
            m_done = true;
            return;
        }
    }
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StdinLines::onReadable);
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &StdinLines::onReadable, Qt::QueuedConnection);
}

bool StdinLines::readOnce()
{
    char chunk[kStdinChunk];
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n > 0) {
            m_buffer.append(chunk, qsizetype(n));
            return true;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return !(n == 0 || errno != EAGAIN);
    }
}

void StdinLines::onReadable()
{
    if (m_done)
        return;
    // Read only what is there: a queued call after start() must not block on a quiet pipe.
    bool more = m_notifier != nullptr;
    pollfd look{STDIN_FILENO, POLLIN, 0};
    if (more && ::poll(&look, 1, 0) == 1)
        more = readOnce();
    qsizetype from = 0;
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n', from);
        if (end < 0)
            break;
        QByteArray one = m_buffer.sliced(from, end - from);
        if (one.endsWith('\r'))
            one.chop(1);
        Q_EMIT line(one);
        from = end + 1;
    }
    m_buffer.remove(0, from);
    while (m_buffer.size() >= kMaxLine) {
        Q_EMIT line(m_buffer.left(kMaxLine));
        m_buffer.remove(0, kMaxLine);
    }
    if (!more) {
        m_done = true;
        if (m_notifier)
            m_notifier->setEnabled(false);
        Q_EMIT finished(std::exchange(m_buffer, {}));
    }
}

} // namespace app::cli

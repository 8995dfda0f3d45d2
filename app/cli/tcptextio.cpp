#include "app/cli/tcptextio.h"

#include "netcore/common/escapes.h"
#include "presentation/common/escapestext.h"

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

QString unencodableText(const QString &text, const netcore::tcp::EncodeResult &result, netcore::tcp::TextEncoding encoding)
{
    // The position a person counts: characters (code points) from 1, not UTF-16 units.
    const qsizetype position = QStringView(text).left(result.unencodable).toUcs4().size() + 1;
    const QString character = QString::fromUcs4(&result.codePoint, 1);
    return Tcp::tr("character %1 '%2' (U+%3) cannot be written in %4")
        .arg(position)
        .arg(character, QString::number(quint32(result.codePoint), 16).toUpper().rightJustified(4, u'0'),
             netcore::tcp::encodingName(encoding).toUpper());
}

std::optional<QByteArray> encodeTyped(const QString &text, netcore::tcp::TextEncoding encoding, QString *error)
{
    netcore::common::EscapeParseError escapeError;
    const std::optional<QByteArray> utf8 = netcore::common::parseEscapes(text, &escapeError);
    if (!utf8) {
        *error = presentation::common::escapeErrorText(escapeError);
        return std::nullopt;
    }
    if (encoding == netcore::tcp::TextEncoding::Utf8)
        return utf8;
    // The text between escapes in the encoding; each escape (checked above) as its bytes.
    QByteArray bytes;
    qsizetype runStart = 0;
    const auto flush = [&](qsizetype end) -> bool {
        if (end <= runStart)
            return true;
        const QString run = text.sliced(runStart, end - runStart);
        const netcore::tcp::EncodeResult result = netcore::tcp::encodeText(run, encoding);
        if (!result.ok()) {
            netcore::tcp::EncodeResult shifted = result;
            shifted.unencodable += runStart;
            *error = unencodableText(text, shifted, encoding);
            return false;
        }
        bytes += result.bytes;
        return true;
    };
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) != u'\\') {
            ++i;
            continue;
        }
        if (!flush(i))
            return std::nullopt;
        const qsizetype length = text.at(i + 1) == u'x' ? 4 : 2;
        bytes += netcore::common::parseEscapes(text.sliced(i, length)).value_or(QByteArray());
        i += length;
        runStart = i;
    }
    if (!flush(text.size()))
        return std::nullopt;
    return bytes;
}

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

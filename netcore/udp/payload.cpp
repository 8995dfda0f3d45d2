#include "netcore/udp/payload.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

std::optional<char> simpleEscape(char16_t c)
{
    switch (c) {
    case u'r': return '\r';
    case u'n': return '\n';
    case u't': return '\t';
    case u'0': return '\0';
    case u'a': return '\a';
    case u'b': return '\b';
    case u'f': return '\f';
    case u'v': return '\v';
    case u'\\': return '\\';
    case u'"': return '"';
    case u'\'': return '\'';
    default: return std::nullopt;
    }
}

bool fail(PayloadError *error, qsizetype position, const QString &message)
{
    if (error)
        *error = PayloadError{position, message};
    return false;
}

} // namespace

std::optional<QByteArray> Payload::fromEscapedText(const QString &text, PayloadError *error)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype runStart = 0;
    const auto flushRun = [&](qsizetype end) { out += QStringView(text).mid(runStart, end - runStart).toUtf8(); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'\\')
            continue;
        flushRun(i);
        if (i + 1 >= text.size()) {
            fail(error, i, tr("a backslash at the end needs a character after it (write \\\\ for a backslash)"));
            return std::nullopt;
        }
        const char16_t next = text.at(i + 1).unicode();
        if (next == u'x') {
            const int high = i + 2 < text.size() ? hexValue(text.at(i + 2)) : -1;
            const int low = i + 3 < text.size() ? hexValue(text.at(i + 3)) : -1;
            if (high < 0 || low < 0) {
                fail(error, i, tr("\\x needs two hex digits, as in \\x0a"));
                return std::nullopt;
            }
            out += char(high * 16 + low);
            i += 3;
        } else if (const std::optional<char> c = simpleEscape(next)) {
            out += *c;
            i += 1;
        } else {
            fail(error, i, tr("unknown escape \\%1 (known: %2)").arg(QChar(next)).arg(u"\\r \\n \\t \\0 \\\\ \\xNN"_s));
            return std::nullopt;
        }
        runStart = i + 1;
    }
    flushRun(text.size());
    return out;
}

std::optional<QByteArray> Payload::fromHex(const QString &text, PayloadError *error)
{
    QByteArray out;
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    if (i + 1 < text.size() && text.at(i) == u'0' && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X'))
        i += 2;
    int high = -1;
    qsizetype highPosition = -1;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == u':' || c == u'-') {
            if (high >= 0) {
                fail(error, highPosition, tr("a byte needs two hex digits"));
                return std::nullopt;
            }
            continue;
        }
        const int value = hexValue(c);
        if (value < 0) {
            fail(error, i, tr("'%1' is not a hex digit").arg(c));
            return std::nullopt;
        }
        if (high < 0) {
            high = value;
            highPosition = i;
        } else {
            out += char(high * 16 + value);
            high = -1;
        }
    }
    if (high >= 0) {
        fail(error, highPosition, tr("a byte needs two hex digits"));
        return std::nullopt;
    }
    return out;
}

std::optional<QByteArray> Payload::fromFile(const QString &path, PayloadError *error, qsizetype maxSize)
{
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        fail(error, -1, tr("%1 is not a regular file").arg(path));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, -1, tr("cannot open %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > maxSize) {
        fail(error, -1, tr("%1 has %2 bytes; a datagram holds at most %3").arg(path).arg(file.size()).arg(maxSize));
        return std::nullopt;
    }
    QByteArray bytes = file.read(maxSize + 1);
    if (bytes.size() > maxSize) {
        fail(error, -1, tr("%1 has more than %2 bytes; a datagram holds at most %2").arg(path).arg(maxSize));
        return std::nullopt;
    }
    return bytes;
}

QString Payload::toEscapedText(const QByteArray &bytes)
{
    QString out;
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto byte = quint8(bytes.at(i));
        if (byte >= 0x80) {
            // Try one UTF-8 character: its length from the lead byte, valid if it decodes cleanly.
            const qsizetype length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
            if (length > 1 && i + length <= bytes.size()) {
                QStringDecoder decoder(QStringDecoder::Utf8);
                const QString character = decoder(bytes.mid(i, length));
                if (!decoder.hasError() && !character.isEmpty() && character.at(0).isPrint()) {
                    out += character;
                    i += length;
                    continue;
                }
            }
            out += u"\\x"_s + QString::number(byte, 16).rightJustified(2, u'0');
        } else if (byte == '\\') {
            out += u"\\\\"_s;
        } else if (byte == '\r') {
            out += u"\\r"_s;
        } else if (byte == '\n') {
            out += u"\\n"_s;
        } else if (byte == '\t') {
            out += u"\\t"_s;
        } else if (byte < 0x20 || byte == 0x7f) {
            out += u"\\x"_s + QString::number(byte, 16).rightJustified(2, u'0');
        } else {
            out += QChar(char16_t(byte));
        }
        ++i;
    }
    return out;
}

} // namespace netcore::udp

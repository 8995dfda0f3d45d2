#include "netcore/common/escapes.h"

#include <QStringView>

namespace netcore::common {
namespace {

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

std::nullopt_t fail(EscapeParseError *error, EscapeError code, qsizetype position, const QString &character = {})
{
    if (error)
        *error = EscapeParseError{code, position, character};
    return std::nullopt;
}

} // namespace

int hexDigitValue(QChar c)
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

std::optional<QByteArray> parseEscapes(const QString &text, EscapeParseError *error)
{
    QByteArray out;
    out.reserve(text.size());
    qsizetype runStart = 0;
    const auto flushRun = [&](qsizetype end) { out += QStringView(text).mid(runStart, end - runStart).toUtf8(); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != u'\\')
            continue;
        flushRun(i);
        if (i + 1 >= text.size())
            return fail(error, EscapeError::TrailingBackslash, i);
        const char16_t next = text.at(i + 1).unicode();
        if (next == u'x') {
            const int high = i + 2 < text.size() ? hexDigitValue(text.at(i + 2)) : -1;
            const int low = i + 3 < text.size() ? hexDigitValue(text.at(i + 3)) : -1;
            if (high < 0 || low < 0)
                return fail(error, EscapeError::BadHexEscape, i);
            out += char(high * 16 + low);
            i += 3;
        } else if (const std::optional<char> c = simpleEscape(next)) {
            out += *c;
            i += 1;
        } else {
            return fail(error, EscapeError::UnknownEscape, i, QString(QChar(next)));
        }
        runStart = i + 1;
    }
    flushRun(text.size());
    return out;
}

} // namespace netcore::common

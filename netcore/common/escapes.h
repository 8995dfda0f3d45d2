#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>

#include <optional>

// The one escape parser: bytes from text a person typed with escapes (the UDP sender's text payload, struct
// string values, the listener's reply, the HTTP capture page's Escapes box). The inverse of
// visibleText(..., Escaping::Python) in netcore/common/bytesformat.h. Pure; errors are data.
namespace netcore::common {

enum class EscapeError : quint8 {
    TrailingBackslash, // a backslash ends the text (write \\ for a backslash)
    BadHexEscape,      // \x without two hex digits after it
    UnknownEscape,     // a backslash before a character that is not an escape (`character` says which)
    Count
};

struct EscapeParseError {
    EscapeError code = EscapeError::Count;
    qsizetype position = -1; // 0-based character of the backslash at fault
    QString character;       // for UnknownEscape: the character after the backslash

    friend bool operator==(const EscapeParseError &, const EscapeParseError &) = default;
};

// UTF-8 text with escapes: \r \n \t \0 \\ \" \' \a \b \f \v \xNN. A backslash before anything else, a trailing
// backslash or \x without two hex digits is an error (nullopt, *error filled).
std::optional<QByteArray> parseEscapes(const QString &text, EscapeParseError *error = nullptr);

// 0-15 for a hex digit (either case), -1 for anything else.
int hexDigitValue(QChar c);

} // namespace netcore::common

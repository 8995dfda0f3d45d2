#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

// What a sender puts in a datagram, from what a person typed: text with escapes, hex, or a file.
// (Struct payloads: see structformat.h.) Pure functions; errors carry the 0-based character position.
namespace netcore::udp {

// The largest UDP payload over IPv4: 65535 - 20 (IPv4 header) - 8 (UDP header).
constexpr qsizetype kMaxDatagramSize = 65507;

struct PayloadError {
    qsizetype position = -1;   // character of the input at fault, -1 when not about one character (file errors)
    QString message;           // translated, context netcore::udp::Payload
};

class Payload
{
    Q_DECLARE_TR_FUNCTIONS(netcore::udp::Payload)

public:
    // UTF-8 text with escapes: \r \n \t \0 \\ \" \' \a \b \f \v \xNN. A backslash before anything else,
    // a trailing backslash or \x without two hex digits is an error.
    static std::optional<QByteArray> fromEscapedText(const QString &text, PayloadError *error = nullptr);
    // Hex digits in pairs; whitespace, ':' and '-' between bytes and a leading 0x are ignored ("de ad:be-ef").
    static std::optional<QByteArray> fromHex(const QString &text, PayloadError *error = nullptr);
    // The whole file, at most maxSize bytes (larger files are refused, not cut).
    static std::optional<QByteArray> fromFile(const QString &path, PayloadError *error = nullptr,
                                              qsizetype maxSize = kMaxDatagramSize);
    // The inverse of fromEscapedText for display: printable ASCII and valid UTF-8 as is, the rest escaped.
    static QString toEscapedText(const QByteArray &bytes);
};

} // namespace netcore::udp

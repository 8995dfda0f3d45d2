#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// What a sender puts in a datagram, from what a person typed: hex or a file. (Text with escapes:
// netcore/common/escapes.h; struct payloads: structformat.h.) Pure functions; errors are data.
namespace netcore::udp {

// The largest UDP payload over IPv4: 65535 - 20 (IPv4 header) - 8 (UDP header).
constexpr qsizetype kMaxDatagramSize = 65507;

enum class PayloadErrorCode : quint8 {
    HexByteIncomplete, // a byte has one hex digit only
    NotHexDigit,       // args {character}
    NotAFile,          // args {path}
    CannotOpen,        // args {path, Qt's error text (verbatim)}; sysError = errno when known
    FileTooLarge,      // args {path, size in bytes (or -1 when only "more than max" is known), max}
    Count
};

struct PayloadError {
    qsizetype position = -1;   // character of the input at fault, -1 when not about one character (file errors)
    PayloadErrorCode code = PayloadErrorCode::Count;
    QStringList args;
    int sysError = 0;          // errno for CannotOpen, when the system said one
};

class Payload
{
public:
    // Hex digits in pairs; whitespace, ':' and '-' between bytes and a leading 0x are ignored ("de ad:be-ef").
    static std::optional<QByteArray> fromHex(const QString &text, PayloadError *error = nullptr);
    // The whole file, at most maxSize bytes (larger files are refused, not cut).
    static std::optional<QByteArray> fromFile(const QString &path, PayloadError *error = nullptr,
                                              qsizetype maxSize = kMaxDatagramSize);
};

} // namespace netcore::udp

#pragma once

#include "netcore/common/escapes.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

#include <optional>

// The text encodings the TCP workbench sends and shows: UTF-8, the two Chinese national ones devices and Windows
// tools in China speak (GBK, and GB18030 which covers all of Unicode), and Latin-1 (one byte per character).
// Conversion goes through QStringEncoder/QStringDecoder (ICU in Debian's Qt), never lossy in silence: a character the
// encoding cannot hold is reported with its position, and undecodable bytes show as U+FFFD.
namespace netcore::tcp {

enum class TextEncoding : quint8 { Utf8, Gbk, Gb18030, Latin1, Count };

// The encoding's name as the CLI takes it and ICU knows it: "utf-8", "gbk", "gb18030", "latin1".
QString encodingName(TextEncoding encoding);
// Accepts the names above case-insensitively, and "utf8", "iso-8859-1", "latin-1", "gb2312" (read as GBK, its
// superset); nullopt for anything else.
std::optional<TextEncoding> encodingFromName(const QString &name);

struct EncodeResult {
    QByteArray bytes;
    qsizetype unencodable = -1;   // index in the text of the first character the encoding cannot hold; -1: none
    char32_t codePoint = 0;       // that character
    bool ok() const { return unencodable < 0; }
};

EncodeResult encodeText(const QString &text, TextEncoding encoding);
// Text a person typed with escapes (netcore/common/escapes.h): the characters in `encoding`, each escape as the bytes
// it names — \xNN is one raw byte whatever the encoding. The one encoder of typed text (the TCP tab's send box and
// `socketeer tcp connect --send`).
struct TypedTextError {
    enum class Kind : quint8 { BadEscape, Unencodable };
    Kind kind = Kind::BadEscape;
    qsizetype index = -1;                  // UTF-16 index in the text of the backslash or the character at fault
    common::EscapeParseError escape;       // BadEscape
    char32_t codePoint = 0;                // Unencodable
};
std::optional<QByteArray> encodeTyped(const QString &text, TextEncoding encoding, TypedTextError *error = nullptr);

// Decodes `bytes` whole; invalid sequences become U+FFFD (a multi-byte character cut at the end included).
QString decodeText(const QByteArray &bytes, TextEncoding encoding);

// Decodes a stream read by read: a character split across two reads comes out whole with the second.
class StreamDecoder final
{
public:
    explicit StreamDecoder(TextEncoding encoding);
    QString decode(const QByteArray &bytes);
    TextEncoding encoding() const { return m_encoding; }

private:
    TextEncoding m_encoding;
    QStringDecoder m_decoder;
};

} // namespace netcore::tcp

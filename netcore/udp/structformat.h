#pragma once

#include "netcore/common/escapes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

// Python's struct module, byte for byte: format strings like "!i8sf" (network order int, 8-byte string, float)
// turn values into the bytes the course's students send, and back.
//
// Grammar (as CPython's _struct.c): an optional first character for byte order, size and alignment
//   @ native order, native sizes, native alignment (the default)   = native order, standard sizes
//   < little-endian, standard sizes    > and ! big-endian (network), standard sizes
// then items "[count]code", whitespace between items ignored. Codes:
//   x pad byte   c char (bytes of length 1)   b B signed/unsigned char   ? bool   h H short   i I int
//   l L long   q Q long long   n N ssize_t/size_t (native only)   P void* (native only)   e half   f float
//   d double   s string (count = length)   p Pascal string (count = field length incl. the length byte)
// Standard sizes: b B ? c x 1, h H e 2, i I l L f 4, q Q d 8. Native alignment pads each item to its size.
namespace netcore::udp {

// One value of a struct, as Python holds it: bool, int (64-bit signed or, above INT64_MAX, unsigned), float, bytes.
using StructValue = std::variant<bool, qint64, quint64, double, QByteArray>;

// Why a format, a value or a buffer was refused (presentation/udp/udptext.h says it, in Python's struct words).
enum class StructErrorCode : quint8 {
    SizeTooLong,       // format: the packed size would pass `expected` bytes (StructFormat::kMaxPackedSize)
    RepeatWithoutCode, // format: a repeat count at the end, with no code after it
    BadChar,           // format: `text` is not a struct code
    NativeOnly,        // format: `text` is a code only native byte order (@) has
    NotInteger,        // pack: the value for `formatCode` is not an integer
    IntegerOutOfRange, // pack: the value for `formatCode` is outside low..high
    NotFloat,          // pack: the value for `formatCode` is not a number
    FloatTooLarge,     // pack: the value does not fit `formatCode` ('f' or 'e')
    CharNeedsOneByte,  // pack: 'c' takes bytes of length 1
    NeedsBytes,        // pack: `formatCode` ('s' or 'p') takes bytes
    PackCount,         // pack: `expected` values, `got` given
    UnpackSize,        // unpack: the buffer must have `expected` bytes, it has `got`
    ValueCount,        // valuesFromText: the format takes `expected` values, `got` typed
    ValueEscape,       // valuesFromText: a string value has a bad escape (`escape`)
    ValueNotNumber,    // valuesFromText: `text` is not a number (for e f d)
    ValueNotBool,      // valuesFromText: `text` is not True or False (for ?)
    ValueNotInteger,   // valuesFromText: `text` is not an integer
    UnterminatedQuote, // splitValueLine: the quote at `position` is not closed
    ExpectedComma,     // splitValueLine: a comma was expected at `position`
    Count
};

// Where and why a format, a value or a buffer was refused, as data. position: the 0-based character at fault of
// the format string (format and pack errors) or of the value line (splitValueLine), -1 when the fault is not in
// a text (the buffer size, the number of values). valueIndex: the 0-based value at fault, or -1.
struct StructError {
    StructErrorCode code = StructErrorCode::Count;
    qsizetype position = -1;
    qsizetype valueIndex = -1;
    char formatCode = 0;              // the struct code the value was for ('h', 'f', 's', ...)
    QString text;                     // the format character (BadChar, NativeOnly) or the value as typed
    qint64 expected = 0;              // counts and sizes (SizeTooLong: the limit)
    qint64 got = 0;
    qint64 low = 0;                   // IntegerOutOfRange: the range of formatCode
    quint64 high = 0;
    common::EscapeParseError escape;  // ValueEscape
};

// One parsed item of a format: code, repeat count and where it starts in the format text.
struct StructItem {
    char code = 0;
    qsizetype count = 1;
    qsizetype position = 0;   // format string index of the item (its count or code)
    qsizetype offset = 0;     // byte offset of the item in the packed data (after alignment)
    qsizetype size = 0;       // bytes of one element (for s/p/x: 1)
};

class StructFormat
{
public:
    static constexpr qsizetype kMaxPackedSize = 1 << 20;  // far above any datagram; keeps "999999999q" harmless

    // Parses a format; on failure returns nullopt and fills *error (position = the offending character).
    static std::optional<StructFormat> parse(const QString &format, StructError *error = nullptr);

    QString format() const { return m_format; }
    qsizetype size() const { return m_size; }            // struct.calcsize()
    qsizetype valueCount() const { return m_valueCount; } // values pack() expects / unpack() returns
    const QList<StructItem> &items() const { return m_items; }
    // The code each value belongs to, in order (length valueCount()): the column of each value.
    QList<char> valueCodes() const;

    // struct.pack(); fails (nullopt + *error) like Python: wrong count, wrong type, out of range.
    std::optional<QByteArray> pack(const QList<StructValue> &values, StructError *error = nullptr) const;
    // struct.unpack(); the buffer must be exactly size() bytes.
    std::optional<QList<StructValue>> unpack(const QByteArray &data, StructError *error = nullptr) const;

    // Values typed in by people, converted by the code they fill: integers (decimal, 0x.., 0o.., 0b..,
    // negative, True/False), floats (1.75, 1e-3, inf, nan), bools (True/False/true/false/1/0), and for c/s/p
    // the text as UTF-8 with escapes \r \n \t \0 \\ \" \' \xNN (surrounding quotes and a b prefix are removed).
    std::optional<QList<StructValue>> valuesFromText(const QStringList &tokens, StructError *error = nullptr) const;

    // Splits one line of values: `7, "zhangsan", 1.75` -> {7, "zhangsan", 1.75} (quotes kept, so that
    // valuesFromText() can tell a quoted "1" from a number). Commas inside quotes are kept.
    static std::optional<QStringList> splitValueLine(const QString &line, StructError *error = nullptr);

private:
    StructFormat() = default;
    bool packOne(QByteArray &out, qsizetype at, const StructItem &item, const StructValue &value,
                 qsizetype valueIndex, StructError *error) const;

    QString m_format;
    QList<StructItem> m_items;
    qsizetype m_size = 0;
    qsizetype m_valueCount = 0;
    bool m_native = true;
    bool m_bigEndian = false;
};

// Python-like text of a value: 7, -1, 1.75, True, b'zhangsan\x00' (bytes as Python's repr() writes them).
QString structValueText(const StructValue &value);

} // namespace netcore::udp

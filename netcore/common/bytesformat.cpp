#include "netcore/common/bytesformat.h"

#include <QChar>

using namespace Qt::StringLiterals;

namespace netcore::common {

namespace {

constexpr char16_t kCarriageReturnSymbol = u'\u240D'; // ␍
constexpr char16_t kLineFeedSymbol = u'\u240A';       // ␊
constexpr char16_t kEllipsis = u'\u2026';             // …
constexpr qsizetype kHexBytesPerLine = 16;
constexpr char kHexDigitsLower[] = "0123456789abcdef";
constexpr char kHexDigitsUpper[] = "0123456789ABCDEF";

void appendEscapedByte(QString &out, uchar byte, Escaping escaping)
{
    const char *digits = escaping == Escaping::Glyphs ? kHexDigitsUpper : kHexDigitsLower;
    out += u"\\x"_s;
    out += QLatin1Char(digits[byte >> 4]);
    out += QLatin1Char(digits[byte & 0xf]);
}

bool isContinuation(uchar byte)
{
    return (byte & 0xC0) == 0x80;
}

// Length of the valid UTF-8 sequence starting at data[i] (2..4) and its code point, or 0 when invalid
// (overlong forms, surrogates, values past U+10FFFF and truncated sequences are invalid).
int decodeUtf8(const QByteArray &data, qsizetype i, char32_t &codePoint)
{
    const auto at = [&](qsizetype k) { return uchar(data[i + k]); };
    const uchar lead = at(0);
    int length = 0;
    uchar low = 0x80;
    uchar high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (i + length > data.size())
        return 0;
    if (at(1) < low || at(1) > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if (!isContinuation(at(k)))
            return 0;
    }
    char32_t value = lead & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k)
        value = (value << 6) | (at(k) & 0x3F);
    codePoint = value;
    return length;
}

bool isInvisible(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

void appendAscii(QString &out, uchar byte, LineMode mode, Escaping escaping)
{
    const bool glyphs = escaping == Escaping::Glyphs;
    switch (byte) {
    case '\r':
        if (glyphs)
            out += QChar(kCarriageReturnSymbol);
        else
            out += u"\\r"_s;
        return;
    case '\n':
        if (glyphs)
            out += QChar(kLineFeedSymbol);
        else
            out += u"\\n"_s;
        if (mode == LineMode::MultiLine)
            out += u'\n';
        return;
    case '\t':
        out += u"\\t"_s;
        return;
    case '\\':
        out += glyphs ? u"\\"_s : u"\\\\"_s;
        return;
    case '\'':
        out += escaping == Escaping::PythonBytes ? u"\\'"_s : u"'"_s;
        return;
    default:
        break;
    }
    if (byte >= 0x20 && byte < 0x7F)
        out += QLatin1Char(char(byte));
    else
        appendEscapedByte(out, byte, escaping);
}

} // namespace

QString visibleText(const QByteArray &bytes, LineMode mode, qsizetype maxBytes, Escaping escaping)
{
    const qsizetype limit = maxBytes < 0 ? bytes.size() : std::min(maxBytes, bytes.size());
    QString out;
    out.reserve(limit + limit / 4);
    qsizetype i = 0;
    while (i < limit) {
        const uchar byte = uchar(bytes[i]);
        if (byte < 0x80) {
            appendAscii(out, byte, mode, escaping);
            ++i;
            continue;
        }
        char32_t codePoint = 0;
        const int length = escaping == Escaping::PythonBytes ? 0 : decodeUtf8(bytes, i, codePoint);
        if (length == 0) {
            appendEscapedByte(out, byte, escaping);
            ++i;
            continue;
        }
        if (i + length > limit)
            break; // never split a character at the cut
        if (isInvisible(codePoint)) {
            for (int k = 0; k < length; ++k)
                appendEscapedByte(out, uchar(bytes[i + k]), escaping);
        } else {
            const char32_t ucs4[] = {codePoint};
            out += QString::fromUcs4(ucs4, 1);
        }
        i += length;
    }
    if (i < bytes.size())
        out += QChar(kEllipsis);
    return out;
}

QString hexDump(const QByteArray &all, qsizetype maxBytes)
{
    const bool cut = maxBytes >= 0 && maxBytes < all.size();
    const QByteArray bytes = cut ? QByteArray::fromRawData(all.constData(), maxBytes) : all;
    const qsizetype lines = (bytes.size() + kHexBytesPerLine - 1) / kHexBytesPerLine;
    QByteArray out; // pure ASCII: built as bytes, converted once
    out.reserve(lines * 79);
    for (qsizetype offset = 0; offset < bytes.size(); offset += kHexBytesPerLine) {
        out += QByteArray::number(offset, 16).rightJustified(8, '0');
        out += ' ';
        const qsizetype count = std::min(kHexBytesPerLine, bytes.size() - offset);
        for (qsizetype k = 0; k < kHexBytesPerLine; ++k) {
            if (k == 8)
                out += ' ';
            if (k < count) {
                const uchar byte = uchar(bytes[offset + k]);
                out += ' ';
                out += kHexDigitsLower[byte >> 4];
                out += kHexDigitsLower[byte & 0xf];
            } else {
                out += "   ";
            }
        }
        out += "  |";
        for (qsizetype k = 0; k < count; ++k) {
            const uchar byte = uchar(bytes[offset + k]);
            out += (byte >= 0x20 && byte < 0x7F) ? char(byte) : '.';
        }
        out += "|\n";
    }
    QString text = QString::fromLatin1(out);
    if (cut)
        text += QChar(kEllipsis) + u'\n';
    return text;
}

} // namespace netcore::common

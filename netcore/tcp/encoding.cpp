#include "netcore/tcp/encoding.h"

#include <QStringEncoder>

using namespace Qt::StringLiterals;

namespace netcore::tcp {

namespace {

const char *icuName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Gbk: return "GBK";
    case TextEncoding::Gb18030: return "GB18030";
    case TextEncoding::Latin1: return "ISO-8859-1";
    case TextEncoding::Count: break;
    }
    return "UTF-8";
}

QStringEncoder encoderFor(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QStringEncoder(QStringConverter::Utf8);
    case TextEncoding::Latin1: return QStringEncoder(QStringConverter::Latin1);
    default: return QStringEncoder(icuName(encoding));
    }
}

QStringDecoder decoderFor(TextEncoding encoding, QStringConverter::Flags flags = QStringConverter::Flag::Default)
{
    switch (encoding) {
    case TextEncoding::Utf8: return QStringDecoder(QStringConverter::Utf8, flags);
    case TextEncoding::Latin1: return QStringDecoder(QStringConverter::Latin1, flags);
    default: return QStringDecoder(icuName(encoding), flags);
    }
}

// How many bytes at the end of `bytes` begin a GBK/GB18030 character that is not complete: a lead byte 0x81-0xFE
// takes one more byte, or (GB18030) three more when the next is a digit 0x30-0x39. ICU keeps such a tail waiting for
// more input even when told the input is whole, so decodeText() cuts it off itself.
qsizetype incompleteChineseTail(const QByteArray &bytes, TextEncoding encoding)
{
    const auto byte = [&bytes](qsizetype i) { return quint8(bytes.at(i)); };
    qsizetype i = 0;
    while (i < bytes.size()) {
        if (byte(i) < 0x81 || byte(i) == 0xFF) {
            ++i;
            continue;
        }
        qsizetype length = 2;
        if (encoding == TextEncoding::Gb18030 && i + 1 < bytes.size() && byte(i + 1) >= 0x30 && byte(i + 1) <= 0x39)
            length = 4;
        if (i + length > bytes.size())
            return bytes.size() - i;
        i += length;
    }
    return 0;
}

} // namespace

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8: return u"utf-8"_s;
    case TextEncoding::Gbk: return u"gbk"_s;
    case TextEncoding::Gb18030: return u"gb18030"_s;
    case TextEncoding::Latin1: return u"latin1"_s;
    case TextEncoding::Count: break;
    }
    return {};
}

std::optional<TextEncoding> encodingFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == "utf-8"_L1 || key == "utf8"_L1)
        return TextEncoding::Utf8;
    if (key == "gbk"_L1 || key == "gb2312"_L1 || key == "cp936"_L1)
        return TextEncoding::Gbk;
    if (key == "gb18030"_L1)
        return TextEncoding::Gb18030;
    if (key == "latin1"_L1 || key == "latin-1"_L1 || key == "iso-8859-1"_L1 || key == "iso8859-1"_L1)
        return TextEncoding::Latin1;
    return std::nullopt;
}

EncodeResult encodeText(const QString &text, TextEncoding encoding)
{
    EncodeResult result;
    QStringEncoder encoder = encoderFor(encoding);
    result.bytes = encoder.encode(text);
    if (!encoder.hasError())
        return result;
    // Find the first character it could not hold: encode one code point at a time.
    for (qsizetype i = 0; i < text.size();) {
        const bool pair = text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        const qsizetype length = pair ? 2 : 1;
        QStringEncoder one = encoderFor(encoding);
        const QByteArray piece = one.encode(QStringView(text).mid(i, length));   // encode() is lazy: convert
        Q_UNUSED(piece)
        if (one.hasError()) {
            result.unencodable = i;
            result.codePoint = pair ? QChar::surrogateToUcs4(text.at(i), text.at(i + 1)) : text.at(i).unicode();
            return result;
        }
        i += length;
    }
    result.unencodable = 0;   // the encoder refused the whole but no single character: report the start
    result.codePoint = text.isEmpty() ? 0 : text.at(0).unicode();
    return result;
}

std::optional<QByteArray> encodeTyped(const QString &text, TextEncoding encoding, TypedTextError *error)
{
    QByteArray bytes;
    qsizetype literalStart = 0;
    // The characters since the last escape, in the encoding.
    const auto literal = [&](qsizetype end) -> bool {
        if (end <= literalStart)
            return true;
        const EncodeResult result = encodeText(text.sliced(literalStart, end - literalStart), encoding);
        if (!result.ok()) {
            if (error)
                *error = TypedTextError{TypedTextError::Kind::Unencodable, literalStart + result.unencodable, {},
                                        result.codePoint};
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
        if (!literal(i))
            return std::nullopt;
        // One escape: \xNN takes four characters, the others two (parseEscapes() says what is wrong with it).
        const qsizetype length = qMin<qsizetype>(i + 1 < text.size() && text.at(i + 1) == u'x' ? 4 : 2, text.size() - i);
        common::EscapeParseError escapeError;
        const std::optional<QByteArray> escaped = common::parseEscapes(text.sliced(i, length), &escapeError);
        if (!escaped) {
            if (error)
                *error = TypedTextError{TypedTextError::Kind::BadEscape, i, escapeError, 0};
            return std::nullopt;
        }
        bytes += *escaped;
        i += length;
        literalStart = i;
    }
    if (!literal(text.size()))
        return std::nullopt;
    return bytes;
}

QString decodeText(const QByteArray &bytes, TextEncoding encoding)
{
    // Stateless: the bytes are the whole text, so a character cut at the end is a replacement character.
    QStringDecoder decoder = decoderFor(encoding, QStringConverter::Flag::Stateless);
    const qsizetype tail = (encoding == TextEncoding::Gbk || encoding == TextEncoding::Gb18030)
            ? incompleteChineseTail(bytes, encoding)
            : 0;
    QString text = decoder.decode(QByteArrayView(bytes).first(bytes.size() - tail));
    if (tail > 0)
        text += QChar::ReplacementCharacter;
    return text;
}

StreamDecoder::StreamDecoder(TextEncoding encoding)
    : m_encoding(encoding)
    , m_decoder(decoderFor(encoding))
{
}

QString StreamDecoder::decode(const QByteArray &bytes)
{
    return m_decoder.decode(bytes);
}

} // namespace netcore::tcp

#include "netcore/lookup/inetaton.h"

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

constexpr int kMaxParts = 4;
constexpr quint64 kMaxValue = 0xffffffffULL;
// The largest value the final part may have, by how many parts came before it (glibc's max[] table).
constexpr quint32 kLastPartMaximum[kMaxParts] = {0xffffffffU, 0xffffffU, 0xffffU, 0xffU};

bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isOctalDigit(QChar c) { return c >= u'0' && c <= u'7'; }
bool isAsciiSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\v' || c == u'\f' || c == u'\r';
}
int hexValue(QChar c)
{
    if (isAsciiDigit(c))
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

// Reads one C-style number starting at `pos` (which holds a digit), as strtoul(..., 0) does.
// Returns the position after it; `value` saturates above 32 bits (`overflow` set).
qsizetype readNumber(QStringView text, qsizetype pos, NumberBase &base, quint64 &value, bool &overflow)
{
    const qsizetype size = text.size();
    value = 0;
    overflow = false;
    auto accumulate = [&](int digit, int radix) {
        value = value * radix + digit;
        if (value > kMaxValue) {
            overflow = true;
            value = kMaxValue + 1;
        }
    };
    if (text[pos] == u'0' && pos + 2 < size && (text[pos + 1] == u'x' || text[pos + 1] == u'X')
        && hexValue(text[pos + 2]) >= 0) {
        base = NumberBase::Hexadecimal;
        pos += 2;
        while (pos < size && hexValue(text[pos]) >= 0)
            accumulate(hexValue(text[pos++]), 16);
        return pos;
    }
    if (text[pos] == u'0') {
        ++pos; // the leading 0 itself; a lone "0" reads the same in every base
        base = pos < size && isOctalDigit(text[pos]) ? NumberBase::Octal : NumberBase::Decimal;
        while (pos < size && isOctalDigit(text[pos]))
            accumulate(text[pos++].unicode() - u'0', 8);
        return pos;
    }
    base = NumberBase::Decimal;
    while (pos < size && isAsciiDigit(text[pos]))
        accumulate(text[pos++].unicode() - u'0', 10);
    return pos;
}

InetAtonResult failed(InetAtonResult result, InetAtonError error, qsizetype position, int part)
{
    result.error = error;
    result.errorPosition = position;
    result.errorPart = part;
    result.address = 0;
    return result;
}

} // namespace

InetAtonResult parseInetAton(QStringView text)
{
    InetAtonResult result;
    if (text.isEmpty())
        return failed(result, InetAtonError::Empty, 0, -1);

    quint32 leadingBytes = 0; // the bytes filled by the non-final parts, already shifted into place
    qsizetype pos = 0;
    for (int partIndex = 0;; ++partIndex) {
        if (pos < text.size() && text[pos].unicode() > 0x7f)
            return failed(result, InetAtonError::NonAscii, pos, partIndex);
        if (pos >= text.size() || !isAsciiDigit(text[pos]))
            return failed(result, InetAtonError::ExpectedDigit, pos, partIndex);
        Ipv4Part part;
        quint64 value = 0;
        bool overflow = false;
        const qsizetype start = pos;
        pos = readNumber(text, pos, part.base, value, overflow);
        part.text = text.sliced(start, pos - start).toString();
        part.value = quint32(std::min<quint64>(value, kMaxValue));
        result.parts.append(part);
        if (overflow)
            return failed(result, InetAtonError::LastPartTooLarge, start, partIndex);

        if (pos < text.size() && text[pos] == u'.') {
            if (partIndex >= kMaxParts - 1)
                return failed(result, InetAtonError::TooManyParts, pos, partIndex + 1);
            if (value > 0xff)
                return failed(result, InetAtonError::PartTooLarge, start, partIndex);
            leadingBytes |= quint32(value) << (24 - 8 * partIndex);
            ++pos;
            continue;
        }
        // The last part: only whitespace (and whatever follows it) may come after it.
        if (pos < text.size() && !isAsciiSpace(text[pos]))
            return failed(result, text[pos].unicode() > 0x7f ? InetAtonError::NonAscii : InetAtonError::InvalidCharacter,
                          pos, partIndex);
        if (value > kLastPartMaximum[partIndex])
            return failed(result, InetAtonError::LastPartTooLarge, start, partIndex);
        result.parts.last().byteCount = kMaxParts - partIndex;
        result.address = leadingBytes | quint32(value);
        result.form = Ipv4Form(partIndex + 1);
        result.ignoredTrailing = text.sliced(pos).toString();
        break;
    }

    bool strict = result.form == Ipv4Form::FourParts && result.ignoredTrailing.isEmpty();
    for (const Ipv4Part &part : std::as_const(result.parts)) {
        const bool leadingZero = part.text.size() > 1 && part.text.startsWith(u'0');
        strict = strict && part.base != NumberBase::Hexadecimal && !leadingZero && part.text.size() <= 3;
    }
    result.isStrictDottedQuad = strict;
    return result;
}

QString formatIpv4(quint32 hostOrderAddress)
{
    return QString::number(hostOrderAddress >> 24) + u'.' + QString::number((hostOrderAddress >> 16) & 0xff) + u'.'
           + QString::number((hostOrderAddress >> 8) & 0xff) + u'.' + QString::number(hostOrderAddress & 0xff);
}

QString numberBaseKey(NumberBase base)
{
    switch (base) {
    case NumberBase::Decimal: return u"decimal"_s;
    case NumberBase::Octal: return u"octal"_s;
    case NumberBase::Hexadecimal: return u"hexadecimal"_s;
    }
    return {};
}

QString inetAtonErrorKey(InetAtonError error)
{
    switch (error) {
    case InetAtonError::None: return u"none"_s;
    case InetAtonError::Empty: return u"empty"_s;
    case InetAtonError::ExpectedDigit: return u"expected-digit"_s;
    case InetAtonError::InvalidCharacter: return u"invalid-character"_s;
    case InetAtonError::TooManyParts: return u"too-many-parts"_s;
    case InetAtonError::PartTooLarge: return u"part-too-large"_s;
    case InetAtonError::LastPartTooLarge: return u"last-part-too-large"_s;
    case InetAtonError::NonAscii: return u"non-ascii"_s;
    }
    return {};
}

} // namespace netcore::lookup

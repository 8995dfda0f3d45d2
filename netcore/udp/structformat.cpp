#include "netcore/udp/structformat.h"

#include "netcore/udp/halffloat.h"

#include <QSysInfo>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

struct CodeInfo {
    qsizetype standardSize = 0; // 0: not available in standard mode
    qsizetype nativeSize = 0;
};

std::optional<CodeInfo> codeInfo(char code)
{
    switch (code) {
    case 'x': case 'c': case 'b': case 'B': case 's': case 'p': return CodeInfo{1, 1};
    case '?': return CodeInfo{1, qsizetype(sizeof(bool))};
    case 'h': case 'H': return CodeInfo{2, qsizetype(sizeof(short))};
    case 'i': case 'I': return CodeInfo{4, qsizetype(sizeof(int))};
    case 'l': case 'L': return CodeInfo{4, qsizetype(sizeof(long))};
    case 'q': case 'Q': return CodeInfo{8, qsizetype(sizeof(long long))};
    case 'n': case 'N': return CodeInfo{0, qsizetype(sizeof(size_t))};
    case 'P': return CodeInfo{0, qsizetype(sizeof(void *))};
    case 'e': return CodeInfo{2, 2};
    case 'f': return CodeInfo{4, qsizetype(sizeof(float))};
    case 'd': return CodeInfo{8, qsizetype(sizeof(double))};
    default: return std::nullopt;
    }
}

bool isSignedInteger(char code) { return code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n'; }
bool isUnsignedInteger(char code) { return code == 'B' || code == 'H' || code == 'I' || code == 'L' || code == 'Q' || code == 'N' || code == 'P'; }
bool isFloat(char code) { return code == 'e' || code == 'f' || code == 'd'; }
bool isPythonSpace(char16_t c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f'; }

bool fail(StructError *error, StructErrorCode code, qsizetype position, qsizetype valueIndex = -1,
          StructError detail = {})
{
    if (error) {
        detail.code = code;
        detail.position = position;
        detail.valueIndex = valueIndex;
        *error = detail;
    }
    return false;
}

StructError sizes(qint64 expected, qint64 got)
{
    StructError detail;
    detail.expected = expected;
    detail.got = got;
    return detail;
}

StructError forCode(char code)
{
    StructError detail;
    detail.formatCode = code;
    return detail;
}

// An integer value as Python sees it: sign and magnitude (never beyond 64 bits here).
struct Integer {
    bool negative = false;
    quint64 magnitude = 0;
};

std::optional<Integer> integerOf(const StructValue &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return Integer{false, *b ? 1u : 0u};
    if (const qint64 *i = std::get_if<qint64>(&value))
        return *i < 0 ? Integer{true, quint64(0) - quint64(*i)} : Integer{false, quint64(*i)};
    if (const quint64 *u = std::get_if<quint64>(&value))
        return Integer{false, *u};
    return std::nullopt;
}

std::optional<double> floatOf(const StructValue &value)
{
    if (const double *d = std::get_if<double>(&value))
        return *d;
    if (const auto i = integerOf(value))
        return i->negative ? -double(i->magnitude) : double(i->magnitude);
    return std::nullopt;
}

bool truthOf(const StructValue &value)
{
    if (const double *d = std::get_if<double>(&value))
        return *d != 0.0 || std::isnan(*d);
    if (const QByteArray *bytes = std::get_if<QByteArray>(&value))
        return !bytes->isEmpty();
    return integerOf(value)->magnitude != 0;
}

void writeUnsigned(char *at, quint64 bits, qsizetype size, bool bigEndian)
{
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = char(bits >> (8 * i) & 0xff);
        at[bigEndian ? size - 1 - i : i] = byte;
    }
}

quint64 readUnsigned(const char *at, qsizetype size, bool bigEndian)
{
    quint64 bits = 0;
    for (qsizetype i = 0; i < size; ++i)
        bits |= quint64(quint8(at[bigEndian ? size - 1 - i : i])) << (8 * i);
    return bits;
}

// The largest magnitude that rounds to a finite float: values at or above 2^128 - 2^103 round to infinity.
constexpr double kFloatOverflow = 0x1.ffffffp+127;

} // namespace

std::optional<StructFormat> StructFormat::parse(const QString &format, StructError *error)
{
    StructFormat result;
    result.m_format = format;
    qsizetype i = 0;
    if (!format.isEmpty()) {
        const char16_t first = format.at(0).unicode();
        if (first == u'@' || first == u'=' || first == u'<' || first == u'>' || first == u'!') {
            result.m_native = first == u'@';
            result.m_bigEndian = first == u'>' || first == u'!'
                                 || ((first == u'@' || first == u'=') && QSysInfo::ByteOrder == QSysInfo::BigEndian);
            ++i;
        }
    }
    if (result.m_native)
        result.m_bigEndian = QSysInfo::ByteOrder == QSysInfo::BigEndian;
    qsizetype size = 0;
    while (i < format.size()) {
        const char16_t c = format.at(i).unicode();
        if (isPythonSpace(c)) {
            ++i;
            continue;
        }
        const qsizetype itemStart = i;
        qsizetype count = 1;
        if (c >= u'0' && c <= u'9') {
            count = 0;
            while (i < format.size() && format.at(i).unicode() >= u'0' && format.at(i).unicode() <= u'9') {
                count = count * 10 + (format.at(i).unicode() - u'0');
                if (count > kMaxPackedSize) {
                    fail(error, StructErrorCode::SizeTooLong, itemStart, -1, sizes(kMaxPackedSize, 0));
                    return std::nullopt;
                }
                ++i;
            }
            if (i == format.size()) {
                fail(error, StructErrorCode::RepeatWithoutCode, itemStart);
                return std::nullopt;
            }
        }
        const char16_t codeChar = format.at(i).unicode();
        const std::optional<CodeInfo> info = codeChar < 0x80 ? codeInfo(char(codeChar)) : std::nullopt;
        if (!info || (!result.m_native && info->standardSize == 0)) {
            StructError detail;
            detail.text = QString(QChar(codeChar));
            fail(error, info ? StructErrorCode::NativeOnly : StructErrorCode::BadChar, i, -1, detail);
            return std::nullopt;
        }
        const char code = char(codeChar);
        const qsizetype itemSize = result.m_native ? info->nativeSize : info->standardSize;
        if (result.m_native && itemSize > 1 && size > 0)
            size = (size + itemSize - 1) / itemSize * itemSize;
        StructItem item{code, count, itemStart, size, itemSize};
        size += count * itemSize;
        if (size > kMaxPackedSize) {
            fail(error, StructErrorCode::SizeTooLong, itemStart, -1, sizes(kMaxPackedSize, 0));
            return std::nullopt;
        }
        if (code == 's' || code == 'p')
            result.m_valueCount += 1;
        else if (code != 'x')
            result.m_valueCount += count;
        result.m_items.append(item);
        ++i;
    }
    result.m_size = size;
    return result;
}

QList<char> StructFormat::valueCodes() const
{
    QList<char> codes;
    for (const StructItem &item : m_items) {
        if (item.code == 's' || item.code == 'p')
            codes.append(item.code);
        else if (item.code != 'x')
            codes.append(QList<char>(item.count, item.code));
    }
    return codes;
}

bool StructFormat::packOne(QByteArray &out, qsizetype at, const StructItem &item, const StructValue &value,
                           qsizetype valueIndex, StructError *error) const
{
    char *data = out.data() + at;
    const char code = item.code;
    const qsizetype size = item.size;
    if (isSignedInteger(code) || isUnsignedInteger(code)) {
        const std::optional<Integer> integer = integerOf(value);
        if (!integer)
            return fail(error, StructErrorCode::NotInteger, item.position, valueIndex, forCode(code));
        const int bits = int(size * 8);
        const bool isSigned = isSignedInteger(code);
        const quint64 maxPositive = isSigned ? (quint64(1) << (bits - 1)) - 1
                                             : (bits == 64 ? std::numeric_limits<quint64>::max() : (quint64(1) << bits) - 1);
        // 'P' takes what PyLong_AsVoidPtr takes: a C long when negative, an unsigned long otherwise.
        const quint64 maxNegative = isSigned || code == 'P' ? quint64(1) << (bits - 1) : 0;
        if ((integer->negative && integer->magnitude > maxNegative) || (!integer->negative && integer->magnitude > maxPositive)) {
            StructError detail = forCode(code);
            detail.low = maxNegative ? qint64(quint64(0) - maxNegative) : 0;
            detail.high = maxPositive;
            return fail(error, StructErrorCode::IntegerOutOfRange, item.position, valueIndex, detail);
        }
        const quint64 twos = integer->negative ? quint64(0) - integer->magnitude : integer->magnitude;
        writeUnsigned(data, twos, size, m_bigEndian);
        return true;
    }
    if (isFloat(code)) {
        const std::optional<double> x = floatOf(value);
        if (!x)
            return fail(error, StructErrorCode::NotFloat, item.position, valueIndex, forCode(code));
        quint64 bits = 0;
        if (code == 'd') {
            std::memcpy(&bits, &*x, sizeof bits);
        } else if (code == 'f') {
            const bool overflows = std::isfinite(*x) && std::fabs(*x) >= kFloatOverflow;
            // Standard sizes refuse what rounds to infinity; native 'f' is a plain C cast (CPython's np_float).
            if (overflows && !m_native)
                return fail(error, StructErrorCode::FloatTooLarge, item.position, valueIndex, forCode(code));
            float y = float(*x > 0 ? HUGE_VALF : -HUGE_VALF);
            if (!overflows) // between FLT_MAX and the threshold a finite value rounds to FLT_MAX
                y = std::isfinite(*x) && std::fabs(*x) > double(FLT_MAX) ? (*x > 0 ? FLT_MAX : -FLT_MAX) : float(*x);
            quint32 fbits = 0;
            std::memcpy(&fbits, &y, sizeof fbits);
            bits = fbits;
        } else {
            const std::optional<quint16> half = halfFromDouble(*x);
            if (!half)
                return fail(error, StructErrorCode::FloatTooLarge, item.position, valueIndex, forCode(code));
            bits = *half;
        }
        writeUnsigned(data, bits, size, m_bigEndian);
        return true;
    }
    if (code == '?') {
        *data = truthOf(value) ? 1 : 0;
        return true;
    }
    const QByteArray *bytes = std::get_if<QByteArray>(&value);
    if (code == 'c') {
        if (!bytes || bytes->size() != 1)
            return fail(error, StructErrorCode::CharNeedsOneByte, item.position, valueIndex, forCode(code));
        *data = bytes->at(0);
        return true;
    }
    if (!bytes)
        return fail(error, StructErrorCode::NeedsBytes, item.position, valueIndex, forCode(code));
    if (code == 's') {
        std::memcpy(data, bytes->constData(), size_t(std::min(bytes->size(), item.count)));
        return true;
    }
    if (item.count == 0) // "0p" packs nothing
        return true;
    const qsizetype n = std::min(bytes->size(), item.count - 1);
    std::memcpy(data + 1, bytes->constData(), size_t(n));
    *data = char(std::min<qsizetype>(n, 255));
    return true;
}

std::optional<QByteArray> StructFormat::pack(const QList<StructValue> &values, StructError *error) const
{
    if (values.size() != m_valueCount) {
        fail(error, StructErrorCode::PackCount, -1, -1, sizes(m_valueCount, values.size()));
        return std::nullopt;
    }
    QByteArray out(m_size, '\0');
    qsizetype valueIndex = 0;
    for (const StructItem &item : m_items) {
        if (item.code == 'x')
            continue;
        if (item.code == 's' || item.code == 'p') {
            if (!packOne(out, item.offset, item, values.at(valueIndex), valueIndex, error))
                return std::nullopt;
            ++valueIndex;
            continue;
        }
        for (qsizetype k = 0; k < item.count; ++k, ++valueIndex) {
            if (!packOne(out, item.offset + k * item.size, item, values.at(valueIndex), valueIndex, error))
                return std::nullopt;
        }
    }
    return out;
}

std::optional<QList<StructValue>> StructFormat::unpack(const QByteArray &data, StructError *error) const
{
    if (data.size() != m_size) {
        fail(error, StructErrorCode::UnpackSize, -1, -1, sizes(m_size, data.size()));
        return std::nullopt;
    }
    QList<StructValue> values;
    values.reserve(m_valueCount);
    for (const StructItem &item : m_items) {
        const char *at = data.constData() + item.offset;
        const char code = item.code;
        if (code == 'x')
            continue;
        if (code == 's') {
            values.append(QByteArray(at, item.count));
            continue;
        }
        if (code == 'p') {
            const qsizetype n = item.count == 0 ? 0 : std::min<qsizetype>(quint8(at[0]), item.count - 1);
            values.append(QByteArray(at + 1, n));
            continue;
        }
        for (qsizetype k = 0; k < item.count; ++k, at += item.size) {
            if (code == 'c') {
                values.append(QByteArray(at, 1));
            } else if (code == '?') {
                values.append(StructValue(std::in_place_type<bool>, *at != 0));
            } else if (isFloat(code)) {
                const quint64 bits = readUnsigned(at, item.size, m_bigEndian);
                double x = 0;
                if (code == 'd') {
                    std::memcpy(&x, &bits, sizeof x);
                } else if (code == 'f') {
                    const auto fbits = quint32(bits);
                    float y = 0;
                    std::memcpy(&y, &fbits, sizeof y);
                    x = double(y);
                } else {
                    x = doubleFromHalf(quint16(bits));
                }
                values.append(x);
            } else {
                const quint64 bits = readUnsigned(at, item.size, m_bigEndian);
                const int width = int(item.size * 8);
                if (isSignedInteger(code) && width < 64 && (bits >> (width - 1)) & 1)
                    values.append(qint64(bits | (~quint64(0) << width)));
                else if (isSignedInteger(code) || bits <= quint64(std::numeric_limits<qint64>::max()))
                    values.append(qint64(bits));
                else
                    values.append(bits);
            }
        }
    }
    return values;
}

} // namespace netcore::udp

// Text <-> struct values: what people type into the UDP tab and the command line, and how values are shown.
#include "netcore/udp/structformat.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"

#include <QLocale>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

bool isQuote(QChar c) { return c == u'"' || c == u'\''; }

void fail(StructError *error, StructErrorCode code, qsizetype position, qsizetype valueIndex, StructError detail = {})
{
    if (!error)
        return;
    detail.code = code;
    detail.position = position;
    detail.valueIndex = valueIndex;
    *error = detail;
}

// A quoted token ("x", 'x', b"x", b'x'): its inner text, or nullopt when the token is not quoted.
std::optional<QString> quotedContent(const QString &token)
{
    QString t = token;
    if (t.size() >= 3 && (t.at(0) == u'b' || t.at(0) == u'B') && isQuote(t.at(1)))
        t = t.mid(1);
    if (t.size() >= 2 && isQuote(t.at(0)) && t.back() == t.at(0))
        return t.mid(1, t.size() - 2);
    return std::nullopt;
}

std::optional<StructValue> parseInteger(const QString &text)
{
    if (text == "True"_L1 || text == "true"_L1)
        return StructValue(std::in_place_type<bool>, true);
    if (text == "False"_L1 || text == "false"_L1)
        return StructValue(std::in_place_type<bool>, false);
    QString digits = text;
    digits.remove(u'_');
    bool negative = false;
    if (digits.startsWith(u'-') || digits.startsWith(u'+')) {
        negative = digits.startsWith(u'-');
        digits = digits.mid(1);
    }
    int base = 10;
    if (digits.size() > 2 && digits.at(0) == u'0') {
        const QChar prefix = digits.at(1).toLower();
        base = prefix == u'x' ? 16 : prefix == u'o' ? 8 : prefix == u'b' ? 2 : 10;
        if (base != 10)
            digits = digits.mid(2);
    }
    if (digits.isEmpty() || digits.startsWith(u'+') || digits.startsWith(u'-'))
        return std::nullopt;
    bool ok = false;
    const quint64 magnitude = digits.toULongLong(&ok, base);
    if (!ok)
        return std::nullopt;
    if (!negative && magnitude <= quint64(std::numeric_limits<qint64>::max()))
        return StructValue(std::in_place_type<qint64>, qint64(magnitude));
    if (!negative)
        return StructValue(std::in_place_type<quint64>, magnitude);
    if (magnitude > quint64(std::numeric_limits<qint64>::max()) + 1)
        return std::nullopt;
    return StructValue(qint64(quint64(0) - magnitude));
}

std::optional<StructValue> parseFloat(const QString &text)
{
    const QString lower = text.toLower();
    if (lower == "inf"_L1 || lower == "+inf"_L1 || lower == "infinity"_L1)
        return StructValue(std::numeric_limits<double>::infinity());
    if (lower == "-inf"_L1 || lower == "-infinity"_L1)
        return StructValue(-std::numeric_limits<double>::infinity());
    if (lower == "nan"_L1 || lower == "+nan"_L1)
        return StructValue(std::numeric_limits<double>::quiet_NaN());
    if (lower == "-nan"_L1)
        return StructValue(-std::numeric_limits<double>::quiet_NaN());
    if (std::optional<StructValue> integer = parseInteger(text))
        return integer;
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok)
        return std::nullopt;
    return StructValue(value);
}

} // namespace

std::optional<QList<StructValue>> StructFormat::valuesFromText(const QStringList &tokens, StructError *error) const
{
    const QList<char> codes = valueCodes();
    if (tokens.size() != codes.size()) {
        StructError detail;
        detail.expected = codes.size();
        detail.got = tokens.size();
        fail(error, StructErrorCode::ValueCount, -1, -1, detail);
        return std::nullopt;
    }
    QList<StructValue> values;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString token = tokens.at(i).trimmed();
        const char code = codes.at(i);
        const std::optional<QString> quoted = quotedContent(token);
        const bool bytesCode = code == 'c' || code == 's' || code == 'p';
        if (quoted || bytesCode) {
            StructError detail;
            const std::optional<QByteArray> bytes = common::parseEscapes(quoted.value_or(token), &detail.escape);
            if (!bytes) {
                detail.formatCode = code;
                detail.text = token;
                fail(error, StructErrorCode::ValueEscape, -1, i, detail);
                return std::nullopt;
            }
            values.append(*bytes);
            continue;
        }
        std::optional<StructValue> value;
        if (code == 'e' || code == 'f' || code == 'd')
            value = parseFloat(token);
        else if (code == '?')
            value = parseInteger(token) ? parseInteger(token) : parseFloat(token);
        else
            value = parseInteger(token);
        if (!value) {
            StructError detail;
            detail.formatCode = code;
            detail.text = token;
            const StructErrorCode why = code == 'e' || code == 'f' || code == 'd' ? StructErrorCode::ValueNotNumber
                                        : code == '?'                             ? StructErrorCode::ValueNotBool
                                                                                  : StructErrorCode::ValueNotInteger;
            fail(error, why, -1, i, detail);
            return std::nullopt;
        }
        values.append(*value);
    }
    return values;
}

std::optional<QStringList> StructFormat::splitValueLine(const QString &line, StructError *error)
{
    QStringList tokens;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (true) {
        while (i < n && line.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype start = i;
        qsizetype quoteAt = i;
        if ((line.at(i) == u'b' || line.at(i) == u'B') && i + 1 < n && isQuote(line.at(i + 1)))
            quoteAt = i + 1;
        if (isQuote(line.at(quoteAt))) {
            const QChar quote = line.at(quoteAt);
            i = quoteAt + 1;
            while (i < n && line.at(i) != quote)
                i += line.at(i) == u'\\' ? 2 : 1;
            if (i >= n) {
                fail(error, StructErrorCode::UnterminatedQuote, start, tokens.size());
                return std::nullopt;
            }
            ++i;
            tokens.append(line.mid(start, i - start));
            while (i < n && line.at(i).isSpace())
                ++i;
            if (i < n && line.at(i) != u',') {
                fail(error, StructErrorCode::ExpectedComma, i, tokens.size());
                return std::nullopt;
            }
        } else {
            while (i < n && line.at(i) != u',')
                ++i;
            tokens.append(line.mid(start, i - start).trimmed());
        }
        if (i < n)
            ++i; // the comma
    }
    return tokens;
}

QString structValueText(const StructValue &value)
{
    if (const bool *b = std::get_if<bool>(&value))
        return *b ? u"True"_s : u"False"_s;
    if (const qint64 *i = std::get_if<qint64>(&value))
        return QString::number(*i);
    if (const quint64 *u = std::get_if<quint64>(&value))
        return QString::number(*u);
    if (const double *d = std::get_if<double>(&value)) {
        if (std::isnan(*d))
            return u"nan"_s;
        if (std::isinf(*d))
            return *d < 0 ? u"-inf"_s : u"inf"_s;
        QString text = QString::number(*d, 'g', QLocale::FloatingPointShortest);
        if (!text.contains(u'.') && !text.contains(u'e'))
            text += u".0"_s;
        return text;
    }
    const QByteArray &bytes = std::get<QByteArray>(value);
    return u"b'"_s + common::visibleText(bytes, common::LineMode::SingleLine, -1, common::Escaping::PythonBytes) + u'\'';
}

} // namespace netcore::udp

#include "app/cli/arguments.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Arguments.
struct Arguments
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Arguments)
};

constexpr qsizetype kMaxHostLength = 253;   // RFC 1035's longest name, in text
constexpr qsizetype kQuoteLength = 40;      // how much of a bad value a reason repeats

// The bad value as the reasons quote it: short, on one line.
QString quoted(const QString &text)
{
    QString shown = text.left(kQuoteLength);
    if (text.size() > kQuoteLength)
        shown += u'…';
    return u'\'' + shown.simplified() + u'\'';
}

// "1.5" -> 1.5; the number part of the duration/size/rate grammars (no sign, no exponent).
const QString kNumber = u"(\\d+(?:\\.\\d*)?|\\.\\d+)"_s;

double numberOf(const QRegularExpressionMatch &match)
{
    return match.captured(1).toDouble();
}

} // namespace

std::optional<quint16> parsePort(const QString &text, PortZero zero, QString *error)
{
    static const QRegularExpression digits(u"^\\d{1,5}$"_s);
    const quint16 lowest = zero == PortZero::Allowed ? 0 : 1;
    const uint port = digits.match(text).hasMatch() ? text.toUInt() : 70000;
    if (port < lowest || port > 65535) {
        *error = zero == PortZero::Allowed ? Arguments::tr("%1 is not a port: use a number from 0 (any free port) to 65535").arg(quoted(text))
                                           : Arguments::tr("%1 is not a port: use a number from 1 to 65535").arg(quoted(text));
        return std::nullopt;
    }
    return quint16(port);
}

std::optional<QString> parseHost(const QString &text, QString *error)
{
    QString host = text;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    static const QRegularExpression forbidden(u"[\\s/\\\\\\[\\]@]"_s);
    bool ok = !host.isEmpty() && host.size() <= kMaxHostLength && !host.contains(forbidden);
    if (ok && host.contains(u':'))
        ok = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol;
    if (!ok) {
        *error = Arguments::tr("%1 is not a host name or an IP address").arg(quoted(text));
        return std::nullopt;
    }
    return host;
}

std::optional<QHostAddress> parseAddress(const QString &text, QString *error)
{
    QString literal = text;
    if (literal.startsWith(u'[') && literal.endsWith(u']'))
        literal = literal.mid(1, literal.size() - 2);
    QHostAddress address;
    if (literal.isEmpty() || !address.setAddress(literal)) {
        *error = Arguments::tr("%1 is not an IP address (e.g. 0.0.0.0, 127.0.0.1, ::)").arg(quoted(text));
        return std::nullopt;
    }
    return address;
}

std::optional<Endpoint> parseEndpoint(const QString &text, quint16 defaultPort, QString *error)
{
    QString host = text;
    std::optional<QString> port;
    bool shaped = true;
    if (text.startsWith(u'[')) {
        // [IPv6] or [IPv6]:PORT; brackets hold an IPv6 literal and nothing else
        const qsizetype close = text.indexOf(u']');
        host = text.mid(1, close - 1);
        const QString after = close < 0 ? QString() : text.mid(close + 1);
        shaped = close > 1 && QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol
                 && (after.isEmpty() || after.startsWith(u':'));
        if (after.startsWith(u':'))
            port = after.mid(1);
    } else if (text.count(u':') == 1) {
        host = text.section(u':', 0, 0);
        port = text.section(u':', 1);
    }
    QString reason;
    const std::optional<QString> checkedHost = shaped ? parseHost(host, &reason) : std::nullopt;
    if (!checkedHost) {
        *error = Arguments::tr("%1 is not HOST or HOST:PORT (write an IPv6 address with a port as [::1]:80)").arg(quoted(text));
        return std::nullopt;
    }
    Endpoint endpoint{*checkedHost, defaultPort};
    if (port) {
        const std::optional<quint16> number = parsePort(*port, PortZero::Refused, error);
        if (!number)
            return std::nullopt;
        endpoint.port = *number;
    }
    return endpoint;
}

std::optional<Duration> parseDuration(const QString &text, DurationUnit bareUnit, Duration minimum, Duration maximum,
                                      QString *error)
{
    static const QRegularExpression grammar(u"^\\s*"_s + kNumber + u"\\s*(us|µs|ms|s|m|min|h)?\\s*$"_s);
    const QRegularExpressionMatch match = grammar.match(text);
    std::optional<Duration> result;
    if (match.hasMatch()) {
        const QString unit = match.captured(2);
        double microseconds = 1;
        if (unit.isEmpty())
            microseconds = bareUnit == DurationUnit::Seconds ? 1e6 : bareUnit == DurationUnit::Milliseconds ? 1e3 : 1;
        else if (unit == "ms"_L1)
            microseconds = 1e3;
        else if (unit == "s"_L1)
            microseconds = 1e6;
        else if (unit == "m"_L1 || unit == "min"_L1)
            microseconds = 60e6;
        else if (unit == "h"_L1)
            microseconds = 3600e6;
        const double value = numberOf(match) * microseconds;
        if (value >= double(minimum.count()) && value <= double(maximum.count()))
            result = Duration(std::llround(value));
    }
    if (!result) {
        *error = Arguments::tr("%1 is not a duration from %2 to %3 (e.g. 500ms, 2s, 1m)")
                     .arg(quoted(text), durationText(minimum), durationText(maximum));
    }
    return result;
}

std::optional<qint64> parseSize(const QString &text, qint64 minimum, qint64 maximum, QString *error)
{
    static const QRegularExpression grammar(u"^\\s*"_s + kNumber + u"\\s*(?:([kmgt])(i?b)?|(b))?\\s*$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = grammar.match(text);
    std::optional<qint64> result;
    if (match.hasMatch()) {
        const QString unit = match.captured(2).toLower();
        const int power = unit.isEmpty() ? 0 : int(u"kmgt"_s.indexOf(unit.front())) + 1;   // 1024^power
        const double value = std::ldexp(numberOf(match), 10 * power);
        if (value >= double(minimum) && value <= double(maximum))
            result = std::llround(value);
    }
    if (!result) {
        *error = Arguments::tr("%1 is not a size from %2 to %3 (e.g. 512, 64k, 10MiB)")
                     .arg(quoted(text), sizeText(minimum), sizeText(maximum));
    }
    return result;
}

std::optional<double> parseRate(const QString &text, double maximum, QString *error)
{
    static const QRegularExpression grammar(u"^\\s*"_s + kNumber + u"(k)?(?:/s)?\\s*$"_s);
    const QRegularExpressionMatch match = grammar.match(text);
    if (match.hasMatch()) {
        const double value = numberOf(match) * (match.captured(2).isEmpty() ? 1 : 1000);
        if (value > 0 && value <= maximum)
            return value;
    }
    *error = Arguments::tr("%1 is not a rate: use a number per second above 0 and at most %2 (e.g. 200, 2.5, 10k)")
                 .arg(quoted(text))
                 .arg(maximum);
    return std::nullopt;
}

std::optional<qint64> parseCount(const QString &text, qint64 minimum, qint64 maximum, QString *error)
{
    static const QRegularExpression grammar(u"^-?\\d{1,19}$"_s);
    bool ok = grammar.match(text).hasMatch();
    const qint64 value = ok ? text.toLongLong(&ok) : 0;
    if (!ok || value < minimum || value > maximum) {
        *error = Arguments::tr("%1 is not a whole number from %2 to %3").arg(quoted(text)).arg(minimum).arg(maximum);
        return std::nullopt;
    }
    return value;
}

QString durationText(Duration duration)
{
    const qint64 us = duration.count();
    struct Unit {
        qint64 size;
        QLatin1StringView name;
    };
    for (const Unit &unit : {Unit{3'600'000'000, "h"_L1}, Unit{60'000'000, "m"_L1}, Unit{1'000'000, "s"_L1}, Unit{1000, "ms"_L1}}) {
        if (us != 0 && us % unit.size == 0)
            return QString::number(us / unit.size) + unit.name;
    }
    return us == 0 ? u"0s"_s : QString::number(us) + "us"_L1;
}

QString sizeText(qint64 bytes)
{
    if (bytes == std::numeric_limits<qint64>::max())
        return u"8EiB"_s;
    static const QLatin1StringView units[] = {"TiB"_L1, "GiB"_L1, "MiB"_L1, "KiB"_L1};
    for (int i = 0; i < 4; ++i) {
        const qint64 size = qint64(1) << (10 * (4 - i));
        if (bytes != 0 && bytes % size == 0)
            return QString::number(bytes / size) + units[i];
    }
    return QString::number(bytes);
}

bool isNegativeNumber(const QString &token)
{
    static const QRegularExpression negative(u"^-(?:\\d|\\.\\d|inf(?:inity)?$|nan$)"_s, QRegularExpression::CaseInsensitiveOption);
    return negative.match(token).hasMatch();
}

QStringList separatePositionals(const QStringList &arguments, const QList<QCommandLineOption> &options)
{
    QSet<QString> takesValue;
    for (const QCommandLineOption &option : options) {
        if (!option.valueName().isEmpty()) {
            for (const QString &name : option.names())
                takesValue.insert(name);
        }
    }
    QStringList optionPart = arguments.mid(0, 1);
    QStringList positionals;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &token = arguments.at(i);
        if (token == "--"_L1) {
            positionals += arguments.mid(i + 1);
            break;
        }
        if (!token.startsWith(u'-') || token == "-"_L1 || isNegativeNumber(token)) {
            positionals.append(token);
            continue;
        }
        optionPart.append(token);
        const QString name = token.mid(token.startsWith("--"_L1) ? 2 : 1).section(u'=', 0, 0);
        if (!token.contains(u'=') && takesValue.contains(name) && i + 1 < arguments.size())
            optionPart.append(arguments.at(++i));
    }
    if (positionals.isEmpty())
        return optionPart;
    return optionPart + QStringList{u"--"_s} + positionals;
}

} // namespace app::cli

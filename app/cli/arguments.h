#pragma once

#include <QCommandLineOption>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

// The command line's one vocabulary of values. Every command parses its hosts, ports, HOST[:PORT] endpoints,
// durations, sizes, rates and counts here, and every bad value is reported by the same translated one-line reason
// (context app::cli::Arguments). Each parser returns the value, or std::nullopt with *error set to that reason, which
// quotes the text; the caller names the option: usageError(command, u"--port"_s, error).
namespace app::cli {

// The largest --max-clients any server accepts.
constexpr qint64 kMaxClientCount = 100'000;

// Whether port 0 ("any free port", for servers and listeners) is accepted.
enum class PortZero { Refused, Allowed };

// A destination written as HOST[:PORT]: IPv6 literals in brackets when a port follows ("[::1]:80"), bare otherwise ("::1").
struct Endpoint {
    QString host;
    quint16 port = 0;
};

// The unit of a duration written as a bare number ("--timeout 5" means seconds, "--interval 20" milliseconds).
enum class DurationUnit { Microseconds, Milliseconds, Seconds };

using Duration = std::chrono::microseconds;

// 1-65535, or 0-65535 with PortZero::Allowed.
std::optional<quint16> parsePort(const QString &text, PortZero zero, QString *error);

// A host name or an IP address ("example.com", "10.0.0.1", "::1", "[::1]"); not resolved here.
std::optional<QString> parseHost(const QString &text, QString *error);

// A literal IP address ("0.0.0.0", "::", "[::1]"), for --bind and friends.
std::optional<QHostAddress> parseAddress(const QString &text, QString *error);

// HOST, HOST:PORT, [IPv6]:PORT, [IPv6] or a bare IPv6 address; a missing port is `defaultPort`.
std::optional<Endpoint> parseEndpoint(const QString &text, quint16 defaultPort, QString *error);

// A number with an optional unit: us, ms, s, m, h ("500ms", "2s", "1.5m"); a bare number is in `bareUnit`.
// Accepted from `minimum` to `maximum` inclusive.
std::optional<Duration> parseDuration(const QString &text, DurationUnit bareUnit, Duration minimum, Duration maximum,
                                      QString *error);

// Bytes with an optional binary unit: k/K, M, G, T, optionally followed by "iB" or "B" ("64k", "10MiB", "2G", "512").
std::optional<qint64> parseSize(const QString &text, qint64 minimum, qint64 maximum, QString *error);

// Events per second, a positive number with an optional "k" (thousands): "200", "2.5", "10k".
std::optional<double> parseRate(const QString &text, double maximum, QString *error);

// A whole number from `minimum` to `maximum`.
std::optional<qint64> parseCount(const QString &text, qint64 minimum, qint64 maximum, QString *error);

// Readable forms used in the reasons (and in help texts): "250ms", "2s", "24h"; "64KiB", "10MiB".
QString durationText(Duration duration);
QString sizeText(qint64 bytes);

// True for a token that is a negative number ("-2", "-9000000000", "-1.5", "-.5", "-1e3", "-inf"), never an option.
bool isNegativeNumber(const QString &token);

// Values that look like options: QCommandLineParser takes "-2" for the options "-2"... With the command's `options`
// known (which take a value: a non-empty valueName()), this moves every positional argument, including negative
// numbers and everything after a literal "--", behind one "--", keeping the order of both groups:
//   {"cmd", "h", "9", "--struct", "<hq", "-2", "-9", "--count", "2"}
//   -> {"cmd", "--struct", "<hq", "--count", "2", "--", "h", "9", "-2", "-9"}
// An option's value is never moved ("--ttl -1" stays the value of --ttl); an unknown option stays an option (and is
// reported as unknown). arguments[0] is the command and stays first.
QStringList separatePositionals(const QStringList &arguments, const QList<QCommandLineOption> &options);

} // namespace app::cli

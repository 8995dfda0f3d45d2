#pragma once

#include <QCommandLineParser>
#include <QHostAddress>
#include <QJsonValue>
#include <QString>
#include <QTextStream>

#include <optional>

// Shared output helpers for every CLI command: one place decides how text, JSON and errors look.
namespace app::cli {

struct Endpoint;   // app/cli/arguments.h

QTextStream &out();  // stdout, UTF-8
QTextStream &err();  // stderr, UTF-8
// Flushes out() once the event loop has handled what is pending now: a server logging many reads in one pass of the
// loop writes them with one write() instead of one each, and every line still appears before the loop waits again.
void flushOutSoon();

// Prints "socketeer <command>: <reason>" and a hint to --help on stderr; returns ExitUsage.
int usageError(const QString &command, const QString &reason);

// Prints "socketeer <command>: <option>: <reason>" (a reason from app/cli/arguments.h) and the hint; returns ExitUsage.
int usageError(const QString &command, const QString &option, const QString &reason);

// Prints "socketeer <command>: <message>" on stderr and returns `code`.
int failure(const QString &command, const QString &message, int code);

// Prints compact-indented JSON on stdout followed by a newline.
void printJson(const QJsonValue &value);

// Parses `arguments` (arguments[0] = "socketeer <command>") with `parser`, which gets --help added.
// Returns an exit code when the command must stop now (help printed, or a usage error),
// std::nullopt when the caller should go on.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  const QString &command);

// The same, for a command whose positional values may look like options (negative numbers: --struct '<hq' -2 -9):
// adds `options` to `parser` and parses with separatePositionals() (app/cli/arguments.h), so "-2" is a value.
std::optional<int> parseArguments(QCommandLineParser &parser, const QList<QCommandLineOption> &options,
                                  const QStringList &arguments, const QString &command);

// Checks the number of positional arguments; prints a usage error when it is off.
std::optional<int> expectPositionals(const QCommandLineParser &parser, const QString &command,
                                     qsizetype minimum, qsizetype maximum);

// HOST PORT from the first two positional arguments: a host name or address, and a port from 1 to 65535. A bad one is
// reported as a usage error naming HOST or PORT: nullopt when both are good (*destination set), else the exit code.
std::optional<int> readHostPort(const QCommandLineParser &parser, const QString &command, Endpoint *destination);

// What a server says once it listens. `human` is the translated sentence for people; before it, one fixed,
// untranslated line per transport that scripts and tests parse (documented in README.md, "Command line"):
//   socketeer: listening SERVER TRANSPORT ADDRESS PORT
// e.g. "socketeer: listening chat tcp 0.0.0.0 8888", "socketeer: listening udp udp :: 5000" (IPv6 without brackets).
struct ListeningSocket {
    QLatin1StringView transport;   // "tcp" or "udp"
    QHostAddress address;
    quint16 port = 0;
};
void printListening(QLatin1StringView server, const QList<ListeningSocket> &sockets, const QString &human);

// The machine line alone (what printListening prints first), for tests.
QString listeningLine(QLatin1StringView server, const ListeningSocket &socket);

// Prints a two-column "label  value" table with aligned labels (width counted in display columns).
void printTable(const QList<std::pair<QString, QString>> &rows);

} // namespace app::cli

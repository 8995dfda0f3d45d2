#pragma once

#include <QCommandLineParser>
#include <QJsonValue>
#include <QString>
#include <QTextStream>

#include <optional>

// Shared output helpers for every CLI command: one place decides how text, JSON and errors look.
namespace app::cli {

QTextStream &out();  // stdout, UTF-8
QTextStream &err();  // stderr, UTF-8

// Prints "socketeer <command>: <reason>" and a hint to --help on stderr; returns ExitUsage.
int usageError(const QString &command, const QString &reason);

// Prints "socketeer <command>: <message>" on stderr and returns `code`.
int failure(const QString &command, const QString &message, int code);

// Prints compact-indented JSON on stdout followed by a newline.
void printJson(const QJsonValue &value);

// Parses `arguments` (arguments[0] = "socketeer <command>") with `parser`, which gets --help added.
// Returns an exit code when the command must stop now (help printed, or a usage error),
// std::nullopt when the caller should go on.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                  const QString &command);

// Checks the number of positional arguments; prints a usage error when it is off.
std::optional<int> expectPositionals(const QCommandLineParser &parser, const QString &command,
                                     qsizetype minimum, qsizetype maximum);

// Prints a two-column "label  value" table with aligned labels (width counted in display columns).
void printTable(const QList<std::pair<QString, QString>> &rows);

} // namespace app::cli

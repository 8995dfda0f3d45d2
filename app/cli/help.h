#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <span>

// One help layout and one dispatch for every command of the command line.
//
// A command with subcommands (socketeer lookup host|addr|..., files ls|get|put, udp send|listen, serve NAME, and
// socketeer itself) is a table of verbs {name, summary, run}; its help is
//
//   Usage: socketeer udp VERB [options]
//   <description>
//
//   Verbs:
//     send      <summary>
//     listen    <summary>
//
//   <footer>
//
// and a leaf command's help is QCommandLineParser's (Usage line naming the command, description, Options:,
// Arguments:), so both read alike.
namespace app::cli {

// A subcommand. `summary` is translated in the table's context; `arguments` holds "socketeer udp send" first.
struct Verb {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

struct VerbTable {
    const char *context;          // translation context of the summaries (QT_TRANSLATE_NOOP's first argument)
    std::span<const Verb> verbs;
    QString usage;                // the whole line, translated by the caller: "Usage: socketeer udp VERB [options]"
    QString description;          // a paragraph under the usage line (may be empty)
    QString heading;              // "Verbs:", "Commands:", "Servers:"
    QString footer;               // lines after the list (may be empty)
};

// The verb named `name`, or nullptr.
const Verb *findVerb(const VerbTable &table, const QString &name);

// Prints the table's help on stdout.
void printVerbHelp(const VerbTable &table);

// True for -h, --help and help.
bool isHelpRequest(const QString &argument);

// arguments[0] = "socketeer udp", arguments[1] = the verb. Prints the help for -h/--help/help (ExitOk), a usage error
// for a missing or unknown verb (ExitUsage), else runs the verb with {"socketeer udp send", rest...}.
int dispatch(const QStringList &arguments, const VerbTable &table);

// A leaf command's help: QCommandLineParser's text, its usage line naming `command` instead of the executable.
void printCommandHelp(const QCommandLineParser &parser, const QString &command);

} // namespace app::cli

#include "app/cli/cli.h"

#include "app/cli/chatcommand.h"
#include "app/cli/filescommand.h"
#include "app/cli/httpcommand.h"
#include "app/cli/lookupcommand.h"
#include "app/cli/output.h"
#include "app/cli/servecommand.h"
#include "app/cli/udpcommand.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// Every subcommand. Later capabilities add their line here.
const std::array kCommands{
    Command{"lookup", QT_TRANSLATE_NOOP("app::cli::Commands",
                                        "Host, address, DNS, service lookups; address conversions; subnets; interfaces"),
            &runLookup},
    Command{"files", QT_TRANSLATE_NOOP("app::cli::Commands", "List, download and upload files (verified, resumable)"),
            &runFiles},
    Command{"http", QT_TRANSLATE_NOOP("app::cli::Commands", "Send an HTTP request and see the exact bytes, timing and TLS"),
            &runHttp},
    Command{"chat", QT_TRANSLATE_NOOP("app::cli::Commands", "Join a chat room from the terminal (native TCP or the course's classic UDP)"),
            &runChat},
    Command{"udp", QT_TRANSLATE_NOOP("app::cli::Commands", "Send and receive UDP datagrams: broadcast, multicast, struct payloads, loss"),
            &runUdp},
    Command{"serve", QT_TRANSLATE_NOOP("app::cli::Commands", "Run the classroom servers headless"), &runServe},
};

const Command *findCommand(const QString &name)
{
    for (const Command &command : kCommands) {
        if (name == QLatin1StringView(command.name))
            return &command;
    }
    return nullptr;
}

// lupdate reads the context from this class: app::cli::Commands.
struct Commands
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Commands)
};

void printTopLevelHelp()
{
    QTextStream &o = out();
    o << Commands::tr("Usage: socketeer [command] [options]") << '\n'
      << Commands::tr("Without a command, socketeer opens its window (or, with no display, runs the classroom servers).") << "\n\n"
      << Commands::tr("Commands:") << '\n';
    for (const Command &command : kCommands)
        o << "  " << QString::fromLatin1(command.name).leftJustified(10) << Commands::tr(command.summary) << '\n';
    o << '\n'
      << Commands::tr("Options:") << '\n'
      << "  -h, --help     " << Commands::tr("Show this help; 'socketeer COMMAND --help' shows a command's help") << '\n'
      << "  -v, --version  " << Commands::tr("Show the version") << '\n'
      << '\n'
      << Commands::tr("Exit codes: 0 success, 1 nothing found or refused, 2 usage error, 3 runtime failure.") << '\n';
    o.flush();
}

} // namespace

bool wantsCommandLine(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (first == "-h"_L1 || first == "--help"_L1 || first == "help"_L1 || first == "-v"_L1 || first == "--version"_L1)
        return true;
    // Anything that is not an option is a command (unknown ones get a usage error, not a window).
    return !first.startsWith(u'-');
}

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == "-h"_L1 || first == "--help"_L1 || first == "help"_L1) {
        printTopLevelHelp();
        return ExitOk;
    }
    if (first == "-v"_L1 || first == "--version"_L1) {
        out() << "socketeer " << QCoreApplication::applicationVersion() << '\n';
        out().flush();
        return ExitOk;
    }
    const Command *command = findCommand(first);
    if (!command) {
        err() << Commands::tr("socketeer: unknown command '%1'").arg(first)
              << '\n'
              << Commands::tr("Try 'socketeer --help'.") << '\n';
        err().flush();
        return ExitUsage;
    }
    QStringList rest = arguments.mid(2);
    rest.prepend(u"socketeer "_s + first);
    return command->run(rest);
}

} // namespace app::cli

#include "app/cli/cli.h"

#include "app/cli/chatcommand.h"
#include "app/cli/filescommand.h"
#include "app/cli/help.h"
#include "app/cli/httpcommand.h"
#include "app/cli/lookupcommand.h"
#include "app/cli/output.h"
#include "app/cli/servecommand.h"
#include "app/cli/tcpcommand.h"
#include "app/cli/udpcommand.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// Every command, in the order `socketeer --help` lists them (summaries in context app::cli::Commands).
constexpr std::array kCommands{
    Verb{"lookup", QT_TRANSLATE_NOOP("app::cli::Commands",
                                     "Host, address, DNS, service lookups; address conversions; subnets; interfaces"),
         &runLookup},
    Verb{"files", QT_TRANSLATE_NOOP("app::cli::Commands", "List, download and upload files (verified, resumable)"),
         &runFiles},
    Verb{"http", QT_TRANSLATE_NOOP("app::cli::Commands", "Send an HTTP request and see the exact bytes, timing and TLS"),
         &runHttp},
    Verb{"chat", QT_TRANSLATE_NOOP("app::cli::Commands", "Join a chat room from the terminal (native TCP or the course's classic UDP)"),
         &runChat},
    Verb{"udp", QT_TRANSLATE_NOOP("app::cli::Commands", "Send and receive UDP datagrams: broadcast, multicast, struct payloads, loss"),
         &runUdp},
    Verb{"tcp", QT_TRANSLATE_NOOP("app::cli::Commands", "Raw TCP: connect, send, and see every read's boundary; framings"),
         &runTcp},
    Verb{"serve", QT_TRANSLATE_NOOP("app::cli::Commands", "Run the classroom servers headless"), &runServe},
};

// lupdate reads the context from this class: app::cli::Commands.
struct Commands
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Commands)
};

VerbTable commandTable()
{
    return VerbTable{
        "app::cli::Commands",
        kCommands,
        Commands::tr("Usage: socketeer [command] [options]"),
        Commands::tr("Without a command, socketeer opens its window (or, with no display, runs the classroom servers)."),
        Commands::tr("Commands:"),
        Commands::tr("Options:") + u'\n' + u"  -h, --help     "_s
            + Commands::tr("Show this help; 'socketeer COMMAND --help' shows a command's help") + u'\n'
            + u"  -v, --version  "_s + Commands::tr("Show the version") + u"\n\n"_s
            + Commands::tr("Exit codes: 0 success, 1 nothing found or refused, 2 usage error, 3 runtime failure."),
    };
}

} // namespace

bool wantsCommandLine(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (isHelpRequest(first) || first == "-v"_L1 || first == "--version"_L1)
        return true;
    // Anything that is not an option is a command (unknown ones get a usage error, not a window).
    return !first.startsWith(u'-');
}

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    const VerbTable table = commandTable();
    if (isHelpRequest(first)) {
        printVerbHelp(table);
        return ExitOk;
    }
    if (first == "-v"_L1 || first == "--version"_L1) {
        out() << "socketeer " << QCoreApplication::applicationVersion() << '\n';
        out().flush();
        return ExitOk;
    }
    const Verb *command = findVerb(table, first);
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

#include "app/cli/servecommand.h"

#include "app/cli/chatserve.h"
#include "app/cli/cli.h"
#include "app/cli/filesserve.h"
#include "app/cli/help.h"
#include "app/cli/httpserve.h"
#include "app/cli/limitoptions.h"
#include "app/cli/output.h"
#include "app/cli/signals.h"
#include "app/cli/tcpserve.h"

#include "netcore/common/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Serve.
struct Serve
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Serve)
};

// A server's start function parses its own options (arguments[0] = "socketeer serve NAME"), creates the server as a
// child of `owner`, starts listening and logging to stdout (printListening: the machine line, then the sentence), and
// returns at once: std::nullopt when it is serving, otherwise the exit code to stop with (usage error, cannot bind).
using StartServer = std::optional<int> (*)(const QStringList &arguments, QObject *owner);

// Runs the servers `owner` holds until SIGINT, SIGTERM or SIGHUP stops them (app/cli/signals.h), then exits 0.
// `shutdown` was made before the servers started, so a signal right after the listening line is not lost.
int runUntilSignalled(QObject &owner, GracefulShutdown &shutdown)
{
    shutdown.watch(owner.findChildren<netcore::common::Server *>(Qt::FindDirectChildrenOnly));
    return QCoreApplication::exec();
}

// `socketeer serve NAME ...`: one server until the process is stopped.
template<StartServer start>
int serveOne(const QStringList &arguments)
{
    GracefulShutdown shutdown;
    QObject owner;
    if (const std::optional<int> code = start(arguments, &owner))
        return *code;
    return runUntilSignalled(owner, shutdown);
}

// Every classroom server: the dispatch table, and (same order) the start functions `socketeer serve` runs them all with.
constexpr std::array kServers{
    Verb{"chat", QT_TRANSLATE_NOOP("app::cli::Serve", "Chat room: native TCP and the course's classic UDP, port 8888"),
         &serveOne<&startChatServer>},
    Verb{"files", QT_TRANSLATE_NOOP("app::cli::Serve", "File server (socketeer-files/1 or --classic), port 8880"),
         &serveOne<&startFilesServer>},
    Verb{"http", QT_TRANSLATE_NOOP("app::cli::Serve", "HTTP capture server (echo, or --root DIR static files), port 8000"),
         &serveOne<&startHttpServer>},
    // Not a classroom default: `socketeer serve` without a name does not start it (kStarts ends before it).
    Verb{"tcp", QT_TRANSLATE_NOOP("app::cli::Serve", "Raw TCP server (echo, show, or reply), port 8007"),
         &serveOne<&startTcpServer>},
    // The course's first exercise by its own name: the TCP server in its default mode, echo.
    Verb{"echo", QT_TRANSLATE_NOOP("app::cli::Serve", "TCP echo server, port 8007 (the same as 'serve tcp')"),
         &serveOne<&startTcpServer>},
};
constexpr std::array<StartServer, 3> kStarts{&startChatServer, &startFilesServer, &startHttpServer};
// The limit flags each server `socketeer serve` starts takes (same order; app/cli/limitoptions.h).
constexpr std::array<LimitFlags, kStarts.size()> kServerLimits{
    kCommonLimitFlags | LimitFlag::HelloTimeout, kCommonLimitFlags | LimitFlag::HelloTimeout,
    kCommonLimitFlags | LimitFlag::MemoryBudget};

// `socketeer serve [limit flags]`: every server with its defaults; each limit flag goes to every server that takes it.
int serveAll(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.addOptions(limitOptions(kAllLimitFlags));
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    if (const std::optional<int> code = expectPositionals(parser, command, 0, 0))
        return *code;
    // Checked once here, so a bad value is reported under the command that was typed.
    netcore::common::ServerLimits checked;
    QString option;
    QString error;
    if (!applyLimitOptions(parser, kAllLimitFlags, &checked, &option, &error))
        return usageError(command, option, error);
    err() << Serve::tr("Starting every classroom server with its defaults ('socketeer serve --help' lists them).") << '\n';
    err().flush();
    GracefulShutdown shutdown;
    QObject owner;
    for (std::size_t i = 0; i < kStarts.size(); ++i) {
        const QStringList serverArguments = QStringList{command + u' ' + QLatin1StringView(kServers.at(i).name)}
                                            + limitArguments(parser, kServerLimits.at(i));
        if (const std::optional<int> code = kStarts.at(i)(serverArguments, &owner))
            return *code;
    }
    return runUntilSignalled(owner, shutdown);
}

// The limit flags' help, for 'socketeer serve --help' (QCommandLineParser's option lines, without its usage line).
QString serveAllOptionsHelp()
{
    QCommandLineParser parser;
    parser.addOptions(limitOptions(kAllLimitFlags));
    const QString text = parser.helpText();
    const qsizetype blank = text.indexOf("\n\n"_L1);
    return blank < 0 ? text : text.sliced(blank + 2).trimmed();
}

} // namespace

int runServe(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (arguments.size() < 2 || (first.startsWith(u'-') && !isHelpRequest(first)))
        return serveAll(arguments);
    return dispatch(arguments, VerbTable{"app::cli::Serve", kServers, Serve::tr("Usage: socketeer serve [SERVER] [options]"),
                                         Serve::tr("Without SERVER, every classroom server starts with its defaults; the limit "
                                                   "flags below then go to every server that has them. SIGINT, SIGTERM and "
                                                   "SIGHUP stop the servers cleanly (exit status 0)."),
                                         Serve::tr("Servers:"),
                                         Serve::tr("'socketeer serve SERVER --help' shows a server's options.") + u"\n\n"_s
                                             + serveAllOptionsHelp()});
}

} // namespace app::cli

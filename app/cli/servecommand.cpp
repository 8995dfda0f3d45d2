#include "app/cli/servecommand.h"

#include "app/cli/chatserve.h"
#include "app/cli/cli.h"
#include "app/cli/filesserve.h"
#include "app/cli/help.h"
#include "app/cli/httpserve.h"
#include "app/cli/output.h"

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

// `socketeer serve NAME ...`: one server until the process is stopped.
template<StartServer start>
int serveOne(const QStringList &arguments)
{
    QObject owner;
    if (const std::optional<int> code = start(arguments, &owner))
        return *code;
    return QCoreApplication::exec();
}

// Every classroom server: the dispatch table, and (same order) the start functions `socketeer serve` runs them all with.
constexpr std::array kServers{
    Verb{"chat", QT_TRANSLATE_NOOP("app::cli::Serve", "Chat room: native TCP and the course's classic UDP, port 8888"),
         &serveOne<&startChatServer>},
    Verb{"files", QT_TRANSLATE_NOOP("app::cli::Serve", "File server (socketeer-files/1 or --classic), port 8880"),
         &serveOne<&startFilesServer>},
    Verb{"http", QT_TRANSLATE_NOOP("app::cli::Serve", "HTTP capture server (echo, or --root DIR static files), port 8000"),
         &serveOne<&startHttpServer>},
};
constexpr std::array<StartServer, kServers.size()> kStarts{&startChatServer, &startFilesServer, &startHttpServer};

int serveAll(const QString &command)
{
    err() << Serve::tr("Starting every classroom server with its defaults ('socketeer serve --help' lists them).") << '\n';
    err().flush();
    QObject owner;
    for (std::size_t i = 0; i < kServers.size(); ++i) {
        const QStringList defaults{command + u' ' + QLatin1StringView(kServers.at(i).name)};
        if (const std::optional<int> code = kStarts.at(i)(defaults, &owner))
            return *code;
    }
    return QCoreApplication::exec();
}

} // namespace

int runServe(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return serveAll(arguments.constFirst());
    return dispatch(arguments, VerbTable{"app::cli::Serve", kServers, Serve::tr("Usage: socketeer serve [SERVER] [options]"),
                                         Serve::tr("Without SERVER, every classroom server starts with its defaults."),
                                         Serve::tr("Servers:"),
                                         Serve::tr("'socketeer serve SERVER --help' shows a server's options.")});
}

} // namespace app::cli

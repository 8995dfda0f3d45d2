#include "app/cli/servecommand.h"

#include "app/cli/chatserve.h"
#include "app/cli/cli.h"
#include "app/cli/filesserve.h"
#include "app/cli/httpserve.h"
#include "app/cli/output.h"

#include <QCoreApplication>

#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Serve.
struct Serve
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Serve)
};

// A server that `socketeer serve` can run. `start` parses its own options (arguments[0] = "socketeer serve NAME"),
// creates the server as a child of `owner`, starts listening and logging to stdout, and returns at once:
// std::nullopt when it is serving, otherwise the exit code to stop with (usage error, cannot bind, ...).
struct Server {
    const char *name;
    const char *summary;
    std::optional<int> (*start)(const QStringList &arguments, QObject *owner);
};

// Later capabilities (chat, files, http) add their server here.
const std::vector<Server> &servers()
{
    static const std::vector<Server> list{
        Server{"chat", QT_TRANSLATE_NOOP("app::cli::Serve", "Chat room: native TCP and the course's classic UDP, port 8888"),
               &startChatServer},
        Server{"files", QT_TRANSLATE_NOOP("app::cli::Serve", "File server (socketeer-files/1 or --classic), port 8880"),
               &startFilesServer},
        Server{"http", QT_TRANSLATE_NOOP("app::cli::Serve", "HTTP capture server (echo, or --root DIR static files), port 8000"),
               &startHttpServer},
    };
    return list;
}

} // namespace

int runServe(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    const QString name = arguments.value(1);
    if (name == "-h"_L1 || name == "--help"_L1) {
        out() << Serve::tr("Usage: socketeer serve [SERVER] [options]") << '\n'
              << Serve::tr("Without SERVER, every classroom server starts with its defaults.") << "\n\n"
              << Serve::tr("Servers:") << '\n';
        for (const Server &server : servers())
            out() << "  " << QString::fromLatin1(server.name).leftJustified(8) << Serve::tr(server.summary) << '\n';
        out().flush();
        return ExitOk;
    }
    if (servers().empty())
        return failure(command, Serve::tr("this build has no servers to run yet"), ExitFailure);
    if (name.isEmpty()) {
        err() << Serve::tr("Starting every classroom server with its defaults ('socketeer serve --help' lists them).") << '\n';
        err().flush();
        QObject owner;
        for (const Server &server : servers()) {
            const QStringList defaults{command + u' ' + QLatin1StringView(server.name)};
            if (const std::optional<int> code = server.start(defaults, &owner))
                return *code;
        }
        return QCoreApplication::exec();
    }
    for (const Server &server : servers()) {
        if (name == QLatin1StringView(server.name)) {
            QStringList rest = arguments.mid(2);
            rest.prepend(command + u' ' + name);
            QObject owner;
            if (const std::optional<int> code = server.start(rest, &owner))
                return *code;
            return QCoreApplication::exec();
        }
    }
    return usageError(command, Serve::tr("unknown server '%1'").arg(name));
}

} // namespace app::cli

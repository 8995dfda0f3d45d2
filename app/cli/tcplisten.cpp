// `socketeer tcp listen PORT [--bind ADDR] [--echo | --reply TEXT | --show] [--unix PATH]`: the TCP tab's server on
// the command line, like `nc -l` but for many clients: each client's connect and close and each read (with its
// size) on stdout, bounded by the shared limit flags, stopped cleanly by SIGINT/SIGTERM/SIGHUP.
#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/limitoptions.h"
#include "app/cli/output.h"
#include "app/cli/serveoptions.h"
#include "app/cli/signals.h"
#include "app/cli/tcpcommand.h"
#include "app/cli/tcpserveroptions.h"

#include "netcore/common/transcript.h"
#include "netcore/tcp/tcpserver.h"
#include "presentation/tcp/tcptext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::TcpListen.
struct TcpListen
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::TcpListen)
};

} // namespace

int runTcpListen(const QStringList &arguments)
{
    using netcore::tcp::ServerMode;
    using netcore::tcp::TcpServer;
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(TcpListen::tr(
        "Listens for TCP clients (or on a Unix socket with --unix PATH, then without PORT) and prints each client's "
        "connect and close and every read as 'tcp: #ID PEER read N: bytes' — one line per read, the boundaries TCP "
        "made. By default it only shows what arrives; --echo sends every read back, --reply TEXT answers every read. "
        "SIGINT, SIGTERM and SIGHUP stop it cleanly (exit status 0)."));
    parser.addPositionalArgument(u"PORT"_s, TcpListen::tr("TCP port (0 picks a free one)."));
    const QCommandLineOption bind = bindOption(ServeBind::Loopback);
    const TcpServerOptions serverOptions;
    parser.addOption(bind);
    parser.addOptions(serverOptions.options());
    netcore::common::Transcript transcript;
    transcript.setCapacity(1);   // the log is stdout
    GracefulShutdown shutdown;
    QObject owner;
    auto *server = new TcpServer(&transcript, &owner);
    constexpr LimitFlags kLimits = kCommonLimitFlags;
    parser.addOptions(limitOptions(kLimits, server->limits()));
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    const bool onUnix = parser.isSet(serverOptions.unixPath());
    if (const std::optional<int> code = expectPositionals(parser, command, onUnix ? 0 : 1, onUnix ? 0 : 1))
        return *code;
    QString error;
    std::optional<quint16> port;
    std::optional<QHostAddress> address;
    if (!onUnix) {
        port = parsePort(parser.positionalArguments().constFirst(), PortZero::Allowed, &error);
        if (!port)
            return usageError(command, u"PORT"_s, error);
        address = parseAddress(parser.value(bind), &error);
        if (!address)
            return usageError(command, u"--bind"_s, error);
    } else if (parser.isSet(bind)) {
        return usageError(command, u"--bind"_s, TcpListen::tr("not with --unix (a Unix socket has a path, no address)"));
    }
    QString modeName;
    if (const std::optional<int> code = serverOptions.apply(parser, ServerMode::Show, server, command, &modeName))
        return *code;
    if (const std::optional<int> code = applyLimitOptions(parser, kLimits, server, command))
        return *code;
    logTcpServer(server);
    if (onUnix) {
        if (!listenUnixAndSay(server, parser.value(serverOptions.unixPath()), command, modeName))
            return ExitFailure;
    } else {
        if (!server->start(*address, *port))
            return failure(command, presentation::tcp::errorText(server->error(), server->errorDetail()), ExitFailure);
        const QString endpoint = netcore::common::endpointString(server->serverAddress(), server->serverPort());
        printListening("tcp"_L1, {{"tcp"_L1, server->serverAddress(), server->serverPort()}},
                       TcpListen::tr("Listening on %1 (%2).").arg(endpoint, modeName));
    }
    shutdown.watch({server});
    return QCoreApplication::exec();
}

} // namespace app::cli

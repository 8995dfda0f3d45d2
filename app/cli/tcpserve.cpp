#include "app/cli/tcpserve.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"
#include "app/cli/serveoptions.h"
#include "app/cli/tcpserveroptions.h"

#include "netcore/common/transcript.h"
#include "netcore/tcp/tcpserver.h"
#include "presentation/tcp/tcptext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::TcpServe.
struct TcpServe
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::TcpServe)
};

} // namespace

std::optional<int> startTcpServer(const QStringList &arguments, QObject *owner)
{
    using netcore::tcp::ServerMode;
    using netcore::tcp::TcpServer;
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(TcpServe::tr(
        "Raw TCP server: no protocol. Every read from a client is logged as one line 'tcp: #ID PEER read N: bytes' "
        "(the boundaries TCP made). Modes: echo (default) sends every read back, show only logs, reply answers "
        "every read with --reply, or with the first --rule whose MATCH the read contains."));
    auto transcript = std::make_unique<netcore::common::Transcript>();
    transcript->setCapacity(1);   // the log is stdout; the engine's record is kept minimal
    auto server = std::make_unique<TcpServer>(transcript.get());
    ServeOptions serve(server.get(), {TcpServer::kDefaultPort, ServePorts::Tcp, ServeBind::Loopback}, kCommonLimitFlags);
    const TcpServerOptions serverOptions;
    parser.addOptions(serve.endpointOptions());
    parser.addOptions(serverOptions.options());
    if (const std::optional<int> code = serve.parse(parser, arguments))
        return code;
    QString modeName;
    if (const std::optional<int> code = serverOptions.apply(parser, ServerMode::Echo, server.get(), command, &modeName))
        return code;
    if (parser.isSet(serverOptions.unixPath())) {
        if (!listenUnixAndSay(server.get(), parser.value(serverOptions.unixPath()), command, modeName))
            return ExitFailure;
    } else if (!server->start(serve.address(), serve.port())) {
        return failure(command, presentation::tcp::errorText(server->error(), server->errorDetail()), ExitFailure);
    }
    server->setParent(owner);
    transcript->setParent(server.get());
    transcript.release();
    TcpServer *const running = server.release();
    logTcpServer(running);
    if (!running->isUnix()) {
        const QString endpoint = netcore::common::endpointString(running->serverAddress(), running->serverPort());
        printListening("tcp"_L1, {{"tcp"_L1, running->serverAddress(), running->serverPort()}},
                       TcpServe::tr("The TCP server listens on %1 (%2).").arg(endpoint, modeName));
    }
    return std::nullopt;
}

} // namespace app::cli

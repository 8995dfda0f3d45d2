#include "app/cli/tcpserve.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/limitoptions.h"
#include "app/cli/output.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "netcore/common/transcript.h"
#include "netcore/tcp/tcpserver.h"
#include "presentation/common/escapestext.h"
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

std::optional<QByteArray> escaped(const QString &text, QString *error)
{
    netcore::common::EscapeParseError escapeError;
    std::optional<QByteArray> bytes = netcore::common::parseEscapes(text, &escapeError);
    if (!bytes)
        *error = presentation::common::escapeErrorText(escapeError);
    return bytes;
}

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
    const QCommandLineOption port(u"port"_s, TcpServe::tr("TCP port (default %1; 0 picks a free one).").arg(TcpServer::kDefaultPort),
                                  TcpServe::tr("PORT"), QString::number(TcpServer::kDefaultPort));
    const QCommandLineOption bind(u"bind"_s, TcpServe::tr("Address to listen on (default 127.0.0.1; 0.0.0.0 for every address)."),
                                  TcpServe::tr("ADDR"), u"127.0.0.1"_s);
    const QCommandLineOption mode(u"mode"_s, TcpServe::tr("echo, show or reply (default echo)."), TcpServe::tr("MODE"),
                                  u"echo"_s);
    const QCommandLineOption reply(u"reply"_s, TcpServe::tr("With --mode reply: answer every read with this text (escapes: \\n \\xNN ...)."),
                                   TcpServe::tr("TEXT"));
    const QCommandLineOption rule(u"rule"_s, TcpServe::tr("With --mode reply: a read containing MATCH is answered with "
                                                          "REPLY (escapes allowed; the first matching rule wins; repeat)."),
                                  TcpServe::tr("MATCH=REPLY"));
    parser.addOptions({port, bind, mode, reply, rule});
    auto transcript = std::make_unique<netcore::common::Transcript>();
    transcript->setCapacity(1);   // the log is stdout; the engine's record is kept minimal
    auto server = std::make_unique<TcpServer>(transcript.get());
    constexpr LimitFlags kLimits = kCommonLimitFlags;
    parser.addOptions(limitOptions(kLimits, server->limits()));
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return code;
    if (const std::optional<int> code = expectPositionals(parser, command, 0, 0))
        return code;
    QString error;
    int exitCode = 0;
    const std::optional<ServeEndpoint> listen = serveEndpoint(parser, port, bind, QHostAddress::Any, command, &exitCode);
    if (!listen)
        return exitCode;
    const QString modeName = parser.value(mode);
    if (modeName == "echo"_L1) {
        server->setMode(ServerMode::Echo);
    } else if (modeName == "show"_L1) {
        server->setMode(ServerMode::Show);
    } else if (modeName == "reply"_L1) {
        if (parser.isSet(reply) == !parser.values(rule).isEmpty())
            return usageError(command, u"--mode"_s, TcpServe::tr("reply needs either --reply TEXT or one or more --rule MATCH=REPLY"));
        if (parser.isSet(reply)) {
            const std::optional<QByteArray> bytes = escaped(parser.value(reply), &error);
            if (!bytes)
                return usageError(command, u"--reply"_s, error);
            server->setMode(ServerMode::FixedReply);
            server->setFixedReply(*bytes);
        } else {
            QList<netcore::tcp::ReplyRule> rules;
            for (const QString &text : parser.values(rule)) {
                const qsizetype equals = text.indexOf(u'=');
                if (equals <= 0)
                    return usageError(command, u"--rule"_s, TcpServe::tr("write MATCH=REPLY, MATCH not empty"));
                const std::optional<QByteArray> match = escaped(text.left(equals), &error);
                const std::optional<QByteArray> answer = match ? escaped(text.sliced(equals + 1), &error) : std::nullopt;
                if (!match || !answer)
                    return usageError(command, u"--rule"_s, error);
                rules.append({*match, *answer});
            }
            server->setMode(ServerMode::Rules);
            server->setRules(rules);
        }
    } else {
        return usageError(command, u"--mode"_s, TcpServe::tr("echo, show or reply"));
    }
    if (server->mode() != ServerMode::FixedReply && server->mode() != ServerMode::Rules
        && (parser.isSet(reply) || parser.isSet(rule)))
        return usageError(command, parser.isSet(reply) ? u"--reply"_s : u"--rule"_s, TcpServe::tr("only with --mode reply"));
    netcore::common::ServerLimits limits = server->limits();
    QString option;
    if (!applyLimitOptions(parser, kLimits, &limits, &option, &error))
        return usageError(command, option, error);
    server->setLimits(limits);
    if (!server->start(listen->address, listen->port))
        return failure(command, presentation::tcp::errorText(server->error(), server->errorDetail()), ExitFailure);
    server->setParent(owner);
    transcript->setParent(server.get());
    transcript.release();
    TcpServer *const running = server.release();
    QObject::connect(running, &TcpServer::clientAdded, running, [](const netcore::common::ClientInfo &client) {
        out() << "tcp: #" << client.id << ' ' << client.peer << " connected\n";
        out().flush();
    });
    QObject::connect(running, &TcpServer::clientRemoved, running, [](quint64 id) {
        out() << "tcp: #" << id << " closed\n";
        out().flush();
    });
    QObject::connect(running, &TcpServer::received, running, [running](quint64 id, const QByteArray &bytes) {
        const std::optional<netcore::common::ClientInfo> client = running->client(id);
        out() << "tcp: #" << id << ' ' << (client ? client->peer : QString()) << " read " << bytes.size() << ": "
              << netcore::common::visibleText(bytes, netcore::common::LineMode::SingleLine, 200,
                                              netcore::common::Escaping::PythonBytes)
              << '\n';
        out().flush();
    });
    const QString endpoint = netcore::common::endpointString(running->serverAddress(), running->serverPort());
    printListening("tcp"_L1, {{"tcp"_L1, running->serverAddress(), running->serverPort()}},
                   TcpServe::tr("The TCP server listens on %1 (%2).").arg(endpoint, modeName));
    return std::nullopt;
}

} // namespace app::cli

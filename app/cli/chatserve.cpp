#include "app/cli/chatserve.h"

#include "app/cli/cli.h"
#include "app/cli/output.h"

#include "netcore/chat/chatserver.h"
#include "netcore/common/transcript.h"
#include "presentation/chat/chattext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::ChatServe.
struct ChatServe
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::ChatServe)
};

using netcore::chat::ChatServer;

// Machine-readable log lines: not translated.
void logJoin(const QString &name, const QString &peer, ChatServer::Transport transport)
{
    out() << "chat: join " << name << ' ' << peer << (transport == ChatServer::Transport::Tcp ? " tcp" : " udp") << '\n';
    out().flush();
}

void logLeave(const QString &name, netcore::chat::LeaveReason reason)
{
    out() << "chat: leave " << name << ' ' << netcore::chat::leaveReasonToken(reason) << '\n';
    out().flush();
}

// Operator lines from stdin: each complete line goes to the room as 管理员. EOF just stops reading.
void readOperatorLines(ChatServer *server)
{
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, server);
    auto *pending = new QByteArray;
    QObject::connect(notifier, &QObject::destroyed, notifier, [pending] { delete pending; });
    QObject::connect(notifier, &QSocketNotifier::activated, server, [server, notifier, pending] {
        char chunk[4096];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            notifier->setEnabled(false);
            return;
        }
        pending->append(chunk, n);
        for (qsizetype nl = pending->indexOf('\n'); nl >= 0; nl = pending->indexOf('\n')) {
            const QString line = QString::fromUtf8(pending->left(nl)).trimmed();
            pending->remove(0, nl + 1);
            if (!line.isEmpty()) {
                server->say(line);
                out() << "chat: say " << line << '\n';
                out().flush();
            }
        }
        if (pending->size() > netcore::chat::kMaxLineBytes)
            pending->clear();
    });
}

} // namespace

std::optional<int> startChatServer(const QStringList &arguments, QObject *owner)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ChatServe::tr("Run the chat room: native TCP clients (nc works) and the course's classic UDP clients share "
                      "one room on the same port number. Lines typed here go to the room from 管理员."));
    const QCommandLineOption port(u"port"_s, ChatServe::tr("TCP and UDP port (default %1; 0 picks a free one).").arg(netcore::chat::kDefaultPort),
                                  ChatServe::tr("PORT"), QString::number(netcore::chat::kDefaultPort));
    const QCommandLineOption bind(u"bind"_s, ChatServe::tr("Address to listen on (default: all)."), ChatServe::tr("ADDR"));
    const QCommandLineOption maxClients(u"max-clients"_s, ChatServe::tr("Most clients at once (default %1).").arg(netcore::chat::kDefaultMaxClients),
                                        ChatServe::tr("N"));
    const QCommandLineOption noClassic(u"no-classic"_s, ChatServe::tr("Do not serve the classic UDP protocol."));
    parser.addOptions({port, bind, maxClients, noClassic});
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return code;
    if (const std::optional<int> code = expectPositionals(parser, command, 0, 0))
        return code;

    netcore::chat::ServerOptions options;
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return usageError(command, ChatServe::tr("invalid port '%1'").arg(parser.value(port)));
    QHostAddress bindAddress(QHostAddress::Any);
    if (parser.isSet(bind) && !bindAddress.setAddress(parser.value(bind)))
        return usageError(command, ChatServe::tr("invalid address '%1'").arg(parser.value(bind)));
    auto *server = new ChatServer(owner);
    netcore::common::ServerLimits limits = server->limits();
    if (parser.isSet(maxClients)) {
        const int count = parser.value(maxClients).toInt(&ok);
        if (!ok || count < 1) {
            delete server;
            return usageError(command, ChatServe::tr("invalid client count '%1'").arg(parser.value(maxClients)));
        }
        limits.maxClients = count;
    }
    server->setLimits(limits);
    options.classicUdp = !parser.isSet(noClassic);
    server->setOptions(options);
    std::optional<ChatServer::Error> startError;
    QObject::connect(server, &ChatServer::errorOccurred, server, [&startError](ChatServer::Error error) { startError = error; });
    if (!server->start(bindAddress, quint16(portNumber))) {
        const QString reason = startError ? presentation::chat::errorText(*startError, server->errorDetail()) : QString();
        delete server;
        return failure(command, ChatServe::tr("cannot start the chat server: %1").arg(reason), ExitFailure);
    }
    QObject::connect(server, &ChatServer::userJoined, server, &logJoin);
    QObject::connect(server, &ChatServer::userLeft, server, &logLeave);
    out() << "chat: listening on " << netcore::common::endpointString(server->serverAddress(), server->serverPort())
          << " (port " << server->serverPort() << "), " << (options.classicUdp ? "TCP native + UDP classic" : "TCP native")
          << ", max " << limits.maxClients << " clients\n";
    out().flush();
    err() << (options.classicUdp
                  ? ChatServe::tr("Chat room listening on %1 port %2 (native TCP and classic UDP), at most %3 clients.")
                  : ChatServe::tr("Chat room listening on %1 port %2 (native TCP), at most %3 clients."))
                 .arg(server->serverAddress().toString())
                 .arg(server->serverPort())
                 .arg(limits.maxClients)
          << '\n';
    err().flush();
    readOperatorLines(server);
    return std::nullopt;
}

} // namespace app::cli

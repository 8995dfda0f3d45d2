#include "app/cli/chatserve.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"
#include "app/cli/serveoptions.h"

#include "netcore/chat/chatserver.h"
#include "netcore/common/transcript.h"
#include "presentation/chat/chattext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <unistd.h>

#include <memory>

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
    auto server = std::make_unique<ChatServer>();
    ServeOptions serve(server.get(), {netcore::chat::kDefaultPort, ServePorts::TcpAndUdp, ServeBind::Any},
                       kCommonLimitFlags | LimitFlag::HelloTimeout);
    const QCommandLineOption noClassic(u"no-classic"_s, ChatServe::tr("Do not serve the classic UDP protocol."));
    parser.addOptions(serve.endpointOptions());
    parser.addOption(noClassic);
    if (const std::optional<int> code = serve.parse(parser, arguments))
        return code;

    netcore::chat::ServerOptions options;
    options.classicUdp = !parser.isSet(noClassic);
    server->setOptions(options);
    std::optional<ChatServer::Error> startError;
    const QMetaObject::Connection watch = QObject::connect(server.get(), &ChatServer::errorOccurred, server.get(),
                                                           [&startError](ChatServer::Error e) { startError = e; });
    const bool started = server->start(serve.address(), serve.port());
    QObject::disconnect(watch);
    if (!started) {
        const QString reason = startError ? presentation::chat::errorText(*startError, server->errorDetail()) : QString();
        return failure(command, ChatServe::tr("cannot start the chat server: %1").arg(reason), ExitFailure);
    }
    server->setParent(owner);
    ChatServer *const running = server.release();
    QObject::connect(running, &ChatServer::userJoined, running, &logJoin);
    QObject::connect(running, &ChatServer::userLeft, running, &logLeave);
    QList<ListeningSocket> sockets{{"tcp"_L1, running->serverAddress(), running->serverPort()}};
    if (options.classicUdp)
        sockets.append({"udp"_L1, running->serverAddress(), running->serverPort()});
    const QString endpoint = netcore::common::endpointString(running->serverAddress(), running->serverPort());
    const int maxClients = running->limits().maxClients;
    printListening("chat"_L1, sockets,
                   options.classicUdp ? ChatServe::tr("The chat room is open on %1: native clients over TCP, the course's classic clients over UDP; at most %2 clients.")
                                            .arg(endpoint).arg(maxClients)
                                      : ChatServe::tr("The chat room is open on %1: native clients over TCP; at most %2 clients.")
                                            .arg(endpoint).arg(maxClients));
    readOperatorLines(running);
    return std::nullopt;
}

} // namespace app::cli

// `socketeer chat`: the Chat tab's engine (netcore::chat::ChatClient) on a terminal.
#include "app/cli/chatcommand.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"

#include "netcore/chat/chatclient.h"
#include "presentation/chat/chattext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <unistd.h>

using namespace Qt::StringLiterals;
using netcore::chat::ChatClient;
using netcore::chat::ChatEvent;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Chat.
struct Chat
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Chat)
};

int exitCodeFor(ChatClient::Error error)
{
    switch (error) {
    case ChatClient::Error::None: return ExitOk;
    case ChatClient::Error::NameInvalid: return ExitUsage;
    case ChatClient::Error::NameTaken:
    case ChatClient::Error::LoginRefused:
    case ChatClient::Error::ServerFull:
    case ChatClient::Error::ConnectionRefused:
    case ChatClient::Error::HostNotFound:
    case ChatClient::Error::NoAnswer: return ExitNotFound;
    default: return ExitFailure;
    }
}

void printEvent(const ChatEvent &e)
{
    const QString time = e.time.toString(u"HH:mm:ss"_s);
    QString text;
    switch (e.kind) {
    case ChatEvent::Kind::Message: text = u'<' + e.from + u"> "_s + e.text; break;
    case ChatEvent::Kind::Private: text = Chat::tr("(private) %1 -> %2: %3").arg(e.from, e.to, e.text); break;
    case ChatEvent::Kind::Join:
    case ChatEvent::Kind::Leave: text = u"* "_s + presentation::chat::roomEventText(e); break;
    case ChatEvent::Kind::System: text = Chat::tr("[server] %1").arg(e.text); break;
    case ChatEvent::Kind::Operator: text = Chat::tr("[operator] %1").arg(e.text); break;
    case ChatEvent::Kind::Notice: text = e.text; break;
    }
    out() << '[' << time << "] " << QString(text).replace(u'\n', u"\n           "_s) << '\n';
    out().flush();
}

// Reads stdin lines and feeds the client; remembers EOF so the session ends once everything is out.
class Session
{
public:
    Session(ChatClient *client, QSocketNotifier *notifier) : m_client(client), m_notifier(notifier) {}

    void onStdin()
    {
        char chunk[4096];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            m_notifier->setEnabled(false);
            if (!m_pending.isEmpty())
                m_lines.append(QString::fromUtf8(m_pending));
            m_pending.clear();
            m_eof = true;
        } else {
            m_pending.append(chunk, n);
            for (qsizetype nl = m_pending.indexOf('\n'); nl >= 0; nl = m_pending.indexOf('\n')) {
                m_lines.append(QString::fromUtf8(m_pending.left(nl)));
                m_pending.remove(0, nl + 1);
            }
        }
        flush();
    }

    // Sends what stdin gave once the client is in the room; ends the session after EOF or /quit.
    void flush()
    {
        if (m_client->state() != ChatClient::State::Joined)
            return;
        while (!m_lines.isEmpty() && m_client->state() == ChatClient::State::Joined)
            handle(m_lines.takeFirst());
        if (m_eof && m_client->state() == ChatClient::State::Joined)
            m_client->disconnectFromServer();
    }

private:
    void handle(QString line)
    {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            return;
        if (line == "/quit"_L1) {
            m_client->disconnectFromServer();
            return;
        }
        if (line == "/who"_L1) {
            m_client->requestUsers();
            out() << Chat::tr("In the room: %1").arg(m_client->users().join(u", "_s)) << '\n';
            out().flush();
            return;
        }
        ChatClient::SendResult result;
        if (line.startsWith("/to "_L1)) {
            const QString rest = line.mid(4).trimmed();
            const qsizetype space = rest.indexOf(u' ');
            result = m_client->sendPrivate(rest.left(space), space < 0 ? QString() : rest.mid(space + 1));
        } else {
            result = m_client->sendMessage(line);
        }
        if (result != ChatClient::SendResult::Sent) {
            err() << presentation::chat::sendResultText(result) << '\n';
            err().flush();
        }
    }

    ChatClient *m_client;
    QSocketNotifier *m_notifier;
    QByteArray m_pending;
    QStringList m_lines;
    bool m_eof = false;
};

} // namespace

int runChat(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Chat::tr("Join a chat room from the terminal. Lines you type go to everyone; /to NAME TEXT sends privately, "
                 "/who lists the room, /quit (or end of input) leaves."));
    const QCommandLineOption host(u"host"_s, Chat::tr("Server host (default 127.0.0.1)."), Chat::tr("HOST"), u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, Chat::tr("Server port (default %1).").arg(netcore::chat::kDefaultPort),
                                  Chat::tr("PORT"), QString::number(netcore::chat::kDefaultPort));
    const QCommandLineOption name(u"name"_s, Chat::tr("Your name in the room (required)."), Chat::tr("NAME"));
    const QCommandLineOption classic(u"classic"_s, Chat::tr("Speak the course's classic UDP protocol (L/C/Q)."));
    const QCommandLineOption quitWord(u"quit-with"_s, Chat::tr("Classic: leave with Q (2018/19 servers, default) or E (2020 servers)."),
                                      Chat::tr("LETTER"), u"Q"_s);
    parser.addOptions({host, port, name, classic, quitWord});
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    if (const std::optional<int> code = expectPositionals(parser, command, 0, 0))
        return *code;
    if (!parser.isSet(name))
        return usageError(command, Chat::tr("--name is required"));
    QString reason;
    const std::optional<quint16> portNumber = parsePort(parser.value(port), PortZero::Refused, &reason);
    if (!portNumber)
        return usageError(command, u"--port"_s, reason);
    const std::optional<QString> hostName = parseHost(parser.value(host), &reason);
    if (!hostName)
        return usageError(command, u"--host"_s, reason);
    const QString letter = parser.value(quitWord).toUpper();
    if (letter != "Q"_L1 && letter != "E"_L1)
        return usageError(command, Chat::tr("--quit-with takes Q or E"));
    ChatClient::Mode mode = ChatClient::Mode::Native;
    if (parser.isSet(classic))
        mode = letter == "E"_L1 ? ChatClient::Mode::Classic2020 : ChatClient::Mode::Classic;

    ChatClient client;
    QSocketNotifier notifier(STDIN_FILENO, QSocketNotifier::Read);
    Session session(&client, &notifier);
    int exitCode = ExitOk;
    QObject::connect(&notifier, &QSocketNotifier::activated, &client, [&session] { session.onStdin(); });
    QObject::connect(&client, &ChatClient::eventReceived, &client, &printEvent);
    QObject::connect(&client, &ChatClient::requestFailed, &client, [](const QString &code, const QString &text) {
        err() << presentation::chat::requestFailedText(code, text) << '\n';
        err().flush();
    });
    QObject::connect(&client, &ChatClient::errorOccurred, &client, [&](ChatClient::Error error) {
        exitCode = exitCodeFor(error);
        failure(command, presentation::chat::errorText(error, client.errorDetail(), client.name()), exitCode);
    });
    QObject::connect(&client, &ChatClient::stateChanged, &client, [&](ChatClient::State state) {
        if (state == ChatClient::State::Joined) {
            err() << Chat::tr("Joined %1:%2 as %3.").arg(client.host()).arg(client.port()).arg(client.name()) << '\n';
            err().flush();
            session.flush();
        } else if (state == ChatClient::State::Disconnected) {
            QCoreApplication::exit(exitCodeFor(client.error()));
        }
    });
    bool listed = false;
    QObject::connect(&client, &ChatClient::usersChanged, &client, [&listed](const QStringList &users) {
        if (listed || users.isEmpty())
            return;
        listed = true;   // the first list, right after joining; later changes show as join/leave lines
        err() << Chat::tr("In the room: %1").arg(users.join(u", "_s)) << '\n';
        err().flush();
    });
    client.connectToServer(*hostName, *portNumber, parser.value(name), mode);
    if (client.state() == ChatClient::State::Disconnected)
        return exitCode;   // refused before any network traffic (invalid name)
    return QCoreApplication::exec();
}

} // namespace app::cli

#include "app/cli/tcpserveroptions.h"

#include "app/cli/cli.h"
#include "app/cli/output.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "presentation/common/escapestext.h"
#include "presentation/tcp/tcptext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using netcore::tcp::ServerMode;
using netcore::tcp::TcpServer;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::TcpServe (the words `serve tcp` had).
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

TcpServerOptions::TcpServerOptions()
    : m_mode(u"mode"_s, TcpServe::tr("echo, show or reply (the same as --echo, --show, or --reply/--rule)."),
             TcpServe::tr("MODE"))
    , m_echo(u"echo"_s, TcpServe::tr("Send every read back."))
    , m_show(u"show"_s, TcpServe::tr("Only log what arrives; send nothing."))
    , m_reply(u"reply"_s, TcpServe::tr("Answer every read with this text (escapes: \\n \\xNN ...)."), TcpServe::tr("TEXT"))
    , m_rule(u"rule"_s, TcpServe::tr("A read containing MATCH is answered with REPLY (escapes allowed; the first "
                                     "matching rule wins; repeat). /PATTERN/=REPLY: a read matching the regular "
                                     "expression PATTERN."),
             TcpServe::tr("MATCH=REPLY"))
    , m_unix(u"unix"_s, TcpServe::tr("Listen on a Unix-domain socket at this path instead of a TCP port (a stale "
                                     "socket file nobody answers on is replaced; the file is removed on exit)."),
             TcpServe::tr("PATH"))
{
}

QList<QCommandLineOption> TcpServerOptions::options() const
{
    return {m_mode, m_echo, m_show, m_reply, m_rule, m_unix};
}

std::optional<int> TcpServerOptions::apply(const QCommandLineParser &parser, ServerMode defaultMode, TcpServer *server,
                                           const QString &command, QString *modeName) const
{
    const bool replies = parser.isSet(m_reply) || parser.isSet(m_rule);
    int choices = int(parser.isSet(m_echo)) + int(parser.isSet(m_show)) + int(replies);
    ServerMode mode = defaultMode;
    if (parser.isSet(m_mode)) {
        const QString name = parser.value(m_mode);
        if (name == "echo"_L1)
            mode = ServerMode::Echo;
        else if (name == "show"_L1)
            mode = ServerMode::Show;
        else if (name == "reply"_L1)
            mode = ServerMode::FixedReply;
        else
            return usageError(command, u"--mode"_s, TcpServe::tr("echo, show or reply"));
        if ((mode == ServerMode::FixedReply) != replies || (mode == ServerMode::Echo && parser.isSet(m_show))
            || (mode == ServerMode::Show && parser.isSet(m_echo)))
            return usageError(command, u"--mode"_s,
                              TcpServe::tr("reply needs --reply TEXT or --rule MATCH=REPLY, and they need reply"));
        choices = 1;
    }
    if (choices > 1)
        return usageError(command, TcpServe::tr("choose one of --echo, --show, --reply TEXT or --rule MATCH=REPLY"));
    if (parser.isSet(m_echo))
        mode = ServerMode::Echo;
    else if (parser.isSet(m_show))
        mode = ServerMode::Show;
    QString error;
    if (parser.isSet(m_reply) && parser.isSet(m_rule))
        return usageError(command, u"--reply"_s, TcpServe::tr("give either --reply TEXT or --rule MATCH=REPLY, not both"));
    if (parser.isSet(m_reply)) {
        const std::optional<QByteArray> bytes = escaped(parser.value(m_reply), &error);
        if (!bytes)
            return usageError(command, u"--reply"_s, error);
        mode = ServerMode::FixedReply;
        server->setFixedReply(*bytes);
    } else if (parser.isSet(m_rule)) {
        QList<netcore::tcp::ReplyRule> rules;
        for (const QString &text : parser.values(m_rule)) {
            // /PATTERN/=REPLY is a regular expression (its own escapes); MATCH=REPLY plain bytes with ours.
            if (text.startsWith(u'/')) {
                const qsizetype end = text.indexOf("/="_L1, 1);
                if (end <= 1)
                    return usageError(command, u"--rule"_s, TcpServe::tr("write /PATTERN/=REPLY, PATTERN not empty"));
                const QByteArray pattern = text.sliced(1, end - 1).toUtf8();
                if (const auto problem = netcore::tcp::checkRulePattern(pattern))
                    return usageError(command, u"--rule"_s, presentation::tcp::rulePatternText(*problem));
                const std::optional<QByteArray> answer = escaped(text.sliced(end + 2), &error);
                if (!answer)
                    return usageError(command, u"--rule"_s, error);
                rules.append({pattern, *answer, true});
                continue;
            }
            const qsizetype equals = text.indexOf(u'=');
            if (equals <= 0)
                return usageError(command, u"--rule"_s, TcpServe::tr("write MATCH=REPLY, MATCH not empty"));
            const std::optional<QByteArray> match = escaped(text.left(equals), &error);
            const std::optional<QByteArray> answer = match ? escaped(text.sliced(equals + 1), &error) : std::nullopt;
            if (!match || !answer)
                return usageError(command, u"--rule"_s, error);
            rules.append({*match, *answer});
        }
        mode = ServerMode::Rules;
        server->setRules(rules);
    }
    server->setMode(mode);
    *modeName = mode == ServerMode::Echo ? u"echo"_s : mode == ServerMode::Show ? u"show"_s : u"reply"_s;
    return std::nullopt;
}

bool listenUnixAndSay(TcpServer *server, const QString &path, const QString &command, const QString &modeName)
{
    if (!server->listenUnix(path)) {
        failure(command, presentation::tcp::errorText(server->error(), server->errorDetail()), ExitFailure);
        return false;
    }
    // The machine line first, as printListening() prints it for a TCP port.
    out() << "socketeer: listening tcp unix " << path << '\n';
    if (server->removedStaleSocket())
        out() << TcpServe::tr("Removed the stale socket file %1 (nobody answered on it).").arg(path) << '\n';
    out() << TcpServe::tr("The TCP server listens on the Unix socket %1 (%2).").arg(path, modeName) << '\n';
    out().flush();
    return true;
}

void logTcpServer(TcpServer *server)
{
    QObject::connect(server, &TcpServer::clientAdded, server, [](const netcore::common::ClientInfo &client) {
        out() << "tcp: #" << client.id << ' ' << client.peer << " connected\n";
        out().flush();
    });
    QObject::connect(server, &TcpServer::clientRemoved, server, [](quint64 id) {
        out() << "tcp: #" << id << " closed\n";
        out().flush();
    });
    QObject::connect(server, &TcpServer::received, server, [server](quint64 id, const QByteArray &bytes) {
        const std::optional<netcore::common::ClientInfo> client = server->client(id);
        out() << "tcp: #" << id << ' ' << (client ? client->peer : QString()) << " read " << bytes.size() << ": "
              << netcore::common::visibleText(bytes, netcore::common::LineMode::SingleLine, 200,
                                              netcore::common::Escaping::PythonBytes)
              << '\n';
        flushOutSoon();   // reads that arrive together are written together
    });
}

} // namespace app::cli

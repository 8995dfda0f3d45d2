#pragma once

#include "netcore/tcp/tcpserver.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

#include <optional>

// What `socketeer serve tcp` and `socketeer tcp listen` share: the options that choose what the raw TCP server does
// with a read (--mode, --echo, --show, --reply, --rule), --unix PATH, and the log of clients and reads on stdout.
//   --echo | --show | --reply TEXT | --rule MATCH=REPLY... (or --mode echo|show|reply): one choice; --reply and
//   --rule choose reply mode by themselves. Without a choice the verb's default applies (serve tcp: echo;
//   tcp listen: show).
namespace app::cli {

class TcpServerOptions final
{
public:
    TcpServerOptions();
    QList<QCommandLineOption> options() const;

    // Sets `server`'s mode, reply and rules from `parser`. nullopt when done (*modeName = "echo"/"show"/"reply"),
    // otherwise the exit code of the usage error it printed.
    std::optional<int> apply(const QCommandLineParser &parser, netcore::tcp::ServerMode defaultMode,
                             netcore::tcp::TcpServer *server, const QString &command, QString *modeName) const;

    const QCommandLineOption &unixPath() const { return m_unix; }

private:
    QCommandLineOption m_mode;
    QCommandLineOption m_echo;
    QCommandLineOption m_show;
    QCommandLineOption m_reply;
    QCommandLineOption m_rule;
    QCommandLineOption m_unix;
};

// Starts `server` on the Unix socket `path` and prints the listening lines ("socketeer: listening tcp unix PATH",
// then the sentence); false (the error printed) when it cannot.
bool listenUnixAndSay(netcore::tcp::TcpServer *server, const QString &path, const QString &command, const QString &modeName);

// Logs every client's connect and close and every read on stdout:
//   tcp: #ID PEER connected | tcp: #ID closed | tcp: #ID PEER read N: BYTES (as Python shows bytes, cut at 200)
void logTcpServer(netcore::tcp::TcpServer *server);

} // namespace app::cli

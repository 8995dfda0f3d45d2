#pragma once

#include "app/cli/limitoptions.h"

#include "netcore/common/server.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What every `socketeer serve` verb (chat, files, http, tcp) declares, parses and applies alike: --port with the
// server's default (0 picks a free one), --bind, and the limit flags (app/cli/limitoptions.h) with the server's own
// defaults. A verb reads as
//
//   auto server = std::make_unique<ChatServer>();
//   ServeOptions serve(server.get(), {kDefaultPort, ServePorts::TcpAndUdp, ServeBind::Any}, kLimits);
//   parser.addOptions(serve.endpointOptions());            // where the verb wants them in its help
//   parser.addOptions({...the verb's own options...});
//   if (const std::optional<int> code = serve.parse(parser, arguments))
//       return code;                                       // help printed, or a usage error
//   ...the verb's own options...
//   server->start(serve.address(), serve.port());
namespace app::cli {

// What --port's help names: the TCP port, or (chat) the TCP and UDP port.
enum class ServePorts { Tcp, TcpAndUdp };
// --bind's default: every address (chat, files), or 127.0.0.1 (http, tcp: a tool that answers anything stays local
// unless asked).
enum class ServeBind { Any, Loopback };

struct ServeEndpointSpec {
    quint16 defaultPort = 0;
    ServePorts ports = ServePorts::Tcp;
    ServeBind bind = ServeBind::Any;
};

// The --bind option with `bind`'s default and help (`serve http|tcp` and `tcp listen` share the loopback one).
QCommandLineOption bindOption(ServeBind bind);

class ServeOptions final
{
public:
    // `server` gives the limit flags' defaults and gets their values (it must outlive parse()).
    ServeOptions(netcore::common::Server *server, const ServeEndpointSpec &endpoint, LimitFlags limits);

    // --port and --bind, for the verb to add to its parser where its help lists them.
    QList<QCommandLineOption> endpointOptions() const { return {m_port, m_bind}; }

    // Adds the limit flags (they come last in the help), parses `arguments` (arguments[0] = the command), refuses
    // positional arguments, reads --port and --bind, and sets the server's limits from the limit flags. nullopt when
    // the verb may go on; otherwise the exit code (help printed: 0; a usage error printed: ExitUsage).
    std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments);

    // After parse(): where to listen (--bind unset and without a default: every address).
    const QHostAddress &address() const { return m_address; }
    quint16 port() const { return m_listenPort; }

private:
    netcore::common::Server *m_server;
    LimitFlags m_limits;
    QCommandLineOption m_port;
    QCommandLineOption m_bind;
    QHostAddress m_address{QHostAddress::Any};
    quint16 m_listenPort = 0;
};

} // namespace app::cli

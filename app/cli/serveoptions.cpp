#include "app/cli/serveoptions.h"

#include "app/cli/arguments.h"
#include "app/cli/output.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// The help texts are the words the verbs had, in the contexts they had them, so their translations stay:
// app::cli::TcpServe (`serve tcp`: the TCP port, the loopback --bind; as in tcpserveroptions.cpp) and
// app::cli::ChatServe (chat's TCP and UDP port, and the --bind of every address that chat and files share).
struct TcpServe
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::TcpServe)
};

struct ChatServe
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::ChatServe)
};

QCommandLineOption portOption(const ServeEndpointSpec &endpoint)
{
    const QString help = endpoint.ports == ServePorts::TcpAndUdp
                             ? ChatServe::tr("TCP and UDP port (default %1; 0 picks a free one).").arg(endpoint.defaultPort)
                             : TcpServe::tr("TCP port (default %1; 0 picks a free one).").arg(endpoint.defaultPort);
    return QCommandLineOption(u"port"_s, help, TcpServe::tr("PORT"), QString::number(endpoint.defaultPort));
}

} // namespace

QCommandLineOption bindOption(ServeBind bind)
{
    if (bind == ServeBind::Any)
        return QCommandLineOption(u"bind"_s, ChatServe::tr("Address to listen on (default: all)."), TcpServe::tr("ADDR"));
    return QCommandLineOption(u"bind"_s, TcpServe::tr("Address to listen on (default 127.0.0.1; 0.0.0.0 for every address)."),
                              TcpServe::tr("ADDR"), u"127.0.0.1"_s);
}

ServeOptions::ServeOptions(netcore::common::Server *server, const ServeEndpointSpec &endpoint, LimitFlags limits)
    : m_server(server)
    , m_limits(limits)
    , m_port(portOption(endpoint))
    , m_bind(bindOption(endpoint.bind))
{
}

std::optional<int> ServeOptions::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    parser.addOptions(limitOptions(m_limits, m_server->limits()));
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return code;
    if (const std::optional<int> code = expectPositionals(parser, command, 0, 0))
        return code;
    QString error;
    const std::optional<quint16> port = parsePort(parser.value(m_port), PortZero::Allowed, &error);
    if (!port)
        return usageError(command, u"--port"_s, error);
    m_listenPort = *port;
    if (parser.isSet(m_bind) || !m_bind.defaultValues().isEmpty()) {
        const std::optional<QHostAddress> address = parseAddress(parser.value(m_bind), &error);
        if (!address)
            return usageError(command, u"--bind"_s, error);
        m_address = *address;
    }
    return applyLimitOptions(parser, m_limits, m_server, command);
}

} // namespace app::cli

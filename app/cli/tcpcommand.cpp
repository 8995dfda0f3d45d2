#include "app/cli/tcpcommand.h"

#include "app/cli/help.h"
#include "app/cli/output.h"
#include "app/cli/tcpprobe.h"

#include <QCoreApplication>

#include <array>

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Tcp.
struct Tcp
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Tcp)
};

} // namespace

int runTcp(const QStringList &arguments)
{
    static constexpr std::array kVerbs{
        Verb{"connect", QT_TRANSLATE_NOOP("app::cli::Tcp", "Connect, send, and show every read with its size (and frames)"),
             &runTcpConnect},
        Verb{"listen", QT_TRANSLATE_NOOP("app::cli::Tcp", "Listen (TCP port or Unix socket), show every read, echo or reply"),
             &runTcpListen},
        Verb{"probe", QT_TRANSLATE_NOOP("app::cli::Tcp", "Connect N clients at once: is the server a loop server or concurrent?"),
             &runTcpProbe},
    };
    return dispatch(arguments, VerbTable{"app::cli::Tcp", kVerbs, Tcp::tr("Usage: socketeer tcp VERB [options]"), {},
                                         Tcp::tr("Verbs:"), Tcp::tr("'socketeer tcp VERB --help' shows a verb's options.")});
}

} // namespace app::cli

#include "app/cli/udpcommon.h"

#include "app/cli/cli.h"
#include "app/cli/output.h"

#include "netcore/udp/hostresolver.h"
#include "presentation/udp/udptext.h"

using namespace Qt::StringLiterals;

namespace app::cli {

QHostAddress resolveUdpHost(const QString &text, QString *error)
{
    netcore::udp::HostResolver resolver;
    const netcore::udp::HostResolution resolution = resolver.resolveAndWait(text);
    if (!resolution.ok())
        *error = presentation::udp::resolutionErrorText(resolution);
    return resolution.address;
}

} // namespace app::cli

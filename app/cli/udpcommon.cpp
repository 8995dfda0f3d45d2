#include "app/cli/udpcommon.h"

#include "app/cli/cli.h"
#include "app/cli/output.h"

#include "netcore/udp/hostresolver.h"
#include "presentation/udp/udptext.h"

using namespace Qt::StringLiterals;

namespace app::cli {

std::optional<int> parseUdpArguments(QCommandLineParser &parser, const QStringList &arguments, const QString &command)
{
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, Udp::tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(help)) {
        // QCommandLineParser's usage line names the executable's path; ours names the verb.
        QString text = parser.helpText();
        const qsizetype lineEnd = text.indexOf(u'\n');
        QString firstLine = text.first(lineEnd);
        const QString executable = QCoreApplication::arguments().value(0);
        if (!executable.isEmpty() && firstLine.contains(executable))
            firstLine.replace(firstLine.indexOf(executable), executable.size(), command);
        out() << firstLine << text.sliced(lineEnd);
        out().flush();
        return ExitOk;
    }
    return std::nullopt;
}

QHostAddress resolveUdpHost(const QString &text, QString *error)
{
    netcore::udp::HostResolver resolver;
    const netcore::udp::HostResolution resolution = resolver.resolveAndWait(text);
    if (!resolution.ok())
        *error = presentation::udp::resolutionErrorText(resolution);
    return resolution.address;
}

std::optional<quint16> parsePort(const QString &text, bool allowZero)
{
    bool ok = false;
    const uint port = text.toUInt(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowZero))
        return std::nullopt;
    return quint16(port);
}

} // namespace app::cli

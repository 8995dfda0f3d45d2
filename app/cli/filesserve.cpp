#include "app/cli/filesserve.h"

#include "app/cli/cli.h"
#include "app/cli/output.h"

#include "netcore/common/transcript.h"
#include "netcore/files/fileserver.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/protocol.h"
#include "presentation/files/filestext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::FilesServe.
struct FilesServe
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::FilesServe)
};

void logTransfer(const netcore::files::TransferRecord &record)
{
    // Machine-readable log lines (not translated) up to "ok"/"failed"; a failure's reason follows, translated.
    out() << "files: " << record.peer << (record.upload ? " PUT " : " GET ") << record.name << ' ' << record.bytes
          << " bytes " << (record.ok() ? u"ok"_s : u"failed: "_s + presentation::files::errorText(record.error, record.detail))
          << '\n';
    out().flush();
}

} // namespace

QString defaultFilesRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/Socketeer shared files"_s;
}

std::optional<qint64> parseByteSize(const QString &text)
{
    static const QList<std::pair<QChar, qint64>> units{{u'K', 1LL << 10}, {u'M', 1LL << 20}, {u'G', 1LL << 30},
                                                       {u'T', 1LL << 40}};
    QString digits = text.trimmed().toUpper();
    if (digits.endsWith(u'B'))
        digits.chop(1);
    qint64 factor = 1;
    for (const auto &[suffix, value] : units) {
        if (digits.endsWith(suffix)) {
            digits.chop(1);
            factor = value;
        }
    }
    bool ok = false;
    const qint64 number = digits.toLongLong(&ok);
    if (!ok || number < 0 || digits.startsWith(u'+') || number > std::numeric_limits<qint64>::max() / factor)
        return std::nullopt;
    return number * factor;
}

std::optional<int> startFilesServer(const QStringList &arguments, QObject *owner)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(FilesServe::tr("Serve one folder to file-transfer clients (socketeer-files/1, or the course's classic protocol)."));
    const QCommandLineOption root(u"root"_s, FilesServe::tr("Folder to share (default: %1, created on demand).").arg(defaultFilesRoot()),
                                  FilesServe::tr("DIR"));
    const QCommandLineOption port(u"port"_s, FilesServe::tr("TCP port (default %1; 0 picks a free one).").arg(netcore::files::kDefaultPort),
                                  FilesServe::tr("PORT"), QString::number(netcore::files::kDefaultPort));
    const QCommandLineOption bind(u"bind"_s, FilesServe::tr("Address to listen on (default: all)."), FilesServe::tr("ADDR"));
    const QCommandLineOption readOnly(u"read-only"_s, FilesServe::tr("Refuse every upload."));
    const QCommandLineOption overwrite(u"allow-overwrite"_s, FilesServe::tr("Let uploads replace existing files (off by default)."));
    const QCommandLineOption maxUpload(u"max-upload"_s, FilesServe::tr("Largest upload accepted, e.g. 100M or 2G (default: no limit)."),
                                       FilesServe::tr("SIZE"));
    const QCommandLineOption maxClients(u"max-clients"_s, FilesServe::tr("Most clients at once (default %1).").arg(netcore::files::kDefaultMaxClients),
                                        FilesServe::tr("N"));
    const QCommandLineOption classic(u"classic"_s, FilesServe::tr("Speak the course's classic protocol (L/G/P/Q and LIST/RETR/STOR/EXIT)."));
    parser.addOptions({root, port, bind, readOnly, overwrite, maxUpload, maxClients, classic});
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return code;
    if (const std::optional<int> code = expectPositionals(parser, command, 0, 0))
        return code;

    netcore::files::ServerOptions options;
    bool usingDefault = !parser.isSet(root);
    options.root = usingDefault ? defaultFilesRoot() : parser.value(root);
    if (usingDefault && !QDir().mkpath(options.root))
        return failure(command, FilesServe::tr("cannot create the shared folder %1").arg(options.root), ExitFailure);
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return usageError(command, FilesServe::tr("invalid port '%1'").arg(parser.value(port)));
    QHostAddress address = QHostAddress::Any;
    if (parser.isSet(bind) && !address.setAddress(parser.value(bind)))
        return usageError(command, FilesServe::tr("invalid address '%1'").arg(parser.value(bind)));
    if (parser.isSet(maxUpload)) {
        const std::optional<qint64> size = parseByteSize(parser.value(maxUpload));
        if (!size)
            return usageError(command, FilesServe::tr("invalid size '%1'").arg(parser.value(maxUpload)));
        options.maxUploadSize = *size;
    }
    auto *server = new netcore::files::FileServer(owner);
    if (parser.isSet(maxClients)) {
        const int count = parser.value(maxClients).toInt(&ok);
        if (!ok || count < 1) {
            delete server;
            return usageError(command, FilesServe::tr("invalid client count '%1'").arg(parser.value(maxClients)));
        }
        netcore::common::ServerLimits limits = server->limits();
        limits.maxClients = count;
        server->setLimits(limits);
    }
    options.readOnly = parser.isSet(readOnly);
    options.allowOverwrite = parser.isSet(overwrite);
    options.dialect = parser.isSet(classic) ? netcore::files::ServerDialect::Classic : netcore::files::ServerDialect::Native;

    server->setOptions(options);
    if (!server->start(address, quint16(portNumber))) {
        const QString why = presentation::files::errorText(server->error(), server->errorDetail());
        delete server;
        return failure(command, FilesServe::tr("cannot serve files: %1").arg(why), ExitFailure);
    }
    QObject::connect(server, &netcore::files::FileServer::transferFinished, server, &logTransfer);
    const QString shared = netcore::files::PathJail(options.root).root();
    out() << "files: listening on " << netcore::common::endpointString(server->serverAddress(), server->serverPort())
          << " (port " << server->serverPort() << "), sharing " << shared
          << (options.dialect == netcore::files::ServerDialect::Classic ? " (classic protocol)" : " (socketeer-files/1)")
          << (options.readOnly ? ", read-only" : "") << (options.allowOverwrite ? ", overwrite allowed" : "") << '\n';
    out().flush();
    // The same fact for people, translated (the line above is for scripts and stays as it is).
    err() << FilesServe::tr("Sharing %1 on %2.").arg(shared, netcore::common::endpointString(server->serverAddress(), server->serverPort()))
          << '\n';
    err().flush();
    if (usingDefault) {
        err() << FilesServe::tr("No --root given: sharing the default folder %1").arg(shared) << '\n';
        err().flush();
    }
    return std::nullopt;
}

} // namespace app::cli

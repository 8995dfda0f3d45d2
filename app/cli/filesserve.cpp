#include "app/cli/filesserve.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"
#include "app/cli/serveoptions.h"

#include "netcore/files/sharefolder.h"
#include "netcore/common/transcript.h"
#include "netcore/files/fileserver.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/protocol.h"
#include "presentation/files/filestext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>

#include <limits>
#include <memory>

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
    return netcore::files::defaultShareFolder();
}


std::optional<int> startFilesServer(const QStringList &arguments, QObject *owner)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(FilesServe::tr("Serve one folder to file-transfer clients (socketeer-files/1, or the course's classic protocol)."));
    const QCommandLineOption root(u"root"_s, FilesServe::tr("Folder to share (default: %1, created on demand).").arg(defaultFilesRoot()),
                                  FilesServe::tr("DIR"));
    const QCommandLineOption readOnly(u"read-only"_s, FilesServe::tr("Refuse every upload."));
    const QCommandLineOption overwrite(u"allow-overwrite"_s, FilesServe::tr("Let uploads replace existing files (off by default)."));
    const QCommandLineOption maxUpload(u"max-upload"_s, FilesServe::tr("Largest upload accepted, e.g. 100M or 2G (default: no limit)."),
                                       FilesServe::tr("SIZE"));
    const QCommandLineOption classic(u"classic"_s, FilesServe::tr("Speak the course's classic protocol (L/G/P/Q and LIST/RETR/STOR/EXIT)."));
    const QCommandLineOption partialQuota(u"partial-quota"_s,
                                          FilesServe::tr("Most bytes unfinished uploads may claim together (default %1; 0: no bound).")
                                              .arg(QLocale::c().formattedDataSize(netcore::files::kMaxPartialBytes)),
                                          FilesServe::tr("SIZE"));
    const QCommandLineOption minFree(u"min-free"_s,
                                     FilesServe::tr("Free space an upload must leave on the disk (default %1; 0: no check).")
                                         .arg(QLocale::c().formattedDataSize(netcore::files::kMinFreeBytes)),
                                     FilesServe::tr("SIZE"));
    const QCommandLineOption partialLifetime(
        u"partial-lifetime"_s,
        FilesServe::tr("Remove an unfinished upload nobody wrote to for this long, e.g. 12h (default %1 h; 0: keep).")
            .arg(std::chrono::duration_cast<std::chrono::hours>(netcore::files::kPartialLifetime).count()),
        FilesServe::tr("DURATION"));
    auto server = std::make_unique<netcore::files::FileServer>();
    ServeOptions serve(server.get(), {netcore::files::kDefaultPort, ServePorts::Tcp, ServeBind::Any},
                       kCommonLimitFlags | LimitFlag::HelloTimeout);
    parser.addOption(root);
    parser.addOptions(serve.endpointOptions());
    parser.addOptions({readOnly, overwrite, maxUpload, partialQuota, minFree, partialLifetime, classic});
    if (const std::optional<int> code = serve.parse(parser, arguments))
        return code;

    netcore::files::ServerOptions options;
    bool usingDefault = !parser.isSet(root);
    options.root = usingDefault ? defaultFilesRoot() : parser.value(root);
    if (usingDefault)
        netcore::files::migrateOldShareFolder();
    if (usingDefault && !QDir().mkpath(options.root))
        return failure(command, FilesServe::tr("cannot create the shared folder %1").arg(options.root), ExitFailure);
    QString error;
    if (parser.isSet(maxUpload)) {
        const std::optional<qint64> size = parseSize(parser.value(maxUpload), 0, std::numeric_limits<qint64>::max(), &error);
        if (!size)
            return usageError(command, u"--max-upload"_s, error);
        options.maxUploadSize = *size;
    }
    for (const auto &[option, field] : {std::pair{&partialQuota, &options.maxPartialBytes}, std::pair{&minFree, &options.minFreeBytes}}) {
        if (!parser.isSet(*option))
            continue;
        const std::optional<qint64> size = parseSize(parser.value(*option), 0, std::numeric_limits<qint64>::max(), &error);
        if (!size)
            return usageError(command, u"--"_s + option->names().constFirst(), error);
        *field = *size;
    }
    if (parser.isSet(partialLifetime)) {
        using namespace std::chrono_literals;
        const std::optional<Duration> lifetime =
            parseDuration(parser.value(partialLifetime), DurationUnit::Seconds, 0us, std::chrono::hours(24 * 365), &error);
        if (!lifetime)
            return usageError(command, u"--partial-lifetime"_s, error);
        options.partialLifetime = std::chrono::duration_cast<std::chrono::milliseconds>(*lifetime);
    }
    options.readOnly = parser.isSet(readOnly);
    options.allowOverwrite = parser.isSet(overwrite);
    options.dialect = parser.isSet(classic) ? netcore::files::ServerDialect::Classic : netcore::files::ServerDialect::Native;

    server->setOptions(options);
    if (!server->start(serve.address(), serve.port())) {
        const QString why = presentation::files::errorText(server->error(), server->errorDetail());
        return failure(command, FilesServe::tr("cannot serve files: %1").arg(why), ExitFailure);
    }
    server->setParent(owner);
    netcore::files::FileServer *const running = server.release();
    QObject::connect(running, &netcore::files::FileServer::transferFinished, running, &logTransfer);
    const QString shared = netcore::files::PathJail(options.root).root();
    const QString endpoint = netcore::common::endpointString(running->serverAddress(), running->serverPort());
    QString human = options.dialect == netcore::files::ServerDialect::Classic
                        ? FilesServe::tr("Sharing %1 on %2 with the course's classic protocol.").arg(shared, endpoint)
                        : FilesServe::tr("Sharing %1 on %2 with socketeer-files/1.").arg(shared, endpoint);
    if (options.readOnly)
        human += u' ' + FilesServe::tr("Uploads are refused (read-only).");
    if (options.allowOverwrite)
        human += u' ' + FilesServe::tr("Uploads may replace existing files.");
    printListening("files"_L1, {{"tcp"_L1, running->serverAddress(), running->serverPort()}}, human);
    if (usingDefault) {
        err() << FilesServe::tr("No --root given: sharing the default folder %1").arg(shared) << '\n';
        err().flush();
    }
    return std::nullopt;
}

} // namespace app::cli

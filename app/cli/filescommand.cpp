#include "app/cli/filescommand.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/filesprogress.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "netcore/files/protocol.h"
#include "netcore/files/transferclient.h"
#include "presentation/files/filestext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <memory>

using namespace Qt::StringLiterals;
using netcore::files::Error;
using netcore::files::TransferClient;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Files.
struct Files
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Files)
};

enum class Operation { List, Get, Put };

struct Job {
    QString command;
    Operation operation = Operation::List;
    QString host;
    quint16 port = netcore::files::kDefaultPort;
    QString remote;
    QString local;
    bool json = false;
    bool quiet = false;
    netcore::files::ClientDialect dialect = netcore::files::ClientDialect::Native;
};

// A refusal by the server (exit code 1) rather than a network, timeout, verification or disk failure (3).
bool isRefusal(Error error)
{
    return error == Error::Refused || (netcore::files::wireCodeOf(error) != 0 && error != Error::ChecksumMismatch);
}

QString describe(const TransferClient &client)
{
    const Error error = client.error();
    const QString text = presentation::files::errorText(error, client.errorDetail());
    if (isRefusal(error) && netcore::files::wireCodeOf(error) != 0)
        return Files::tr("%1 (code %2)").arg(text).arg(netcore::files::wireCodeOf(error));
    return text;
}

// Names only when the dialect does not say sizes (the classic protocols).
void printListing(const QList<netcore::files::RemoteFileInfo> &files, bool json)
{
    const bool namesOnly = std::all_of(files.cbegin(), files.cend(), [](const auto &file) { return file.size < 0; });
    if (json) {
        QJsonArray array;
        for (const auto &file : files) {
            if (namesOnly)
                array.append(file.name);
            else
                array.append(QJsonObject{{u"name"_s, file.name}, {u"size"_s, file.size},
                                         {u"mtime"_s, file.modified.toSecsSinceEpoch()}});
        }
        printJson(array);
        return;
    }
    for (const auto &file : files) {
        if (!namesOnly)
            out() << QString::number(file.size).rightJustified(14) << "  "
                  << file.modified.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) << "  ";
        out() << file.name << '\n';
    }
    out().flush();
}

void printFinished(const Job &job, const TransferClient &client, const QByteArray &sha, qint64 resumedFrom)
{
    if (resumedFrom > 0) {
        err() << Files::tr("Resumed at byte %1.").arg(resumedFrom) << '\n';
        err().flush();
    }
    out() << (job.operation == Operation::Get ? job.local : job.remote) << "  sha256:" << QString::fromLatin1(sha) << "  "
          << (client.verifies() ? Files::tr("verified") : Files::tr("not verified (the classic protocol carries no checksum)"))
          << '\n';
    out().flush();
    if (job.operation == Operation::Get && !client.endWasMarked()) {
        err() << Files::tr("No \"##\" end marker arrived: the download was ended by a quiet connection.") << '\n';
        err().flush();
    }
}

int run(const Job &job)
{
    std::unique_ptr<TransferClient> client(netcore::files::createClient(job.dialect));
    QEventLoop loop;
    ProgressPrinter progress(job.quiet);
    int code = ExitFailure;
    QString failureText;
    QObject::connect(client.get(), &TransferClient::connected, &loop, [&] {
        switch (job.operation) {
        case Operation::List:
            client->list();
            break;
        case Operation::Get:
            progress.start(job.remote, 0);
            client->download(job.remote, job.local);
            break;
        case Operation::Put:
            progress.start(job.local, 0);
            client->upload(job.local, job.remote);
            break;
        }
    });
    QObject::connect(client.get(), &TransferClient::listed, &loop, [&](const QList<netcore::files::RemoteFileInfo> &files) {
        printListing(files, job.json);
        code = ExitOk;
        client->quit();
    });
    QObject::connect(client.get(), &TransferClient::progress, &loop, [&](qint64 done, qint64 total) { progress.update(done, total); });
    QObject::connect(client.get(), &TransferClient::transferFinished, &loop, [&](const QByteArray &sha, qint64 resumedFrom) {
        progress.finish();
        printFinished(job, *client, sha, resumedFrom);
        code = ExitOk;
        client->quit();
    });
    QObject::connect(client.get(), &TransferClient::errorOccurred, &loop, [&](Error error) {
        failureText = describe(*client);
        code = isRefusal(error) ? ExitNotFound : ExitFailure;
        loop.quit();
    });
    QObject::connect(client.get(), &TransferClient::disconnected, &loop, &QEventLoop::quit);
    client->connectToServer(job.host, job.port);
    loop.exec();
    if (!failureText.isEmpty())
        return failure(job.command, failureText, code);
    return code;
}

// `socketeer files ls|get|put HOST[:PORT] ...`: one parser for the three verbs.
int runJob(const QStringList &arguments, Operation operation)
{
    Job job;
    job.command = arguments.constFirst();
    job.operation = operation;
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, Files::tr("Print the listing as JSON."));
    const QCommandLineOption overwrite(u"overwrite"_s, Files::tr("Replace LOCAL if it exists."));
    const QCommandLineOption quiet(u"quiet"_s, Files::tr("No progress on stderr."));
    const QCommandLineOption classic(u"classic"_s, Files::tr("Talk to a course server: 2018 (L/G/P/Q) or 2020 (LIST/RETR/STOR/EXIT)."),
                                     Files::tr("YEAR"));
    parser.addOptions({json, overwrite, quiet, classic});
    parser.addPositionalArgument(u"HOST[:PORT]"_s, Files::tr("The file server (default port %1; [::1]:%1 for IPv6).").arg(netcore::files::kDefaultPort));
    if (operation == Operation::Get) {
        parser.addPositionalArgument(u"REMOTE"_s, Files::tr("The file on the server."));
        parser.addPositionalArgument(u"LOCAL"_s, Files::tr("Where to save it (default: its name, here)."), u"[LOCAL]"_s);
    } else if (operation == Operation::Put) {
        parser.addPositionalArgument(u"LOCAL"_s, Files::tr("The file to upload."));
        parser.addPositionalArgument(u"REMOTE"_s, Files::tr("Its name on the server (default: the same name)."), u"[REMOTE]"_s);
    }
    if (const std::optional<int> code = parseArguments(parser, arguments, job.command))
        return *code;
    const QStringList positional = parser.positionalArguments();
    const qsizetype maxPositionals = operation == Operation::List ? 1 : 3;
    if (const std::optional<int> code = expectPositionals(parser, job.command, operation == Operation::List ? 1 : 2, maxPositionals))
        return *code;
    QString error;
    const std::optional<Endpoint> server = parseEndpoint(positional.at(0), netcore::files::kDefaultPort, &error);
    if (!server)
        return usageError(job.command, u"HOST[:PORT]"_s, error);
    job.host = server->host;
    job.port = server->port;
    if (parser.isSet(classic)) {
        const QString year = parser.value(classic);
        if (year == "2018"_L1 || year == "2019"_L1)
            job.dialect = netcore::files::ClientDialect::Classic2018;
        else if (year == "2020"_L1)
            job.dialect = netcore::files::ClientDialect::Classic2020;
        else
            return usageError(job.command, Files::tr("--classic takes 2018 or 2020, not '%1'").arg(year));
    }
    job.json = parser.isSet(json);
    job.quiet = parser.isSet(quiet);
    if (operation == Operation::Get) {
        job.remote = positional.at(1);
        job.local = positional.size() > 2 ? positional.at(2) : QFileInfo(job.remote).fileName();
        if (QFileInfo(job.local).isDir())
            job.local += u'/' + QFileInfo(job.remote).fileName();
        if (QFileInfo::exists(job.local) && !parser.isSet(overwrite))
            return failure(job.command, Files::tr("%1 exists; use --overwrite to replace it").arg(job.local), ExitNotFound);
    } else if (operation == Operation::Put) {
        job.local = positional.at(1);
        job.remote = positional.size() > 2 ? positional.at(2) : QFileInfo(job.local).fileName();
        if (!QFileInfo(job.local).isFile())
            return failure(job.command, Files::tr("%1 is not a readable file").arg(job.local), ExitNotFound);
    }
    return run(job);
}

int runList(const QStringList &arguments) { return runJob(arguments, Operation::List); }
int runGet(const QStringList &arguments) { return runJob(arguments, Operation::Get); }
int runPut(const QStringList &arguments) { return runJob(arguments, Operation::Put); }

constexpr std::array kVerbs{
    Verb{"ls", QT_TRANSLATE_NOOP("app::cli::Files", "List the server's files: socketeer files ls HOST[:PORT] [--json]"), &runList},
    Verb{"get", QT_TRANSLATE_NOOP("app::cli::Files", "Download: socketeer files get HOST[:PORT] REMOTE [LOCAL] [--overwrite]"), &runGet},
    Verb{"put", QT_TRANSLATE_NOOP("app::cli::Files", "Upload: socketeer files put HOST[:PORT] LOCAL [REMOTE]"), &runPut},
};

} // namespace

int runFiles(const QStringList &arguments)
{
    return dispatch(arguments,
                    VerbTable{"app::cli::Files", kVerbs, Files::tr("Usage: socketeer files VERB HOST[:PORT] [arguments] [options]"),
                              Files::tr("List, download and upload files on a Socketeer file server (default port %1).").arg(netcore::files::kDefaultPort)
                                  + u'\n' + Files::tr("Downloads and uploads are verified with SHA-256 and resume where an interrupted one stopped."),
                              Files::tr("Verbs:"),
                              Files::tr("Progress (percent, speed, time left) goes to stderr; --quiet hides it.") + u'\n'
                                  + Files::tr("--classic 2018|2020 talks to the course's Python file servers instead (no resume, no verification).") + u'\n'
                                  + Files::tr("'socketeer files VERB --help' shows a verb's options.") + u"\n\n"_s
                                  + Files::tr("Exit codes: 0 done, 1 refused by the server or the local file exists, 2 usage error, 3 network, timeout, verification or disk failure.")});
}

} // namespace app::cli

#include "app/cli/httpserve.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/httpcommand.h"
#include "app/cli/output.h"
#include "app/cli/serveoptions.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/transcript.h"
#include "netcore/http/captureserver.h"
#include "presentation/http/httptext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::HttpServe.
struct HttpServe
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::HttpServe)
};

// Bytes from the request as log text: every byte outside printable ASCII as \xNN (as Python prints bytes), so a
// header byte 0x9b never reaches the terminal as a C1 control character.
QString logBytes(const QByteArray &bytes, qsizetype maxBytes)
{
    return netcore::common::visibleText(bytes, netcore::common::LineMode::SingleLine, maxBytes,
                                        netcore::common::Escaping::PythonBytes);
}

// One machine-readable log line per request: "http: #conn.index peer METHOD target -> status (bytes)",
// then "error=KEY at byte N", one "finding=RULE at byte N" per checker finding, ua="...".
void logCapture(const netcore::http::CapturedRequest &captured)
{
    const netcore::http::HttpMessage &request = captured.request;
    out() << "http: #" << captured.connection << '.' << captured.indexOnConnection << ' ' << captured.peer << ' '
          << (request.method.isEmpty() ? u"-"_s : logBytes(request.method, 40)) << ' '
          << (request.target.isEmpty() ? u"-"_s : logBytes(request.target, 200)) << " -> "
          << captured.answeredStatus << " (" << request.raw().size() << " bytes in, " << captured.responseBytes
          << " bytes out)";
    if (!captured.ok())
        out() << " error=" << QString::fromLatin1(netcore::http::parseErrorKey(captured.error)) << " at byte "
              << captured.errorOffset;
    for (const netcore::http::RequestIssue &finding : captured.findings)
        out() << " finding=" << QString::fromLatin1(netcore::http::issueKey(finding.kind)) << " at byte " << finding.offset;
    const QByteArray agent = request.headerValue("User-Agent");
    if (!agent.isEmpty())
        out() << " ua=\"" << logBytes(agent, 120) << '"';
    out() << '\n';
}

} // namespace

std::optional<int> startHttpServer(const QStringList &arguments, QObject *owner)
{
    using namespace netcore::http;
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(HttpServe::tr(
        "Capture server: shows each request's exact bytes and answers it. Without --root it echoes the request back "
        "as text/plain (what the browser sent, in the browser); with --root it serves a folder like the course's "
        "httpserver v2."));
    auto server = std::make_unique<CaptureServer>();
    ServeOptions serve(server.get(), {CaptureServer::kDefaultPort, ServePorts::Tcp, ServeBind::Loopback},
                       kCommonLimitFlags | LimitFlag::MemoryBudget);
    const QCommandLineOption root(u"root"_s, HttpServe::tr("Serve this folder (index.html, 404, nothing outside it)."),
                                  HttpServe::tr("DIR"));
    const QCommandLineOption chunked(u"chunked"_s, HttpServe::tr("Send bodies with Transfer-Encoding: chunked."));
    const QCommandLineOption gzip(u"gzip"_s, HttpServe::tr("Compress bodies with Content-Encoding: gzip."));
    const QCommandLineOption drip(u"drip"_s, HttpServe::tr("Slow drip: send N bytes every 100 ms."), HttpServe::tr("N"));
    const QCommandLineOption dump(u"dump"_s, HttpServe::tr("Also print each request's exact bytes."));
    const QCommandLineOption strict(u"strict"_s, HttpServe::tr("Answer 400 to a request the HTTP rules call malformed "
                                                               "although it can be read (the default with --root); "
                                                               "otherwise it is answered and flagged."));
    const QCommandLineOption noStrict(u"no-strict"_s, HttpServe::tr("Answer such requests and flag them (the default "
                                                                    "without --root)."));
    const QCommandLineOption showHidden(u"show-hidden"_s, HttpServe::tr("With --root, also serve names starting with "
                                                                        "\".\" (hidden by default: 404)."));
    parser.addOptions(serve.endpointOptions());
    parser.addOptions({root, chunked, gzip, drip, dump, strict, noStrict, showHidden});
    if (const std::optional<int> code = serve.parse(parser, arguments))
        return code;
    ResponseSpec spec;
    if (parser.isSet(root)) {
        const QFileInfo info(parser.value(root));
        if (!info.isDir())
            return failure(command, HttpServe::tr("%1 is not a folder").arg(parser.value(root)), ExitFailure);
        spec.mode = AnswerMode::StaticFiles;
        spec.root = info.absoluteFilePath();
    }
    if (parser.isSet(strict) && parser.isSet(noStrict))
        return usageError(command, u"--no-strict"_s, HttpServe::tr("--strict and --no-strict exclude each other"));
    spec.strict = parser.isSet(strict) || (parser.isSet(root) && !parser.isSet(noStrict));
    spec.showHidden = parser.isSet(showHidden);
    spec.chunked = parser.isSet(chunked);
    spec.gzip = parser.isSet(gzip);
    if (parser.isSet(drip)) {
        QString error;
        const std::optional<qint64> dripBytes = parseSize(parser.value(drip), 1, std::numeric_limits<int>::max(), &error);
        if (!dripBytes)
            return usageError(command, u"--drip"_s, error);
        spec.dripBytes = *dripBytes;
    }
    server->setResponse(spec);
    if (!server->start(serve.address(), serve.port()))
        return failure(command, presentation::http::errorText(server->error(), server->errorDetail()), ExitFailure);
    server->setParent(owner);
    CaptureServer *const running = server.release();
    // One line per request; flushed once per turn of the event loop, not once per line (a write per request
    // costs more than the request itself under load).
    auto flushPending = std::make_shared<bool>(false);
    QObject::connect(running, &CaptureServer::requestCaptured, running, [running, flushPending](const CapturedRequest &captured) {
        logCapture(captured);
        if (!*flushPending) {
            *flushPending = true;
            QTimer::singleShot(0, running, [flushPending] {
                out().flush();
                *flushPending = false;
            });
        }
    });
    if (parser.isSet(dump)) {
        QObject::connect(running, &CaptureServer::requestCaptured, running, [](const CapturedRequest &captured) {
            out() << wireLines(captured.request.raw(), u"| "_s);
            out().flush();
        });
    }
    const QString endpoint = netcore::common::endpointString(running->serverAddress(), running->serverPort());
    printListening("http"_L1, {{"tcp"_L1, running->serverAddress(), running->serverPort()}},
                   spec.mode == AnswerMode::StaticFiles
                       ? HttpServe::tr("The capture server listens on %1 and serves the files in %2.").arg(endpoint, QDir::cleanPath(spec.root))
                       : HttpServe::tr("The capture server listens on %1 and echoes every request back.").arg(endpoint));
    return std::nullopt;
}

} // namespace app::cli

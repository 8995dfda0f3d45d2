#include "app/cli/httpcommand.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/help.h"
#include "app/cli/output.h"

#include "netcore/http/httpclient.h"
#include "presentation/http/httpexplain.h"
#include "netcore/http/requestchecker.h"
#include "presentation/http/wiretext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>

#include <array>

using namespace Qt::StringLiterals;
using namespace netcore::http;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Http.
struct Http
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Http)
};

using presentation::http::HttpExplain;

constexpr Duration kMaxTimeout = std::chrono::hours(1);
constexpr qint64 kMaxRepeat = 1'000'000;

QString ms(qint64 us)
{
    return us < 0 ? u"-"_s : QString::number(double(us) / 1000.0, 'f', 2);
}

void printTls(const TlsInfo &tls)
{
    QTextStream &o = out();
    if (!tls.protocol.isEmpty())
        o << "* " << Http::tr("TLS: %1, cipher %2 (%3 bits)").arg(tls.protocol, tls.cipher).arg(tls.cipherBits) << '\n';
    for (qsizetype i = 0; i < tls.chain.size(); ++i) {
        const CertificateInfo &c = tls.chain.at(i);
        o << "*   " << Http::tr("certificate %1: %2").arg(i).arg(c.subject) << '\n'
          << "*     " << Http::tr("issued by %1").arg(c.issuer) << '\n'
          << "*     " << Http::tr("valid from %1 to %2").arg(c.notBefore.toString(Qt::ISODate), c.notAfter.toString(Qt::ISODate))
          << '\n';
    }
    for (const TlsErrorInfo &error : tls.errors) {
        o << "*   ! " << HttpExplain::tlsError(error) << " [" << QString::fromLatin1(tlsErrorKey(error.code)) << ']'
          << (tls.errorsIgnored ? Http::tr(" (continuing: --insecure)") : QString()) << '\n';
    }
}

void printHop(const Hop &hop, int index, int count)
{
    QTextStream &o = out();
    if (count > 1)
        o << "* " << Http::tr("hop %1 of %2: %3").arg(index + 1).arg(count).arg(hop.url.toString()) << '\n';
    if (!hop.peer.isEmpty()) {
        o << "* " << (hop.reusedConnection ? Http::tr("reusing connection #%1 to %2 (keep-alive)")
                                           : Http::tr("connection #%1 to %2 from %3"))
                         .arg(hop.connectionNumber).arg(hop.peer, hop.local)
          << '\n';
    }
    if (hop.tls.used)
        printTls(hop.tls);
    if (hop.elapsedUs(TimingPhase::RequestSent) >= 0 || hop.elapsedUs(TimingPhase::FirstByte) >= 0)
        o << wireLines(hop.requestBytes, u"> "_s);
    for (const HttpMessage &interim : hop.interim)
        o << wireLines(interim.raw(), u"< "_s);
    if (!hop.response.headBytes.isEmpty()) {
        o << wireLines(hop.response.headBytes, u"< "_s);
        o << "* " << HttpExplain::statusMeaning(hop.response.statusCode) << '\n';
        const HttpMessage &r = hop.response;
        QString steps = Http::tr("body: %1 bytes on the wire (%2)").arg(r.wireBody.size()).arg(HttpExplain::framing(r.framing));
        if (r.framing == BodyFraming::Chunked)
            steps += Http::tr(" -> %1 bytes de-chunked from %2 chunk(s)").arg(r.body.size()).arg(r.chunkCount);
        if (hop.decoded.coding != Coding::Identity)
            steps += Http::tr(" -> %1 bytes after %2").arg(hop.decoded.bytes.size()).arg(QString::fromLatin1(hop.decoded.codingName));
        o << "* " << steps << '\n';
        if (hop.decoded.error != DecodeError::None)
            o << "* ! " << Http::tr("the body could not be decoded: %1").arg(QString::fromLatin1(decodeErrorKey(hop.decoded.error))) << '\n';
    }
    QStringList timing;
    for (TimingPhase phase : {TimingPhase::DnsDone, TimingPhase::Connected, TimingPhase::TlsDone, TimingPhase::RequestSent,
                              TimingPhase::FirstByte, TimingPhase::Done}) {
        if (hop.elapsedUs(phase) >= 0)
            timing << HttpExplain::timingPhase(phase) + u' ' + ms(hop.elapsedUs(phase));
    }
    int reads = 0;
    for (const TimingMark &mark : hop.timing)
        reads += mark.phase == TimingPhase::Read ? 1 : 0;
    o << "* " << Http::tr("timing (ms since start): %1; %n read(s)", nullptr, reads).arg(timing.join(u", "_s)) << '\n';
    if (!hop.ok())
        o << "* ! " << HttpExplain::exchangeError(hop) << '\n';
    o.flush();
}

int exitCodeFor(const Hop &hop)
{
    switch (hop.error) {
    case ExchangeError::None: return ExitOk;
    case ExchangeError::HostNotFound:
    case ExchangeError::ConnectFailed: return ExitNotFound;
    case ExchangeError::InvalidUrl: return ExitUsage;
    default: return ExitFailure;
    }
}

std::optional<QByteArray> readFile(const QString &command, const QString &path, int &code)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        code = failure(command, Http::tr("cannot read %1: %2").arg(path, file.errorString()), ExitFailure);
        return std::nullopt;
    }
    return file.readAll();
}

// `--repeat N`: the same exchange N times over the kept-alive connection, then one summary line.
int runRepeated(HttpClient &client, QEventLoop &loop, const RequestSpec &spec, const ClientOptions &options, int count)
{
    QElapsedTimer clock;
    clock.start();
    int failed = 0;
    int connections = 0;
    qint64 bytes = 0;
    for (int i = 0; i < count; ++i) {
        client.send(spec, options);
        if (client.isBusy())
            loop.exec();
        const Hop &hop = client.lastHop();
        failed += hop.ok() ? 0 : 1;
        connections += hop.reusedConnection ? 0 : 1;
        bytes += hop.receivedBytes.size();
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    out() << Http::tr("%1 requests in %2 s (%3 per second, %4 ms each), %5 connection(s), %6 bytes received, %7 failed")
                 .arg(count).arg(seconds, 0, 'f', 3).arg(double(count) / seconds, 0, 'f', 0)
                 .arg(seconds * 1000.0 / count, 0, 'f', 3).arg(connections).arg(bytes).arg(failed)
          << '\n';
    out().flush();
    return failed == 0 ? ExitOk : ExitFailure;
}

int runSend(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(Http::tr("Send one HTTP request and print the exact bytes both ways, the TLS details "
                                              "and the timing. The decoded body goes last (or to --output)."));
    parser.addPositionalArgument(u"URL"_s, Http::tr("http:// or https:// URL"));
    const QCommandLineOption method(u"X"_s, Http::tr("Method (default GET, or POST with a body)."), Http::tr("METHOD"));
    const QCommandLineOption header(u"H"_s, Http::tr("Add a header 'Name: value'; 'Name:' removes an automatic one."), Http::tr("HEADER"));
    const QCommandLineOption data(QStringList{u"d"_s, u"data"_s}, Http::tr("Request body."), Http::tr("DATA"));
    const QCommandLineOption dataFile(u"data-file"_s, Http::tr("Request body from a file."), Http::tr("FILE"));
    const QCommandLineOption raw(u"raw"_s, Http::tr("Send this file's bytes exactly as they are (URL gives host and port)."), Http::tr("FILE"));
    const QCommandLineOption insecure(QStringList{u"k"_s, u"insecure"_s}, Http::tr("Continue despite TLS certificate errors (they are still shown)."));
    const QCommandLineOption follow(QStringList{u"L"_s, u"location"_s}, Http::tr("Follow redirects, showing every hop."));
    const QCommandLineOption http10(u"http1.0"_s, Http::tr("Send HTTP/1.0 instead of HTTP/1.1."));
    const QCommandLineOption timeout(u"timeout"_s, Http::tr("How long to wait for each response (default 30s; a bare number is seconds)."),
                                     u"DURATION"_s, u"30"_s);
    const QCommandLineOption output(QStringList{u"o"_s, u"output"_s}, Http::tr("Write the decoded body to FILE."), Http::tr("FILE"));
    const QCommandLineOption repeat(u"repeat"_s, Http::tr("Send the request N times in a row (keep-alive reused) and print only a summary."),
                                    Http::tr("N"));
    parser.addOptions({method, header, data, dataFile, raw, insecure, follow, http10, timeout, output, repeat});
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    if (const std::optional<int> code = expectPositionals(parser, command, 1, 1))
        return *code;
    const QUrl url = QUrl::fromUserInput(parser.positionalArguments().constFirst());
    if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1))
        return usageError(command, Http::tr("not an http:// or https:// URL: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(data) && parser.isSet(dataFile))
        return usageError(command, Http::tr("use -d or --data-file, not both"));
    QString error;
    const std::optional<Duration> timeoutAfter = parseDuration(parser.value(timeout), DurationUnit::Seconds, std::chrono::milliseconds(1),
                                                               kMaxTimeout, &error);
    if (!timeoutAfter)
        return usageError(command, u"--timeout"_s, error);

    ClientOptions options;
    options.followRedirects = parser.isSet(follow);
    options.ignoreTlsErrors = parser.isSet(insecure);
    options.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(*timeoutAfter);
    RequestSpec spec;
    spec.url = url;
    spec.version = parser.isSet(http10) ? HttpVersion::Http10 : HttpVersion::Http11;
    int code = ExitOk;
    if (parser.isSet(data))
        spec.body = parser.value(data).toUtf8();
    if (parser.isSet(dataFile)) {
        const std::optional<QByteArray> bytes = readFile(command, parser.value(dataFile), code);
        if (!bytes)
            return code;
        spec.body = *bytes;
    }
    spec.method = parser.isSet(method) ? parser.value(method).toLatin1() : (spec.body.isEmpty() ? "GET"_ba : "POST"_ba);
    if (!isValidMethodToken(spec.method))
        return usageError(command, Http::tr("invalid method '%1'").arg(parser.value(method)));
    for (const QString &line : parser.values(header)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return usageError(command, Http::tr("a header needs 'Name: value': %1").arg(line));
        const QByteArray name = line.left(colon).trimmed().toLatin1();
        const QByteArray value = line.mid(colon + 1).trimmed().toUtf8();
        if (value.isEmpty())
            spec.omitted.append(name);
        else
            spec.headers.append({name, value});
    }

    HttpClient client;
    QEventLoop loop;
    QObject::connect(&client, &HttpClient::finished, &loop, &QEventLoop::quit);
    if (parser.isSet(repeat)) {
        const std::optional<qint64> count = parseCount(parser.value(repeat), 1, kMaxRepeat, &error);
        if (!count)
            return usageError(command, u"--repeat"_s, error);
        return runRepeated(client, loop, spec, options, int(*count));
    }
    if (parser.isSet(raw)) {
        const std::optional<QByteArray> bytes = readFile(command, parser.value(raw), code);
        if (!bytes)
            return code;
        client.sendRaw(url, *bytes, options);
    } else {
        client.send(spec, options);
    }
    if (client.isBusy())
        loop.exec();
    const QList<Hop> hops = client.hops();
    for (qsizetype i = 0; i < hops.size(); ++i)
        printHop(hops.at(i), int(i), int(hops.size()));
    const Hop &last = hops.constLast();
    if (last.ok()) {
        if (parser.isSet(output)) {
            QFile file(parser.value(output));
            if (!file.open(QIODevice::WriteOnly) || file.write(last.decoded.bytes) != last.decoded.bytes.size())
                return failure(command, Http::tr("cannot write %1: %2").arg(file.fileName(), file.errorString()), ExitFailure);
            out() << "* " << Http::tr("body saved to %1 (%2 bytes)").arg(file.fileName()).arg(last.decoded.bytes.size()) << '\n';
        } else if (!last.decoded.bytes.isEmpty()) {
            out().flush();
            QFile stdoutFile;
            if (stdoutFile.open(stdout, QIODevice::WriteOnly))
                stdoutFile.write(last.decoded.bytes);
        }
    }
    out().flush();
    return exitCodeFor(last);
}

int runCheck(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(Http::tr("Check a raw HTTP request file for protocol mistakes, byte by byte."));
    parser.addPositionalArgument(u"FILE"_s, Http::tr("the request's exact bytes"));
    const QCommandLineOption fix(u"fix-content-length"_s, Http::tr("Print the request with Content-Length set to the body's real size."));
    parser.addOption(fix);
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    if (const std::optional<int> code = expectPositionals(parser, command, 1, 1))
        return *code;
    int code = ExitOk;
    const std::optional<QByteArray> bytes = readFile(command, parser.positionalArguments().constFirst(), code);
    if (!bytes)
        return code;
    if (parser.isSet(fix)) {
        QFile stdoutFile;
        if (stdoutFile.open(stdout, QIODevice::WriteOnly))
            stdoutFile.write(fixContentLength(*bytes));
        return ExitOk;
    }
    const QList<RequestIssue> issues = checkRequest(*bytes);
    for (const RequestIssue &issue : issues) {
        out() << Http::tr("byte %1: %2 [%3]").arg(issue.offset).arg(presentation::http::HttpExplain::requestIssue(issue),
                                                                   QString::fromLatin1(issueKey(issue.kind)))
              << '\n';
    }
    if (issues.isEmpty())
        out() << Http::tr("no problems found") << '\n';
    out().flush();
    return issues.isEmpty() ? ExitOk : ExitNotFound;
}

} // namespace

QString wireLines(const QByteArray &bytes, const QString &prefix)
{
    QStringList lines = presentation::http::visibleBytes(bytes).split(u'\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    QString text;
    for (const QString &line : std::as_const(lines))
        text += prefix + line + u'\n';
    return text;
}

int runHttp(const QStringList &arguments)
{
    static constexpr std::array kVerbs{
        Verb{"send", QT_TRANSLATE_NOOP("app::cli::Http", "Send one request and show the exact bytes both ways: socketeer http send URL [options]"),
             &runSend},
        Verb{"check", QT_TRANSLATE_NOOP("app::cli::Http", "Find protocol mistakes in a raw request: socketeer http check FILE"), &runCheck},
    };
    return dispatch(arguments, VerbTable{"app::cli::Http", kVerbs, Http::tr("Usage: socketeer http VERB [arguments] [options]"), {},
                                         Http::tr("Verbs:"),
                                         Http::tr("The capture server is 'socketeer serve http'.") + u'\n'
                                             + Http::tr("'socketeer http VERB --help' shows a verb's options.")});
}

} // namespace app::cli

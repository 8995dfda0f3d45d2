#include "app/cli/tcpprobe.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"

#include "netcore/common/escapes.h"
#include "netcore/tcp/probe.h"
#include "presentation/common/escapestext.h"
#include "presentation/tcp/tcptext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;
using netcore::tcp::ConcurrencyProbe;
using netcore::tcp::ProbeClient;
using netcore::tcp::ProbeConfig;
using netcore::tcp::ProbeExpect;
using netcore::tcp::ProbeVerdict;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::TcpProbe.
struct TcpProbe
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::TcpProbe)
};

// Untranslated names for --json (stable: scripts read them; documented in docs/protocols/tcp.md).
QString outcomeKey(ProbeClient::Outcome outcome)
{
    using Outcome = ProbeClient::Outcome;
    switch (outcome) {
    case Outcome::Pending: return u"pending"_s;
    case Outcome::Done: return u"done"_s;
    case Outcome::Refused: return u"refused"_s;
    case Outcome::ConnectTimedOut: return u"connect_timed_out"_s;
    case Outcome::TimedOut: return u"timed_out"_s;
    case Outcome::Reset: return u"reset"_s;
    case Outcome::ClosedEarly: return u"closed_early"_s;
    case Outcome::Failed: return u"failed"_s;
    case Outcome::Count: break;
    }
    return u"unknown"_s;
}

QString kindKey(ProbeVerdict::Kind kind)
{
    switch (kind) {
    case ProbeVerdict::Kind::Sequential: return u"sequential"_s;
    case ProbeVerdict::Kind::Concurrent: return u"concurrent"_s;
    case ProbeVerdict::Kind::Partial: return u"partial"_s;
    case ProbeVerdict::Kind::Inconclusive: return u"inconclusive"_s;
    case ProbeVerdict::Kind::Count: break;
    }
    return u"unknown"_s;
}

QString reasonKey(ProbeVerdict::Reason reason)
{
    switch (reason) {
    case ProbeVerdict::Reason::None: return u"none"_s;
    case ProbeVerdict::Reason::TooFewDone: return u"too_few_done"_s;
    case ProbeVerdict::Reason::NeverWaited: return u"never_waited"_s;
    case ProbeVerdict::Reason::TooFast: return u"too_fast"_s;
    case ProbeVerdict::Reason::Count: break;
    }
    return u"unknown"_s;
}

QString expectKey(ProbeExpect expect)
{
    switch (expect) {
    case ProbeExpect::Bytes: return u"bytes"_s;
    case ProbeExpect::Any: return u"any"_s;
    case ProbeExpect::Close: return u"close"_s;
    case ProbeExpect::Count: break;
    }
    return u"unknown"_s;
}

QJsonValue orNull(qint64 us)
{
    return us < 0 ? QJsonValue() : QJsonValue(us);
}

QJsonObject toJson(const ConcurrencyProbe &probe, const ProbeVerdict &verdict)
{
    const ProbeConfig &config = probe.config();
    QJsonArray results;
    for (qsizetype i = 0; i < probe.clients().size(); ++i) {
        const ProbeClient &c = probe.clients().at(i);
        results.append(QJsonObject{
            {u"index"_s, int(i)},
            {u"local_port"_s, c.localPort == 0 ? QJsonValue() : QJsonValue(int(c.localPort))},
            {u"connect_start_us"_s, orNull(c.connectStartUs)},
            {u"connected_us"_s, orNull(c.connectedUs)},
            {u"first_byte_us"_s, orNull(c.firstByteUs)},
            {u"done_us"_s, orNull(c.doneUs)},
            {u"released_us"_s, orNull(c.releasedUs)},
            {u"bytes"_s, c.bytes},
            {u"closed_by_server"_s, c.closedByServer},
            {u"retransmits"_s, c.retransmits},
            {u"outcome"_s, outcomeKey(c.outcome)},
            {u"errno"_s, c.sysError},
        });
    }
    QJsonArray firstBytes;
    for (qint64 us : verdict.firstBytesUs)
        firstBytes.append(us);
    const QJsonObject verdictObject{
        {u"kind"_s, kindKey(verdict.kind)},
        {u"reason"_s, reasonKey(verdict.reason)},
        {u"clients"_s, verdict.clients},
        {u"done"_s, verdict.done},
        {u"max_at_once"_s, verdict.maxAtOnce},
        {u"groups"_s, verdict.groups},
        {u"steps"_s, verdict.steps},
        {u"retransmitted"_s, verdict.retransmitted},
        {u"service_us"_s, verdict.serviceUs},
        {u"step_us"_s, verdict.stepUs},
        {u"median_step_us"_s, verdict.medianGapUs},
        {u"spread_us"_s, verdict.spreadUs},
        {u"first_bytes_us"_s, firstBytes},
    };
    return QJsonObject{
        {u"host"_s, config.host},
        {u"address"_s, probe.address().toString()},
        {u"port"_s, int(config.port)},
        {u"clients"_s, config.clients},
        {u"message_bytes"_s, int(config.message.size())},
        {u"expect"_s, expectKey(config.expect)},
        {u"expect_bytes"_s, config.expect == ProbeExpect::Bytes ? QJsonValue(config.expectBytes) : QJsonValue()},
        {u"timeout_ms"_s, qint64(config.deadline.count())},
        {u"hold_ms"_s, qint64(config.hold.count())},
        {u"elapsed_us"_s, probe.elapsedUs()},
        {u"results"_s, results},
        {u"verdict"_s, verdictObject},
        {u"summary"_s, presentation::tcp::probeVerdictText(verdict)},
        {u"evidence"_s, QJsonArray::fromStringList(presentation::tcp::probeEvidenceText(verdict, probe.clients()))},
    };
}

QString msCell(qint64 us)
{
    return us < 0 ? u"-"_s : QString::number(double(us) / 1000.0, 'f', 1);
}

void printTableAndVerdict(const ConcurrencyProbe &probe, const ProbeVerdict &verdict)
{
    const QStringList header{TcpProbe::tr("#"), TcpProbe::tr("local port"), TcpProbe::tr("connect ms"),
                             TcpProbe::tr("first byte ms"), TcpProbe::tr("done ms"), TcpProbe::tr("bytes"),
                             TcpProbe::tr("outcome")};
    QList<QStringList> rows;
    for (qsizetype i = 0; i < probe.clients().size(); ++i) {
        const ProbeClient &c = probe.clients().at(i);
        rows.append({QString::number(i), c.localPort == 0 ? u"-"_s : QString::number(c.localPort), msCell(c.connectedUs),
                     msCell(c.firstByteUs), msCell(c.doneUs), QString::number(c.bytes),
                     presentation::tcp::probeOutcomeText(c.outcome)});
    }
    QList<qsizetype> widths;
    for (const QString &name : header)
        widths.append(name.size());
    for (const QStringList &row : std::as_const(rows))
        for (qsizetype col = 0; col < row.size() - 1; ++col)
            widths[col] = std::max(widths[col], row.at(col).size());
    const auto printRow = [&widths](const QStringList &row) {
        QString line;
        for (qsizetype col = 0; col < row.size() - 1; ++col)
            line += row.at(col).rightJustified(widths.at(col)) + u"  "_s;
        out() << line << row.constLast() << '\n';
    };
    printRow(header);
    for (const QStringList &row : std::as_const(rows))
        printRow(row);
    out() << '\n' << presentation::tcp::probeVerdictText(verdict) << '\n';
    for (const QString &line : presentation::tcp::probeEvidenceText(verdict, probe.clients()))
        out() << "  " << line << '\n';
    out().flush();
}

} // namespace

int runTcpProbe(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(TcpProbe::tr(
        "Connects N clients to HOST:PORT at the same moment; each sends a message and waits for its answer, then keeps "
        "its connection open for --hold. Prints every client's times (ms since the start) and what they say about the "
        "server: one client at a time (a loop server: the answers climb a staircase), concurrent, or a few at a time. "
        "Exit code 3 when no client got its answer (every connection refused, or none answered in time)."));
    parser.addPositionalArgument(u"HOST"_s, TcpProbe::tr("Host name or address."));
    parser.addPositionalArgument(u"PORT"_s, TcpProbe::tr("TCP port."));
    const QCommandLineOption clients(u"clients"_s, TcpProbe::tr("How many clients (1-1000, default 10)."), TcpProbe::tr("N"),
                                     u"10"_s);
    const QCommandLineOption send(u"send"_s, TcpProbe::tr("What each client sends (escapes: \\n \\xNN ...; default "
                                                          "\"hello\\n\"; empty: nothing)."),
                                  TcpProbe::tr("TEXT"), u"hello\\n"_s);
    const QCommandLineOption expect(u"expect"_s, TcpProbe::tr("What counts as the answer: N bytes, 'any' bytes, or 'close' "
                                                              "(the server closing). Default: as many bytes as sent (an "
                                                              "echo), or any bytes when nothing is sent."),
                                    TcpProbe::tr("N|any|close"));
    const QCommandLineOption timeout(u"timeout"_s, TcpProbe::tr("Give up on a client this long after the start "
                                                                "(default 10s)."),
                                     TcpProbe::tr("DURATION"), u"10s"_s);
    const QCommandLineOption hold(u"hold"_s, TcpProbe::tr("Keep each connection open this long after its answer "
                                                          "(default 50ms; a loop server cannot serve the next client "
                                                          "meanwhile)."),
                                  TcpProbe::tr("DURATION"), u"50ms"_s);
    const QCommandLineOption json(u"json"_s, TcpProbe::tr("Print one JSON document instead of the table."));
    parser.addOptions({clients, send, expect, timeout, hold, json});
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    if (const std::optional<int> code = expectPositionals(parser, command, 2, 2))
        return *code;

    Endpoint destination;
    if (const std::optional<int> code = readHostPort(parser, command, &destination))
        return *code;
    QString error;
    ProbeConfig config;
    config.host = destination.host;
    config.port = destination.port;
    const std::optional<qint64> n = parseCount(parser.value(clients), 1, ConcurrencyProbe::kMaxClients, &error);
    if (!n)
        return usageError(command, u"--clients"_s, error);
    config.clients = int(*n);
    netcore::common::EscapeParseError escapeError;
    const std::optional<QByteArray> message = netcore::common::parseEscapes(parser.value(send), &escapeError);
    if (!message)
        return usageError(command, u"--send"_s, presentation::common::escapeErrorText(escapeError));
    config.message = *message;
    if (!parser.isSet(expect)) {
        config.expect = message->isEmpty() ? ProbeExpect::Any : ProbeExpect::Bytes;
        config.expectBytes = std::max<qint64>(1, message->size());
    } else if (parser.value(expect) == "any"_L1) {
        config.expect = ProbeExpect::Any;
    } else if (parser.value(expect) == "close"_L1) {
        config.expect = ProbeExpect::Close;
    } else {
        const std::optional<qint64> bytes = parseSize(parser.value(expect), 1, qint64(1) << 30, &error);
        if (!bytes)
            return usageError(command, u"--expect"_s, TcpProbe::tr("a number of bytes, 'any' or 'close'"));
        config.expect = ProbeExpect::Bytes;
        config.expectBytes = *bytes;
    }
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    const std::optional<Duration> deadline = parseDuration(parser.value(timeout), DurationUnit::Seconds,
                                                           milliseconds(1), std::chrono::hours(1), &error);
    if (!deadline)
        return usageError(command, u"--timeout"_s, error);
    config.deadline = duration_cast<milliseconds>(*deadline);
    const std::optional<Duration> holdFor = parseDuration(parser.value(hold), DurationUnit::Milliseconds, Duration(0),
                                                          std::chrono::minutes(1), &error);
    if (!holdFor)
        return usageError(command, u"--hold"_s, error);
    config.hold = duration_cast<milliseconds>(*holdFor);

    ConcurrencyProbe probe;
    probe.setConfig(config);
    int exitCode = ExitOk;
    QObject::connect(&probe, &ConcurrencyProbe::errorOccurred, &probe, [&](ConcurrencyProbe::Error e) {
        exitCode = failure(command, presentation::tcp::probeErrorText(e, probe.errorDetail()),
                           e == ConcurrencyProbe::Error::HostNotFound ? ExitNotFound : ExitFailure);
    });
    QObject::connect(&probe, &ConcurrencyProbe::finished, &probe, [&] {
        if (probe.error() != ConcurrencyProbe::Error::Count) {
            QCoreApplication::exit(exitCode);
            return;
        }
        const ProbeVerdict verdict = probe.verdict();
        if (parser.isSet(json))
            printJson(toJson(probe, verdict));
        else
            printTableAndVerdict(probe, verdict);
        const QList<ProbeClient> &all = probe.clients();
        const bool allRefused = std::all_of(all.cbegin(), all.cend(), [](const ProbeClient &c) {
            return c.outcome == ProbeClient::Outcome::Refused;
        });
        if (allRefused) {
            exitCode = failure(command, TcpProbe::tr("%1:%2 refused every connection: nothing listens on that port")
                                            .arg(probe.address().toString())
                                            .arg(config.port),
                               ExitFailure);
        } else if (verdict.done == 0) {
            exitCode = failure(command, TcpProbe::tr("no client got its answer"), ExitFailure);
        }
        QCoreApplication::exit(exitCode);
    });
    if (!parser.isSet(json)) {
        err() << TcpProbe::tr("Probing %1:%2 with %n client(s)…", nullptr, config.clients).arg(config.host).arg(config.port)
              << '\n';
        err().flush();
    }
    probe.start();
    return QCoreApplication::exec();
}

} // namespace app::cli

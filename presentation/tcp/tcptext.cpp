#include "presentation/tcp/tcptext.h"

#include "netcore/common/serverload.h"
#include "netcore/tcp/events.h"
#include "presentation/common/errnotext.h"
#include "presentation/common/eventtext.h"
#include "presentation/common/limitstext.h"

#include <QCoreApplication>

using netcore::common::ErrorDetail;
using netcore::tcp::TcpClient;
using netcore::tcp::TcpServer;

namespace presentation::tcp {
namespace {

struct TcpText {
    Q_DECLARE_TR_FUNCTIONS(presentation::tcp::TcpText)
};

QString withReason(const QString &sentence, int sysError, const QString &raw)
{
    const QString reason = sysError != 0 ? common::errnoText(sysError) : raw;
    return reason.isEmpty() ? sentence : TcpText::tr("%1: %2").arg(sentence, reason);
}

} // namespace

QString eventText(const netcore::common::TranscriptEvent &event)
{
    const QStringList &args = event.args;
    switch (netcore::tcp::Event(event.code)) {
    case netcore::tcp::Event::HalfClosed:
        return TcpText::tr("half-closed: sent FIN (shutdown write), still reading");
    case netcore::tcp::Event::Aborted:
        return TcpText::tr("aborted: sent RST (SO_LINGER 0)");
    case netcore::tcp::Event::NoDelay:
        return args.value(0) == QLatin1StringView("1") ? TcpText::tr("TCP_NODELAY on: every write goes out at once")
                                                       : TcpText::tr("TCP_NODELAY off: small writes may be merged (Nagle)");
    case netcore::tcp::Event::ClientRefusedHost:
        return TcpText::tr("refused a client: %1 already has %2 connections").arg(args.value(0), args.value(1));
    case netcore::tcp::Event::ClientExpired:
        return TcpText::tr("closed client #%1: %2")
            .arg(args.value(0), common::deadlineText(netcore::common::Deadline(qBound(0, args.value(1).toInt(),
                                                                              int(netcore::common::Deadline::Count)))));
    case netcore::tcp::Event::ReadingPaused:
        return TcpText::tr("client #%1 does not read its replies (%2 bytes waiting): stopped reading from it")
            .arg(args.value(0), args.value(1));
    case netcore::tcp::Event::ClientsDisconnected:
        return TcpText::tr("closed %n client(s)", nullptr, args.value(0).toInt());
    case netcore::tcp::Event::Count:
        break;
    }
    return common::unknownEventText(event);
}

QString errorText(TcpClient::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case TcpClient::Error::HostNotFound:
        return TcpText::tr("cannot resolve %1; check the name").arg(detail.peer);
    case TcpClient::Error::ConnectionRefused:
        return TcpText::tr("%1 refused the connection: nothing listens on that port").arg(detail.peer);
    case TcpClient::Error::ConnectTimeout:
        return TcpText::tr("connecting to %1 timed out: a firewall may drop the packets").arg(detail.peer);
    case TcpClient::Error::NetworkError:
        return withReason(TcpText::tr("the connection to %1 failed").arg(detail.peer), 0, detail.raw);
    case TcpClient::Error::NotConnected:
        return TcpText::tr("not connected (or the sending side is already closed)");
    case TcpClient::Error::OptionFailed:
        return withReason(TcpText::tr("the system refused %1").arg(detail.raw), detail.sysError, {});
    case TcpClient::Error::Count:
        break;
    }
    return TcpText::tr("the connection failed");
}

QString errorText(TcpServer::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case TcpServer::Error::ListenFailed:
        return withReason(TcpText::tr("cannot listen on %1").arg(detail.peer), detail.sysError, detail.raw);
    case TcpServer::Error::Count:
        break;
    }
    return TcpText::tr("the server failed");
}

QString frameStatusText(netcore::common::FrameStatus status, qint64 maxFrame)
{
    using netcore::common::FrameStatus;
    switch (status) {
    case FrameStatus::Ok:
        return {};
    case FrameStatus::Incomplete:
        return TcpText::tr("the rest is an incomplete frame");
    case FrameStatus::Malformed:
        return TcpText::tr("the rest cannot be framed: a length smaller than its own header");
    case FrameStatus::TooLarge:
        return TcpText::tr("the rest cannot be framed: a frame larger than %1 bytes").arg(maxFrame);
    }
    return {};
}

QString probeOutcomeText(netcore::tcp::ProbeClient::Outcome outcome)
{
    using Outcome = netcore::tcp::ProbeClient::Outcome;
    switch (outcome) {
    case Outcome::Pending:
        return TcpText::tr("running");
    case Outcome::Done:
        return TcpText::tr("done");
    case Outcome::Refused:
        return TcpText::tr("refused");
    case Outcome::ConnectTimedOut:
        return TcpText::tr("connect timed out");
    case Outcome::TimedOut:
        return TcpText::tr("no answer in time");
    case Outcome::Reset:
        return TcpText::tr("reset");
    case Outcome::ClosedEarly:
        return TcpText::tr("closed early");
    case Outcome::Failed:
        return TcpText::tr("failed");
    case Outcome::Count:
        break;
    }
    return TcpText::tr("unknown");
}

QString probeExpectText(netcore::tcp::ProbeExpect expect, qint64 bytes)
{
    using netcore::tcp::ProbeExpect;
    switch (expect) {
    case ProbeExpect::Bytes:
        return TcpText::tr("%n byte(s)", nullptr, int(bytes));
    case ProbeExpect::Any:
        return TcpText::tr("any bytes");
    case ProbeExpect::Close:
        return TcpText::tr("the server closing");
    case ProbeExpect::Count:
        break;
    }
    return {};
}

QString probeKindText(netcore::tcp::ProbeVerdict::Kind kind)
{
    using Kind = netcore::tcp::ProbeVerdict::Kind;
    switch (kind) {
    case Kind::Sequential:
        return TcpText::tr("One client at a time — a loop server");
    case Kind::Concurrent:
        return TcpText::tr("Concurrent — the clients were served at the same time");
    case Kind::Partial:
        return TcpText::tr("Partly concurrent — a few clients at a time");
    case Kind::Inconclusive:
        return TcpText::tr("Inconclusive");
    case Kind::Count:
        break;
    }
    return {};
}

QString probeMsText(qint64 us)
{
    return TcpText::tr("%1 ms").arg(double(us) / 1000.0, 0, 'f', 1);
}

QString probeVerdictText(const netcore::tcp::ProbeVerdict &verdict)
{
    using netcore::tcp::ProbeVerdict;
    switch (verdict.kind) {
    case ProbeVerdict::Kind::Sequential:
    case ProbeVerdict::Kind::Concurrent:
        return probeKindText(verdict.kind);
    case ProbeVerdict::Kind::Partial:
        return TcpText::tr("Partly concurrent — at most %1 clients at a time (a pool of %1?)").arg(verdict.maxAtOnce);
    case ProbeVerdict::Kind::Inconclusive:
    case ProbeVerdict::Kind::Count:
        break;
    }
    switch (verdict.reason) {
    case ProbeVerdict::Reason::TooFewDone:
        return TcpText::tr("Inconclusive — fewer than two clients got their answer");
    case ProbeVerdict::Reason::NeverWaited:
        return TcpText::tr("Inconclusive — no client waited while another was served (each connected after the "
                           "previous answer)");
    case ProbeVerdict::Reason::TooFast:
        return TcpText::tr("Inconclusive — every answer came within %1 and the server closed each connection: a quick "
                           "server that answers and closes looks the same either way; make it take longer per client")
            .arg(probeMsText(verdict.stepUs));
    case ProbeVerdict::Reason::None:
    case ProbeVerdict::Reason::Count:
        break;
    }
    return probeKindText(ProbeVerdict::Kind::Inconclusive);
}

QStringList probeEvidenceText(const netcore::tcp::ProbeVerdict &verdict, const QList<netcore::tcp::ProbeClient> &clients)
{
    using Outcome = netcore::tcp::ProbeClient::Outcome;
    QStringList lines;
    lines.append(TcpText::tr("%1 of %n client(s) got their answer.", nullptr, verdict.clients).arg(verdict.done));
    int counts[int(Outcome::Count)] = {};
    for (const netcore::tcp::ProbeClient &client : clients)
        ++counts[qBound(0, int(client.outcome), int(Outcome::Count) - 1)];
    QStringList others;
    for (int i = 0; i < int(Outcome::Count); ++i) {
        if (i != int(Outcome::Done) && counts[i] > 0)
            others.append(TcpText::tr("%1: %2").arg(probeOutcomeText(Outcome(i))).arg(counts[i]));
    }
    if (!others.isEmpty())
        lines.append(TcpText::tr("The others: %1.").arg(others.join(TcpText::tr(", "))));
    if (verdict.done < 2)
        return lines;
    lines.append(TcpText::tr("The quickest answer took %1; answers more than %2 apart count as different groups.")
                     .arg(probeMsText(verdict.serviceUs), probeMsText(verdict.stepUs)));
    lines.append(TcpText::tr("At most %1 answers came together, in %n group(s).", nullptr, verdict.groups)
                     .arg(verdict.maxAtOnce));
    if (verdict.steps > 0)
        lines.append(TcpText::tr("The staircase: %n step(s) where a connected client waited while another was answered; "
                                 "median step %1.", nullptr, verdict.steps)
                         .arg(probeMsText(verdict.medianGapUs)));
    else
        lines.append(TcpText::tr("No staircase: no connected client waited while another was answered."));
    if (verdict.retransmitted > 0)
        lines.append(TcpText::tr("%n client(s) had to send packets again before their answer: the server's listen "
                                 "backlog was full (their delay is not counted as a step).", nullptr, verdict.retransmitted));
    lines.append(TcpText::tr("First answer to last: %1.").arg(probeMsText(verdict.spreadUs)));
    return lines;
}

QString probeErrorText(netcore::tcp::ConcurrencyProbe::Error error, const ErrorDetail &detail)
{
    using Error = netcore::tcp::ConcurrencyProbe::Error;
    switch (error) {
    case Error::HostNotFound:
        return TcpText::tr("cannot resolve %1; check the name").arg(detail.peer);
    case Error::BadConfig:
        return TcpText::tr("the probe needs 1 to %1 clients, a port, and at least one expected byte")
            .arg(netcore::tcp::ConcurrencyProbe::kMaxClients);
    case Error::NoSocket:
        return withReason(TcpText::tr("cannot open another socket"), detail.sysError, {});
    case Error::Count:
        break;
    }
    return TcpText::tr("the probe failed");
}

} // namespace presentation::tcp

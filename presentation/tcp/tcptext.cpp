#include "presentation/tcp/tcptext.h"

#include "netcore/common/serverload.h"
#include "netcore/tcp/events.h"
#include "presentation/common/errnotext.h"
#include "presentation/common/escapestext.h"
#include "presentation/common/eventtext.h"
#include "presentation/common/limitstext.h"
#include "presentation/http/httpexplain.h"

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
    case netcore::tcp::Event::TlsEstablished:
        return TcpText::tr("TLS established: %1, %2").arg(args.value(0), args.value(1));
    case netcore::tcp::Event::TlsErrorsIgnored:
        return TcpText::tr("certificate problems accepted for this connection (insecure): %1").arg(args.join(u"; "));
    case netcore::tcp::Event::StaleSocketRemoved:
        return TcpText::tr("removed %1: a socket file nobody answered on (left by a server that stopped)").arg(args.value(0));
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
        return withReason(TcpText::tr("the connection to %1 failed").arg(detail.path.isEmpty() ? detail.peer : detail.path),
                          detail.sysError, detail.raw);
    case TcpClient::Error::NotConnected:
        return TcpText::tr("not connected (or the sending side is already closed)");
    case TcpClient::Error::OptionFailed:
        return withReason(TcpText::tr("the system refused %1").arg(detail.raw), detail.sysError, {});
    case TcpClient::Error::UnixNoSuchFile:
        return TcpText::tr("%1 does not exist: no server has created its socket there (check the path)").arg(detail.path);
    case TcpClient::Error::UnixNotASocket:
        return TcpText::tr("%1 is not a socket (a file or a folder): give the path the server listens on").arg(detail.path);
    case TcpClient::Error::UnixAccessDenied:
        return TcpText::tr("no permission to connect to %1 (the socket file or its folder)").arg(detail.path);
    case TcpClient::Error::UnixRefused:
        return TcpText::tr("%1 refused the connection: nothing listens on that socket (a file left by a server that "
                           "stopped?)").arg(detail.path);
    case TcpClient::Error::TlsVerifyFailed:
        return withReason(TcpText::tr("the certificate of %1 is not trusted (--insecure accepts it for this "
                                      "connection)").arg(detail.peer), 0, detail.raw);
    case TcpClient::Error::TlsHandshakeFailed:
        return withReason(TcpText::tr("the TLS handshake with %1 failed: does the other side speak TLS?").arg(detail.peer),
                          0, detail.raw);
    case TcpClient::Error::Count:
        break;
    }
    return TcpText::tr("the connection failed");
}

QString errorText(TcpServer::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case TcpServer::Error::ListenFailed:
        return withReason(TcpText::tr("cannot listen on %1").arg(detail.path.isEmpty() ? detail.peer : detail.path),
                          detail.sysError, detail.raw);
    case TcpServer::Error::UnixPathInUse:
        return TcpText::tr("cannot listen on %1: another server answers on that socket").arg(detail.path);
    case TcpServer::Error::UnixNotASocket:
        return TcpText::tr("cannot listen on %1: the path exists and is not a socket (left alone; choose another "
                           "path)").arg(detail.path);
    case TcpServer::Error::UnixAccessDenied:
        return withReason(TcpText::tr("cannot listen on %1: no permission").arg(detail.path), detail.sysError, {});
    case TcpServer::Error::UnixNoSuchFolder:
        return TcpText::tr("cannot listen on %1: its folder does not exist").arg(detail.path);
    case TcpServer::Error::UnixPathTooLong:
        return TcpText::tr("cannot listen on %1: a Unix socket path holds at most 107 bytes").arg(detail.path);
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

QString rulePatternText(const netcore::tcp::RulePatternProblem &problem)
{
    return TcpText::tr("not a valid regular expression at character %1 (%2)").arg(problem.offset + 1).arg(problem.raw);
}

QString tcpStateText(netcore::tcp::TcpState state)
{
    using netcore::tcp::TcpState;
    switch (state) {
    case TcpState::Established:
        return TcpText::tr("ESTABLISHED (both sides may send)");
    case TcpState::SynSent:
        return TcpText::tr("SYN-SENT (our SYN is out, waiting for SYN+ACK)");
    case TcpState::SynRecv:
        return TcpText::tr("SYN-RECEIVED (the handshake's last ACK is awaited)");
    case TcpState::FinWait1:
        return TcpText::tr("FIN-WAIT-1 (we sent FIN, not yet acknowledged)");
    case TcpState::FinWait2:
        return TcpText::tr("FIN-WAIT-2 (our FIN acknowledged; the peer may still send)");
    case TcpState::TimeWait:
        return TcpText::tr("TIME-WAIT (both FINs done; waiting out late segments)");
    case TcpState::Close:
        return TcpText::tr("CLOSED");
    case TcpState::CloseWait:
        return TcpText::tr("CLOSE-WAIT (the peer sent FIN; we may still send)");
    case TcpState::LastAck:
        return TcpText::tr("LAST-ACK (we sent our FIN after the peer's; waiting for its ACK)");
    case TcpState::Listen:
        return TcpText::tr("LISTEN");
    case TcpState::Closing:
        return TcpText::tr("CLOSING (both sent FIN at once)");
    case TcpState::NewSynRecv:
        return TcpText::tr("NEW-SYN-RECEIVED");
    case TcpState::Unknown:
    case TcpState::Count:
        break;
    }
    return TcpText::tr("unknown");
}

QList<FactRow> factsRows(const netcore::tcp::TcpFacts &facts)
{
    const auto micro = [](quint32 us) { return TcpText::tr("%1 ms").arg(double(us) / 1000.0, 0, 'f', 3); };
    const auto bytes = [](qint64 n) {
        return n < 0 ? TcpText::tr("unknown") : TcpText::tr("%n byte(s)", nullptr, int(qMin<qint64>(n, INT_MAX)));
    };
    return {
        {TcpText::tr("State"), tcpStateText(facts.state)},
        {TcpText::tr("Round-trip time"), micro(facts.rttUs)},
        {TcpText::tr("RTT variation"), micro(facts.rttVarUs)},
        {TcpText::tr("Congestion window"), TcpText::tr("%n segment(s)", nullptr, int(facts.sndCwnd))},
        {TcpText::tr("Segment size (MSS)"), bytes(facts.sndMss)},
        {TcpText::tr("Retransmits now"), QString::number(facts.retransmits)},
        {TcpText::tr("Retransmitted in all"), TcpText::tr("%n segment(s)", nullptr, int(facts.totalRetrans))},
        {TcpText::tr("Unacknowledged"), TcpText::tr("%n segment(s)", nullptr, int(facts.unacked))},
        {TcpText::tr("Bytes acknowledged"), QString::number(facts.bytesAcked)},
        {TcpText::tr("Bytes received"), QString::number(facts.bytesReceived)},
        {TcpText::tr("Send queue"), bytes(facts.sendQueue)},
        {TcpText::tr("Receive queue"), bytes(facts.receiveQueue)},
        {TcpText::tr("Send buffer (SO_SNDBUF)"), bytes(facts.sendBuffer)},
        {TcpText::tr("Receive buffer (SO_RCVBUF)"), bytes(facts.receiveBuffer)},
    };
}

QList<QString> factsHelp()
{
    return {
        TcpText::tr("Where the connection is in TCP's state machine."),
        TcpText::tr("How long a segment takes to be acknowledged, smoothed: the kernel's estimate of the round trip."),
        TcpText::tr("How much the round-trip time varies; the retransmission timeout is about RTT + 4 × this."),
        TcpText::tr("How many segments may be in flight unacknowledged: grows while all goes well, shrinks on loss."),
        TcpText::tr("The largest segment this side sends, agreed in the handshake."),
        TcpText::tr("Timeouts in a row for the oldest unacknowledged segment (0 when all is well)."),
        TcpText::tr("Segments sent again over the connection's life: each one is a loss or a delay TCP repaired."),
        TcpText::tr("Segments sent and not yet acknowledged by the peer."),
        TcpText::tr("Bytes of ours the peer has acknowledged: they reached its kernel (not necessarily its program)."),
        TcpText::tr("Bytes that arrived from the peer."),
        TcpText::tr("Bytes our program wrote that the peer has not acknowledged yet (they wait in our kernel)."),
        TcpText::tr("Bytes that arrived and our program has not read yet."),
        TcpText::tr("Our kernel's send buffer: how much may wait before a write blocks."),
        TcpText::tr("Our kernel's receive buffer: it bounds the window the peer may fill."),
    };
}

QList<FactRow> tlsRows(const netcore::http::TlsInfo &tls)
{
    QList<FactRow> rows;
    if (!tls.used)
        return rows;
    // Protocol and cipher exist once the handshake is done (not when the certificate was refused).
    if (!tls.protocol.isEmpty())
        rows.append({TcpText::tr("Protocol"), tls.protocol});
    if (!tls.cipher.isEmpty())
        rows.append({TcpText::tr("Cipher"), tls.cipherBits > 0 ? TcpText::tr("%1 (%2 bits)").arg(tls.cipher).arg(tls.cipherBits)
                                                               : tls.cipher});
    for (qsizetype i = 0; i < tls.chain.size(); ++i) {
        const netcore::http::CertificateInfo &certificate = tls.chain.at(i);
        rows.append({TcpText::tr("Certificate %1").arg(i),
                     TcpText::tr("%1, issued by %2, valid %3 to %4%5")
                         .arg(certificate.subject, certificate.issuer,
                              certificate.notBefore.toString(Qt::ISODate), certificate.notAfter.toString(Qt::ISODate),
                              certificate.selfSigned ? TcpText::tr(" (self-signed)") : QString())});
    }
    for (const netcore::http::TlsErrorInfo &error : tls.errors)
        rows.append({tls.errorsIgnored ? TcpText::tr("Accepted problem") : TcpText::tr("Problem"),
                     http::HttpExplain::tlsError(error)});
    return rows;
}

QString stateText(TcpClient::State state)
{
    switch (state) {
    case TcpClient::State::Unconnected:
        return TcpText::tr("not connected");
    case TcpClient::State::Connecting:
        return TcpText::tr("connecting");
    case TcpClient::State::Connected:
        return TcpText::tr("connected");
    case TcpClient::State::HalfClosed:
        return TcpText::tr("half-closed: we sent FIN, still reading");
    case TcpClient::State::Closing:
        return TcpText::tr("closing");
    case TcpClient::State::Closed:
        return TcpText::tr("closed");
    }
    return {};
}

QString encodingDisplayName(netcore::tcp::TextEncoding encoding)
{
    using netcore::tcp::TextEncoding;
    switch (encoding) {
    case TextEncoding::Utf8:
        return TcpText::tr("UTF-8");
    case TextEncoding::Gbk:
        return TcpText::tr("GBK");
    case TextEncoding::Gb18030:
        return TcpText::tr("GB18030");
    case TextEncoding::Latin1:
        return TcpText::tr("Latin-1 (ISO-8859-1)");
    case TextEncoding::Count:
        break;
    }
    return {};
}

QString typedTextErrorText(const QString &text, const netcore::tcp::TypedTextError &error,
                           netcore::tcp::TextEncoding encoding)
{
    // The position a person counts: characters (code points) from 1, not UTF-16 units.
    const qsizetype position = QStringView(text).left(qMax<qsizetype>(0, error.index)).toUcs4().size() + 1;
    if (error.kind == netcore::tcp::TypedTextError::Kind::BadEscape)
        return TcpText::tr("Character %1: %2").arg(position).arg(presentation::common::escapeErrorText(error.escape));
    const char32_t codePoint = error.codePoint;
    const QString character = QString::fromUcs4(&codePoint, 1);
    const QString code = QLatin1StringView("U+") + QString::number(quint32(codePoint), 16).toUpper().rightJustified(4, u'0');
    return TcpText::tr("Character %1, “%2” (%3), cannot be written in %4: choose another encoding or remove it")
        .arg(position)
        .arg(character, code, encodingDisplayName(encoding));
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

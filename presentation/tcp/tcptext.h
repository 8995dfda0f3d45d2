#pragma once

#include "netcore/common/error.h"
#include "netcore/common/framing.h"
#include "netcore/common/transcript.h"
#include "netcore/http/tlsinfo.h"
#include "netcore/tcp/encoding.h"
#include "netcore/tcp/framing.h"
#include "netcore/tcp/probe.h"
#include "netcore/tcp/tcpclient.h"
#include "netcore/tcp/tcpinfo.h"
#include "netcore/tcp/tcpserver.h"

#include <QList>
#include <QString>

#include <utility>

// The TCP workbench's facts as translated sentences, the same words for the CLI and (later) the TCP tab: its
// transcript events (netcore::tcp::Event), the client's and the server's errors, framing results.
namespace presentation::tcp {

QString eventText(const netcore::common::TranscriptEvent &event);

QString errorText(netcore::tcp::TcpClient::Error error, const netcore::common::ErrorDetail &detail);
QString errorText(netcore::tcp::TcpServer::Error error, const netcore::common::ErrorDetail &detail);
// How a re-cut stream ended, when it did not end with a whole frame ("the rest is not framed: ...").
QString frameStatusText(netcore::common::FrameStatus status, qint64 maxFrame);
// A reply rule's regular expression that does not compile: "not a valid regular expression at character 4 (…)".
QString rulePatternText(const netcore::tcp::RulePatternProblem &problem);
// What is wrong with typed text (netcore::tcp::encodeTyped): "character 7, “😀” (U+1F600), cannot be written in GBK: …"
// or "character 3: …" for a bad escape. Positions count characters from 1 (code points, not UTF-16 units).
QString typedTextErrorText(const QString &text, const netcore::tcp::TypedTextError &error,
                           netcore::tcp::TextEncoding encoding);
// A client session's state, for the TCP tab's connection list: "connected", "half-closed: we sent FIN, still reading".
QString stateText(netcore::tcp::TcpClient::State state);
// The encoding's name for people: "UTF-8", "GBK", "GB18030", "Latin-1 (ISO-8859-1)".
QString encodingDisplayName(netcore::tcp::TextEncoding encoding);

// One (label, value) row per TCP_INFO fact, translated, in the order the facts panel and `tcp connect --info`
// show them; factHelp(i) says what row i means for a student (a tooltip).
using FactRow = std::pair<QString, QString>;
QList<FactRow> factsRows(const netcore::tcp::TcpFacts &facts);
QString tcpStateText(netcore::tcp::TcpState state);   // "ESTABLISHED (both sides may send)"
QList<QString> factsHelp();                            // parallel to factsRows()
// The TLS session as rows: protocol, cipher, each certificate of the chain, each certificate error (and whether
// it was accepted).
QList<FactRow> tlsRows(const netcore::http::TlsInfo &tls);

// The concurrency probe (netcore/tcp/probe.h).
// A client's outcome in a word or two, for a table cell ("done", "refused", "reset", ...).
QString probeOutcomeText(netcore::tcp::ProbeClient::Outcome outcome);
// What counts as an answer ("6 bytes", "any bytes", "the server closing").
QString probeExpectText(netcore::tcp::ProbeExpect expect, qint64 bytes);
// The verdict's headline ("One client at a time — a loop server").
QString probeKindText(netcore::tcp::ProbeVerdict::Kind kind);
// The headline with its number where it has one ("Partial: at most 4 clients at once — a pool of 4?"), or the
// reason of an inconclusive one.
QString probeVerdictText(const netcore::tcp::ProbeVerdict &verdict);
// The evidence, one sentence a line: answered / outcomes, the largest group, the steps and their median vs the
// quickest answer, the spread.
QStringList probeEvidenceText(const netcore::tcp::ProbeVerdict &verdict, const QList<netcore::tcp::ProbeClient> &clients);
QString probeErrorText(netcore::tcp::ConcurrencyProbe::Error error, const netcore::common::ErrorDetail &detail);
// Microseconds as milliseconds with one decimal ("12.3 ms").
QString probeMsText(qint64 us);

} // namespace presentation::tcp

#pragma once

#include "netcore/common/error.h"
#include "netcore/common/framing.h"
#include "netcore/common/transcript.h"
#include "netcore/http/tlsinfo.h"
#include "netcore/tcp/framing.h"
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

// One (label, value) row per TCP_INFO fact, translated, in the order the facts panel and `tcp connect --info`
// show them; factHelp(i) says what row i means for a student (a tooltip).
using FactRow = std::pair<QString, QString>;
QList<FactRow> factsRows(const netcore::tcp::TcpFacts &facts);
QString tcpStateText(netcore::tcp::TcpState state);   // "ESTABLISHED (both sides may send)"
QList<QString> factsHelp();                            // parallel to factsRows()
// The TLS session as rows: protocol, cipher, each certificate of the chain, each certificate error (and whether
// it was accepted).
QList<FactRow> tlsRows(const netcore::http::TlsInfo &tls);

} // namespace presentation::tcp

#pragma once

#include "netcore/common/error.h"
#include "netcore/common/framing.h"
#include "netcore/common/transcript.h"
#include "netcore/tcp/encoding.h"
#include "netcore/tcp/framing.h"
#include "netcore/tcp/tcpclient.h"
#include "netcore/tcp/tcpserver.h"

#include <QString>

// The TCP workbench's facts as translated sentences, the same words for the CLI and (later) the TCP tab: its
// transcript events (netcore::tcp::Event), the client's and the server's errors, framing results.
namespace presentation::tcp {

QString eventText(const netcore::common::TranscriptEvent &event);

QString errorText(netcore::tcp::TcpClient::Error error, const netcore::common::ErrorDetail &detail);
QString errorText(netcore::tcp::TcpServer::Error error, const netcore::common::ErrorDetail &detail);
// How a re-cut stream ended, when it did not end with a whole frame ("the rest is not framed: ...").
QString frameStatusText(netcore::common::FrameStatus status, qint64 maxFrame);
// A character the chosen encoding cannot write (netcore::tcp::EncodeResult): "“😀” (U+1F600), character 7, cannot be
// written in GBK". `position` is 0-based (in UTF-16 code units of the text, as EncodeResult gives it).
QString unencodableText(char32_t codePoint, qsizetype position, netcore::tcp::TextEncoding encoding);
// A client session's state, for the TCP tab's connection list: "connected", "half-closed: we sent FIN, still reading".
QString stateText(netcore::tcp::TcpClient::State state);
// The encoding's name for people: "UTF-8", "GBK", "GB18030", "Latin-1 (ISO-8859-1)".
QString encodingDisplayName(netcore::tcp::TextEncoding encoding);

} // namespace presentation::tcp

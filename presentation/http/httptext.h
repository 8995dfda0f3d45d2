#pragma once

#include "netcore/common/error.h"
#include "netcore/common/transcript.h"
#include "netcore/http/captureserver.h"
#include "netcore/http/exchange.h"

#include <QString>

// The http capability's facts as translated sentences: its transcript events (netcore::http::Event) and errors
// (the client's ExchangeError = HttpClient::Error, the capture server's CaptureServer::Error).
namespace presentation::http {

QString eventText(const netcore::common::TranscriptEvent &event);

// What happened and what to try. detail.raw (the socket's or llhttp's words, a number for Timeout and
// TooManyRedirects) is quoted; HttpExplain::exchangeError(hop) adds the byte counts a Hop knows.
QString errorText(netcore::http::ExchangeError error, const netcore::common::ErrorDetail &detail);
QString errorText(netcore::http::CaptureServer::Error error, const netcore::common::ErrorDetail &detail);

} // namespace presentation::http

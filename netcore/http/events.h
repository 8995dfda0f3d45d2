#pragma once

#include "netcore/common/transcript.h"

// The HTTP capability's transcript events (the shared ones — Connecting, Failed, Listening, ClientConnected,
// IdleTimeout... — come from netcore::common::Event). Arguments are data; presentation/http/httptext.cpp says them.
namespace netcore::http {

enum class Event : quint16 {
    Resolving,              // {host}
    Resolved,               // {host, address, address...}
    ConnectionOpened,       // {connection number}: the client's TCP connection is up
    ReusingConnection,      // {connection number, peer}: a kept-alive connection carries the next request
    TlsHandshake,           // {host}
    TlsErrorsIgnored,       // {error text...}: Qt's words for each verification error, verbatim
    TlsEstablished,         // {protocol, cipher}
    UnexpectedBytes,        // {count}: bytes nobody asked for arrived on an idle kept-alive connection
    ClosedByServer,         // {connection number}
    RetryingStaleConnection,// {connection number}: closed by the server while idle, sent again on a new one
    ResponseComplete,       // {status, bytes on the wire}
    FollowingRedirect,      // {status, url}
    ExchangeFailed,         // {int(ExchangeError), detail verbatim}
    ClientRefusedFromHost,  // {address, limit}: the capture server already had `limit` connections from that address (429)
    RequestTimeout,         // {ms}: a request was not complete that long after its first byte (408, closed)
    OutputStalled,          // {ms}: the client took none of our output for that long (aborted)
    // keep last
    Count
};
constexpr common::EventArea eventAreaOf(Event) { return common::EventArea::Http; }

} // namespace netcore::http

#pragma once

#include "netcore/common/transcript.h"

// The TCP workbench's transcript events (presentation/tcp/tcptext.h says them). The shared ones (connecting,
// connected, closed, the other side closed, client connected/disconnected, refused for the server's limit) are
// netcore::common::Event. Append only: saved transcripts store the numbers.
namespace netcore::tcp {

enum class Event : quint16 {
    HalfClosed,          // {}: we shut our sending side (FIN sent); we still read what the peer sends
    Aborted,             // {}: we reset the connection (RST: SO_LINGER 0, then close)
    NoDelay,             // {"1" | "0"}: TCP_NODELAY switched on or off (Nagle's algorithm off or on)
    ClientRefusedHost,   // {host, limit}: that address already had its maximum number of connections
    ClientExpired,       // {client id, deadline (netcore::common::Deadline as a number)}: the server closed it
    ReadingPaused,       // {client id, queued bytes}: echo output not taken by the client; its reading waits
    ClientsDisconnected, // {count}: the server stopped and closed its clients
    TlsEstablished,      // {protocol, cipher}: the TLS handshake is done
    TlsErrorsIgnored,    // {Qt's text of each certificate error...}: accepted for this connection (--insecure)
    StaleSocketRemoved,  // {path}: a Unix socket file nobody answered on was removed before listening there
    Count
};
constexpr common::EventArea eventAreaOf(Event) { return common::EventArea::Tcp; }

} // namespace netcore::tcp

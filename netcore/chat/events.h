#pragma once

#include "netcore/common/transcript.h"

// The chat capability's transcript events (the shared ones are netcore::common::Event). Arguments are data:
// names, numbers, endpoints, protocol words; presentation::chat::eventText() says them.
namespace netcore::chat {

enum class Event : quint16 {
    // client
    ClassicConnecting,     // {host:port}: classic UDP datagrams go there (the native client logs common Connecting)
    ServerLineTooLong,     // {max bytes}: the server sent a longer line; it was dropped
    UnreadableServerLine,  // {problem}: a server line that does not decode; problem is the ERR code word of
                           // protocol.h's codes (malformed, invalid-utf8, unknown-command, name-invalid, line-too-long)
    // server, one TCP connection
    ClientClosing,         // {}: the server closes the connection once what is queued is out
    ClientAborted,         // {}: the server closed the connection at once (too slow, a deadline, disconnected)
    // server, classic UDP
    DatagramEmpty,         // {}: an empty datagram, ignored
    DatagramInvalidUtf8,   // {}: not UTF-8, ignored
    DatagramUnknownKind,   // {}: not L, C, Q or E, ignored
    DatagramMissingName,   // {}: no name, ignored
    DatagramTooLong,       // {max bytes}: longer than that, ignored
    ChatFromUnknown,       // {}: a chat datagram from an address that has not logged in, ignored
    QuitFromUnknown,       // {}: a quit datagram from an address that has not logged in, ignored
    // server, both transports
    ClientRefusedHostFull, // {limit}: that many clients from the peer's address already (TCP or classic login)
    // keep last
    Count
};
constexpr common::EventArea eventAreaOf(Event) { return common::EventArea::Chat; }

} // namespace netcore::chat

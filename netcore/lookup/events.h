#pragma once

#include "netcore/common/transcript.h"

// The lookup capability's transcript events: which question produced the address bytes that follow in the
// transcript (one Received entry per address). Arguments are data; presentation::lookup::eventText() says them.
namespace netcore::lookup {

enum class Event : quint16 {
    AddressConverted,  // {canonical address}: the input was an address, converted to its bytes
    InetAtonParsed,    // {input}: inet_aton/inet_pton read a (legacy) address form
    HostResolved,      // {name}: getaddrinfo answered
    DnsAnswered,       // {record type key ("A", "AAAA", ...), name}: a DNS query answered with addresses
    // keep last
    Count
};
constexpr common::EventArea eventAreaOf(Event) { return common::EventArea::Lookup; }

} // namespace netcore::lookup

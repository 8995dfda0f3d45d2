#pragma once

#include "netcore/common/transcript.h"

// The UDP engines' transcript events (presentation/udp/udptext.h says them). Append only: saved transcripts
// store the numbers.
namespace netcore::udp {

enum class Event : quint16 {
    SendFailed,      // {errno (0: none), the system's words verbatim}: the sender stopped (peer = destination)
    Count
};
constexpr common::EventArea eventAreaOf(Event) { return common::EventArea::Udp; }

} // namespace netcore::udp

#pragma once

#include "netcore/common/transcript.h"

#include <QString>

// The udp capability's facts as translated sentences: its transcript events (netcore::udp::Event) and errors.
namespace presentation::udp {

QString eventText(const netcore::common::TranscriptEvent &event);

} // namespace presentation::udp

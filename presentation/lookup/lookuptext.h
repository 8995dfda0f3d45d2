#pragma once

#include "netcore/common/transcript.h"

#include <QString>

// The lookup capability's facts as translated sentences: its transcript events (netcore::lookup::Event) and errors.
namespace presentation::lookup {

QString eventText(const netcore::common::TranscriptEvent &event);

} // namespace presentation::lookup

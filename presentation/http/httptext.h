#pragma once

#include "netcore/common/transcript.h"

#include <QString>

// The http capability's facts as translated sentences: its transcript events (netcore::http::Event) and errors.
namespace presentation::http {

QString eventText(const netcore::common::TranscriptEvent &event);

} // namespace presentation::http

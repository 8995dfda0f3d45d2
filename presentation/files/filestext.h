#pragma once

#include "netcore/common/transcript.h"

#include <QString>

// The files capability's facts as translated sentences: its transcript events (netcore::files::Event) and errors.
namespace presentation::files {

QString eventText(const netcore::common::TranscriptEvent &event);

} // namespace presentation::files

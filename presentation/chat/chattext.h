#pragma once

#include "netcore/common/transcript.h"

#include <QString>

// The chat capability's facts as translated sentences: its transcript events (netcore::chat::Event) and errors.
namespace presentation::chat {

QString eventText(const netcore::common::TranscriptEvent &event);

} // namespace presentation::chat

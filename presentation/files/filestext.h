#pragma once

#include "netcore/common/error.h"
#include "netcore/common/transcript.h"
#include "netcore/files/errors.h"

#include <QString>

// The files capability's facts as translated sentences: its transcript events (netcore::files::Event) and its errors
// (netcore::files::Error, clients, sessions and the server alike).
namespace presentation::files {

QString eventText(const netcore::common::TranscriptEvent &event);
QString errorText(netcore::files::Error error, const netcore::common::ErrorDetail &detail = {});

} // namespace presentation::files

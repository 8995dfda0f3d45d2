#pragma once

#include "netcore/common/transcript.h"

#include <QString>
#include <QStringList>

// Transcript events as sentences: the one place a typed event (area + code + arguments) becomes words, translated.
// The wire views, the saved text transcripts and the CLI all show events through eventText().
namespace presentation::common {

// The translated sentence for any event of any capability.
QString eventText(const netcore::common::TranscriptEvent &event);

// The shared events (netcore::common::Event).
QString commonEventText(netcore::common::Event code, const QStringList &args);

// What an unknown code (a file saved by a newer Socketeer) reads as: "event 12 (files): a, b".
QString unknownEventText(const netcore::common::TranscriptEvent &event);

} // namespace presentation::common

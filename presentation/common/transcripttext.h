#pragma once

#include "netcore/common/transcript.h"

#include <QList>
#include <QString>

// Transcripts as text for people (the wire views' "copy as text" and "save as text", the CLI's -v output).
namespace presentation::common {

// What the entry's data reads as: the bytes made visible (netcore::common::visibleText, one line), or for an
// event its translated sentence.
QString entryText(const netcore::common::TranscriptEntry &entry);

// curl -v style text: per entry a header line "+0.000120  >  local -> peer  [18 B]" followed by the bytes
// as visibleText() in multi-line mode, each line indented by four spaces; an event is one line with its
// translated sentence.
QString transcriptToText(const QList<netcore::common::TranscriptEntry> &entries, qint64 originUs);

} // namespace presentation::common

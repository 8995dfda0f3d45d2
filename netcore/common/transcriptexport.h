#pragma once

#include "common/transcript.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// Transcript entries as files: JSON (exact, bytes in base64, round-trips) and plain text (for reading).
// The formats are documented in docs/wire-view.md.
namespace netcore::common {

inline constexpr int kTranscriptJsonVersion = 1;

// "sent", "received", "event": the tokens used by the JSON format and the CLI.
QString directionToken(Direction direction);
std::optional<Direction> directionFromToken(QStringView token);

// "+12.345678": seconds (µs precision) since originUs.
QString relativeTimeString(qint64 monotonicUs, qint64 originUs);

// {"format": "socketeer-transcript", "version": 1, "origin_monotonic_us": ..., "entries": [...]}, indented.
QByteArray transcriptToJson(const QList<TranscriptEntry> &entries, qint64 originUs);

struct ParsedTranscript {
    QList<TranscriptEntry> entries;
    qint64 originUs = 0;
};
// Reads what transcriptToJson() wrote. On malformed input: nullopt and a reason in *errorString.
std::optional<ParsedTranscript> transcriptFromJson(const QByteArray &json, QString *errorString = nullptr);

// curl -v style text: per entry a header line "+0.000120  >  local -> peer  [18 B]" followed by the bytes
// as visibleText() in multi-line mode, each line indented by four spaces; an event is one line with its text.
QString transcriptToText(const QList<TranscriptEntry> &entries, qint64 originUs);

} // namespace netcore::common

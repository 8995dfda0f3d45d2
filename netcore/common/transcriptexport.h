#pragma once

#include "netcore/common/transcript.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

// Transcript entries as a file: JSON (exact, bytes in base64, events typed, round-trips). The format is documented
// in docs/wire-view.md. The plain-text rendering for people is presentation::common::transcriptToText().
namespace netcore::common {

// Version 2 stores events typed ({"event": {"area", "code", "args"}}); version 1 files (events as UTF-8 text
// in base64) still load, their events as Event::Text.
inline constexpr int kTranscriptJsonVersion = 2;

// "sent", "received", "event": the tokens used by the JSON format and the CLI.
QString directionToken(Direction direction);
std::optional<Direction> directionFromToken(QStringView token);
// "common", "lookup", "chat", "files", "udp", "http", "tcp".
QString eventAreaToken(EventArea area);
std::optional<EventArea> eventAreaFromToken(QStringView token);

// "+12.345678": seconds (µs precision) since originUs.
QString relativeTimeString(qint64 monotonicUs, qint64 originUs);

// {"format": "socketeer-transcript", "version": 2, "origin_monotonic_us": ..., "entries": [...]}, indented.
QByteArray transcriptToJson(const QList<TranscriptEntry> &entries, qint64 originUs);

enum class TranscriptFileError : quint8 {
    None,
    NotJson,              // detail: the JSON parser's position
    NotTranscript,        // no "format": "socketeer-transcript"
    UnsupportedVersion,   // detail: the version found
    BadEntry,             // detail: the index of the entry
};
struct ParsedTranscript {
    QList<TranscriptEntry> entries;
    qint64 originUs = 0;
    int version = kTranscriptJsonVersion;   // the version the file had
};
struct TranscriptFileResult {
    std::optional<ParsedTranscript> transcript;
    TranscriptFileError error = TranscriptFileError::None;
    qint64 detail = 0;
};
// Reads what transcriptToJson() wrote (version 1 or 2).
TranscriptFileResult transcriptFromJson(const QByteArray &json);

} // namespace netcore::common

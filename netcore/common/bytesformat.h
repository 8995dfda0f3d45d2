#pragma once

#include <QByteArray>
#include <QString>

// Pure formatting of raw bytes for people: shared by the wire view, the CLI (curl -v style output) and every tab.
namespace netcore::common {

enum class LineMode {
    SingleLine, // LF shows as ␊ only: one line of output (lists, previews, JSON "text")
    MultiLine,  // LF shows as ␊ followed by a real line break (detail panes, text exports)
};

// The bytes as text with nothing hidden: valid UTF-8 (Chinese included) shows as text; CR -> ␍, LF -> ␊,
// TAB -> \t; every other control character, C1 control, invisible format character (zero-width, bidi
// override, BOM) and every byte that is not part of valid UTF-8 -> \xNN (one per byte, NN upper-case hex).
// Backslashes in the data are shown as they are (the hex dump is the exact record).
// maxBytes >= 0 renders at most that many input bytes (never splitting a character) and appends "…" when cut.
QString visibleText(const QByteArray &bytes, LineMode mode = LineMode::SingleLine, qsizetype maxBytes = -1);

// Classic canonical hex dump (like `hexdump -C`), one line per 16 bytes, each ending in '\n':
// "00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|"
// The ASCII column shows 0x20..0x7e as themselves and every other byte as '.'. Empty input -> empty string.
QString hexDump(const QByteArray &bytes);

} // namespace netcore::common

#pragma once

#include <QByteArray>
#include <QString>

// Pure formatting of raw bytes for people: shared by the wire view, the CLI (curl -v style output) and every tab.
namespace netcore::common {

enum class LineMode {
    SingleLine, // LF shows as ␊ only: one line of output (lists, previews, JSON "text")
    MultiLine,  // LF shows as ␊ followed by a real line break (detail panes, text exports)
};

// How the escaper writes what it cannot show as itself.
enum class Escaping {
    Glyphs,      // wire views: CR -> ␍, LF -> ␊, TAB -> \t, other bytes \xNN (upper-case); a backslash stays a
                 // backslash (the hex dump is the exact record). Not meant to be typed back.
    Python,      // text a person can edit and have parsed back (netcore/common/escapes.h): CR -> \r, LF -> \n,
                 // TAB -> \t, backslash -> \\, other bytes \xNN (lower-case); UTF-8 stays text
    PythonBytes, // Python's repr() of bytes, without the b'' around it: as Python, plus ' -> \', and every byte
                 // outside printable ASCII -> \xNN (so UTF-8 shows as its bytes, as Python prints it)
};

// The one byte escaper. The bytes as text with nothing hidden: valid UTF-8 (Chinese included) shows as text
// (except with PythonBytes); every other control character, C1 control, invisible format character (zero-width,
// bidi override, BOM) and every byte that is not part of valid UTF-8 -> \xNN (one per byte); CR, LF, TAB and
// backslash as `escaping` says. MultiLine adds a real line break after each LF's symbol or escape (then the text
// cannot be parsed back exactly: use SingleLine for text that is typed back).
// maxBytes >= 0 renders at most that many input bytes (never splitting a character) and appends "…" when cut.
QString visibleText(const QByteArray &bytes, LineMode mode = LineMode::SingleLine, qsizetype maxBytes = -1,
                    Escaping escaping = Escaping::Glyphs);

// The one hex dump: classic canonical (like `hexdump -C`), one line per 16 bytes, each ending in '\n':
// "00000000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|"
// The ASCII column shows 0x20..0x7e as themselves and every other byte as '.'. Empty input -> empty string.
// maxBytes >= 0 dumps at most that many bytes and, when cut, ends with a line "…" (the caller can say how many
// bytes were left out: bytes.size() - maxBytes).
QString hexDump(const QByteArray &bytes, qsizetype maxBytes = -1);

} // namespace netcore::common

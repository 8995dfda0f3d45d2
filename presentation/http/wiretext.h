#pragma once

#include <QByteArray>
#include <QString>

// Bytes shown as text for the HTTP tab: control bytes made visible, and a classic hex dump.
namespace presentation::http {

// Python-style escapes, as the course writes them: CR as \r, LF as \n followed by a line break, TAB as \t,
// a backslash as \\, other control bytes as \xNN; UTF-8 stays text.
QString visibleBytes(const QByteArray &bytes);
// "00000000  47 45 54 20 ...  |GET ...|" lines.
QString hexDump(const QByteArray &bytes, qsizetype maxBytes = 256 * 1024);
// Pretty-printed JSON when `bytes` is JSON, else empty.
QString prettyJson(const QByteArray &bytes);
// HTML re-indented one element per line (two spaces per level, at most 32 levels deep): an element holding only
// text stays on one line, void elements (br, img, meta, ...) do not open a level, the contents of
// script/style/pre/textarea and comments are kept verbatim, whitespace between tags is dropped. Tolerant: unclosed
// and stray closing tags never throw it off by more than their own line. Empty when `text` does not look like markup.
QString prettyHtml(const QString &text);

} // namespace presentation::http

#pragma once

#include <QByteArray>
#include <QString>

// Bytes shown as text for the HTTP tab. The bytes themselves are escaped and dumped by the project's one escaper
// and hex dump (netcore/common/bytesformat.h: visibleText(..., Escaping::Python), hexDump()).
namespace presentation::http {

// The HTTP tab's hex panes dump at most this much of a message.
inline constexpr qsizetype kHexDumpMaxBytes = 256 * 1024;
// Pretty-printed JSON when `bytes` is JSON, else empty.
QString prettyJson(const QByteArray &bytes);
// HTML re-indented one element per line (two spaces per level, at most 32 levels deep): an element holding only
// text stays on one line, void elements (br, img, meta, ...) do not open a level, the contents of
// script/style/pre/textarea and comments are kept verbatim, whitespace between tags is dropped. Tolerant: unclosed
// and stray closing tags never throw it off by more than their own line. Empty when `text` does not look like markup.
QString prettyHtml(const QString &text);

} // namespace presentation::http

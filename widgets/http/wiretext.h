#pragma once

#include <QByteArray>
#include <QString>

// Bytes shown as text for the HTTP tab: control bytes made visible, and a classic hex dump.
namespace widgets::http {

// Python-style escapes, as the course writes them: CR as \r, LF as \n followed by a line break, TAB as \t,
// a backslash as \\, other control bytes as \xNN; UTF-8 stays text.
QString visibleBytes(const QByteArray &bytes);
// "00000000  47 45 54 20 ...  |GET ...|" lines.
QString hexDump(const QByteArray &bytes, qsizetype maxBytes = 256 * 1024);
// Pretty-printed JSON when `bytes` is JSON, else empty.
QString prettyJson(const QByteArray &bytes);

} // namespace widgets::http

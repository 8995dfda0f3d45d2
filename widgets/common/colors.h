#pragma once

#include <QColor>
#include <QString>

// The colours that carry a meaning, one of each for the whole window.
namespace widgets::common {

inline QColor errorColor() { return QColor(0xc0, 0x39, 0x2b); }     // a mistake, a failure
inline QColor warningColor() { return QColor(0xb9, 0x77, 0x0e); }   // worth a look, not wrong
// A style sheet for a label that shows an error.
inline QString errorStyleSheet() { return QStringLiteral("color: #c0392b"); }

} // namespace widgets::common

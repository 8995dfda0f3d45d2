#pragma once

#include <QString>

// Names people choose (chat names, file names) as one rule for every server: normalised to NFC, so that a
// name typed on two systems is one name, and refused when it holds a character nobody can see or that
// changes how text around it is shown.
namespace netcore::common {

enum class NameProblem : quint8 {
    None,
    Empty,
    Control,      // C0/C1 control characters (CR, LF, ESC, ...)
    Invisible,    // zero-width and other format characters (U+200B, U+FEFF, soft hyphen, ...)
    Bidi,         // direction controls (U+202E right-to-left override, isolates, marks)
    Unassigned,   // code points with no character, lone surrogates, private use, non-characters
    Count
};

struct NameCheck {
    QString name;                       // NFC-normalised
    NameProblem problem = NameProblem::None;
    qsizetype offset = -1;              // where the problem is, in `name` (UTF-16 units)
    char32_t codePoint = 0;             // the offending character

    bool ok() const { return problem == NameProblem::None; }
};

NameCheck checkName(const QString &name);

// What two names are compared by: NFC, then case-folded (Bob, BOB and bob are one chat name).
QString nameKey(const QString &name);

} // namespace netcore::common

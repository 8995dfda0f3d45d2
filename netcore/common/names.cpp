#include "netcore/common/names.h"

namespace netcore::common {
namespace {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
        || c == 0x061C;
}

NameProblem classify(char32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return NameProblem::Control;
    if (isBidiControl(c))
        return NameProblem::Bidi;
    switch (QChar::category(c)) {
    case QChar::Other_Format:            // U+200B..U+200D, U+2060, U+FEFF, U+00AD, tag characters, ...
        return NameProblem::Invisible;
    case QChar::Other_NotAssigned:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
        return NameProblem::Unassigned;
    default:
        break;
    }
    // Characters that render as nothing or as blank space although Unicode calls them letters or marks.
    if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F)
        || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x2800)
        return NameProblem::Invisible;
    if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF))
        return NameProblem::Unassigned;
    return NameProblem::None;
}

} // namespace

NameCheck checkName(const QString &name)
{
    NameCheck check;
    check.name = name.normalized(QString::NormalizationForm_C);
    if (check.name.isEmpty()) {
        check.problem = NameProblem::Empty;
        return check;
    }
    const QString &n = check.name;
    for (qsizetype i = 0; i < n.size(); ++i) {
        const qsizetype at = i;
        char32_t c = n.at(i).unicode();
        bool lone = false;
        if (QChar::isHighSurrogate(c) && i + 1 < n.size() && QChar::isLowSurrogate(n.at(i + 1).unicode())) {
            c = QChar::surrogateToUcs4(n.at(i), n.at(i + 1));
            ++i;
        } else if (QChar::isSurrogate(c)) {
            lone = true;
        }
        const NameProblem problem = lone ? NameProblem::Unassigned : classify(c);
        if (problem != NameProblem::None) {
            check.problem = problem;
            check.offset = at;
            check.codePoint = c;
            return check;
        }
    }
    return check;
}

QString nameKey(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C).toCaseFolded().normalized(QString::NormalizationForm_C);
}

} // namespace netcore::common

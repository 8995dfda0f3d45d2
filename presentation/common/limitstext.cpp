#include "presentation/common/limitstext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using netcore::common::Deadline;
using netcore::common::NameProblem;

namespace presentation::common {
namespace {

struct LimitsText {
    Q_DECLARE_TR_FUNCTIONS(presentation::common::LimitsText)
};

} // namespace

QString deadlineText(Deadline deadline)
{
    switch (deadline) {
    case Deadline::Hello:
        return LimitsText::tr("connected but did not join in time");
    case Deadline::Request:
        return LimitsText::tr("a request was begun but not completed in time");
    case Deadline::Idle:
        return LimitsText::tr("idle for too long");
    case Deadline::Drain:
        return LimitsText::tr("did not read what the server sent");
    case Deadline::Rate:
        return LimitsText::tr("the transfer was slower than the minimum rate");
    case Deadline::Count:
        break;
    }
    return LimitsText::tr("a time limit passed");
}

QString nameProblemText(const netcore::common::NameCheck &check)
{
    const QString where = u"U+%1"_s.arg(uint(check.codePoint), 4, 16, QLatin1Char('0')).toUpper();
    switch (check.problem) {
    case NameProblem::None:
        return LimitsText::tr("the name is fine");
    case NameProblem::Empty:
        return LimitsText::tr("the name is empty");
    case NameProblem::Control:
        return LimitsText::tr("the name contains a control character (%1)").arg(where);
    case NameProblem::Invisible:
        return LimitsText::tr("the name contains an invisible character (%1)").arg(where);
    case NameProblem::Bidi:
        return LimitsText::tr("the name contains a text-direction control (%1)").arg(where);
    case NameProblem::Unassigned:
        return LimitsText::tr("the name contains a code point that is not a character (%1)").arg(where);
    case NameProblem::Count:
        break;
    }
    return LimitsText::tr("the name is not allowed");
}

} // namespace presentation::common

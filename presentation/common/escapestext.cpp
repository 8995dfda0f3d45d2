#include "presentation/common/escapestext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using netcore::common::EscapeError;

namespace presentation::common {
namespace {

struct EscapesText {
    Q_DECLARE_TR_FUNCTIONS(presentation::common::EscapesText)
};

} // namespace

QString escapeHint()
{
    return u"\\r \\n \\t \\xNN"_s;
}

QString escapeErrorText(const netcore::common::EscapeParseError &error)
{
    switch (error.code) {
    case EscapeError::TrailingBackslash:
        return EscapesText::tr("a backslash at the end needs a character after it (write \\\\ for a backslash)");
    case EscapeError::BadHexEscape:
        return EscapesText::tr("\\x needs two hex digits, as in \\x0a");
    case EscapeError::UnknownEscape:
        return EscapesText::tr("unknown escape \\%1 (known: %2)").arg(error.character, u"\\r \\n \\t \\0 \\\\ \\xNN"_s);
    case EscapeError::Count:
        break;
    }
    return EscapesText::tr("invalid escape");
}

} // namespace presentation::common

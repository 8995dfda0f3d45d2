// TEMPORARY scaffold so the tree configures while the lookup helper writes the real command (it replaces this file).
#include "cli/lookupcommand.h"

#include "cli/cli.h"
#include "cli/output.h"

namespace app::cli {

int runLookup(const QStringList &arguments)
{
    return failure(arguments.constFirst(), QStringLiteral("under construction"), ExitFailure);
}

} // namespace app::cli

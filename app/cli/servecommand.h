#pragma once

#include <QStringList>

namespace app::cli {

// `socketeer serve [SERVER] [options]`: runs classroom servers headless, logging to stdout.
// Without SERVER it starts every server with its classroom defaults.
int runServe(const QStringList &arguments);

} // namespace app::cli

#pragma once

#include <QStringList>

namespace app::cli {

// `socketeer lookup host|addr|dns|service|convert|subnet|interfaces ...`
int runLookup(const QStringList &arguments);

} // namespace app::cli

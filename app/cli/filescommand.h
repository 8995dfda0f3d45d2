#pragma once

#include <QStringList>

namespace app::cli {

// `socketeer files ls|get|put HOST[:PORT] ...`: the file-transfer client, with progress on stderr.
int runFiles(const QStringList &arguments);

} // namespace app::cli

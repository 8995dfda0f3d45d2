#pragma once

#include <QObject>
#include <QStringList>

#include <optional>

namespace app::cli {

// `socketeer serve http [--port 8000] [--bind ADDR] [--root DIR] ...`: the capture / static server as a
// child of `owner`, logging each request to stdout. std::nullopt when serving, otherwise the exit code.
std::optional<int> startHttpServer(const QStringList &arguments, QObject *owner);

} // namespace app::cli

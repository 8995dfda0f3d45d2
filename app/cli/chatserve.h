#pragma once

#include <QObject>
#include <QStringList>

#include <optional>

namespace app::cli {

// `socketeer serve chat [options]`: starts the chat room server (native TCP and the course's classic UDP on one
// port number) as a child of `owner`, logging joins and leaves to stdout. Lines typed on stdin (when it is not a
// terminal-less /dev/null) are sent to the room as the operator, 管理员.
// Returns std::nullopt when serving, otherwise the exit code (usage error, cannot bind).
std::optional<int> startChatServer(const QStringList &arguments, QObject *owner);

} // namespace app::cli

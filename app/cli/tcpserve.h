#pragma once

#include <QObject>
#include <QStringList>

#include <optional>

namespace app::cli {

// `socketeer serve tcp [--port N] [--mode echo|show|reply] [--reply TEXT] [--rule MATCH=REPLY]...`: the raw TCP
// server (servecommand.h: the start-function contract).
std::optional<int> startTcpServer(const QStringList &arguments, QObject *owner);

} // namespace app::cli

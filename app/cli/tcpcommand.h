#pragma once

#include <QStringList>

namespace app::cli {

// `socketeer tcp connect HOST PORT ...`: the TCP workbench's client on the command line, every read shown with its
// size (the boundaries the network made), optionally re-cut by a framing.
int runTcp(const QStringList &arguments);

// `socketeer tcp connect HOST PORT | --unix PATH ...` (app/cli/tcpconnect.cpp).
int runTcpConnect(const QStringList &arguments);
// `socketeer tcp listen PORT | --unix PATH ...` (app/cli/tcplisten.cpp).
int runTcpListen(const QStringList &arguments);

} // namespace app::cli

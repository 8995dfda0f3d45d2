#pragma once

#include <QStringList>

namespace app::cli {

// `socketeer udp send|listen ...`: the UDP tab's engines on the command line.
int runUdp(const QStringList &arguments);

} // namespace app::cli

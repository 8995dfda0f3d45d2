#pragma once

#include <QStringList>

namespace app::cli {

// `socketeer tcp probe HOST PORT --clients N ...`: the concurrency probe (netcore/tcp/probe.h) on the command line —
// N clients connect at once, each sends a message and waits for its answer; prints the per-client table and the
// verdict (a loop server, concurrent, a pool of N) with its evidence, or one JSON document with --json.
int runTcpProbe(const QStringList &arguments);

} // namespace app::cli

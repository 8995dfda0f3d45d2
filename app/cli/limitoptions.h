#pragma once

#include "netcore/common/server.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The limit flags every `socketeer serve` verb shares, and the one mapping from them to
// netcore::common::ServerLimits (docs/reliability.md says which limits each server enforces):
//
//   --max-clients N             maxClients        --drain-timeout DURATION  drainTimeout
//   --max-per-host N            maxPerHost        --hello-timeout DURATION  helloTimeout   (chat, files)
//   --idle-timeout DURATION     idleTimeout       --max-queued SIZE         maxQueuedOutput
//   --request-timeout DURATION  requestTimeout    --memory-budget SIZE      memoryBudget   (http)
//
// Values use the command line's vocabulary (app/cli/arguments.h): durations "30s", "500ms", "2m" (a bare number is
// seconds), sizes "1M", "64KiB"; 0 turns a timeout off and lifts a size or per-host bound (as in ServerLimits).
// A flag that is not given leaves the server's own default.
namespace app::cli {

enum class LimitFlag : quint16 {
    MaxClients = 1 << 0,
    MaxPerHost = 1 << 1,
    IdleTimeout = 1 << 2,
    RequestTimeout = 1 << 3,
    HelloTimeout = 1 << 4,
    DrainTimeout = 1 << 5,
    MaxQueued = 1 << 6,
    MemoryBudget = 1 << 7,
};
Q_DECLARE_FLAGS(LimitFlags, LimitFlag)
Q_DECLARE_OPERATORS_FOR_FLAGS(LimitFlags)

// The flags every server takes; chat and files add --hello-timeout, http adds --memory-budget.
constexpr LimitFlags kCommonLimitFlags = LimitFlag::MaxClients | LimitFlag::MaxPerHost | LimitFlag::IdleTimeout
                                         | LimitFlag::RequestTimeout | LimitFlag::DrainTimeout | LimitFlag::MaxQueued;
constexpr LimitFlags kAllLimitFlags = kCommonLimitFlags | LimitFlag::HelloTimeout | LimitFlag::MemoryBudget;

// The options for the flags in `which`, in the order above; each help text names its default from `defaults`
// (pass the server's limits()). Without defaults (serve running every server), the help says each server keeps its own.
QList<QCommandLineOption> limitOptions(LimitFlags which, const netcore::common::ServerLimits &defaults);
QList<QCommandLineOption> limitOptions(LimitFlags which);

// Sets the field of `limits` for every flag in `which` that `parser` has (the others keep their value). On a bad
// value: false, *option = "--idle-timeout", *error = the reason (usageError(command, *option, *error) prints it).
bool applyLimitOptions(const QCommandLineParser &parser, LimitFlags which, netcore::common::ServerLimits *limits,
                       QString *option, QString *error);

// The same for one server: sets `server`'s limits from the flags in `which` that `parser` has. nullopt when done;
// on a bad value the usage error is printed (usageError(command, "--flag", reason)) and its exit code returned.
std::optional<int> applyLimitOptions(const QCommandLineParser &parser, LimitFlags which, netcore::common::Server *server,
                                     const QString &command);

// The "--flag value" pairs `parser` has for the flags in `which`, to pass on to another command line.
QStringList limitArguments(const QCommandLineParser &parser, LimitFlags which);

} // namespace app::cli

#include "app/cli/limitoptions.h"

#include "app/cli/arguments.h"
#include "app/cli/output.h"

#include <QCoreApplication>

#include <array>
#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Limits.
struct Limits
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Limits)
};

using netcore::common::ServerLimits;

enum class Kind { Count, Duration, Size };

// One row per flag: its name, its kind, and the ServerLimits field it sets (exactly one of the three pointers).
struct Flag {
    LimitFlag flag;
    QLatin1StringView name;
    Kind kind;
    int ServerLimits::*count;
    std::chrono::milliseconds ServerLimits::*duration;
    qint64 ServerLimits::*size;
};

constexpr std::array kFlags{
    Flag{LimitFlag::MaxClients, "max-clients"_L1, Kind::Count, &ServerLimits::maxClients, nullptr, nullptr},
    Flag{LimitFlag::MaxPerHost, "max-per-host"_L1, Kind::Count, &ServerLimits::maxPerHost, nullptr, nullptr},
    Flag{LimitFlag::IdleTimeout, "idle-timeout"_L1, Kind::Duration, nullptr, &ServerLimits::idleTimeout, nullptr},
    Flag{LimitFlag::RequestTimeout, "request-timeout"_L1, Kind::Duration, nullptr, &ServerLimits::requestTimeout, nullptr},
    Flag{LimitFlag::HelloTimeout, "hello-timeout"_L1, Kind::Duration, nullptr, &ServerLimits::helloTimeout, nullptr},
    Flag{LimitFlag::DrainTimeout, "drain-timeout"_L1, Kind::Duration, nullptr, &ServerLimits::drainTimeout, nullptr},
    Flag{LimitFlag::MaxQueued, "max-queued"_L1, Kind::Size, nullptr, nullptr, &ServerLimits::maxQueuedOutput},
    Flag{LimitFlag::MemoryBudget, "memory-budget"_L1, Kind::Size, nullptr, nullptr, &ServerLimits::memoryBudget},
};

constexpr Duration kLongestTimeout = 24h;
constexpr qint64 kLargestSize = qint64(1) << 40;   // 1 TiB

// What the flag does, without its default.
QString purpose(LimitFlag flag)
{
    switch (flag) {
    case LimitFlag::MaxClients: return Limits::tr("Most clients at once, from every host together");
    case LimitFlag::MaxPerHost: return Limits::tr("Most clients at once from one address; 0: no per-host bound");
    case LimitFlag::IdleTimeout: return Limits::tr("Close a connection that completed no request and moved no byte for this long");
    case LimitFlag::RequestTimeout: return Limits::tr("Close a connection whose begun request is not complete within this (one byte now and then does not extend it)");
    case LimitFlag::HelloTimeout: return Limits::tr("Close a connection that has not joined or said hello within this");
    case LimitFlag::DrainTimeout: return Limits::tr("Abort a connection whose pending output takes no byte for this long");
    case LimitFlag::MaxQueued: return Limits::tr("Unsent output per connection above which its requests wait (backpressure); 0: no bound");
    case LimitFlag::MemoryBudget: return Limits::tr("Input buffered by all connections together; 0: no bound");
    }
    return {};
}

QString valueName(Kind kind)
{
    switch (kind) {
    case Kind::Count: return Limits::tr("N");
    case Kind::Duration: return Limits::tr("DURATION");
    case Kind::Size: return Limits::tr("SIZE");
    }
    return {};
}

QString defaultText(const Flag &row, const ServerLimits &defaults)
{
    switch (row.kind) {
    case Kind::Count: {
        const int value = defaults.*row.count;
        return value == 0 ? Limits::tr("no bound") : QString::number(value);
    }
    case Kind::Duration: {
        const std::chrono::milliseconds value = defaults.*row.duration;
        return value == 0ms ? Limits::tr("off") : durationText(value);
    }
    case Kind::Size: {
        const qint64 value = defaults.*row.size;
        return value == 0 ? Limits::tr("no bound") : sizeText(value);
    }
    }
    return {};
}

QList<QCommandLineOption> options(LimitFlags which, const ServerLimits *defaults)
{
    QList<QCommandLineOption> list;
    for (const Flag &row : kFlags) {
        if (!which.testFlag(row.flag))
            continue;
        const QString help = defaults ? Limits::tr("%1 (default %2).").arg(purpose(row.flag), defaultText(row, *defaults))
                                      : Limits::tr("%1 (default: each server's own).").arg(purpose(row.flag));
        list.append(QCommandLineOption(QString(row.name), help, valueName(row.kind)));
    }
    return list;
}

} // namespace

QList<QCommandLineOption> limitOptions(LimitFlags which, const ServerLimits &defaults)
{
    return options(which, &defaults);
}

QList<QCommandLineOption> limitOptions(LimitFlags which)
{
    return options(which, nullptr);
}

bool applyLimitOptions(const QCommandLineParser &parser, LimitFlags which, ServerLimits *limits, QString *option,
                       QString *error)
{
    ServerLimits result = *limits;
    for (const Flag &row : kFlags) {
        const QString name(row.name);
        if (!which.testFlag(row.flag) || !parser.isSet(name))
            continue;
        const QString text = parser.value(name);
        *option = u"--"_s + name;
        switch (row.kind) {
        case Kind::Count: {
            const qint64 lowest = row.flag == LimitFlag::MaxClients ? 1 : 0;
            const std::optional<qint64> value = parseCount(text, lowest, kMaxClientCount, error);
            if (!value)
                return false;
            result.*row.count = int(*value);
            break;
        }
        case Kind::Duration: {
            const std::optional<Duration> value = parseDuration(text, DurationUnit::Seconds, 0us, kLongestTimeout, error);
            if (!value)
                return false;
            // ServerLimits counts milliseconds: a positive value below 1 ms stays a (1 ms) deadline, never "off".
            result.*row.duration = std::chrono::ceil<std::chrono::milliseconds>(*value);
            break;
        }
        case Kind::Size: {
            const std::optional<qint64> value = parseSize(text, 0, kLargestSize, error);
            if (!value)
                return false;
            result.*row.size = *value;
            break;
        }
        }
    }
    *limits = result;
    return true;
}

std::optional<int> applyLimitOptions(const QCommandLineParser &parser, LimitFlags which, netcore::common::Server *server,
                                     const QString &command)
{
    ServerLimits limits = server->limits();
    QString option;
    QString error;
    if (!applyLimitOptions(parser, which, &limits, &option, &error))
        return usageError(command, option, error);
    server->setLimits(limits);
    return std::nullopt;
}

QStringList limitArguments(const QCommandLineParser &parser, LimitFlags which)
{
    QStringList arguments;
    for (const Flag &row : kFlags) {
        const QString name(row.name);
        if (which.testFlag(row.flag) && parser.isSet(name))
            arguments << u"--"_s + name << parser.value(name);
    }
    return arguments;
}

} // namespace app::cli

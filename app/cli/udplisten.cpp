// `socketeer udp listen PORT ...`: the UDP tab's listener on the command line.
#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"
#include "app/cli/udpcommon.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "netcore/udp/udplistener.h"
#include "presentation/common/escapestext.h"
#include "presentation/udp/udptext.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace netcore::udp;

namespace app::cli {
namespace {

constexpr Duration kMaxTimeout = std::chrono::hours(7 * 24);
constexpr qint64 kMaxCount = 1'000'000'000'000;
constexpr qsizetype kPreviewBytes = 120;

struct ListenOptions {
    QCommandLineOption bind{u"bind"_s, Udp::tr("Listen on this local address (default 0.0.0.0; :: for IPv6)."), u"ADDR"_s};
    QCommandLineOption group{u"group"_s, Udp::tr("Join this multicast group (repeatable)."), u"GROUP"_s};
    QCommandLineOption interface{u"interface"_s, Udp::tr("Join the groups on this interface."), u"NAME"_s};
    QCommandLineOption reply{u"reply"_s, Udp::tr("Answer every datagram with TEXT (escapes allowed)."), u"TEXT"_s};
    QCommandLineOption count{u"count"_s, Udp::tr("Stop after N datagrams (exit 1 if the timeout comes first)."), u"N"_s};
    QCommandLineOption timeout{u"timeout"_s, Udp::tr("Stop after this long (e.g. 500ms, 30s, 5m; a bare number is seconds)."), u"DURATION"_s};
    QCommandLineOption quiet{u"quiet"_s, Udp::tr("Do not print each datagram.")};
    QCommandLineOption stats{u"stats"_s, Udp::tr("Do not print each datagram; print counters and loss at the end.")};

    void addTo(QCommandLineParser &parser) const { parser.addOptions({bind, group, interface, reply, count, timeout, quiet, stats}); }
};

void printDatagram(const Datagram &d)
{
    const QString time = QDateTime::fromMSecsSinceEpoch(d.wallUs / 1000).toString(u"HH:mm:ss.zzz"_s);
    QString line = time + u"  "_s + netcore::common::endpointString(d.source, d.sourcePort) + u"  "_s
                   + Udp::tr("%n byte(s)", nullptr, int(d.payload.size()));
    if (d.sequence)
        line += u"  "_s + Udp::tr("seq %1").arg(*d.sequence);
    line += u"  "_s + netcore::common::visibleText(d.sequence ? d.payload.mid(netcore::udp::kSequencedHeaderSize) : d.payload,
                                                    netcore::common::LineMode::SingleLine, kPreviewBytes);
    out() << line << '\n';
}

QString jitterMs(double jitterUs)
{
    return QString::number(jitterUs / 1000.0, 'f', 3);
}

// With one source: its loss rows. With several: the totals (counts summed over the sources, jitter the worst
// source's: a mean of jitters describes no stream), then one row per source.
void printStats(const ListenerCounters &c, const QHash<QString, LossStats> &sources, double seconds)
{
    QList<std::pair<QString, QString>> rows{
        {Udp::tr("datagrams"), QString::number(c.datagrams)},
        {Udp::tr("bytes"), QString::number(c.bytes)},
        {Udp::tr("seconds"), QString::number(seconds, 'f', 3)},
        {Udp::tr("rate (datagrams/s)"), QString::number(seconds > 0 ? double(c.datagrams) / seconds : 0, 'f', 0)},
    };
    if (c.replies || c.replyErrors)
        rows.append({Udp::tr("replies"), QString::number(c.replies)});
    if (c.sequenced) {
        rows.append({Udp::tr("sequenced"), QString::number(c.sequenced)});
        if (sources.size() <= 1) {
            rows.append({Udp::tr("expected"), QString::number(c.loss.expected)});
            rows.append({Udp::tr("lost"), QString::number(c.loss.lost)});
            rows.append({Udp::tr("out of order"), QString::number(c.loss.outOfOrder)});
            rows.append({Udp::tr("duplicates"), QString::number(c.loss.duplicates)});
            rows.append({Udp::tr("jitter (ms)"), jitterMs(c.loss.jitterUs)});
        } else {
            rows.append({Udp::tr("sources"), QString::number(sources.size())});
            rows.append({Udp::tr("expected (sum of sources)"), QString::number(c.loss.expected)});
            rows.append({Udp::tr("lost (sum of sources)"), QString::number(c.loss.lost)});
            rows.append({Udp::tr("out of order (sum of sources)"), QString::number(c.loss.outOfOrder)});
            rows.append({Udp::tr("duplicates (sum of sources)"), QString::number(c.loss.duplicates)});
            rows.append({Udp::tr("jitter (ms, worst source)"), jitterMs(c.loss.jitterUs)});
        }
    }
    printTable(rows);
    if (sources.size() <= 1)
        return;
    QStringList keys = sources.keys();
    std::sort(keys.begin(), keys.end());
    out() << Udp::tr("Per source:") << '\n';
    for (const QString &key : std::as_const(keys)) {
        const LossStats s = sources.value(key);
        out() << "  " << key << "  "
              << Udp::tr("received %1  expected %2  lost %3  out of order %4  duplicates %5  jitter %6 ms")
                     .arg(s.received).arg(s.expected).arg(s.lost).arg(s.outOfOrder).arg(s.duplicates).arg(jitterMs(s.jitterUs))
              << '\n';
    }
    out().flush();
}

} // namespace

int runUdpListen(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(Udp::tr("Receive datagrams on PORT (0 = any free port; the bound port is printed first). "
                                             "Several listeners may share a port (SO_REUSEADDR)."));
    parser.addPositionalArgument(u"PORT"_s, Udp::tr("Local port."));
    const ListenOptions o;
    o.addTo(parser);
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    if (const std::optional<int> code = expectPositionals(parser, command, 1, 1))
        return *code;
    ListenerOptions options;
    QString reason;
    const std::optional<quint16> port = parsePort(parser.positionalArguments().at(0), PortZero::Allowed, &reason);
    if (!port)
        return usageError(command, u"PORT"_s, reason);
    options.port = *port;
    if (parser.isSet(o.bind)) {
        const std::optional<QHostAddress> bind = parseAddress(parser.value(o.bind), &reason);
        if (!bind)
            return usageError(command, u"--bind"_s, reason);
        options.bindAddress = *bind;
    }
    for (const QString &text : parser.values(o.group)) {
        const QHostAddress group(text);
        if (!group.isMulticast())
            return usageError(command, Udp::tr("%1 is not a multicast group address").arg(text));
        options.groups.append(group);
        if (!parser.isSet(o.bind) && group.protocol() == QAbstractSocket::IPv6Protocol)
            options.bindAddress = QHostAddress(QHostAddress::AnyIPv6);
    }
    options.groupInterface = parser.value(o.interface);
    if (parser.isSet(o.reply)) {
        netcore::common::EscapeParseError error;
        const std::optional<QByteArray> reply = netcore::common::parseEscapes(parser.value(o.reply), &error);
        if (!reply)
            return usageError(command, u"--reply: "_s + presentation::common::escapeErrorText(error));
        options.replyEnabled = true;
        options.reply = *reply;
    }
    qint64 count = 0;
    if (parser.isSet(o.count)) {
        const std::optional<qint64> value = parseCount(parser.value(o.count), 1, kMaxCount, &reason);
        if (!value)
            return usageError(command, u"--count"_s, reason);
        count = *value;
    }
    std::optional<Duration> timeoutAfter;
    if (parser.isSet(o.timeout)) {
        timeoutAfter = parseDuration(parser.value(o.timeout), DurationUnit::Seconds, std::chrono::milliseconds(1), kMaxTimeout, &reason);
        if (!timeoutAfter)
            return usageError(command, u"--timeout"_s, reason);
    }
    const bool showEach = !parser.isSet(o.quiet) && !parser.isSet(o.stats);

    UdpListener listener;
    if (!listener.start(options))
        return failure(command, presentation::udp::errorText(listener.error(), listener.errorDetail()), ExitFailure);
    printListening("udp"_L1, {{"udp"_L1, listener.localAddress(), listener.localPort()}},
                   Udp::tr("Receiving datagrams on %1.").arg(netcore::common::endpointString(listener.localAddress(), listener.localPort())));

    QEventLoop loop;
    qint64 seen = 0;
    bool countReached = false;
    QObject::connect(&listener, &UdpListener::datagramsReceived, &loop, [&](const QList<Datagram> &batch) {
        for (const Datagram &d : batch) {
            if (countReached)
                break;
            if (showEach)
                printDatagram(d);
            countReached = count > 0 && ++seen >= count;
        }
        out().flush();
        if (countReached)
            loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (timeoutAfter)
        timeout.start(std::chrono::duration_cast<std::chrono::milliseconds>(*timeoutAfter));
    QElapsedTimer clock;
    clock.start();
    loop.exec();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const ListenerCounters counters = listener.counters();
    const QHash<QString, LossStats> sources = listener.lossPerSource();
    listener.stop();
    if (parser.isSet(o.stats))
        printStats(counters, sources, seconds);
    if (count > 0 && !countReached)
        return failure(command, Udp::tr("timed out after %1 of %2 datagrams").arg(seen).arg(count), ExitNotFound);
    return ExitOk;
}

} // namespace app::cli

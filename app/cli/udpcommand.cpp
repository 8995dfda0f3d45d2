// `socketeer udp send HOST PORT ...`: the UDP tab's sender on the command line (and the verb dispatch).
#include "app/cli/udpcommand.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/help.h"
#include "app/cli/output.h"
#include "app/cli/udpcommon.h"

#include "netcore/common/bytesformat.h"
#include "netcore/udp/payload.h"
#include "netcore/udp/structformat.h"
#include "netcore/udp/udpsender.h"

#include <QEventLoop>

#include <array>
#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace netcore::udp;

namespace app::cli {
namespace {

constexpr qint64 kMaxCount = 1'000'000'000;
constexpr double kMaxRate = 10'000'000;
constexpr Duration kMaxInterval = std::chrono::hours(24);
constexpr qint64 kMaxTtl = 255;
constexpr qint64 kMinSequencedSize = 20;   // the sequence header

constexpr const char *kSendDescription = QT_TRANSLATE_NOOP("app::cli::Udp",
    "Send datagrams to HOST:PORT. HOST may be an address, a host name, a broadcast address (255.255.255.255 or "
    "'<broadcast>', or a subnet's x.x.x.255) or a multicast group. The payload is the TEXT argument (escapes %1), or --hex, "
    "--file, or --struct FORMAT with one VALUE argument per value (Python struct syntax, e.g. "
    "--struct '!i8sf' 7 zhangsan 1.75; negative values need no --: --struct '<hq' -2 -9000000000).");

struct SendOptions {
    QCommandLineOption broadcast{u"broadcast"_s, Udp::tr("Set SO_BROADCAST even if HOST does not look like a broadcast address.")};
    QCommandLineOption ttl{u"ttl"_s, Udp::tr("Time to live: IP_MULTICAST_TTL for groups, IP_TTL otherwise."), u"N"_s};
    QCommandLineOption interface{u"interface"_s, Udp::tr("Send multicast out of this interface (IP_MULTICAST_IF)."), u"NAME"_s};
    QCommandLineOption bind{u"bind"_s, Udp::tr("Send from this local address."), u"ADDR"_s};
    QCommandLineOption sourcePort{u"source-port"_s, Udp::tr("Send from this local port."), u"PORT"_s};
    QCommandLineOption hex{u"hex"_s, Udp::tr("The payload arguments are hex digits (\"de ad be ef\").")};
    QCommandLineOption structFormat{u"struct"_s, Udp::tr("Pack the VALUE arguments with this Python struct format."), u"FORMAT"_s};
    QCommandLineOption file{u"file"_s, Udp::tr("Send the contents of FILE (at most 65507 bytes)."), u"FILE"_s};
    QCommandLineOption count{u"count"_s, Udp::tr("Send N datagrams (default 1; 0 = until interrupted)."), u"N"_s, u"1"_s};
    QCommandLineOption interval{u"interval"_s, Udp::tr("Wait this long between datagrams (e.g. 20ms, 0.5s; a bare number is milliseconds)."), u"DURATION"_s};
    QCommandLineOption rate{u"rate"_s, Udp::tr("Send PPS datagrams per second (e.g. 200, 10k)."), u"PPS"_s};
    QCommandLineOption sequenced{u"sequenced"_s, Udp::tr("Prefix each datagram with a sequence number and send time (for loss counting).")};
    QCommandLineOption size{u"size"_s, Udp::tr("With --sequenced: make every datagram N bytes (header + payload, padded)."), u"N"_s};
    QCommandLineOption quiet{u"quiet"_s, Udp::tr("Print only errors.")};

    QList<QCommandLineOption> all() const
    {
        return {broadcast, ttl, interface, bind, sourcePort, hex, structFormat, file, count, interval, rate, sequenced, size, quiet};
    }
};

// The payload from the positional arguments after HOST PORT and the payload options, or a usage error message.
std::optional<QByteArray> payloadFrom(const QCommandLineParser &parser, const SendOptions &o, QString *error)
{
    const QStringList rest = parser.positionalArguments().mid(2);
    const int kinds = int(parser.isSet(o.hex)) + int(parser.isSet(o.structFormat)) + int(parser.isSet(o.file));
    if (kinds > 1) {
        *error = Udp::tr("use only one of --hex, --struct and --file");
        return std::nullopt;
    }
    if (parser.isSet(o.file)) {
        if (!rest.isEmpty()) {
            *error = Udp::tr("unexpected argument '%1' (the payload comes from --file)").arg(rest.first());
            return std::nullopt;
        }
        PayloadError payloadError;
        std::optional<QByteArray> bytes = Payload::fromFile(parser.value(o.file), &payloadError);
        if (!bytes)
            *error = payloadError.message;
        return bytes;
    }
    if (parser.isSet(o.structFormat)) {
        StructError structError;
        const std::optional<StructFormat> format = StructFormat::parse(parser.value(o.structFormat), &structError);
        if (!format) {
            *error = Udp::tr("--struct: %1 (at character %2)").arg(structError.message).arg(structError.position + 1);
            return std::nullopt;
        }
        std::optional<QList<StructValue>> values = format->valuesFromText(rest, &structError);
        std::optional<QByteArray> packed = values ? format->pack(*values, &structError) : std::nullopt;
        if (!packed)
            *error = u"--struct: "_s + structError.message;
        return packed;
    }
    const QString text = rest.join(u' ');
    PayloadError payloadError;
    std::optional<QByteArray> bytes = parser.isSet(o.hex) ? Payload::fromHex(text, &payloadError) : Payload::fromEscapedText(text, &payloadError);
    if (!bytes)
        *error = payloadError.position >= 0 ? Udp::tr("%1 (at character %2)").arg(payloadError.message).arg(payloadError.position + 1)
                                            : payloadError.message;
    return bytes;
}

// The schedule options into `options`, or a usage error message naming the option.
bool scheduleFrom(const QCommandLineParser &parser, const SendOptions &o, netcore::udp::SenderOptions &options, QString *error)
{
    QString reason;
    const auto fail = [&](const QString &option) {
        *error = option + u": "_s + reason;
        return false;
    };
    const std::optional<qint64> count = parseCount(parser.value(o.count), 0, kMaxCount, &reason);
    if (!count)
        return fail(u"--count"_s);
    options.count = *count;
    if (parser.isSet(o.interval) && parser.isSet(o.rate)) {
        *error = Udp::tr("use either --interval or --rate");
        return false;
    }
    if (parser.isSet(o.interval)) {
        const std::optional<Duration> interval = parseDuration(parser.value(o.interval), DurationUnit::Milliseconds, Duration(0),
                                                               kMaxInterval, &reason);
        if (!interval)
            return fail(u"--interval"_s);
        options.interval = *interval;
    }
    if (parser.isSet(o.rate)) {
        const std::optional<double> rate = parseRate(parser.value(o.rate), kMaxRate, &reason);
        if (!rate)
            return fail(u"--rate"_s);
        options.rate = *rate;
    }
    if (parser.isSet(o.size)) {
        const std::optional<qint64> size = parseSize(parser.value(o.size), kMinSequencedSize, kMaxDatagramSize, &reason);
        if (!size)
            return fail(u"--size"_s);
        options.sequencedSize = *size;
    }
    return true;
}

QString optionsLine(const QList<SocketOption> &options)
{
    QStringList parts;
    for (const SocketOption &option : options)
        parts.append(option.name + u'=' + option.value);
    return parts.join(u' ');
}

QString kindName(DestinationKind kind)
{
    switch (kind) {
    case DestinationKind::Unicast: return Udp::tr("unicast");
    case DestinationKind::LimitedBroadcast: return Udp::tr("limited broadcast");
    case DestinationKind::SubnetBroadcast: return Udp::tr("subnet broadcast");
    case DestinationKind::Multicast: return Udp::tr("multicast");
    }
    return {};
}

} // namespace

int runUdpSend(const QStringList &arguments)
{
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(Udp::tr(kSendDescription).arg(u"\\r \\n \\t \\xNN"_s));
    parser.addPositionalArgument(u"HOST"_s, Udp::tr("Destination address or host name."));
    parser.addPositionalArgument(u"PORT"_s, Udp::tr("Destination port."));
    parser.addPositionalArgument(u"TEXT|VALUE..."_s, Udp::tr("The payload (see above)."), u"[TEXT|VALUE...]"_s);
    const SendOptions o;
    // The values after --struct FORMAT may be negative numbers: parsed as values, not as options.
    if (const std::optional<int> code = parseArguments(parser, o.all(), arguments, command))
        return *code;
    if (parser.positionalArguments().size() < 2)
        return usageError(command, Udp::tr("missing HOST and PORT"));
    netcore::udp::SenderOptions options;
    QString error;
    options.destination = resolveUdpHost(parser.positionalArguments().at(0), &error);
    if (options.destination.isNull())
        return failure(command, error, ExitNotFound);
    const std::optional<quint16> port = parsePort(parser.positionalArguments().at(1), PortZero::Refused, &error);
    if (!port)
        return usageError(command, u"PORT"_s, error);
    options.port = *port;
    const std::optional<QByteArray> payload = payloadFrom(parser, o, &error);
    if (!payload)
        return usageError(command, error);
    options.payload = *payload;
    if (!scheduleFrom(parser, o, options, &error))
        return usageError(command, error);
    options.broadcast = parser.isSet(o.broadcast);
    options.sequenced = parser.isSet(o.sequenced);
    options.multicastInterface = parser.value(o.interface);
    if (parser.isSet(o.ttl)) {
        const std::optional<qint64> ttl = parseCount(parser.value(o.ttl), 0, kMaxTtl, &error);
        if (!ttl)
            return usageError(command, u"--ttl"_s, error);
        options.ttl = int(*ttl);
    }
    if (parser.isSet(o.bind)) {
        const std::optional<QHostAddress> bind = parseAddress(parser.value(o.bind), &error);
        if (!bind)
            return usageError(command, u"--bind"_s, error);
        options.bindAddress = *bind;
    }
    if (parser.isSet(o.sourcePort)) {
        const std::optional<quint16> sourcePort = parsePort(parser.value(o.sourcePort), PortZero::Allowed, &error);
        if (!sourcePort)
            return usageError(command, u"--source-port"_s, error);
        options.bindPort = *sourcePort;
    }

    UdpSender sender;
    QEventLoop loop;
    QObject::connect(&sender, &UdpSender::stateChanged, &loop, [&loop](UdpSender::State state) {
        if (state == UdpSender::State::Idle)
            loop.quit();
    });
    if (!sender.start(options))
        return failure(command, sender.errorString(), ExitFailure);
    const bool quiet = parser.isSet(o.quiet);
    const QString destination = netcore::common::endpointString(options.destination, options.port);
    if (!quiet) {
        out() << Udp::tr("sending to %1 (%2) from port %3").arg(destination, kindName(sender.destinationKind())).arg(sender.localPort()) << '\n'
              << Udp::tr("socket options: %1").arg(optionsLine(sender.socketOptions())) << '\n'
              << Udp::tr("payload (%n byte(s)):", nullptr, int(options.payload.size())) << '\n'
              << netcore::common::hexDump(options.payload.left(256));
        out().flush();
    }
    loop.exec();
    const SenderStats stats = sender.stats();
    if (!sender.errorString().isEmpty())
        return failure(command, sender.errorString(), ExitFailure);
    if (!quiet) {
        out() << Udp::tr("sent %1 datagram(s), %2 bytes, in %3 s: %4 datagrams/s")
                     .arg(stats.sent)
                     .arg(stats.bytes)
                     .arg(double(stats.elapsedUs) / 1e6, 0, 'f', 3)
                     .arg(stats.achievedRate(), 0, 'f', 0)
              << '\n';
        out().flush();
    }
    return ExitOk;
}

int runUdp(const QStringList &arguments)
{
    static constexpr std::array kVerbs{
        Verb{"send", QT_TRANSLATE_NOOP("app::cli::Udp", "Send datagrams: unicast, broadcast, multicast; text, hex, file or struct payloads"),
             &runUdpSend},
        Verb{"listen", QT_TRANSLATE_NOOP("app::cli::Udp", "Receive datagrams on a port; join multicast groups; count loss of sequenced traffic"),
             &runUdpListen},
    };
    return dispatch(arguments, VerbTable{"app::cli::Udp", kVerbs, Udp::tr("Usage: socketeer udp VERB [options]"), {}, Udp::tr("Verbs:"),
                                         Udp::tr("'socketeer udp VERB --help' shows a verb's options.")});
}

} // namespace app::cli

#include "app/cli/tcpconnectoptions.h"

#include "app/cli/output.h"

#include "netcore/common/escapes.h"
#include "netcore/udp/payload.h"
#include "presentation/common/escapestext.h"
#include "presentation/tcp/tcptext.h"
#include "presentation/udp/udptext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Tcp.
struct Tcp
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Tcp)
};

using netcore::tcp::FramingKind;
using netcore::tcp::FramingSpec;
using netcore::tcp::LineEnding;
using netcore::tcp::TextEncoding;

// "none", "line", "delimiter:TEXT" (escapes allowed), "fixed:N", "length:N[le|be][:inclusive]".
std::optional<FramingSpec> parseFraming(const QString &text, QString *error)
{
    FramingSpec spec;
    const qsizetype colon = text.indexOf(u':');
    const QString name = colon < 0 ? text : text.left(colon);
    const QString value = colon < 0 ? QString() : text.sliced(colon + 1);
    if (name == "none"_L1 && colon < 0) {
        spec.kind = FramingKind::None;
    } else if (name == "line"_L1 && colon < 0) {
        spec.kind = FramingKind::Line;
    } else if (name == "delimiter"_L1) {
        spec.kind = FramingKind::Delimiter;
        netcore::common::EscapeParseError escapeError;
        const std::optional<QByteArray> delimiter = netcore::common::parseEscapes(value, &escapeError);
        if (!delimiter) {
            *error = presentation::common::escapeErrorText(escapeError);
            return std::nullopt;
        }
        if (delimiter->isEmpty()) {
            *error = Tcp::tr("the delimiter is empty (write it after the colon: delimiter:##)");
            return std::nullopt;
        }
        spec.delimiter = *delimiter;
    } else if (name == "fixed"_L1) {
        spec.kind = FramingKind::FixedLength;
        const std::optional<qint64> n = parseSize(value, 1, qint64(1) << 30, error);
        if (!n)
            return std::nullopt;
        spec.fixedLength = *n;
    } else if (name == "length"_L1) {
        spec.kind = FramingKind::LengthPrefix;
        QStringList parts = value.split(u':');
        QString width = parts.takeFirst();
        if (width.endsWith("le"_L1)) {
            spec.byteOrder = netcore::tcp::ByteOrder::LittleEndian;
            width.chop(2);
        } else if (width.endsWith("be"_L1)) {
            width.chop(2);
        }
        spec.prefixBytes = width.toInt();
        if (!spec.isValid()) {
            *error = Tcp::tr("a length prefix has 1, 2, 4 or 8 bytes (length:2, length:4le, length:2be:inclusive)");
            return std::nullopt;
        }
        if (parts.size() == 1 && parts.constFirst() == "inclusive"_L1) {
            spec.lengthIncludesHeader = true;
        } else if (!parts.isEmpty()) {
            *error = Tcp::tr("after the width only ':inclusive' may follow (the length counts its own header)");
            return std::nullopt;
        }
    } else {
        *error = Tcp::tr("unknown framing '%1' (none, line, delimiter:TEXT, fixed:N, length:N[le|be][:inclusive])").arg(text);
        return std::nullopt;
    }
    return spec;
}

} // namespace

TcpConnectOptions::TcpConnectOptions()
    : unixPath(u"unix"_s, Tcp::tr("Connect to the Unix-domain socket at this path instead."), Tcp::tr("PATH"))
    , send(u"send"_s, Tcp::tr("Send this text (escapes: \\n \\r \\t \\xNN ...); repeat for several writes."),
           Tcp::tr("TEXT"))
    , hex(u"hex"_s, Tcp::tr("Send these bytes written in hex (\"de ad be ef\")."), Tcp::tr("HEX"))
    , encoding(u"encoding"_s, Tcp::tr("Text encoding for --send, typed lines and what arrives: "
                                      "utf-8 (default), gbk, gb18030 or latin1."),
               Tcp::tr("NAME"))
    , lineEnding(u"line-ending"_s, Tcp::tr("Append to every --send and typed line: none, lf or "
                                           "crlf (default none for --send, lf for typed lines)."),
                 Tcp::tr("END"))
    , lines(u"lines"_s, Tcp::tr("Show what arrives as text, line by line."))
    , showChunks(u"show-chunks"_s, Tcp::tr("One line per read with its size (the default "
                                           "unless typing on standard input)."))
    , halfClose(u"half-close"_s, Tcp::tr("After sending, shut our sending side (FIN) and keep "
                                         "reading until the other side closes."))
    , keepOpen(u"keep-open"_s, Tcp::tr("When standard input ends, keep our sending side open "
                                       "(no half-close)."))
    , reset(u"reset"_s, Tcp::tr("End with a reset (RST, SO_LINGER 0) instead of FIN: after the "
                                "sends are out, or when --wait passes."))
    , noDelay(u"no-delay"_s, Tcp::tr("Set TCP_NODELAY (each write leaves at once)."))
    , tls(u"tls"_s, Tcp::tr("Speak TLS over the connection (the certificate is checked)."))
    , insecure(u"insecure"_s, Tcp::tr("With --tls: accept certificate problems for this "
                                      "connection (like curl -k); they are still printed."))
    , info(u"info"_s, Tcp::tr("Print the kernel's TCP facts (TCP_INFO: state, RTT, window, "
                              "queues...) on stderr when the connection ends."))
    , infoEvery(u"info-every"_s, Tcp::tr("Also print them every DURATION while connected (e.g. 1s)."), Tcp::tr("DURATION"))
    , wait(u"wait"_s, Tcp::tr("Close after this long (e.g. 2s) instead of waiting for the other side."),
           Tcp::tr("DURATION"))
    , framing(u"framing"_s, Tcp::tr("Also re-cut what arrives into frames: none, line, "
                                    "delimiter:TEXT, fixed:N, length:N[le|be][:inclusive]."),
              Tcp::tr("FRAMING"))
    , maxFrame(u"max-frame"_s, Tcp::tr("Largest frame --framing accepts (default 1M)."), Tcp::tr("SIZE"), u"1M"_s)
{
}

void TcpConnectOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({unixPath, send, hex, encoding, lineEnding, lines, showChunks, halfClose, keepOpen, reset,
                       noDelay, tls, insecure, info, infoEvery, wait, framing, maxFrame});
}

std::optional<int> readTcpConnectPlan(const QCommandLineParser &parser, const TcpConnectOptions &o, const QString &command,
                                      TcpConnectPlan *plan)
{
    QString error;
    const bool onUnix = parser.isSet(o.unixPath);
    if (const std::optional<int> code = expectPositionals(parser, command, onUnix ? 0 : 2, onUnix ? 0 : 2))
        return code;
    if (onUnix) {
        plan->unixPath = parser.value(o.unixPath);
        for (const QCommandLineOption *tcpOnly : {&o.tls, &o.noDelay}) {
            if (parser.isSet(*tcpOnly))
                return usageError(command, u"--"_s + tcpOnly->names().constFirst(), Tcp::tr("not with --unix"));
        }
    } else {
        Endpoint destination;
        if (const std::optional<int> code = readHostPort(parser, command, &destination))
            return code;
        plan->host = destination.host;
        plan->port = destination.port;
    }
    if (parser.isSet(o.insecure) && !parser.isSet(o.tls))
        return usageError(command, u"--insecure"_s, Tcp::tr("only with --tls"));
    if (parser.isSet(o.halfClose) && parser.isSet(o.reset))
        return usageError(command, u"--reset"_s, Tcp::tr("not with --half-close (choose one way to end)"));
    if (parser.isSet(o.encoding)) {
        const std::optional<TextEncoding> named = netcore::tcp::encodingFromName(parser.value(o.encoding));
        if (!named)
            return usageError(command, u"--encoding"_s,
                              Tcp::tr("unknown encoding '%1' (utf-8, gbk, gb18030 or latin1)").arg(parser.value(o.encoding)));
        plan->encoding = *named;
        plan->encodingGiven = true;
    }
    plan->interactive = !parser.isSet(o.send) && !parser.isSet(o.hex);
    const QString endingName = parser.value(o.lineEnding);
    if (endingName == "lf"_L1 || (!parser.isSet(o.lineEnding) && plan->interactive))
        plan->ending = LineEnding::Lf;
    else if (endingName == "crlf"_L1)
        plan->ending = LineEnding::CrLf;
    else if (parser.isSet(o.lineEnding) && endingName != "none"_L1)
        return usageError(command, u"--line-ending"_s, Tcp::tr("none, lf or crlf"));
    for (const QString &text : parser.values(o.send)) {
        netcore::tcp::TypedTextError typedError;
        const std::optional<QByteArray> bytes = netcore::tcp::encodeTyped(text, plan->encoding, &typedError);
        if (!bytes)
            return usageError(command, u"--send"_s, presentation::tcp::typedTextErrorText(text, typedError, plan->encoding));
        plan->writes.append(netcore::tcp::withLineEnding(*bytes, plan->ending));
    }
    for (const QString &text : parser.values(o.hex)) {
        netcore::udp::PayloadError payloadError;
        const std::optional<QByteArray> bytes = netcore::udp::Payload::fromHex(text, &payloadError);
        if (!bytes)
            return usageError(command, u"--hex"_s, presentation::udp::payloadErrorText(payloadError));
        plan->writes.append(*bytes);
    }
    if (parser.isSet(o.wait)) {
        plan->waitFor = parseDuration(parser.value(o.wait), DurationUnit::Seconds, Duration(0), std::chrono::hours(24), &error);
        if (!plan->waitFor)
            return usageError(command, u"--wait"_s, error);
    }
    if (parser.isSet(o.infoEvery)) {
        plan->infoPeriod = parseDuration(parser.value(o.infoEvery), DurationUnit::Seconds, std::chrono::milliseconds(10),
                                         std::chrono::hours(24), &error);
        if (!plan->infoPeriod)
            return usageError(command, u"--info-every"_s, error);
    }
    if (parser.isSet(o.framing)) {
        plan->framing = parseFraming(parser.value(o.framing), &error);
        if (!plan->framing)
            return usageError(command, u"--framing"_s, error);
        const std::optional<qint64> limit = parseSize(parser.value(o.maxFrame), 1, qint64(1) << 30, &error);
        if (!limit)
            return usageError(command, u"--max-frame"_s, error);
        plan->framing->maxFrame = *limit;
    }
    plan->lines = parser.isSet(o.lines);
    plan->showChunks = parser.isSet(o.showChunks);
    plan->halfClose = parser.isSet(o.halfClose);
    plan->keepOpen = parser.isSet(o.keepOpen);
    plan->reset = parser.isSet(o.reset);
    plan->noDelay = parser.isSet(o.noDelay);
    plan->tls = parser.isSet(o.tls);
    plan->insecure = parser.isSet(o.insecure);
    plan->info = parser.isSet(o.info);
    return std::nullopt;
}

} // namespace app::cli

#include "app/cli/tcpcommand.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/help.h"
#include "app/cli/output.h"
#include "app/cli/tcpprobe.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "netcore/tcp/framing.h"
#include "netcore/tcp/tcpclient.h"
#include "netcore/udp/payload.h"
#include "presentation/common/escapestext.h"
#include "presentation/tcp/tcptext.h"
#include "presentation/udp/udptext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <array>
#include <optional>

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

// One read or one frame as a line: its size, then its bytes as Python prints bytes (every non-printable byte \xNN).
void printPiece(const char *label, const QByteArray &bytes)
{
    out() << '[' << label << ' ' << bytes.size() << "] "
          << netcore::common::visibleText(bytes, netcore::common::LineMode::SingleLine, -1,
                                          netcore::common::Escaping::PythonBytes)
          << '\n';
    out().flush();
}

int runTcpConnect(const QStringList &arguments)
{
    using netcore::tcp::LineEnding;
    using netcore::tcp::TcpClient;
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(Tcp::tr(
        "Connects, sends what you give, and prints every read as one line '[read N] bytes' — the boundaries TCP "
        "made, not the sender's messages. It ends when the other side closes, or after --wait. Bytes are shown as "
        "Python shows bytes (\\n, \\xNN)."));
    parser.addPositionalArgument(u"HOST"_s, Tcp::tr("Host name or address."));
    parser.addPositionalArgument(u"PORT"_s, Tcp::tr("TCP port."));
    const QCommandLineOption send(u"send"_s, Tcp::tr("Send this text (escapes: \\n \\r \\t \\xNN ...); repeat for several writes."),
                                  Tcp::tr("TEXT"));
    const QCommandLineOption hex(u"hex"_s, Tcp::tr("Send these bytes written in hex (\"de ad be ef\")."), Tcp::tr("HEX"));
    const QCommandLineOption lineEnding(u"line-ending"_s, Tcp::tr("Append to every --send: none, lf or crlf (default none)."),
                                        Tcp::tr("END"), u"none"_s);
    const QCommandLineOption halfClose(u"half-close"_s, Tcp::tr("After sending, shut our sending side (FIN) and keep "
                                                                "reading until the other side closes."));
    const QCommandLineOption noDelay(u"no-delay"_s, Tcp::tr("Set TCP_NODELAY (each write leaves at once)."));
    const QCommandLineOption wait(u"wait"_s, Tcp::tr("Close after this long (e.g. 2s) instead of waiting for the other side."),
                                  Tcp::tr("DURATION"));
    const QCommandLineOption framing(u"framing"_s, Tcp::tr("Also re-cut what arrives into frames: none, line, "
                                                           "delimiter:TEXT, fixed:N, length:N[le|be][:inclusive]."),
                                     Tcp::tr("FRAMING"));
    const QCommandLineOption maxFrame(u"max-frame"_s, Tcp::tr("Largest frame --framing accepts (default 1M)."),
                                      Tcp::tr("SIZE"), u"1M"_s);
    parser.addOptions({send, hex, lineEnding, halfClose, noDelay, wait, framing, maxFrame});
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    if (const std::optional<int> code = expectPositionals(parser, command, 2, 2))
        return *code;
    QString error;
    const std::optional<QString> host = parseHost(parser.positionalArguments().at(0), &error);
    if (!host)
        return usageError(command, u"HOST"_s, error);
    const std::optional<quint16> port = parsePort(parser.positionalArguments().at(1), PortZero::Refused, &error);
    if (!port)
        return usageError(command, u"PORT"_s, error);
    LineEnding ending = LineEnding::None;
    const QString endingName = parser.value(lineEnding);
    if (endingName == "lf"_L1)
        ending = LineEnding::Lf;
    else if (endingName == "crlf"_L1)
        ending = LineEnding::CrLf;
    else if (endingName != "none"_L1)
        return usageError(command, u"--line-ending"_s, Tcp::tr("none, lf or crlf"));
    QList<QByteArray> writes;
    for (const QString &text : parser.values(send)) {
        netcore::common::EscapeParseError escapeError;
        const std::optional<QByteArray> bytes = netcore::common::parseEscapes(text, &escapeError);
        if (!bytes)
            return usageError(command, u"--send"_s, presentation::common::escapeErrorText(escapeError));
        writes.append(netcore::tcp::withLineEnding(*bytes, ending));
    }
    for (const QString &text : parser.values(hex)) {
        netcore::udp::PayloadError payloadError;
        const std::optional<QByteArray> bytes = netcore::udp::Payload::fromHex(text, &payloadError);
        if (!bytes)
            return usageError(command, u"--hex"_s, presentation::udp::payloadErrorText(payloadError));
        writes.append(*bytes);
    }
    std::optional<Duration> waitFor;
    if (parser.isSet(wait)) {
        waitFor = parseDuration(parser.value(wait), DurationUnit::Seconds, Duration(0), std::chrono::hours(24), &error);
        if (!waitFor)
            return usageError(command, u"--wait"_s, error);
    }
    std::optional<netcore::tcp::Reframer> reframer;
    if (parser.isSet(framing)) {
        std::optional<FramingSpec> spec = parseFraming(parser.value(framing), &error);
        if (!spec)
            return usageError(command, u"--framing"_s, error);
        const std::optional<qint64> limit = parseSize(parser.value(maxFrame), 1, qint64(1) << 30, &error);
        if (!limit)
            return usageError(command, u"--max-frame"_s, error);
        spec->maxFrame = *limit;
        reframer.emplace(*spec);
    }

    TcpClient client;
    client.setNoDelay(parser.isSet(noDelay));
    int exitCode = ExitOk;
    bool reportedStuck = false;
    QObject::connect(&client, &TcpClient::received, &client, [&](const QByteArray &bytes) {
        printPiece("read", bytes);
        if (!reframer)
            return;
        reframer->append(bytes);
        for (;;) {
            const netcore::tcp::Frame frame = reframer->next();
            if (frame.status == netcore::common::FrameStatus::Ok) {
                printPiece("frame", frame.payload);
                continue;
            }
            if (frame.status != netcore::common::FrameStatus::Incomplete && !reportedStuck) {
                reportedStuck = true;
                err() << presentation::tcp::frameStatusText(frame.status, reframer->spec().maxFrame) << '\n';
                err().flush();
            }
            break;
        }
    });
    QObject::connect(&client, &TcpClient::errorOccurred, &client, [&](TcpClient::Error e) {
        err() << command << ": " << presentation::tcp::errorText(e, client.errorDetail()) << '\n';
        err().flush();
        exitCode = e == TcpClient::Error::HostNotFound ? ExitNotFound : ExitFailure;
    });
    QObject::connect(&client, &TcpClient::stateChanged, &client, [&](TcpClient::State state) {
        switch (state) {
        case TcpClient::State::Connected:
            err() << Tcp::tr("Connected: %1 -> %2").arg(client.localEndpoint(), client.peerEndpoint()) << '\n';
            err().flush();
            for (const QByteArray &bytes : std::as_const(writes))
                client.send(bytes);
            if (parser.isSet(halfClose))
                client.halfClose();
            if (waitFor)
                QTimer::singleShot(std::chrono::duration_cast<std::chrono::milliseconds>(*waitFor), &client,
                                   [&client] { client.close(); });
            break;
        case TcpClient::State::HalfClosed:
            err() << Tcp::tr("Half-closed: sent FIN, still reading.") << '\n';
            err().flush();
            break;
        case TcpClient::State::Closed:
            if (client.closedByPeer()) {
                err() << Tcp::tr("The other side closed the connection (%n read(s), %1 bytes).", nullptr, int(client.reads()))
                             .arg(client.bytesReceived())
                      << '\n';
            }
            err().flush();
            QCoreApplication::exit(exitCode);
            break;
        case TcpClient::State::Unconnected:
        case TcpClient::State::Connecting:
        case TcpClient::State::Closing:
            break;
        }
    });
    client.connectTo(*host, *port);
    return QCoreApplication::exec();
}

} // namespace

int runTcp(const QStringList &arguments)
{
    static constexpr std::array kVerbs{
        Verb{"connect", QT_TRANSLATE_NOOP("app::cli::Tcp", "Connect, send, and show every read with its size (and frames)"),
             &runTcpConnect},
        Verb{"probe", QT_TRANSLATE_NOOP("app::cli::Tcp", "Connect N clients at once: is the server a loop server or concurrent?"),
             &runTcpProbe},
    };
    return dispatch(arguments, VerbTable{"app::cli::Tcp", kVerbs, Tcp::tr("Usage: socketeer tcp VERB [options]"), {},
                                         Tcp::tr("Verbs:"), Tcp::tr("'socketeer tcp VERB --help' shows a verb's options.")});
}

} // namespace app::cli

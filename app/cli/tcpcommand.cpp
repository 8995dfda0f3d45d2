#include "app/cli/tcpcommand.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/help.h"
#include "app/cli/output.h"
#include "app/cli/tcptextio.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "netcore/tcp/encoding.h"
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
#include <utility>

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

// Facts as "  label: value" lines on stderr (what --info and --tls print).
void printRows(const QString &title, const QList<presentation::tcp::FactRow> &rows)
{
    err() << title << '\n';
    for (const presentation::tcp::FactRow &row : rows)
        err() << "  " << row.first << ": " << row.second << '\n';
    err().flush();
}

// How what arrives is shown.
enum class Show : quint8 {
    Chunks,   // "[read N] bytes" per read (Python's bytes, or the text in --encoding with controls escaped)
    Lines,    // the text in --encoding, line by line (with --show-chunks: a "[read N]" line before each read's lines)
    Raw,      // the text as it comes (the interactive mode's default, like nc)
};

int runTcpConnect(const QStringList &arguments)
{
    using netcore::tcp::LineEnding;
    using netcore::tcp::TcpClient;
    using netcore::tcp::TextEncoding;
    const QString command = arguments.constFirst();
    QCommandLineParser parser;
    parser.setApplicationDescription(Tcp::tr(
        "Connects to HOST PORT (or to a Unix socket with --unix PATH), sends what you give, and prints every read as "
        "one line '[read N] bytes' — the boundaries TCP made, not the sender's messages. Bytes are shown as Python "
        "shows bytes (\\n, \\xNN), or as text with --encoding. Without --send or --hex, what you type on standard "
        "input is sent line by line (like nc; the end of input half-closes) and what arrives is printed as text. It "
        "ends when the other side closes, or after --wait."));
    parser.addPositionalArgument(u"HOST"_s, Tcp::tr("Host name or address (not with --unix)."));
    parser.addPositionalArgument(u"PORT"_s, Tcp::tr("TCP port (not with --unix)."));
    const QCommandLineOption unixPath(u"unix"_s, Tcp::tr("Connect to the Unix-domain socket at this path instead."),
                                      Tcp::tr("PATH"));
    const QCommandLineOption send(u"send"_s, Tcp::tr("Send this text (escapes: \\n \\r \\t \\xNN ...); repeat for several writes."),
                                  Tcp::tr("TEXT"));
    const QCommandLineOption hex(u"hex"_s, Tcp::tr("Send these bytes written in hex (\"de ad be ef\")."), Tcp::tr("HEX"));
    const QCommandLineOption encoding(u"encoding"_s, Tcp::tr("Text encoding for --send, typed lines and what arrives: "
                                                             "utf-8 (default), gbk, gb18030 or latin1."),
                                      Tcp::tr("NAME"));
    const QCommandLineOption lineEnding(u"line-ending"_s, Tcp::tr("Append to every --send and typed line: none, lf or "
                                                                  "crlf (default none for --send, lf for typed lines)."),
                                        Tcp::tr("END"));
    const QCommandLineOption lines(u"lines"_s, Tcp::tr("Show what arrives as text, line by line."));
    const QCommandLineOption showChunks(u"show-chunks"_s, Tcp::tr("One line per read with its size (the default "
                                                                  "unless typing on standard input)."));
    const QCommandLineOption halfClose(u"half-close"_s, Tcp::tr("After sending, shut our sending side (FIN) and keep "
                                                                "reading until the other side closes."));
    const QCommandLineOption keepOpen(u"keep-open"_s, Tcp::tr("When standard input ends, keep our sending side open "
                                                              "(no half-close)."));
    const QCommandLineOption reset(u"reset"_s, Tcp::tr("End with a reset (RST, SO_LINGER 0) instead of FIN: after the "
                                                       "sends are out, or when --wait passes."));
    const QCommandLineOption noDelay(u"no-delay"_s, Tcp::tr("Set TCP_NODELAY (each write leaves at once)."));
    const QCommandLineOption tls(u"tls"_s, Tcp::tr("Speak TLS over the connection (the certificate is checked)."));
    const QCommandLineOption insecure(u"insecure"_s, Tcp::tr("With --tls: accept certificate problems for this "
                                                             "connection (like curl -k); they are still printed."));
    const QCommandLineOption info(u"info"_s, Tcp::tr("Print the kernel's TCP facts (TCP_INFO: state, RTT, window, "
                                                     "queues...) on stderr when the connection ends."));
    const QCommandLineOption infoEvery(u"info-every"_s, Tcp::tr("Also print them every DURATION while connected (e.g. 1s)."),
                                       Tcp::tr("DURATION"));
    const QCommandLineOption wait(u"wait"_s, Tcp::tr("Close after this long (e.g. 2s) instead of waiting for the other side."),
                                  Tcp::tr("DURATION"));
    const QCommandLineOption framing(u"framing"_s, Tcp::tr("Also re-cut what arrives into frames: none, line, "
                                                           "delimiter:TEXT, fixed:N, length:N[le|be][:inclusive]."),
                                     Tcp::tr("FRAMING"));
    const QCommandLineOption maxFrame(u"max-frame"_s, Tcp::tr("Largest frame --framing accepts (default 1M)."),
                                      Tcp::tr("SIZE"), u"1M"_s);
    parser.addOptions({unixPath, send, hex, encoding, lineEnding, lines, showChunks, halfClose, keepOpen, reset, noDelay,
                       tls, insecure, info, infoEvery, wait, framing, maxFrame});
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    const bool onUnix = parser.isSet(unixPath);
    if (const std::optional<int> code = expectPositionals(parser, command, onUnix ? 0 : 2, onUnix ? 0 : 2))
        return *code;
    QString error;
    std::optional<QString> host;
    std::optional<quint16> port;
    if (!onUnix) {
        host = parseHost(parser.positionalArguments().at(0), &error);
        if (!host)
            return usageError(command, u"HOST"_s, error);
        port = parsePort(parser.positionalArguments().at(1), PortZero::Refused, &error);
        if (!port)
            return usageError(command, u"PORT"_s, error);
    } else {
        for (const QCommandLineOption *tcpOnly : {&tls, &noDelay}) {
            if (parser.isSet(*tcpOnly))
                return usageError(command, u"--"_s + tcpOnly->names().constFirst(), Tcp::tr("not with --unix"));
        }
    }
    if (parser.isSet(insecure) && !parser.isSet(tls))
        return usageError(command, u"--insecure"_s, Tcp::tr("only with --tls"));
    if (parser.isSet(halfClose) && parser.isSet(reset))
        return usageError(command, u"--reset"_s, Tcp::tr("not with --half-close (choose one way to end)"));
    TextEncoding textEncoding = TextEncoding::Utf8;
    if (parser.isSet(encoding)) {
        const std::optional<TextEncoding> named = netcore::tcp::encodingFromName(parser.value(encoding));
        if (!named)
            return usageError(command, u"--encoding"_s,
                              Tcp::tr("unknown encoding '%1' (utf-8, gbk, gb18030 or latin1)").arg(parser.value(encoding)));
        textEncoding = *named;
    }
    const bool interactive = !parser.isSet(send) && !parser.isSet(hex);
    LineEnding ending = LineEnding::None;
    const QString endingName = parser.value(lineEnding);
    if (endingName == "lf"_L1 || (!parser.isSet(lineEnding) && interactive))
        ending = LineEnding::Lf;
    else if (endingName == "crlf"_L1)
        ending = LineEnding::CrLf;
    else if (parser.isSet(lineEnding) && endingName != "none"_L1)
        return usageError(command, u"--line-ending"_s, Tcp::tr("none, lf or crlf"));
    QList<QByteArray> writes;
    for (const QString &text : parser.values(send)) {
        const std::optional<QByteArray> bytes = encodeTyped(text, textEncoding, &error);
        if (!bytes)
            return usageError(command, u"--send"_s, error);
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
    std::optional<Duration> infoPeriod;
    if (parser.isSet(infoEvery)) {
        infoPeriod = parseDuration(parser.value(infoEvery), DurationUnit::Seconds, std::chrono::milliseconds(10),
                                   std::chrono::hours(24), &error);
        if (!infoPeriod)
            return usageError(command, u"--info-every"_s, error);
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
    client.setTls(parser.isSet(tls));
    client.setIgnoreTlsErrors(parser.isSet(insecure));
    StdinLines input;
    bool typing = false;
    if (interactive) {
        input.start();
        typing = !input.atEndAtStart();
    }
    const Show show = parser.isSet(lines) ? Show::Lines
                      : (parser.isSet(showChunks) || !typing) ? Show::Chunks
                                                               : Show::Raw;
    const bool chunkHeaders = show == Show::Chunks || parser.isSet(showChunks);
    netcore::tcp::StreamDecoder decoder(textEncoding);
    QString pendingLine;
    int exitCode = ExitOk;
    bool reportedStuck = false;
    QList<std::pair<QByteArray, bool>> typed;   // typed before the connection is up: (line, whether it had an end)
    bool inputEnded = false;
    bool resetWhenWritten = false;

    const auto printTextLines = [&](const QString &text, bool final) {
        pendingLine += text;
        qsizetype from = 0;
        for (qsizetype end = pendingLine.indexOf(u'\n'); end >= 0; end = pendingLine.indexOf(u'\n', from)) {
            QString one = pendingLine.sliced(from, end - from);
            if (one.endsWith(u'\r'))
                one.chop(1);
            out() << one << '\n';
            from = end + 1;
        }
        pendingLine.remove(0, from);
        if (final && !pendingLine.isEmpty())
            out() << std::exchange(pendingLine, {}) << '\n';
    };
    const auto sendTyped = [&](const QByteArray &line, bool withEnding) {
        // Typed on a terminal: the locale's UTF-8, re-encoded in --encoding.
        QByteArray bytes = line;
        if (textEncoding != TextEncoding::Utf8) {
            const QString text = QString::fromUtf8(line);
            const netcore::tcp::EncodeResult result = netcore::tcp::encodeText(text, textEncoding);
            if (!result.ok()) {
                err() << command << ": " << Tcp::tr("not sent: %1").arg(unencodableText(text, result, textEncoding)) << '\n';
                err().flush();
                return;
            }
            bytes = result.bytes;
        }
        client.send(withEnding ? netcore::tcp::withLineEnding(bytes, ending) : bytes);
    };
    const auto finishInput = [&] {
        if (!parser.isSet(keepOpen) && client.state() == TcpClient::State::Connected)
            client.halfClose();
    };
    QObject::connect(&input, &StdinLines::line, &client, [&](const QByteArray &line) {
        if (client.state() == TcpClient::State::Connecting || client.state() == TcpClient::State::Unconnected)
            typed.append({line, true});
        else if (client.state() == TcpClient::State::Connected)
            sendTyped(line, true);
    });
    QObject::connect(&input, &StdinLines::finished, &client, [&](const QByteArray &rest) {
        inputEnded = true;
        if (client.state() != TcpClient::State::Connected) {
            if (!rest.isEmpty())
                typed.append({rest, false});   // sent (without a line ending) once connected
            return;
        }
        if (!rest.isEmpty())
            sendTyped(rest, false);
        finishInput();
    });
    QObject::connect(&client, &TcpClient::received, &client, [&](const QByteArray &bytes) {
        if (chunkHeaders) {
            if (show == Show::Lines || !parser.isSet(encoding)) {
                if (show == Show::Lines)
                    out() << "[read " << bytes.size() << "]\n";
                else
                    printPiece("read", bytes);
            } else {
                out() << "[read " << bytes.size() << "] " << escapedControls(decoder.decode(bytes)) << '\n';
            }
        }
        if (show == Show::Lines)
            printTextLines(decoder.decode(bytes), false);
        else if (show == Show::Raw)
            out() << decoder.decode(bytes);
        out().flush();
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
        if (e == TcpClient::Error::TlsVerifyFailed)
            printRows(Tcp::tr("TLS:"), presentation::tcp::tlsRows(client.tlsInfo()));
        err().flush();
        exitCode = e == TcpClient::Error::HostNotFound ? ExitNotFound : ExitFailure;
    });
    QObject::connect(&client, &TcpClient::allWritten, &client, [&] {
        if (resetWhenWritten)
            client.abort();
    });
    QTimer infoTimer;
    QObject::connect(&infoTimer, &QTimer::timeout, &client, [&] {
        if (const std::optional<netcore::tcp::TcpFacts> facts = client.tcpFacts())
            printRows(Tcp::tr("TCP facts:"), presentation::tcp::factsRows(*facts));
    });
    QObject::connect(&client, &TcpClient::stateChanged, &client, [&](TcpClient::State state) {
        switch (state) {
        case TcpClient::State::Connected:
            if (client.isUnix())
                err() << Tcp::tr("Connected to %1").arg(client.peerEndpoint()) << '\n';
            else
                err() << Tcp::tr("Connected: %1 -> %2").arg(client.localEndpoint(), client.peerEndpoint()) << '\n';
            err().flush();
            if (client.tlsInfo().used)
                printRows(Tcp::tr("TLS:"), presentation::tcp::tlsRows(client.tlsInfo()));
            for (const QByteArray &bytes : std::as_const(writes))
                client.send(bytes);
            for (const auto &[line, ended] : std::as_const(typed))
                sendTyped(line, ended);
            typed.clear();
            if (parser.isSet(halfClose))
                client.halfClose();
            else if (inputEnded)
                finishInput();
            if (infoPeriod)
                infoTimer.start(std::chrono::duration_cast<std::chrono::milliseconds>(*infoPeriod));
            if (waitFor) {
                QTimer::singleShot(std::chrono::duration_cast<std::chrono::milliseconds>(*waitFor), &client, [&] {
                    if (parser.isSet(reset))
                        client.abort();
                    else
                        client.close();
                });
            } else if (parser.isSet(reset)) {
                resetWhenWritten = true;
                if (client.bytesToWrite() == 0)
                    client.abort();
            }
            break;
        case TcpClient::State::HalfClosed:
            err() << Tcp::tr("Half-closed: sent FIN, still reading.") << '\n';
            err().flush();
            break;
        case TcpClient::State::Closed:
            infoTimer.stop();
            if (show == Show::Lines)
                printTextLines(decoder.decode({}), true);
            out().flush();
            if (client.closedByPeer()) {
                err() << Tcp::tr("The other side closed the connection (%n read(s), %1 bytes).", nullptr, int(client.reads()))
                             .arg(client.bytesReceived())
                      << '\n';
            }
            if (parser.isSet(reset) && exitCode == ExitOk && !client.closedByPeer())
                err() << Tcp::tr("Reset the connection (RST).") << '\n';
            if (parser.isSet(info) || infoPeriod) {
                if (const std::optional<netcore::tcp::TcpFacts> facts = client.lastTcpFacts())
                    printRows(Tcp::tr("TCP facts (last read before the end):"), presentation::tcp::factsRows(*facts));
                else if (exitCode == ExitOk)
                    err() << Tcp::tr("No TCP facts: %1").arg(client.isUnix() ? Tcp::tr("a Unix socket has none")
                                                                             : Tcp::tr("none were read"))
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
    if (onUnix)
        client.connectToUnix(parser.value(unixPath));
    else
        client.connectTo(*host, *port);
    if (client.state() == TcpClient::State::Closed)
        return exitCode;   // failed at once (a Unix path that is not there)
    return QCoreApplication::exec();
}

} // namespace

int runTcp(const QStringList &arguments)
{
    static constexpr std::array kVerbs{
        Verb{"connect", QT_TRANSLATE_NOOP("app::cli::Tcp", "Connect, send, and show every read with its size (and frames)"),
             &runTcpConnect},
        Verb{"listen", QT_TRANSLATE_NOOP("app::cli::Tcp", "Listen (TCP port or Unix socket), show every read, echo or reply"),
             &runTcpListen},
    };
    return dispatch(arguments, VerbTable{"app::cli::Tcp", kVerbs, Tcp::tr("Usage: socketeer tcp VERB [options]"), {},
                                         Tcp::tr("Verbs:"), Tcp::tr("'socketeer tcp VERB --help' shows a verb's options.")});
}

} // namespace app::cli

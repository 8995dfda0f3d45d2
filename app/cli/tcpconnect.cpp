// `socketeer tcp connect HOST PORT | --unix PATH ...`: the TCP workbench's client on the command line — every read
// shown with its size (the boundaries the network made), as text in an encoding or line by line, optionally re-cut
// by a framing; typed lines sent like nc; TLS; the kernel's TCP facts (docs/protocols/tcp.md).
#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"
#include "app/cli/tcpcommand.h"
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
using netcore::tcp::LineEnding;
using netcore::tcp::TcpClient;
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

struct ConnectOptions {
    QCommandLineOption unixPath{u"unix"_s, Tcp::tr("Connect to the Unix-domain socket at this path instead."), Tcp::tr("PATH")};
    QCommandLineOption send{u"send"_s, Tcp::tr("Send this text (escapes: \\n \\r \\t \\xNN ...); repeat for several writes."),
                            Tcp::tr("TEXT")};
    QCommandLineOption hex{u"hex"_s, Tcp::tr("Send these bytes written in hex (\"de ad be ef\")."), Tcp::tr("HEX")};
    QCommandLineOption encoding{u"encoding"_s, Tcp::tr("Text encoding for --send, typed lines and what arrives: "
                                                       "utf-8 (default), gbk, gb18030 or latin1."),
                                Tcp::tr("NAME")};
    QCommandLineOption lineEnding{u"line-ending"_s, Tcp::tr("Append to every --send and typed line: none, lf or "
                                                            "crlf (default none for --send, lf for typed lines)."),
                                  Tcp::tr("END")};
    QCommandLineOption lines{u"lines"_s, Tcp::tr("Show what arrives as text, line by line.")};
    QCommandLineOption showChunks{u"show-chunks"_s, Tcp::tr("One line per read with its size (the default "
                                                            "unless typing on standard input).")};
    QCommandLineOption halfClose{u"half-close"_s, Tcp::tr("After sending, shut our sending side (FIN) and keep "
                                                          "reading until the other side closes.")};
    QCommandLineOption keepOpen{u"keep-open"_s, Tcp::tr("When standard input ends, keep our sending side open "
                                                        "(no half-close).")};
    QCommandLineOption reset{u"reset"_s, Tcp::tr("End with a reset (RST, SO_LINGER 0) instead of FIN: after the "
                                                 "sends are out, or when --wait passes.")};
    QCommandLineOption noDelay{u"no-delay"_s, Tcp::tr("Set TCP_NODELAY (each write leaves at once).")};
    QCommandLineOption tls{u"tls"_s, Tcp::tr("Speak TLS over the connection (the certificate is checked).")};
    QCommandLineOption insecure{u"insecure"_s, Tcp::tr("With --tls: accept certificate problems for this "
                                                       "connection (like curl -k); they are still printed.")};
    QCommandLineOption info{u"info"_s, Tcp::tr("Print the kernel's TCP facts (TCP_INFO: state, RTT, window, "
                                               "queues...) on stderr when the connection ends.")};
    QCommandLineOption infoEvery{u"info-every"_s, Tcp::tr("Also print them every DURATION while connected (e.g. 1s)."),
                                 Tcp::tr("DURATION")};
    QCommandLineOption wait{u"wait"_s, Tcp::tr("Close after this long (e.g. 2s) instead of waiting for the other side."),
                            Tcp::tr("DURATION")};
    QCommandLineOption framing{u"framing"_s, Tcp::tr("Also re-cut what arrives into frames: none, line, "
                                                     "delimiter:TEXT, fixed:N, length:N[le|be][:inclusive]."),
                               Tcp::tr("FRAMING")};
    QCommandLineOption maxFrame{u"max-frame"_s, Tcp::tr("Largest frame --framing accepts (default 1M)."), Tcp::tr("SIZE"),
                                u"1M"_s};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({unixPath, send, hex, encoding, lineEnding, lines, showChunks, halfClose, keepOpen, reset,
                           noDelay, tls, insecure, info, infoEvery, wait, framing, maxFrame});
    }
};

// What the command line asked for, checked.
struct ConnectPlan {
    QString host;
    quint16 port = 0;
    QString unixPath;   // set: a Unix socket instead of HOST PORT
    QList<QByteArray> writes;
    TextEncoding encoding = TextEncoding::Utf8;
    bool encodingGiven = false;
    LineEnding ending = LineEnding::None;
    bool interactive = false;   // no --send, no --hex: standard input is looked at
    bool lines = false;
    bool showChunks = false;
    bool halfClose = false;
    bool keepOpen = false;
    bool reset = false;
    bool noDelay = false;
    bool tls = false;
    bool insecure = false;
    bool info = false;
    std::optional<Duration> waitFor;
    std::optional<Duration> infoPeriod;
    std::optional<FramingSpec> framing;
};

// Fills *plan from the parsed command line; nullopt when it is usable, else the exit code of the usage error printed.
std::optional<int> readPlan(const QCommandLineParser &parser, const ConnectOptions &o, const QString &command,
                            ConnectPlan *plan)
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
        const std::optional<QString> host = parseHost(parser.positionalArguments().at(0), &error);
        if (!host)
            return usageError(command, u"HOST"_s, error);
        const std::optional<quint16> port = parsePort(parser.positionalArguments().at(1), PortZero::Refused, &error);
        if (!port)
            return usageError(command, u"PORT"_s, error);
        plan->host = *host;
        plan->port = *port;
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
        const std::optional<QByteArray> bytes = encodeTyped(text, plan->encoding, &error);
        if (!bytes)
            return usageError(command, u"--send"_s, error);
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

// The running connection: what it sends, what is typed, how what arrives is shown, and how it ends.
class ConnectRun final
{
    Q_DISABLE_COPY_MOVE(ConnectRun)

public:
    ConnectRun(const ConnectPlan &plan, const QString &command);
    int exec();

private:
    void onReceived(const QByteArray &bytes);
    void reframe(const QByteArray &bytes);
    void printTextLines(const QString &text, bool final);
    void onError(TcpClient::Error error);
    void onStateChanged(TcpClient::State state);
    void onConnected();
    void onClosed();
    void onTypedLine(const QByteArray &line);
    void onInputEnd(const QByteArray &rest);
    void sendTyped(const QByteArray &line, bool withEnding);
    void finishInput();

    const ConnectPlan &m_plan;
    const QString m_command;
    TcpClient m_client;
    StdinLines m_input;
    QTimer m_infoTimer;
    Show m_show = Show::Chunks;
    bool m_chunkHeaders = true;
    netcore::tcp::StreamDecoder m_decoder;
    std::optional<netcore::tcp::Reframer> m_reframer;
    QString m_pendingLine;
    QList<std::pair<QByteArray, bool>> m_typed;   // typed before the connection is up: (line, whether it had an end)
    int m_exitCode = ExitOk;
    bool m_reportedStuck = false;
    bool m_inputEnded = false;
    bool m_resetWhenWritten = false;
};

ConnectRun::ConnectRun(const ConnectPlan &plan, const QString &command)
    : m_plan(plan)
    , m_command(command)
    , m_decoder(plan.encoding)
{
    m_client.setNoDelay(plan.noDelay);
    m_client.setTls(plan.tls);
    m_client.setIgnoreTlsErrors(plan.insecure);
    if (plan.framing)
        m_reframer.emplace(*plan.framing);
    bool typing = false;
    if (plan.interactive) {
        m_input.start();
        typing = !m_input.atEndAtStart();
    }
    m_show = plan.lines ? Show::Lines : (plan.showChunks || !typing) ? Show::Chunks : Show::Raw;
    m_chunkHeaders = m_show == Show::Chunks || plan.showChunks;
    QObject::connect(&m_input, &StdinLines::line, &m_client, [this](const QByteArray &line) { onTypedLine(line); });
    QObject::connect(&m_input, &StdinLines::finished, &m_client, [this](const QByteArray &rest) { onInputEnd(rest); });
    QObject::connect(&m_client, &TcpClient::received, &m_client, [this](const QByteArray &bytes) { onReceived(bytes); });
    QObject::connect(&m_client, &TcpClient::errorOccurred, &m_client, [this](TcpClient::Error e) { onError(e); });
    QObject::connect(&m_client, &TcpClient::stateChanged, &m_client, [this](TcpClient::State s) { onStateChanged(s); });
    QObject::connect(&m_client, &TcpClient::allWritten, &m_client, [this] {
        if (m_resetWhenWritten)
            m_client.abort();
    });
    QObject::connect(&m_infoTimer, &QTimer::timeout, &m_client, [this] {
        if (const std::optional<netcore::tcp::TcpFacts> facts = m_client.tcpFacts())
            printRows(Tcp::tr("TCP facts:"), presentation::tcp::factsRows(*facts));
    });
}

int ConnectRun::exec()
{
    if (m_plan.unixPath.isEmpty())
        m_client.connectTo(m_plan.host, m_plan.port);
    else
        m_client.connectToUnix(m_plan.unixPath);
    if (m_client.state() == TcpClient::State::Closed)
        return m_exitCode;   // failed at once (a Unix path that is not there)
    return QCoreApplication::exec();
}

void ConnectRun::onReceived(const QByteArray &bytes)
{
    if (m_chunkHeaders) {
        if (m_show == Show::Lines)
            out() << "[read " << bytes.size() << "]\n";
        else if (m_plan.encodingGiven)
            out() << "[read " << bytes.size() << "] " << escapedControls(m_decoder.decode(bytes)) << '\n';
        else
            printPiece("read", bytes);
    }
    if (m_show == Show::Lines)
        printTextLines(m_decoder.decode(bytes), false);
    else if (m_show == Show::Raw)
        out() << m_decoder.decode(bytes);
    out().flush();
    reframe(bytes);
}

void ConnectRun::reframe(const QByteArray &bytes)
{
    if (!m_reframer)
        return;
    m_reframer->append(bytes);
    for (;;) {
        const netcore::tcp::Frame frame = m_reframer->next();
        if (frame.status == netcore::common::FrameStatus::Ok) {
            printPiece("frame", frame.payload);
            continue;
        }
        if (frame.status != netcore::common::FrameStatus::Incomplete && !m_reportedStuck) {
            m_reportedStuck = true;
            err() << presentation::tcp::frameStatusText(frame.status, m_reframer->spec().maxFrame) << '\n';
            err().flush();
        }
        return;
    }
}

void ConnectRun::printTextLines(const QString &text, bool final)
{
    m_pendingLine += text;
    qsizetype from = 0;
    for (qsizetype end = m_pendingLine.indexOf(u'\n'); end >= 0; end = m_pendingLine.indexOf(u'\n', from)) {
        QString one = m_pendingLine.sliced(from, end - from);
        if (one.endsWith(u'\r'))
            one.chop(1);
        out() << one << '\n';
        from = end + 1;
    }
    m_pendingLine.remove(0, from);
    if (final && !m_pendingLine.isEmpty())
        out() << std::exchange(m_pendingLine, {}) << '\n';
}

void ConnectRun::onError(TcpClient::Error error)
{
    err() << m_command << ": " << presentation::tcp::errorText(error, m_client.errorDetail()) << '\n';
    if (error == TcpClient::Error::TlsVerifyFailed)
        printRows(Tcp::tr("TLS:"), presentation::tcp::tlsRows(m_client.tlsInfo()));
    err().flush();
    m_exitCode = error == TcpClient::Error::HostNotFound ? ExitNotFound : ExitFailure;
}

void ConnectRun::onStateChanged(TcpClient::State state)
{
    switch (state) {
    case TcpClient::State::Connected:
        onConnected();
        break;
    case TcpClient::State::HalfClosed:
        err() << Tcp::tr("Half-closed: sent FIN, still reading.") << '\n';
        err().flush();
        break;
    case TcpClient::State::Closed:
        onClosed();
        break;
    case TcpClient::State::Unconnected:
    case TcpClient::State::Connecting:
    case TcpClient::State::Closing:
        break;
    }
}

void ConnectRun::onConnected()
{
    if (m_client.isUnix())
        err() << Tcp::tr("Connected to %1").arg(m_client.peerEndpoint()) << '\n';
    else
        err() << Tcp::tr("Connected: %1 -> %2").arg(m_client.localEndpoint(), m_client.peerEndpoint()) << '\n';
    err().flush();
    if (m_client.tlsInfo().used)
        printRows(Tcp::tr("TLS:"), presentation::tcp::tlsRows(m_client.tlsInfo()));
    for (const QByteArray &bytes : m_plan.writes)
        m_client.send(bytes);
    for (const auto &[line, ended] : std::as_const(m_typed))
        sendTyped(line, ended);
    m_typed.clear();
    if (m_plan.halfClose)
        m_client.halfClose();
    else if (m_inputEnded)
        finishInput();
    if (m_plan.infoPeriod)
        m_infoTimer.start(std::chrono::duration_cast<std::chrono::milliseconds>(*m_plan.infoPeriod));
    if (m_plan.waitFor) {
        QTimer::singleShot(std::chrono::duration_cast<std::chrono::milliseconds>(*m_plan.waitFor), &m_client, [this] {
            if (m_plan.reset)
                m_client.abort();
            else
                m_client.close();
        });
    } else if (m_plan.reset) {
        m_resetWhenWritten = true;
        if (m_client.bytesToWrite() == 0)
            m_client.abort();
    }
}

void ConnectRun::onClosed()
{
    m_infoTimer.stop();
    if (m_show == Show::Lines)
        printTextLines(m_decoder.decode({}), true);
    out().flush();
    if (m_client.closedByPeer()) {
        err() << Tcp::tr("The other side closed the connection (%n read(s), %1 bytes).", nullptr, int(m_client.reads()))
                     .arg(m_client.bytesReceived())
              << '\n';
    }
    if (m_plan.reset && m_exitCode == ExitOk && !m_client.closedByPeer())
        err() << Tcp::tr("Reset the connection (RST).") << '\n';
    if (m_plan.info || m_plan.infoPeriod) {
        if (const std::optional<netcore::tcp::TcpFacts> facts = m_client.lastTcpFacts())
            printRows(Tcp::tr("TCP facts (last read before the end):"), presentation::tcp::factsRows(*facts));
        else if (m_exitCode == ExitOk)
            err() << Tcp::tr("No TCP facts: %1").arg(m_client.isUnix() ? Tcp::tr("a Unix socket has none")
                                                                       : Tcp::tr("none were read"))
                  << '\n';
    }
    err().flush();
    QCoreApplication::exit(m_exitCode);
}

void ConnectRun::onTypedLine(const QByteArray &line)
{
    if (m_client.state() == TcpClient::State::Connecting || m_client.state() == TcpClient::State::Unconnected)
        m_typed.append({line, true});
    else if (m_client.state() == TcpClient::State::Connected)
        sendTyped(line, true);
}

void ConnectRun::onInputEnd(const QByteArray &rest)
{
    m_inputEnded = true;
    if (m_client.state() != TcpClient::State::Connected) {
        if (!rest.isEmpty())
            m_typed.append({rest, false});   // sent (without a line ending) once connected
        return;
    }
    if (!rest.isEmpty())
        sendTyped(rest, false);
    finishInput();
}

void ConnectRun::sendTyped(const QByteArray &line, bool withEnding)
{
    // Typed on a terminal: the locale's UTF-8, re-encoded in --encoding.
    QByteArray bytes = line;
    if (m_plan.encoding != TextEncoding::Utf8) {
        const QString text = QString::fromUtf8(line);
        const netcore::tcp::EncodeResult result = netcore::tcp::encodeText(text, m_plan.encoding);
        if (!result.ok()) {
            err() << m_command << ": " << Tcp::tr("not sent: %1").arg(unencodableText(text, result, m_plan.encoding))
                  << '\n';
            err().flush();
            return;
        }
        bytes = result.bytes;
    }
    m_client.send(withEnding ? netcore::tcp::withLineEnding(bytes, m_plan.ending) : bytes);
}

void ConnectRun::finishInput()
{
    if (!m_plan.keepOpen && m_client.state() == TcpClient::State::Connected)
        m_client.halfClose();
}

} // namespace

int runTcpConnect(const QStringList &arguments)
{
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
    const ConnectOptions options;
    options.addTo(parser);
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    ConnectPlan plan;
    if (const std::optional<int> code = readPlan(parser, options, command, &plan))
        return *code;
    ConnectRun run(plan, command);
    return run.exec();
}

} // namespace app::cli

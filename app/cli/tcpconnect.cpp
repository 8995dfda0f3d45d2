// `socketeer tcp connect HOST PORT | --unix PATH ...`: the TCP workbench's client on the command line — every read
// shown with its size (the boundaries the network made), as text in an encoding or line by line, optionally re-cut
// by a framing; typed lines sent like nc; TLS; the kernel's TCP facts (docs/protocols/tcp.md).
#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/output.h"
#include "app/cli/tcpcommand.h"
#include "app/cli/tcpconnectoptions.h"
#include "app/cli/tcptextio.h"

#include "netcore/common/bytesformat.h"
#include "netcore/tcp/encoding.h"
#include "netcore/tcp/tcpclient.h"
#include "presentation/tcp/tcptext.h"

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

using netcore::tcp::TcpClient;
using netcore::tcp::TextEncoding;

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

// The running connection: what it sends, what is typed, how what arrives is shown, and how it ends.
class ConnectRun final
{
    Q_DISABLE_COPY_MOVE(ConnectRun)

public:
    ConnectRun(const TcpConnectPlan &plan, const QString &command);
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

    const TcpConnectPlan &m_plan;
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

ConnectRun::ConnectRun(const TcpConnectPlan &plan, const QString &command)
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
            const netcore::tcp::TypedTextError typedError{netcore::tcp::TypedTextError::Kind::Unencodable,
                                                          result.unencodable, {}, result.codePoint};
            err() << m_command << ": "
                  << Tcp::tr("not sent: %1").arg(presentation::tcp::typedTextErrorText(text, typedError, m_plan.encoding))
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
    const TcpConnectOptions options;
    options.addTo(parser);
    if (const std::optional<int> code = parseArguments(parser, arguments, command))
        return *code;
    TcpConnectPlan plan;
    if (const std::optional<int> code = readTcpConnectPlan(parser, options, command, &plan))
        return *code;
    ConnectRun run(plan, command);
    return run.exec();
}

} // namespace app::cli

#include "netcore/http/captureconnection.h"

#include "netcore/common/connectionguard.h"
#include "netcore/common/transcript.h"
#include "netcore/http/events.h"

#include <QDateTime>
#include <QFile>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

qint64 millis(std::chrono::milliseconds ms)
{
    return qint64(ms.count());
}

} // namespace

CaptureConnection::CaptureConnection(QTcpSocket *socket, quint64 id, CaptureServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_guard(new common::ConnectionGuard(socket, server->limits(), server->sharedLoad(), this))
    , m_drip(new QTimer(this))
    , m_linger(new QTimer(this))
    , m_id(id)
{
    m_socket->setParent(this);
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    m_parser.setMaxHeaderBytes(server->maxHeaderBytes());
    m_parser.setMaxBodyBytes(server->maxBodyBytes());
    m_linger->setSingleShot(true);
    m_linger->setInterval(kLinger);
    connect(m_linger, &QTimer::timeout, m_socket, &QTcpSocket::abort);
    connect(m_drip, &QTimer::timeout, this, &CaptureConnection::onDrip);
    connect(m_socket, &QTcpSocket::readyRead, this, &CaptureConnection::process);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &CaptureConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &CaptureConnection::onDisconnected);
    connect(m_guard, &common::ConnectionGuard::resumed, this, &CaptureConnection::process);
    connect(m_guard, &common::ConnectionGuard::expired, this, &CaptureConnection::onExpired);
    if (common::Transcript *t = m_server->transcript())
        t->appendEvent(common::Event::ClientConnected, {QString::number(id)}, m_local, m_peer);
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &CaptureConnection::process);
}

CaptureConnection::~CaptureConnection() = default;

CapturedRequest CaptureConnection::capture(const HttpMessage &request) const
{
    CapturedRequest captured;
    captured.connection = int(m_id);
    captured.indexOnConnection = m_requests;
    captured.local = m_local;
    captured.peer = m_peer;
    captured.wallMs = QDateTime::currentMSecsSinceEpoch();
    captured.request = request;
    return captured;
}

// Input the connection holds: bytes read and not parsed, and the request being read (its exact bytes and
// its decoded body are both kept, so a body byte costs two).
qint64 CaptureConnection::heldInput() const
{
    const HttpMessage &current = m_parser.current();
    return m_pending.size() + current.headBytes.size() + current.wireBody.size() + current.body.size();
}

// A body whose Content-Length is known is reserved whole when its head arrives (two bytes per body byte,
// see heldInput()): a request that cannot fit the budget is refused before its body is read.
qint64 CaptureConnection::expectedInput() const
{
    const HttpMessage &current = m_parser.current();
    if (!m_parser.headersDone() || current.framing != BodyFraming::ContentLength)
        return 0;
    return 2 * qMax<qint64>(0, current.declaredLength - current.wireBody.size());
}

bool CaptureConnection::reserveInput(qint64 extra)
{
    const qint64 wanted = heldInput() + expectedInput() + extra;
    if (wanted <= m_guard->buffered())
        return true;
    return m_guard->reserveBuffered(wanted - m_guard->buffered());
}

void CaptureConnection::syncBuffered()
{
    m_guard->setBuffered(heldInput() + expectedInput());
}

void CaptureConnection::process()
{
    m_processQueued = false;
    if (m_lingering) {
        const QByteArray dropped = m_socket->readAll();
        m_server->reportBytes(m_id, dropped.size(), 0);
        return;
    }
    while (!m_closing && !m_file && !m_guard->readingPaused()) {
        if (m_pending.isEmpty()) {
            m_pending = m_socket->read(kReadPieceBytes);
            if (m_pending.isEmpty())
                break;
            m_server->reportBytes(m_id, m_pending.size(), 0);
            if (common::Transcript *t = m_server->transcript())
                t->append(common::Direction::Received, m_pending, m_local, m_peer);
        }
        // Feeding n bytes grows what is held by at most n (the exact bytes plus the decoded body, minus the
        // pending bytes they came from): reserved in the budget before they are parsed.
        if (!reserveInput(m_pending.size())) {
            m_guard->requestBegun();
            refuseWith(capture(m_parser.current()),
                       planErrorResponse(503, "The server holds as many request bytes as its memory budget allows ("_ba
                                                  + QByteArray::number(m_server->limits().memoryBudget)
                                                  + " bytes, all connections together). Try again in a moment."_ba));
            return;
        }
        const bool headersBefore = m_parser.headersDone();
        const qsizetype used = m_parser.feedOne(m_pending);
        m_pending.remove(0, used);
        if (m_parser.error() != ParseError::None) {
            refuse(m_parser.current());
            return;
        }
        if (m_parser.hasCompleted()) {
            m_guard->requestDone();
            for (const HttpMessage &request : m_parser.take())
                answer(request);
            syncBuffered();
            continue;
        }
        if (m_parser.inMessage() || !m_pending.isEmpty())
            m_guard->requestBegun();
        if (m_parser.tunnelled()) {
            refuse(m_parser.current());
            return;
        }
        if (m_parser.headersDone() && !headersBefore) {
            if (!reserveInput(0)) {
                refuseWith(capture(m_parser.current()),
                           planErrorResponse(503, "This request's body ("_ba
                                                      + QByteArray::number(m_parser.current().declaredLength)
                                                      + " bytes) does not fit the server's memory budget for requests now ("_ba
                                                      + QByteArray::number(m_server->limits().memoryBudget)
                                                      + " bytes, all connections together). Try again in a moment."_ba));
                return;
            }
            const HttpMessage &current = m_parser.current();
            if (!m_continueSent && m_server->response().sendContinue
                && current.headerValue("Expect").trimmed().compare("100-continue", Qt::CaseInsensitive) == 0) {
                m_continueSent = true;
                send("HTTP/1.1 100 Continue\r\n\r\n"_ba);
            }
        }
        syncBuffered();
    }
}

void CaptureConnection::answer(const HttpMessage &request)
{
    m_continueSent = false;
    const ResponseSpec &spec = m_server->response();
    QList<RequestIssue> findings = checkReceivedHead(request.headBytes);
    if (request.method == "CONNECT") {
        // No tunnels: 405 naming what is served; what the client sends next is not HTTP, so the connection closes.
        CapturedRequest refused = capture(request);
        refused.findings = findings;
        refuseWith(refused,
                   planErrorResponse(405, "This capture server does not open tunnels: CONNECT asks a proxy to connect "
                                          "to "_ba + request.target.left(200)
                                              + ", and this server is not a proxy. It answers the methods in Allow."_ba,
                                     {{"Allow"_ba, servedMethods()}}),
                   false);
        return;
    }
    if (spec.strict && !findings.isEmpty()) {
        // Strict: 400 naming the first finding's byte and rule, every finding on its own line.
        CapturedRequest refused = capture(request);
        QByteArray explanation = "Malformed request at byte "_ba + QByteArray::number(findings.constFirst().offset)
                                 + ": "_ba + issueWireText(findings.constFirst().kind) + " ("_ba
                                 + issueKey(findings.constFirst().kind) + ")."_ba;
        for (const RequestIssue &finding : std::as_const(findings))
            explanation += "\n"_ba + issueWireLine(finding);
        refused.findings = std::move(findings);
        refuseWith(refused, planErrorResponse(400, explanation), false);
        return;
    }
    ++m_requests;
    const PlannedResponse plan = planResponse(spec, request, findings);
    CapturedRequest captured = capture(request);
    captured.findings = std::move(findings);
    captured.answeredStatus = plan.status;
    const qsizetype headEnd = plan.bytes.indexOf("\r\n\r\n");
    captured.responseHead = headEnd >= 0 ? plan.bytes.left(headEnd + 4) : plan.bytes.left(1024);
    captured.responseBytes = plan.totalBytes();
    if (spec.dripBytes > 0) {
        m_dripBytes = spec.dripBytes;
        m_drip->setInterval(spec.dripInterval);
    } else if (m_dripQueue.isEmpty()) {
        m_dripBytes = 0;
    }
    send(plan.bytes);
    if (plan.file && plan.fileBytes > 0) {
        m_file = plan.file;
        m_fileLeft = plan.fileBytes;
        m_fileChunked = plan.fileChunked;
    }
    m_server->reportCapture(captured);
    if (plan.close || request.upgrade)
        closeWhenWritten();
    if (m_file)
        pump();
}

void CaptureConnection::refuse(const HttpMessage &partial)
{
    CapturedRequest captured = capture(partial);
    // everything that arrived, also the bytes after the one the parser refused
    (m_parser.headersDone() ? captured.request.wireBody : captured.request.headBytes) += m_parser.unparsed();
    captured.error = m_parser.error();
    captured.errorOffset = m_parser.errorOffset() - partial.streamOffset;
    captured.errorReason = m_parser.llhttpName() + ": " + m_parser.llhttpReason();
    PlannedResponse plan;
    switch (m_parser.error()) {
    case ParseError::HeadersTooLarge:
        plan = planErrorResponse(431, "The request head (start line and headers) is larger than the limit of "_ba
                                          + QByteArray::number(m_server->maxHeaderBytes()) + " bytes."_ba);
        break;
    case ParseError::BodyTooLarge:
        if (partial.framing == BodyFraming::ContentLength && partial.declaredLength > m_server->maxBodyBytes())
            plan = planErrorResponse(413, "Content-Length: "_ba + QByteArray::number(partial.declaredLength)
                                              + " is larger than this server's limit of "_ba
                                              + QByteArray::number(m_server->maxBodyBytes()) + " bytes for a request body."_ba);
        else
            plan = planErrorResponse(413, "The request body on the wire (chunk sizes, extensions and trailers "
                                          "included) passed this server's limit of "_ba
                                              + QByteArray::number(m_server->maxBodyBytes()) + " bytes at byte "_ba
                                              + QByteArray::number(captured.errorOffset) + "."_ba);
        break;
    case ParseError::None:
        plan = planErrorResponse(501, "This server does not open tunnels."_ba);
        break;
    default:
        plan = planErrorResponse(400, "Malformed request at byte "_ba + QByteArray::number(captured.errorOffset) + ": "_ba
                                          + captured.errorReason);
    }
    refuseWith(captured, plan);
}

void CaptureConnection::refuseWith(CapturedRequest captured, const PlannedResponse &plan, bool cutShort)
{
    ++m_requests;
    captured.indexOnConnection = m_requests;
    captured.answeredStatus = plan.status;
    captured.responseHead = plan.bytes.left(plan.bytes.indexOf("\r\n\r\n") + 4);
    captured.responseBytes = plan.bytes.size();
    if (cutShort && captured.error == ParseError::None)
        captured.error = ParseError::TruncatedMessage;   // not complete: refused before its end
    if (cutShort && captured.errorOffset < 0)
        captured.errorOffset = captured.request.raw().size();
    send(plan.bytes);
    m_server->reportCapture(captured);
    linger();
}

// Output goes through the guard (counted, drain deadline); a drip holds it back and counts it as held.
void CaptureConnection::send(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_dripBytes > 0 || !m_dripQueue.isEmpty()) {
        m_dripQueue += bytes;
        m_guard->setHeldOutput(m_dripQueue.size());
        if (!m_drip->isActive()) {
            m_drip->start();
            onDrip();
        }
        return;
    }
    if (common::Transcript *t = m_server->transcript())
        t->append(common::Direction::Sent, bytes, m_local, m_peer);
    m_server->reportBytes(m_id, 0, bytes.size());
    m_guard->write(bytes);
}

void CaptureConnection::onDrip()
{
    const QByteArray piece = m_dripQueue.left(qMax<qsizetype>(1, m_dripBytes));
    m_dripQueue.remove(0, piece.size());
    m_guard->setHeldOutput(m_dripQueue.size());
    if (!piece.isEmpty()) {
        if (common::Transcript *t = m_server->transcript())
            t->append(common::Direction::Sent, piece, m_local, m_peer);
        m_server->reportBytes(m_id, 0, piece.size());
        m_guard->write(piece);
    }
    if (m_dripQueue.isEmpty())
        m_drip->stop();
    pump();
}

// The static file being streamed: pieces are read and written while the unsent output is below the bound,
// and again each time the socket drains. The next request waits until the file is out.
void CaptureConnection::pump()
{
    if (m_file) {
        const qint64 bound = m_server->limits().maxQueuedOutput > 0 ? m_server->limits().maxQueuedOutput
                                                                    : CaptureServer::kDefaultMaxQueuedOutput;
        while (m_fileLeft > 0 && m_guard->queuedOutput() < bound) {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                return;
            QByteArray piece = m_file->read(qMin(m_fileLeft, kFilePieceBytes));
            if (piece.isEmpty()) {
                // The file shrank or cannot be read: the promised length cannot be kept, the client must see
                // the response is cut short.
                m_file.reset();
                m_socket->abort();
                return;
            }
            m_fileLeft -= piece.size();
            if (m_fileChunked) {
                piece = QByteArray::number(piece.size(), 16) + "\r\n"_ba + piece + "\r\n"_ba;
                if (m_fileLeft == 0)
                    piece += "0\r\n\r\n"_ba;
            }
            send(piece);
        }
        if (m_fileLeft > 0)
            return;
        m_file.reset();
    }
    if (m_closing) {
        if (outputDone() && !m_lingering && m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->disconnectFromHost();   // flushes what is written, then FIN
        return;
    }
    // The response is out (or queued): the next pipelined request, from the event loop.
    if (!m_processQueued && (!m_pending.isEmpty() || m_socket->bytesAvailable() > 0)) {
        m_processQueued = true;
        QTimer::singleShot(0, this, &CaptureConnection::process);
    }
}

bool CaptureConnection::outputDone() const
{
    return !m_file && m_dripQueue.isEmpty();
}

void CaptureConnection::onBytesWritten()
{
    if (m_guard->hasExpired())
        return;   // the guard is flushing and aborting: nothing more is sent, nothing closed under it
    if (m_lingering && outputDone() && m_socket->bytesToWrite() == 0 && !m_linger->isActive()) {
        // Our answer is with the kernel: say we are done (FIN), keep reading and dropping what the peer still
        // sends for a moment so the answer reaches it instead of being lost to a reset.
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        m_linger->start();
        return;
    }
    pump();
}

void CaptureConnection::closeWhenWritten()
{
    m_closing = true;
    if (outputDone())
        m_socket->disconnectFromHost();   // flushes what is written, then FIN
}

void CaptureConnection::linger()
{
    m_closing = true;
    m_lingering = true;
    m_file.reset();
    m_pending.clear();
    m_parser.reset();
    syncBuffered();
    if (outputDone() && m_socket->bytesToWrite() == 0)
        onBytesWritten();
    process();   // drop what is already here
}

void CaptureConnection::onExpired(common::Deadline which)
{
    common::Transcript *t = m_server->transcript();
    const common::ServerLimits &limits = m_server->limits();
    switch (which) {
    case common::Deadline::Request:
        if (t)
            t->appendEvent(Event::RequestTimeout, {QString::number(millis(limits.requestTimeout))}, m_local, m_peer);
        if (!m_closing) {
            // The goodbye: 408, then the guard aborts the connection.
            CapturedRequest captured = capture(m_parser.current());
            captured.request.headBytes += m_parser.headersDone() ? QByteArray() : m_pending;
            m_closing = true;
            refuseWith(captured, planErrorResponse(408, "The request was not complete within "_ba
                                                            + QByteArray::number(millis(limits.requestTimeout))
                                                            + " ms of its first byte."_ba));
        }
        break;
    case common::Deadline::Idle:
        if (t)
            t->appendEvent(common::Event::IdleTimeout,
                           {QString::number(std::chrono::duration_cast<std::chrono::seconds>(limits.idleTimeout).count())},
                           m_local, m_peer);
        break;
    case common::Deadline::Drain:
        if (t)
            t->appendEvent(Event::OutputStalled, {QString::number(millis(limits.drainTimeout))}, m_local, m_peer);
        break;
    case common::Deadline::Hello:
    case common::Deadline::Rate:
    case common::Deadline::Count:
        break;
    }
    m_closing = true;
    m_file.reset();
    m_drip->stop();
    m_linger->stop();
}

void CaptureConnection::onDisconnected()
{
    if (m_closedReported)
        return;
    m_closedReported = true;
    m_file.reset();   // work for a closed connection stops at once
    m_drip->stop();
    m_linger->stop();
    if (!m_closing && m_parser.inMessage() && m_parser.error() == ParseError::None) {
        // The client went away in the middle of a request: show what came.
        ++m_requests;
        CapturedRequest captured = capture(m_parser.current());
        captured.error = ParseError::TruncatedMessage;
        captured.errorOffset = captured.request.raw().size();
        m_server->reportCapture(captured);
    }
    reportEnd();
    deleteLater();
}

void CaptureConnection::drop()
{
    m_closing = true;
    m_file.reset();
    m_drip->stop();
    m_linger->stop();
    m_socket->disconnect(this);
    m_socket->abort();
    if (!m_closedReported) {
        m_closedReported = true;
        reportEnd();
    }
    deleteLater();
}

void CaptureConnection::reportEnd()
{
    if (common::Transcript *t = m_server->transcript())
        t->appendEvent(common::Event::ClientDisconnected, {QString::number(m_id)}, m_local, m_peer);
    m_server->reportClosed(m_id);
}

} // namespace netcore::http

#include "netcore/http/captureconnection.h"

#include "netcore/common/transcript.h"

#include <QDateTime>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace netcore::http {

CaptureConnection::CaptureConnection(QTcpSocket *socket, quint64 id, CaptureServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_idle(new QTimer(this))
    , m_idleTimeout(server->limits().idleTimeout)
    , m_drip(new QTimer(this))
    , m_id(id)
{
    m_socket->setParent(this);
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    m_parser.setMaxHeaderBytes(server->maxHeaderBytes());
    m_parser.setMaxBodyBytes(server->maxBodyBytes());
    m_idle->setSingleShot(true);
    if (m_idleTimeout.count() > 0)
        m_idle->start(m_idleTimeout);
    connect(m_idle, &QTimer::timeout, this, &CaptureConnection::onIdle);
    connect(m_drip, &QTimer::timeout, this, &CaptureConnection::onDrip);
    connect(m_socket, &QTcpSocket::readyRead, this, &CaptureConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &CaptureConnection::onDisconnected);
    if (common::Transcript *t = m_server->transcript())
        t->appendEvent(common::Event::ClientConnected, {QString::number(id)}, m_local, m_peer);
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &CaptureConnection::onReadyRead);
}

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

void CaptureConnection::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty() || m_closing)
        return;
    if (m_idleTimeout.count() > 0)
        m_idle->start(m_idleTimeout);
    m_server->reportBytes(m_id, data.size(), 0);
    if (common::Transcript *t = m_server->transcript())
        t->append(common::Direction::Received, data, m_local, m_peer);
    m_parser.feed(data);
    for (const HttpMessage &request : m_parser.take()) {
        answer(request);
        if (m_closing)
            return;
    }
    if (m_parser.error() != ParseError::None) {
        refuse(m_parser.current());
        return;
    }
    const HttpMessage &current = m_parser.current();
    if (m_parser.headersDone() && !m_continueSent && m_server->response().sendContinue
        && current.headerValue("Expect").trimmed().compare("100-continue", Qt::CaseInsensitive) == 0) {
        m_continueSent = true;
        write("HTTP/1.1 100 Continue\r\n\r\n"_ba, ResponseSpec{});
    }
    if (m_parser.tunnelled())
        refuse(current);
}

void CaptureConnection::answer(const HttpMessage &request)
{
    ++m_requests;
    m_continueSent = false;
    const ResponseSpec &spec = m_server->response();
    const PlannedResponse plan = planResponse(spec, request);
    CapturedRequest captured = capture(request);
    captured.answeredStatus = plan.status;
    const qsizetype headEnd = plan.bytes.indexOf("\r\n\r\n");
    captured.responseHead = headEnd >= 0 ? plan.bytes.left(headEnd + 4) : plan.bytes.left(1024);
    captured.responseBytes = plan.bytes.size();
    write(plan.bytes, spec);
    m_server->reportCapture(captured);
    if (plan.close || request.upgrade)
        closeWhenWritten();
}

void CaptureConnection::refuse(const HttpMessage &partial)
{
    ++m_requests;
    CapturedRequest captured = capture(partial);
    // everything that arrived, also the bytes after the one the parser refused
    (m_parser.headersDone() ? captured.request.wireBody : captured.request.headBytes) += m_parser.unparsed();
    captured.error = m_parser.error();
    captured.errorOffset = m_parser.errorOffset() - partial.streamOffset;
    captured.errorReason = m_parser.llhttpName() + ": " + m_parser.llhttpReason();
    PlannedResponse plan;
    switch (m_parser.error()) {
    case ParseError::HeadersTooLarge:
        plan = planErrorResponse(431, "The request head is larger than "_ba + QByteArray::number(m_server->maxHeaderBytes())
                                          + " bytes."_ba);
        break;
    case ParseError::BodyTooLarge:
        plan = planErrorResponse(413, "The request body is larger than "_ba + QByteArray::number(m_server->maxBodyBytes())
                                          + " bytes."_ba);
        break;
    case ParseError::None:
        plan = planErrorResponse(501, "This server does not open tunnels."_ba);
        break;
    default:
        plan = planErrorResponse(400, "Malformed request at byte "_ba + QByteArray::number(captured.errorOffset) + ": "_ba
                                          + captured.errorReason);
    }
    captured.answeredStatus = plan.status;
    captured.responseHead = plan.bytes.left(plan.bytes.indexOf("\r\n\r\n") + 4);
    captured.responseBytes = plan.bytes.size();
    write(plan.bytes, ResponseSpec{});
    m_server->reportCapture(captured);
    closeWhenWritten();
}

void CaptureConnection::write(const QByteArray &bytes, const ResponseSpec &spec)
{
    if (spec.dripBytes > 0 || !m_dripQueue.isEmpty()) {
        m_dripQueue += bytes;
        if (spec.dripBytes > 0) {
            m_dripBytes = spec.dripBytes;
            m_drip->setInterval(spec.dripInterval);
        }
        if (!m_drip->isActive()) {
            m_drip->start();
            onDrip();
        }
        return;
    }
    if (common::Transcript *t = m_server->transcript())
        t->append(common::Direction::Sent, bytes, m_local, m_peer);
    m_server->reportBytes(m_id, 0, bytes.size());
    m_socket->write(bytes);
}

void CaptureConnection::onDrip()
{
    const QByteArray piece = m_dripQueue.left(qMax<qsizetype>(1, m_dripBytes));
    m_dripQueue.remove(0, piece.size());
    if (!piece.isEmpty()) {
        if (common::Transcript *t = m_server->transcript())
            t->append(common::Direction::Sent, piece, m_local, m_peer);
        m_server->reportBytes(m_id, 0, piece.size());
        m_socket->write(piece);
        if (m_idleTimeout.count() > 0)
            m_idle->start(m_idleTimeout);
    }
    if (m_dripQueue.isEmpty()) {
        m_drip->stop();
        if (m_closing)
            m_socket->disconnectFromHost();
    }
}

void CaptureConnection::closeWhenWritten()
{
    m_closing = true;
    if (m_dripQueue.isEmpty())
        m_socket->disconnectFromHost();   // flushes what is written, then FIN
}

void CaptureConnection::onIdle()
{
    if (common::Transcript *t = m_server->transcript())
        t->appendEvent(common::Event::IdleTimeout,
                       {QString::number(std::chrono::duration_cast<std::chrono::seconds>(m_idleTimeout).count())},
                       m_local, m_peer);
    m_closing = true;
    m_socket->disconnectFromHost();
}

void CaptureConnection::onDisconnected()
{
    if (m_closedReported)
        return;
    m_closedReported = true;
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
    m_drip->stop();
    m_idle->stop();
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

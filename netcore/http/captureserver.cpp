#include "netcore/http/captureserver.h"

#include "netcore/common/listener.h"
#include "netcore/common/transcript.h"
#include "netcore/http/captureconnection.h"
#include "netcore/http/events.h"

#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

CaptureServer::Error errorOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::AddressInUseError: return CaptureServer::Error::AddressInUse;
    case QAbstractSocket::SocketAccessError: return CaptureServer::Error::AccessDenied;
    case QAbstractSocket::SocketAddressNotAvailableError: return CaptureServer::Error::AddressNotAvailable;
    default: break;
    }
    return CaptureServer::Error::ListenFailed;
}

} // namespace

CaptureServer::CaptureServer(QObject *parent)
    : Server(parent)
    , m_listener(new common::Listener(this))
{
    qRegisterMetaType<CapturedRequest>();
    common::ServerLimits defaults;
    defaults.maxClients = kDefaultMaxClients;
    defaults.maxPerHost = kDefaultMaxPerHost;
    defaults.idleTimeout = kDefaultIdleTimeout;
    defaults.requestTimeout = kDefaultRequestTimeout;
    defaults.drainTimeout = kDefaultDrainTimeout;
    defaults.maxQueuedOutput = kDefaultMaxQueuedOutput;
    defaults.memoryBudget = kDefaultMemoryBudget;
    setLimits(defaults);
    connect(m_listener, &QTcpServer::newConnection, this, &CaptureServer::onNewConnection);
}

CaptureServer::~CaptureServer() = default;

bool CaptureServer::start(const QHostAddress &address, quint16 port)
{
    stop();
    m_errorDetail = {};
    m_listener->setMaxPendingConnections(limits().maxClients);
    if (!m_listener->listen(address, port)) {
        m_errorDetail.peer = common::endpointString(address, port);
        m_errorDetail.raw = m_listener->errorString();
        m_error = errorOf(m_listener->serverError());
        Q_EMIT errorOccurred(m_error);
        return false;
    }
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Listening, {common::endpointString(serverAddress(), serverPort())});
    setState(State::Listening);
    return true;
}

void CaptureServer::stop()
{
    const bool was = m_listener->isListening();
    m_listener->close();
    const QList<CaptureConnection *> connections = findChildren<CaptureConnection *>(Qt::FindDirectChildrenOnly);
    for (CaptureConnection *connection : connections)
        connection->drop();
    if (was) {
        if (m_transcript)
            m_transcript->appendEvent(common::Event::StoppedListening);
        setState(State::Stopped);
    }
}

bool CaptureServer::disconnectClient(quint64 id)
{
    if (!client(id))
        return false;   // unknown, or already gone (a dropped connection waits for deleteLater)
    const QList<CaptureConnection *> connections = findChildren<CaptureConnection *>(Qt::FindDirectChildrenOnly);
    for (CaptureConnection *connection : connections) {
        if (connection->id() == id) {
            connection->drop();
            return true;
        }
    }
    return false;
}

QHostAddress CaptureServer::serverAddress() const
{
    return m_listener->serverAddress();
}

quint16 CaptureServer::serverPort() const
{
    return m_listener->serverPort();
}

void CaptureServer::onNewConnection()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        const QHostAddress host = socket->peerAddress();
        switch (admit(host)) {
        case common::Admission::Admitted:
            break;
        case common::Admission::ServerFull:
            if (m_transcript)
                m_transcript->appendEvent(common::Event::ClientRefused, {QString::number(limits().maxClients)});
            refuse(socket, planErrorResponse(503, "This server already serves its maximum of "_ba
                                                      + QByteArray::number(limits().maxClients)
                                                      + " connections. Try again in a moment."_ba)
                               .bytes);
            continue;
        case common::Admission::HostFull:
            if (m_transcript)
                m_transcript->appendEvent(Event::ClientRefusedFromHost,
                                          {host.toString(), QString::number(limits().maxPerHost)});
            refuse(socket, planErrorResponse(429, "Your address already has "_ba + QByteArray::number(limits().maxPerHost)
                                                      + " connections open to this server, the most one address may "
                                                        "have. Close one and try again."_ba)
                               .bytes);
            continue;
        }
        const quint64 id = addClient(common::endpointString(host, socket->peerPort()), host);
        new CaptureConnection(socket, id, this);
    }
}

// A connection over a cap gets its answer, then FIN; what the peer still sends is read and dropped for a
// moment so the answer is not lost to a reset, then the socket is aborted.
void CaptureServer::refuse(QTcpSocket *socket, const QByteArray &response)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (m_refusing >= kMaxRefusing) {
        socket->abort();
        return;
    }
    ++m_refusing;
    connect(socket, &QObject::destroyed, this, [this] { --m_refusing; });
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
    auto *linger = new QTimer(socket);
    linger->setSingleShot(true);
    connect(linger, &QTimer::timeout, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    });
    socket->write(response);
    linger->start(CaptureConnection::kLinger);
}

void CaptureServer::reportClosed(quint64 id)
{
    removeClient(id);
}

} // namespace netcore::http

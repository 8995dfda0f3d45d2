#include "netcore/http/captureserver.h"

#include "netcore/common/transcript.h"
#include "netcore/http/captureconnection.h"

#include <QTcpServer>
#include <QTcpSocket>

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
    , m_server(new QTcpServer(this))
{
    qRegisterMetaType<CapturedRequest>();
    common::ServerLimits defaults;
    defaults.maxClients = kDefaultMaxClients;
    defaults.idleTimeout = kDefaultIdleTimeout;
    setLimits(defaults);
    connect(m_server, &QTcpServer::newConnection, this, &CaptureServer::onNewConnection);
}

CaptureServer::~CaptureServer() = default;

bool CaptureServer::start(const QHostAddress &address, quint16 port)
{
    stop();
    m_errorDetail = {};
    m_server->setMaxPendingConnections(limits().maxClients);
    if (!m_server->listen(address, port)) {
        m_errorDetail.peer = common::endpointString(address, port);
        m_errorDetail.raw = m_server->errorString();
        m_error = errorOf(m_server->serverError());
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
    const bool was = m_server->isListening();
    m_server->close();
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
    return m_server->serverAddress();
}

quint16 CaptureServer::serverPort() const
{
    return m_server->serverPort();
}

void CaptureServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (clientCount() >= limits().maxClients) {
            if (m_transcript)
                m_transcript->appendEvent(common::Event::ClientRefused, {QString::number(limits().maxClients)});
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const quint64 id = addClient(common::endpointString(socket->peerAddress(), socket->peerPort()));
        new CaptureConnection(socket, id, this);
    }
}

void CaptureServer::reportClosed(quint64 id)
{
    removeClient(id);
}

} // namespace netcore::http

#include "netcore/http/captureserver.h"

#include "netcore/common/transcript.h"
#include "netcore/http/captureconnection.h"

#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace netcore::http {

CaptureServer::CaptureServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    qRegisterMetaType<CapturedRequest>();
    m_server->setMaxPendingConnections(kMaxConnections);
    connect(m_server, &QTcpServer::newConnection, this, &CaptureServer::onNewConnection);
}

CaptureServer::~CaptureServer() = default;

bool CaptureServer::listen(const QHostAddress &address, quint16 port)
{
    close();
    if (!m_server->listen(address, port))
        return false;
    if (m_transcript)
        m_transcript->appendEvent(u"listening on %1"_s.arg(common::endpointString(serverAddress(), serverPort())));
    emit listeningChanged(true);
    return true;
}

void CaptureServer::close()
{
    const bool was = m_server->isListening();
    m_server->close();
    const QList<CaptureConnection *> connections = findChildren<CaptureConnection *>(Qt::FindDirectChildrenOnly);
    for (CaptureConnection *connection : connections)
        delete connection;
    m_open = 0;
    if (was) {
        if (m_transcript)
            m_transcript->appendEvent(u"stopped listening"_s);
        emit listeningChanged(false);
    }
}

bool CaptureServer::isListening() const
{
    return m_server->isListening();
}

QHostAddress CaptureServer::serverAddress() const
{
    return m_server->serverAddress();
}

quint16 CaptureServer::serverPort() const
{
    return m_server->serverPort();
}

QString CaptureServer::errorString() const
{
    return m_server->errorString();
}

void CaptureServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_open >= kMaxConnections) {
            if (m_transcript)
                m_transcript->appendEvent(u"connection refused: %1 already open"_s.arg(m_open));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        const int number = ++m_nextConnection;
        const QString peer = common::endpointString(socket->peerAddress(), socket->peerPort());
        new CaptureConnection(socket, number, this);
        emit connectionOpened(number, peer);
    }
}

void CaptureServer::reportClosed(int connection)
{
    --m_open;
    emit connectionClosed(connection);
}

} // namespace netcore::http

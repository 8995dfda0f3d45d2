#include "netcore/files/transferclient.h"

#include "netcore/files/classicclient.h"
#include "netcore/files/events.h"
#include "netcore/files/fileclient.h"
#include "netcore/files/serveroptions.h"

#include <QFileDevice>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace netcore::files {
namespace {

// The errno a connect failure stands for, so the UI can say it in its own words (0: none fits).
int errnoOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return ECONNREFUSED;
    case QAbstractSocket::NetworkError:
        return ENETUNREACH;
    case QAbstractSocket::SocketTimeoutError:
        return ETIMEDOUT;
    case QAbstractSocket::SocketAccessError:
        return EACCES;
    default:
        break;
    }
    return 0;
}

} // namespace

TransferClient::TransferClient(std::chrono::milliseconds connectTimeout, QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_timer(new QTimer(this))
    , m_connectTimeout(connectTimeout)
{
    qRegisterMetaType<QList<RemoteFileInfo>>();
    m_socket->setReadBufferSize(kReadBufferSize);
    m_timer->setSingleShot(true);
    connect(m_socket, &QTcpSocket::connected, this, &TransferClient::handleConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &TransferClient::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &TransferClient::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &TransferClient::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_state == State::Connecting)
            fail(Error::ConnectFailed, {{}, m_peerText, errnoOf(error), m_socket->errorString()}, true);
    });
    connect(m_timer, &QTimer::timeout, this, &TransferClient::handleTimer);
}

TransferClient::~TransferClient()
{
    m_socket->disconnect(this);
}

void TransferClient::setTranscript(common::Transcript *transcript)
{
    m_transcript = transcript;
}

QString TransferClient::partialPathFor(const QString &localPath)
{
    return localPath + u".part"_s;
}

void TransferClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TransferClient::record(common::Direction direction, const QByteArray &bytes)
{
    if (m_transcript)
        m_transcript->append(direction, bytes, m_local, m_peerText);
}

void TransferClient::send(const QByteArray &bytes)
{
    record(common::Direction::Sent, bytes);
    m_socket->write(bytes);
}

void TransferClient::clearError()
{
    m_error = Error::None;
    m_errorDetail = {};
}

common::ErrorDetail TransferClient::localDetail(const QString &path, const QString &raw, int sysError) const
{
    return {path, m_peerText, sysError, raw};
}

common::ErrorDetail TransferClient::fileDetail(const QFileDevice &file) const
{
    if (file.error() == QFileDevice::NoError)   // a short read: the file shrank, no system error
        return localDetail(file.fileName());
    return localDetail(file.fileName(), file.errorString(), errno);
}

void TransferClient::fail(Error error, common::ErrorDetail detail, bool closeConnection)
{
    if (detail.peer.isEmpty())
        detail.peer = m_peerText;
    m_error = error;
    m_errorDetail = detail;
    resetOperation();
    m_timer->stop();
    note(Event::Failed, failureArgs(error, detail));
    if (closeConnection) {
        m_socket->abort();
        setState(State::Disconnected);
    } else {
        setState(State::Ready);
    }
    Q_EMIT errorOccurred(error);
}

void TransferClient::connectToServer(const QString &host, quint16 port)
{
    m_socket->abort();
    clearError();
    m_peerText = host + u':' + QString::number(port);
    setState(State::Connecting);
    note(common::Event::Connecting, {m_peerText});
    m_timer->start(m_connectTimeout);
    m_socket->connectToHost(host, port);
}

void TransferClient::handleConnected()
{
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peerText = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    m_timer->stop();
    onConnected();
}

void TransferClient::handleTimer()
{
    if (m_state == State::Connecting && m_socket->state() != QAbstractSocket::ConnectedState)
        fail(Error::Timeout, {}, true);
    else
        onTimer();
}

void TransferClient::abort()
{
    resetOperation();
    m_timer->stop();
    if (m_state != State::Disconnected)
        note(Event::Aborted);
    m_socket->abort();
    setState(State::Disconnected);
}

TransferClient *createClient(ClientDialect dialect, QObject *parent)
{
    switch (dialect) {
    case ClientDialect::Classic2018:
        return new ClassicClient(ClassicDialect::Course2018, parent);
    case ClientDialect::Classic2020:
        return new ClassicClient(ClassicDialect::Course2020, parent);
    case ClientDialect::Native:
        break;
    }
    return new FileClient(parent);
}

bool dialectCanResume(ClientDialect dialect)
{
    return dialect == ClientDialect::Native;
}

} // namespace netcore::files

#include "netcore/tcp/tcpclient.h"

#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"

#include <QTcpSocket>

#include <cerrno>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace netcore::tcp {

QByteArray withLineEnding(const QByteArray &bytes, LineEnding ending)
{
    switch (ending) {
    case LineEnding::Lf:
        return bytes + '\n';
    case LineEnding::CrLf:
        return bytes + "\r\n"_ba;
    case LineEnding::None:
    case LineEnding::Count:
        break;
    }
    return bytes;
}

TcpClient::TcpClient(common::Transcript *transcript, QObject *parent)
    : QObject(parent)
    , m_transcript(transcript)
    , m_socket(new QTcpSocket(this))
{
    m_socket->setReadBufferSize(kReadBufferSize);
    connect(m_socket, &QTcpSocket::connected, this, &TcpClient::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpClient::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &TcpClient::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpClient::onSocketError);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &TcpClient::onBytesWritten);
}

TcpClient::~TcpClient()
{
    disconnect(m_socket, nullptr, this, nullptr);
}

void TcpClient::connectTo(const QString &host, quint16 port)
{
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        connect(m_socket, &QTcpSocket::connected, this, &TcpClient::onConnected);
        connect(m_socket, &QTcpSocket::readyRead, this, &TcpClient::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &TcpClient::onDisconnected);
        connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpClient::onSocketError);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &TcpClient::onBytesWritten);
    }
    m_host = host;
    m_port = port;
    m_local.clear();
    m_peer.clear();
    m_halfClosePending = false;
    m_closedByPeer = false;
    m_closedByUs = false;
    m_aborted = false;
    m_received = m_sent = m_reads = 0;
    m_error = Error::Count;
    m_errorDetail = {};
    setState(State::Connecting);
    const QHostAddress literal(host);
    const QString target = literal.isNull() ? host + u':' + QString::number(port) : common::endpointString(literal, port);
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Connecting, {target});
    m_socket->connectToHost(host, port);
}

bool TcpClient::send(const QByteArray &bytes)
{
    if (m_state != State::Connected) {
        fail(Error::NotConnected);
        return false;
    }
    if (bytes.isEmpty())
        return true;
    m_socket->write(bytes);
    m_sent += bytes.size();
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, bytes, m_local, m_peer);
    return true;
}

void TcpClient::close()
{
    switch (m_state) {
    case State::Unconnected:
    case State::Closed:
    case State::Closing:
        return;
    case State::Connecting:
        m_closedByUs = true;
        m_socket->abort();
        setState(State::Closed);
        return;
    case State::Connected:
    case State::HalfClosed:
        break;
    }
    m_closedByUs = true;
    setState(State::Closing);
    m_socket->disconnectFromHost();   // FIN once the queue is out; disconnected() follows
}

void TcpClient::halfClose()
{
    if (m_state != State::Connected) {
        fail(Error::NotConnected);
        return;
    }
    setState(State::HalfClosed);
    m_halfClosePending = true;
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite();
    // else: onBytesWritten() shuts the write side once Qt's queue is in the kernel
}

void TcpClient::abort()
{
    if (m_state == State::Unconnected || m_state == State::Closed)
        return;
    m_closedByUs = true;
    m_aborted = true;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0 && m_socket->state() == QAbstractSocket::ConnectedState) {
        const linger hard{1, 0};
        if (::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard) != 0)
            fail(Error::OptionFailed, errno, u"SO_LINGER"_s);
        if (m_transcript)
            m_transcript->appendEvent(Event::Aborted, {}, m_local, m_peer);
    }
    m_socket->abort();
    if (m_state != State::Closed)
        setState(State::Closed);
}

void TcpClient::setNoDelay(bool on)
{
    m_noDelay = on;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, on ? 1 : 0);
    if (m_transcript)
        m_transcript->appendEvent(Event::NoDelay, {on ? u"1"_s : u"0"_s}, m_local, m_peer);
}

int TcpClient::kernelNoDelay() const
{
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0)
        return -1;
    int value = 0;
    socklen_t size = sizeof value;
    if (::getsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &value, &size) != 0)
        return -1;
    return value != 0 ? 1 : 0;
}

QString TcpClient::peerEndpoint() const
{
    return m_peer;
}

QString TcpClient::localEndpoint() const
{
    return m_local;
}

void TcpClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TcpClient::fail(Error error, int sysError, const QString &raw)
{
    m_error = error;
    m_errorDetail = {};
    m_errorDetail.peer = m_peer.isEmpty() ? m_host + u':' + QString::number(m_port) : m_peer;
    m_errorDetail.sysError = sysError;
    m_errorDetail.raw = raw;
    Q_EMIT errorOccurred(error);
}

void TcpClient::onConnected()
{
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Connected, {}, m_local, m_peer);
    setState(State::Connected);
    if (m_noDelay)
        setNoDelay(true);
}

void TcpClient::onReadyRead()
{
    readAll();
}

void TcpClient::readAll()
{
    // Qt holds at most kReadBufferSize: each pass takes what one read from the kernel brought.
    while (m_socket->bytesAvailable() > 0) {
        const QByteArray bytes = m_socket->read(kReadBufferSize);
        if (bytes.isEmpty())
            return;
        m_received += bytes.size();
        ++m_reads;
        if (m_transcript)
            m_transcript->append(common::Direction::Received, bytes, m_local, m_peer);
        Q_EMIT received(bytes);
    }
}

void TcpClient::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    readAll();
    if (!m_closedByUs || m_state == State::HalfClosed)
        m_closedByPeer = true;
    if (m_transcript && !m_aborted)
        m_transcript->appendEvent(m_closedByPeer ? common::Event::PeerClosed : common::Event::Closed, {}, m_local, m_peer);
    setState(State::Closed);
}

void TcpClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_closedByUs && m_state != State::HalfClosed)
        return;   // what our own close or abort caused
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        return;   // a normal end (Qt reports a reset the same way): onDisconnected() says it
    case QAbstractSocket::HostNotFoundError:
        fail(Error::HostNotFound, 0, m_socket->errorString());
        break;
    case QAbstractSocket::ConnectionRefusedError:
        fail(Error::ConnectionRefused, ECONNREFUSED, m_socket->errorString());
        break;
    case QAbstractSocket::SocketTimeoutError:
        fail(Error::ConnectTimeout, ETIMEDOUT, m_socket->errorString());
        break;
    default:
        fail(Error::NetworkError, 0, m_socket->errorString());
        break;
    }
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Failed, {m_socket->errorString()}, m_local, m_peer);
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        setState(State::Closed);
}

void TcpClient::onBytesWritten()
{
    if (m_halfClosePending && m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

void TcpClient::shutdownWrite()
{
    m_halfClosePending = false;
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0 || ::shutdown(int(fd), SHUT_WR) != 0) {
        fail(Error::OptionFailed, fd < 0 ? EBADF : errno, u"shutdown"_s);
        return;
    }
    if (m_transcript)
        m_transcript->appendEvent(Event::HalfClosed, {}, m_local, m_peer);
}

} // namespace netcore::tcp

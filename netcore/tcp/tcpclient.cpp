#include "netcore/tcp/tcpclient.h"

#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"

#include <QFile>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

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
{
}

TcpClient::~TcpClient()
{
    if (m_device)
        disconnect(m_device, nullptr, this, nullptr);
}

void TcpClient::dropSocket()
{
    if (!m_device)
        return;
    disconnect(m_device, nullptr, this, nullptr);
    if (m_socket)
        m_socket->abort();
    if (m_unix)
        m_unix->abort();
    m_device->deleteLater();
    m_device = nullptr;
    m_socket = nullptr;
    m_unix = nullptr;
}

void TcpClient::reset()
{
    dropSocket();
    m_local.clear();
    m_peer.clear();
    m_path.clear();
    m_halfClosePending = false;
    m_closedByPeer = false;
    m_closedByUs = false;
    m_aborted = false;
    m_received = m_sent = m_reads = 0;
    m_error = Error::Count;
    m_errorDetail = {};
    m_tlsInfo = {};
    m_lastFacts.reset();
}

void TcpClient::connectTo(const QString &host, quint16 port)
{
    reset();
    m_host = host;
    m_port = port;
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        connect(ssl, &QSslSocket::encrypted, this, &TcpClient::onEncrypted);
        connect(ssl, &QSslSocket::sslErrors, this, &TcpClient::onSslErrors);
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
    }
    m_device = m_socket;
    m_socket->setReadBufferSize(kReadBufferSize);
    connect(m_socket, &QTcpSocket::connected, this, &TcpClient::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &TcpClient::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &TcpClient::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpClient::onSocketError);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &TcpClient::onBytesWritten);
    setState(State::Connecting);
    const QHostAddress literal(host);
    const QString target = literal.isNull() ? host + u':' + QString::number(port) : common::endpointString(literal, port);
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Connecting, {target});
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        m_tlsInfo.used = true;
        m_tlsInfo.peerVerifyName = host;
        ssl->connectToHostEncrypted(host, port);
    } else {
        m_socket->connectToHost(host, port);
    }
}

void TcpClient::connectToUnix(const QString &path)
{
    reset();
    m_host.clear();
    m_port = 0;
    m_path = path;
    m_unix = new QLocalSocket(this);
    m_device = m_unix;
    m_unix->setReadBufferSize(kReadBufferSize);
    connect(m_unix, &QLocalSocket::connected, this, &TcpClient::onConnected);
    connect(m_unix, &QLocalSocket::readyRead, this, &TcpClient::onReadyRead);
    connect(m_unix, &QLocalSocket::disconnected, this, &TcpClient::onDisconnected);
    connect(m_unix, &QLocalSocket::errorOccurred, this, &TcpClient::onUnixError);
    connect(m_unix, &QLocalSocket::bytesWritten, this, &TcpClient::onBytesWritten);
    setState(State::Connecting);
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Connecting, {path});
    // Qt says "not found" for a path that is not a socket too, and keeps retrying a refused one: look first, then
    // connect on the descriptor, to say which.
    const QByteArray encoded = QFile::encodeName(path);
    const auto failNow = [this](Error error, int sysError) {
        fail(error, sysError);
        if (m_transcript)
            m_transcript->appendEvent(common::Event::Failed, {}, m_local, m_path);
        setState(State::Closed);
    };
    struct stat info{};
    if (::stat(encoded.constData(), &info) != 0) {
        const int saved = errno;
        failNow(saved == EACCES ? Error::UnixAccessDenied : Error::UnixNoSuchFile, saved);
        return;
    }
    if (!S_ISSOCK(info.st_mode)) {
        failNow(Error::UnixNotASocket, ENOTSOCK);
        return;
    }
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (std::size_t(encoded.size()) >= sizeof address.sun_path) {
        failNow(Error::UnixNoSuchFile, ENAMETOOLONG);
        return;
    }
    std::memcpy(address.sun_path, encoded.constData(), std::size_t(encoded.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        failNow(Error::NetworkError, errno);
        return;
    }
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        const int saved = errno;
        ::close(fd);
        if (saved == EAGAIN) {
            // The server's backlog is full: Qt waits for room (up to its own timeout).
            m_unix->connectToServer(path);
            return;
        }
        failNow(saved == ECONNREFUSED ? Error::UnixRefused
                : saved == EACCES || saved == EPERM ? Error::UnixAccessDenied
                : saved == ENOENT ? Error::UnixNoSuchFile
                                  : Error::NetworkError,
                saved);
        return;
    }
    if (!m_unix->setSocketDescriptor(fd, QLocalSocket::ConnectedState, QIODevice::ReadWrite)) {
        ::close(fd);
        failNow(Error::NetworkError, 0);
        return;
    }
    // Connected at once (AF_UNIX): said from the event loop, as a TCP connection is.
    QMetaObject::invokeMethod(
        m_unix,
        [this, socket = m_unix] {
            if (m_unix == socket && m_state == State::Connecting && socket->state() == QLocalSocket::ConnectedState)
                onConnected();
        },
        Qt::QueuedConnection);
}

bool TcpClient::send(const QByteArray &bytes)
{
    if (m_state != State::Connected) {
        fail(Error::NotConnected);
        return false;
    }
    if (bytes.isEmpty())
        return true;
    m_device->write(bytes);
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
        if (m_socket)
            m_socket->abort();
        if (m_unix)
            m_unix->abort();
        setState(State::Closed);
        return;
    case State::Connected:
    case State::HalfClosed:
        break;
    }
    m_closedByUs = true;
    snapshotFacts();
    setState(State::Closing);
    // FIN once the queue is out; disconnected() follows.
    if (m_socket)
        m_socket->disconnectFromHost();
    else
        m_unix->disconnectFromServer();
}

void TcpClient::halfClose()
{
    if (m_state != State::Connected) {
        fail(Error::NotConnected);
        return;
    }
    setState(State::HalfClosed);
    m_halfClosePending = true;
    if (unsent() == 0)
        shutdownWrite();
    // else: onBytesWritten() shuts the write side once Qt's queue is in the kernel
}

void TcpClient::abort()
{
    if (m_state == State::Unconnected || m_state == State::Closed)
        return;
    m_closedByUs = true;
    m_aborted = true;
    snapshotFacts();
    if (m_unix) {
        // AF_UNIX has no RST: the socket is closed now, what is queued is dropped.
        if (m_transcript && m_unix->state() == QLocalSocket::ConnectedState)
            m_transcript->appendEvent(common::Event::Closed, {}, m_local, m_peer);
        m_unix->abort();
    } else if (m_socket) {
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0 && m_socket->state() == QAbstractSocket::ConnectedState) {
            const linger hard{1, 0};
            if (::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard) != 0)
                fail(Error::OptionFailed, errno, u"SO_LINGER"_s);
            if (m_transcript)
                m_transcript->appendEvent(Event::Aborted, {}, m_local, m_peer);
        }
        m_socket->abort();
    }
    if (m_state != State::Closed)
        setState(State::Closed);
}

void TcpClient::setNoDelay(bool on)
{
    m_noDelay = on;
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, on ? 1 : 0);
    if (m_transcript)
        m_transcript->appendEvent(Event::NoDelay, {on ? u"1"_s : u"0"_s}, m_local, m_peer);
}

int TcpClient::kernelNoDelay() const
{
    const qintptr fd = m_socket ? m_socket->socketDescriptor() : -1;
    if (fd < 0)
        return -1;
    int value = 0;
    socklen_t size = sizeof value;
    if (::getsockopt(int(fd), IPPROTO_TCP, TCP_NODELAY, &value, &size) != 0)
        return -1;
    return value != 0 ? 1 : 0;
}

qintptr TcpClient::descriptor() const
{
    if (m_socket)
        return m_socket->socketDescriptor();
    if (m_unix)
        return m_unix->socketDescriptor();
    return -1;
}

bool TcpClient::socketOpen() const
{
    if (m_socket)
        return m_socket->state() == QAbstractSocket::ConnectedState;
    return m_unix && m_unix->state() == QLocalSocket::ConnectedState;
}

qint64 TcpClient::unsent() const
{
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        return ssl->bytesToWrite() + ssl->encryptedBytesToWrite();
    return m_device ? m_device->bytesToWrite() : 0;
}

std::optional<TcpFacts> TcpClient::tcpFacts() const
{
    if (!m_socket || !socketOpen())
        return std::nullopt;
    std::optional<TcpFacts> facts = readTcpFacts(m_socket->socketDescriptor());
    if (facts)
        m_lastFacts = facts;
    return facts;
}

void TcpClient::snapshotFacts() const
{
    tcpFacts();
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
    if (!m_path.isEmpty())
        m_errorDetail.path = m_path;
    else
        m_errorDetail.peer = m_peer.isEmpty() ? m_host + u':' + QString::number(m_port) : m_peer;
    m_errorDetail.sysError = sysError;
    m_errorDetail.raw = raw;
    Q_EMIT errorOccurred(error);
}

void TcpClient::onConnected()
{
    if (m_socket) {
        m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
        m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    } else {
        m_local.clear();   // a Unix client is unnamed
        m_peer = m_path;
    }
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Connected, {}, m_local, m_peer);
    if (m_socket && m_noDelay)
        setNoDelay(true);
    if (m_tlsInfo.used)
        return;   // Connected once the handshake is done (onEncrypted)
    setState(State::Connected);
}

void TcpClient::onEncrypted()
{
    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    if (!ssl)
        return;
    const QList<http::TlsErrorInfo> errors = m_tlsInfo.errors;
    const bool ignored = m_tlsInfo.errorsIgnored;
    http::fillSessionInfo(m_tlsInfo, *ssl);
    m_tlsInfo.errors = errors;
    m_tlsInfo.errorsIgnored = ignored;
    if (m_transcript)
        m_transcript->appendEvent(Event::TlsEstablished, {m_tlsInfo.protocol, m_tlsInfo.cipher}, m_local, m_peer);
    setState(State::Connected);
}

void TcpClient::onSslErrors(const QList<QSslError> &errors)
{
    auto *ssl = qobject_cast<QSslSocket *>(m_socket);
    if (!ssl)
        return;
    m_tlsInfo.errors = http::describeErrors(errors, ssl->peerCertificateChain());
    // Keep the chain even when the handshake will be refused: it is what the user needs to see.
    m_tlsInfo.chain.clear();
    for (const QSslCertificate &certificate : ssl->peerCertificateChain())
        m_tlsInfo.chain.append(http::describeCertificate(certificate));
    QStringList texts;
    for (const QSslError &error : errors)
        texts.append(error.errorString());
    if (m_ignoreTlsErrors) {
        m_tlsInfo.errorsIgnored = true;
        if (m_transcript)
            m_transcript->appendEvent(Event::TlsErrorsIgnored, texts, m_local, m_peer);
        ssl->ignoreSslErrors();
        return;
    }
    fail(Error::TlsVerifyFailed, 0, texts.join(u"; "_s));
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Failed, {texts.join(u"; "_s)}, m_local, m_peer);
}

void TcpClient::onReadyRead()
{
    if (m_socket)
        snapshotFacts();
    readAll();
}

void TcpClient::readAll()
{
    // Qt holds at most kReadBufferSize: each pass takes what one read from the kernel brought.
    while (m_device && m_device->bytesAvailable() > 0) {
        const QByteArray bytes = m_device->read(kReadBufferSize);
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
    const bool tlsFailed = m_error == Error::TlsVerifyFailed || m_error == Error::TlsHandshakeFailed;
    if ((!m_closedByUs || m_state == State::HalfClosed) && !tlsFailed)
        m_closedByPeer = true;
    if (m_transcript && !m_aborted)
        m_transcript->appendEvent(m_closedByPeer ? common::Event::PeerClosed : common::Event::Closed, {}, m_local, m_peer);
    setState(State::Closed);
}

void TcpClient::onSocketError(QAbstractSocket::SocketError error)
{
    if (m_closedByUs && m_state != State::HalfClosed)
        return;   // what our own close or abort caused
    if (m_error == Error::TlsVerifyFailed) {
        // The refused certificate ends the handshake: already said.
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            setState(State::Closed);
        return;
    }
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
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail(Error::TlsHandshakeFailed, 0, m_socket->errorString());
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

void TcpClient::onUnixError(QLocalSocket::LocalSocketError error)
{
    if (m_closedByUs && m_state != State::HalfClosed)
        return;
    switch (error) {
    case QLocalSocket::PeerClosedError:
        return;   // a normal end: onDisconnected() says it
    case QLocalSocket::ConnectionRefusedError:
        fail(Error::UnixRefused, ECONNREFUSED, m_unix->errorString());
        break;
    case QLocalSocket::ServerNotFoundError:
        fail(Error::UnixNoSuchFile, ENOENT, m_unix->errorString());
        break;
    case QLocalSocket::SocketAccessError:
        fail(Error::UnixAccessDenied, EACCES, m_unix->errorString());
        break;
    default:
        fail(Error::NetworkError, 0, m_unix->errorString());
        break;
    }
    if (m_transcript)
        m_transcript->appendEvent(common::Event::Failed, {m_unix->errorString()}, m_local, m_peer);
    if (m_unix->state() == QLocalSocket::UnconnectedState)
        setState(State::Closed);
}

void TcpClient::onBytesWritten()
{
    if (unsent() != 0)
        return;
    if (m_halfClosePending)
        shutdownWrite();
    Q_EMIT allWritten();
}

void TcpClient::shutdownWrite()
{
    m_halfClosePending = false;
    const qintptr fd = descriptor();
    if (fd < 0 || ::shutdown(int(fd), SHUT_WR) != 0) {
        fail(Error::OptionFailed, fd < 0 ? EBADF : errno, u"shutdown"_s);
        return;
    }
    if (m_transcript)
        m_transcript->appendEvent(Event::HalfClosed, {}, m_local, m_peer);
}

} // namespace netcore::tcp

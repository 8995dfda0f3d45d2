#include "netcore/http/httpclient.h"

#include "netcore/common/transcript.h"
#include "netcore/http/events.h"
#include "netcore/http/messageparser.h"

#include <QDateTime>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

QString connectionKey(const QUrl &url)
{
    return url.scheme().toLower() + "://"_L1 + url.host().toLower() + u':' + QString::number(url.port(defaultPort(url)));
}

bool isHttps(const QUrl &url)
{
    return url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0;
}

QByteArray methodOf(const QByteArray &raw)
{
    const qsizetype space = raw.indexOf(' ');
    return space > 0 ? raw.left(space) : raw.left(16);
}

} // namespace

template <typename E>
void HttpClient::recordEvent(E event, const QStringList &args)
{
    if (m_transcript)
        m_transcript->appendEvent(event, args, m_hops.isEmpty() ? QString() : m_hops.constLast().local,
                                  m_hops.isEmpty() ? QString() : m_hops.constLast().peer);
}

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_timeout(new QTimer(this))
    , m_slowTimer(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &HttpClient::onTimeout);
    connect(m_slowTimer, &QTimer::timeout, this, &HttpClient::writeNextSlowByte);
}

HttpClient::~HttpClient()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

bool HttpClient::hasConnection() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool HttpClient::send(const RequestSpec &spec, const ClientOptions &options)
{
    if (isBusy())
        return false;
    m_spec = spec;
    return begin(spec.url, spec.method, buildRequest(spec), options);
}

bool HttpClient::sendRaw(const QUrl &url, const QByteArray &bytes, const ClientOptions &options)
{
    if (isBusy())
        return false;
    m_spec = RequestSpec{};
    m_spec.url = url;
    return begin(url, methodOf(bytes), bytes, options);
}

bool HttpClient::begin(const QUrl &url, const QByteArray &method, const QByteArray &bytes, const ClientOptions &options)
{
    m_options = options;
    m_hops.clear();
    m_retriedStale = false;
    startHop(url, method, bytes);
    return true;
}

void HttpClient::startHop(const QUrl &url, const QByteArray &method, const QByteArray &bytes)
{
    Hop hop;
    hop.url = url;
    hop.method = method;
    hop.requestBytes = bytes;
    hop.startedWallMs = QDateTime::currentMSecsSinceEpoch();
    m_hops.append(hop);
    m_clock.start();
    m_gotFirstByte = false;
    m_parser = std::make_unique<MessageParser>(MessageKind::Response);
    m_parser->setRequestMethod(method.toUpper());
    m_parser->setMaxHeaderBytes(m_options.maxHeaderBytes);
    m_parser->setMaxBodyBytes(m_options.maxBodyBytes);
    m_timeout->start(m_options.timeout);

    const bool schemeOk = url.scheme().compare("http"_L1, Qt::CaseInsensitive) == 0 || isHttps(url);
    if (!url.isValid() || !schemeOk || url.host().isEmpty()) {
        fail(ExchangeError::InvalidUrl, url.toString());
        return;
    }
    if (m_options.reuseConnection && m_connectionReusable && hasConnection() && m_connectionKey == connectionKey(url)) {
        Hop &current = m_hops.last();
        current.reusedConnection = true;
        current.connectionNumber = m_connectionNumber;
        current.local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
        current.peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
        current.tls = m_connectionTls;
        recordEvent(Event::ReusingConnection, {QString::number(m_connectionNumber), current.peer});
        writeRequest();
        return;
    }
    dropSocket();
    setState(State::Resolving);
    recordEvent(Event::Resolving, {url.host()});
    m_lookupId = QHostInfo::lookupHost(url.host(), this, &HttpClient::onLookedUp);
}

void HttpClient::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    if (m_state != State::Resolving)
        return;
    Hop &hop = m_hops.last();
    hop.resolved = info.addresses();
    mark(TimingPhase::DnsDone);
    if (info.error() != QHostInfo::NoError || hop.resolved.isEmpty()) {
        fail(ExchangeError::HostNotFound, info.errorString());
        return;
    }
    QStringList args{hop.url.host()};
    for (const QHostAddress &address : std::as_const(hop.resolved))
        args.append(address.toString());
    recordEvent(Event::Resolved, args);
    m_addressIndex = 0;
    connectNext();
}

void HttpClient::connectNext()
{
    Hop &hop = m_hops.last();
    dropSocket();
    m_socket = new QSslSocket(this);
    connect(m_socket, &QSslSocket::connected, this, &HttpClient::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &HttpClient::onEncrypted);
    connect(m_socket, &QSslSocket::sslErrors, this, &HttpClient::onSslErrors);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpClient::onReadyRead);
    connect(m_socket, &QSslSocket::bytesWritten, this, &HttpClient::onBytesWritten);  // plaintext bytes, TLS or not
    connect(m_socket, &QSslSocket::disconnected, this, &HttpClient::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &HttpClient::onSocketError);
    const QHostAddress address = hop.resolved.at(m_addressIndex);
    const quint16 port = quint16(hop.url.port(defaultPort(hop.url)));
    setState(State::Connecting);
    recordEvent(common::Event::Connecting, {common::endpointString(address, port)});
    m_socket->connectToHost(address, port);
}

void HttpClient::onConnected()
{
    Hop &hop = m_hops.last();
    mark(TimingPhase::Connected);
    m_connectionNumber += 1;
    m_connectionKey = connectionKey(hop.url);
    m_connectionReusable = false;
    m_connectionTls = TlsInfo{};
    hop.connectionNumber = m_connectionNumber;
    hop.local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    hop.peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    recordEvent(Event::ConnectionOpened, {QString::number(m_connectionNumber)});
    if (!isHttps(hop.url)) {
        writeRequest();
        return;
    }
    setState(State::TlsHandshake);
    hop.tls.used = true;
    hop.tls.peerVerifyName = hop.url.host();
    m_socket->setPeerVerifyName(hop.url.host());
    recordEvent(Event::TlsHandshake, {hop.url.host()});
    m_socket->startClientEncryption();
}

void HttpClient::onSslErrors(const QList<QSslError> &errors)
{
    Hop &hop = m_hops.last();
    hop.tls.errors = describeErrors(errors, m_socket->peerCertificateChain());
    // Keep the chain even when the handshake will be refused: it is what the user needs to see.
    for (const QSslCertificate &certificate : m_socket->peerCertificateChain())
        hop.tls.chain.append(describeCertificate(certificate));
    QStringList texts;
    for (const QSslError &error : errors)
        texts.append(error.errorString());
    if (m_options.ignoreTlsErrors) {
        hop.tls.errorsIgnored = true;
        recordEvent(Event::TlsErrorsIgnored, texts);
        m_socket->ignoreSslErrors();
        return;
    }
    fail(ExchangeError::TlsVerifyFailed, texts.join(u"; "_s));
}

void HttpClient::onEncrypted()
{
    Hop &hop = m_hops.last();
    fillSessionInfo(hop.tls, *m_socket);
    m_connectionTls = hop.tls;
    mark(TimingPhase::TlsDone);
    recordEvent(Event::TlsEstablished, {hop.tls.protocol, hop.tls.cipher});
    writeRequest();
}

void HttpClient::writeRequest()
{
    const Hop &hop = m_hops.last();
    setState(State::Sending);
    m_toWrite = hop.requestBytes.size();
    if (m_toWrite == 0) {
        mark(TimingPhase::RequestSent, 0);
        setState(State::Waiting);
        return;
    }
    if (m_options.byteDelay.count() > 0) {
        m_slowIndex = 0;
        writeNextSlowByte();
        m_slowTimer->start(m_options.byteDelay);
        return;
    }
    record(int(common::Direction::Sent), hop.requestBytes);
    if (m_socket->write(hop.requestBytes) != hop.requestBytes.size())
        fail(ExchangeError::WriteFailed, m_socket->errorString());
}

void HttpClient::writeNextSlowByte()
{
    const bool inProgress = m_state == State::Sending || m_state == State::Waiting || m_state == State::Receiving;
    if (!m_socket || m_hops.isEmpty() || !inProgress || m_slowIndex >= m_hops.constLast().requestBytes.size()) {
        m_slowTimer->stop();
        return;
    }
    const QByteArray one = m_hops.constLast().requestBytes.mid(m_slowIndex++, 1);
    record(int(common::Direction::Sent), one);
    m_socket->write(one);
}

void HttpClient::onBytesWritten(qint64 bytes)
{
    if (m_toWrite <= 0)
        return;
    m_toWrite -= bytes;
    if (m_toWrite <= 0) {
        mark(TimingPhase::RequestSent, m_hops.constLast().requestBytes.size());
        if (m_state == State::Sending)
            setState(State::Waiting);
    }
}

void HttpClient::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    if (m_state == State::Idle || m_hops.isEmpty()) {
        // Bytes nobody asked for on an idle kept-alive connection: show them, never drop them silently.
        record(int(common::Direction::Received), data);
        recordEvent(Event::UnexpectedBytes, {QString::number(data.size())});
        m_connectionReusable = false;
        return;
    }
    Hop &hop = m_hops.last();
    if (!m_gotFirstByte) {
        m_gotFirstByte = true;
        mark(TimingPhase::FirstByte);
    }
    mark(TimingPhase::Read, data.size());
    record(int(common::Direction::Received), data);
    hop.receivedBytes += data;
    if (m_state == State::Waiting || m_state == State::Sending)
        setState(State::Receiving);
    m_parser->feed(data);
    for (const HttpMessage &message : m_parser->take()) {
        if (message.statusCode / 100 == 1 && message.statusCode != 101) {
            hop.interim.append(message);
            continue;
        }
        hop.response = message;
        finishHop();
        return;
    }
    if (m_parser->error() != ParseError::None) {
        switch (m_parser->error()) {
        case ParseError::HeadersTooLarge:
            fail(ExchangeError::HeadersTooLarge, {}, m_parser->errorOffset());
            break;
        case ParseError::BodyTooLarge:
            fail(ExchangeError::BodyTooLarge, {}, m_parser->errorOffset());
            break;
        default:
            fail(ExchangeError::MalformedResponse,
                 QString::fromLatin1(m_parser->llhttpName() + ": " + m_parser->llhttpReason()),
                 m_parser->errorOffset());
        }
        return;
    }
}

void HttpClient::onDisconnected()
{
    recordEvent(Event::ClosedByServer, {QString::number(m_connectionNumber)});
    endOfStream();
}

// The server closed (TCP FIN, or TLS close_notify, which Qt reports as RemoteHostClosedError without
// closing the TCP connection): a close-delimited body ends here, any other unfinished message is truncated.
void HttpClient::endOfStream()
{
    m_connectionReusable = false;
    if (m_state != State::Receiving && m_state != State::Waiting && m_state != State::Sending)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_state == State::Idle)
        return;
    Hop &hop = m_hops.last();
    if (m_parser->finish() && m_parser->hasCompleted()) {
        hop.response = m_parser->take().constLast();
        finishHop();
        return;
    }
    hop.response = m_parser->current();
    if (retryStaleConnection())
        return;
    fail(ExchangeError::ConnectionClosed, {}, hop.receivedBytes.size());
}

// A kept-alive connection the server closed while it sat idle fails the next request with no byte of
// answer. That is not the server's answer: send the same bytes once more on a new connection (as
// browsers do), and say so in the transcript.
bool HttpClient::retryStaleConnection()
{
    const Hop &hop = m_hops.constLast();
    if (!hop.reusedConnection || !hop.receivedBytes.isEmpty() || m_retriedStale)
        return false;
    m_retriedStale = true;
    recordEvent(Event::RetryingStaleConnection, {QString::number(m_connectionNumber)});
    const QUrl url = hop.url;
    const QByteArray method = hop.method;
    const QByteArray bytes = hop.requestBytes;
    m_hops.removeLast();
    dropSocket();
    startHop(url, method, bytes);
    return true;
}

void HttpClient::onSocketError()
{
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        endOfStream();   // a normal end: was the response complete?
        return;
    }
    if (m_state == State::Idle)
        return;
    if (m_state == State::Connecting) {
        recordEvent(common::Event::Failed, {m_socket->errorString()});
        if (++m_addressIndex < m_hops.constLast().resolved.size()) {
            connectNext();
            return;
        }
        fail(ExchangeError::ConnectFailed, m_socket->errorString());
        return;
    }
    if (m_state == State::TlsHandshake) {
        if (m_hops.constLast().error == ExchangeError::None)
            fail(ExchangeError::TlsHandshakeFailed, m_socket->errorString());
        return;
    }
    if (retryStaleConnection())
        return;
    fail(ExchangeError::ConnectionClosed, m_socket->errorString(), m_hops.constLast().receivedBytes.size());
}

void HttpClient::onTimeout()
{
    if (m_state == State::Idle)
        return;
    fail(ExchangeError::Timeout, QString::number(m_options.timeout.count()));
}

void HttpClient::mark(TimingPhase phase, qint64 bytes)
{
    m_hops.last().timing.append({phase, m_clock.nsecsElapsed() / 1000, bytes});
}

void HttpClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void HttpClient::finishHop()
{
    Hop &hop = m_hops.last();
    mark(TimingPhase::Done);
    m_slowTimer->stop();
    m_toWrite = 0;
    hop.decoded = decodeContent(hop.response.body, hop.response.headerValue("Content-Encoding"), m_options.maxBodyBytes);
    m_connectionReusable = hop.response.keepAlive && !hop.response.upgrade && hasConnection();
    recordEvent(Event::ResponseComplete, {QString::number(hop.response.statusCode), QString::number(hop.receivedBytes.size())});
    if (!m_connectionReusable)
        dropSocket();
    if (m_options.followRedirects && followRedirect())
        return;
    endExchange();
}

bool HttpClient::followRedirect()
{
    const Hop &hop = m_hops.constLast();
    const int status = hop.response.statusCode;
    const QByteArray location = hop.response.headerValue("Location");
    if (!(status == 301 || status == 302 || status == 303 || status == 307 || status == 308) || location.isEmpty())
        return false;
    if (m_hops.size() > m_options.maxRedirects) {
        fail(ExchangeError::TooManyRedirects, QString::number(m_options.maxRedirects));
        return true;
    }
    const QUrl next = hop.url.resolved(QUrl::fromEncoded(location));
    RequestSpec spec = m_spec;
    spec.url = next;
    if (m_spec.method.isEmpty() || (status == 303 && hop.method != "HEAD")
        || ((status == 301 || status == 302) && hop.method == "POST")) {
        spec.method = hop.method == "HEAD" ? "HEAD"_ba : "GET"_ba;
        spec.body.clear();
        spec.headers.removeIf([](const Header &h) {
            return QByteArrayView(h.name).compare("Content-Type", Qt::CaseInsensitive) == 0
                   || QByteArrayView(h.name).compare("Content-Length", Qt::CaseInsensitive) == 0;
        });
    } else {
        spec.method = hop.method;
    }
    m_spec = spec;
    recordEvent(Event::FollowingRedirect, {QString::number(status), next.toString()});
    startHop(next, spec.method, buildRequest(spec));
    return true;
}

void HttpClient::fail(ExchangeError error, const QString &raw, qint64 offset)
{
    if (m_hops.isEmpty())
        return;
    Hop &hop = m_hops.last();
    if (hop.error != ExchangeError::None)
        return;
    hop.error = error;
    hop.errorDetail = common::ErrorDetail{{}, hop.peer, 0, raw};
    hop.errorOffset = offset;
    if (hop.response.headBytes.isEmpty() && m_parser)
        hop.response = m_parser->current();
    mark(TimingPhase::Done);
    recordEvent(Event::ExchangeFailed, {QString::number(int(error)), raw});
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_slowTimer->stop();
    m_toWrite = 0;
    dropSocket();
    Q_EMIT errorOccurred(error);
    endExchange();
}

void HttpClient::endExchange()
{
    m_timeout->stop();
    setState(State::Idle);
    Q_EMIT finished();
}

void HttpClient::abort()
{
    if (isBusy())
        fail(ExchangeError::Aborted, {});
    else
        dropSocket();
}

void HttpClient::dropSocket()
{
    m_connectionReusable = false;
    if (!m_socket)
        return;
    QSslSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void HttpClient::record(int direction, const QByteArray &bytes)
{
    if (!m_transcript || !m_socket)
        return;
    m_transcript->append(common::Direction(direction), bytes,
                         common::endpointString(m_socket->localAddress(), m_socket->localPort()),
                         common::endpointString(m_socket->peerAddress(), m_socket->peerPort()));
}

common::ErrorDetail HttpClient::errorDetail() const
{
    return m_hops.isEmpty() ? common::ErrorDetail{} : m_hops.constLast().errorDetail;
}

} // namespace netcore::http

#include "netcore/files/fileserver.h"

#include "netcore/common/transcript.h"
#include "netcore/files/events.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/session.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <functional>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace netcore::files {

// QTcpServer hands out descriptors so each session can create its socket in its own thread.
class Listener final : public QTcpServer
{
public:
    explicit Listener(std::function<void(qintptr)> onIncoming, QObject *parent)
        : QTcpServer(parent)
        , m_onIncoming(std::move(onIncoming))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_onIncoming(descriptor); }

private:
    std::function<void(qintptr)> m_onIncoming;
};

namespace {

// The socket is created in the session's thread; the registry (in this thread) learns the peer from the descriptor.
QString peerOf(qintptr descriptor)
{
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    const QHostAddress host(reinterpret_cast<const sockaddr *>(&address));
    quint16 port = 0;
    if (address.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
    else if (address.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    return common::endpointString(host, port);
}

} // namespace

FileServer::FileServer(QObject *parent)
    : common::Server(parent)
    , m_uploads(std::make_shared<UploadRegistry>())
{
    qRegisterMetaType<TransferRecord>();
    common::ServerLimits limits;
    limits.maxClients = kDefaultMaxClients;
    limits.idleTimeout = kSessionIdleTimeout;
    setLimits(limits);
}

FileServer::~FileServer()
{
    stop();
}

void FileServer::setOptions(const ServerOptions &options)
{
    m_options = options;
}

void FileServer::setTranscript(common::Transcript *transcript)
{
    m_transcript = transcript;
}

void FileServer::fail(Error error, const common::ErrorDetail &detail)
{
    m_error = error;
    m_errorDetail = detail;
    Q_EMIT errorOccurred(error);
}

bool FileServer::start(const QHostAddress &address, quint16 port)
{
    stop();
    if (!PathJail(m_options.root).isValid()) {
        fail(Error::RootMissing, {m_options.root, {}, 0, {}});
        return false;
    }
    m_listener = new Listener([this](qintptr descriptor) { onIncoming(descriptor); }, this);
    if (!m_listener->listen(address, port)) {
        const QString raw = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        fail(Error::ListenFailed, {{}, common::endpointString(address, port), 0, raw});
        return false;
    }
    m_error = Error::None;
    m_errorDetail = {};
    if (m_transcript)
        m_transcript->appendEvent(Event::Sharing, {common::endpointString(serverAddress(), serverPort()),
                                                   PathJail(m_options.root).root()});
    setState(State::Listening);
    return true;
}

void FileServer::stop()
{
    const bool wasListening = m_listener != nullptr;
    delete m_listener;
    m_listener = nullptr;
    const QHash<quint64, Running> sessions = std::exchange(m_sessions, {});
    for (auto it = sessions.begin(); it != sessions.end(); ++it) {
        QThread *thread = it->thread;
        thread->disconnect(this);
        if (it->session)
            it->session->disconnect(this);
        thread->quit();   // the session is deleted in its thread as the thread finishes
        thread->wait();
        delete thread;
        removeClient(it.key());
    }
    if (wasListening) {
        if (m_transcript)
            m_transcript->appendEvent(common::Event::StoppedListening);
        setState(State::Stopped);
    }
}

bool FileServer::disconnectClient(quint64 id)
{
    const auto it = m_sessions.constFind(id);
    if (it == m_sessions.constEnd() || !it->session)
        return false;
    QMetaObject::invokeMethod(it->session.data(), &Session::abort, Qt::QueuedConnection);
    return true;
}

QHostAddress FileServer::serverAddress() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 FileServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void FileServer::onIncoming(qintptr descriptor)
{
    if (m_sessions.size() >= limits().maxClients) {
        refuse(descriptor);
        return;
    }
    const quint64 id = addClient(peerOf(descriptor));
    auto *thread = new QThread;
    Session *session = createSession(m_options.dialect, SessionContext{id, m_options, limits().idleTimeout, m_uploads, m_transcript});
    connect(session, &Session::transferFinished, this, &FileServer::transferFinished);
    connect(session, &Session::traffic, this, &FileServer::onTraffic);
    connect(session, &Session::finished, thread, &QThread::quit);
    connect(thread, &QThread::started, session, [session, descriptor] { session->start(descriptor); });
    session->moveToThread(thread);
    connect(thread, &QThread::finished, session, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, id] { onSessionFinished(id); });
    m_sessions.insert(id, Running{thread, session});
    thread->start();
}

// Over the client limit: say why where the dialect can.
void FileServer::refuse(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString peer = common::endpointString(socket->peerAddress(), socket->peerPort());
    const QByteArray refusal = refusalFor(m_options.dialect, limits().maxClients);
    if (!refusal.isEmpty()) {
        if (m_transcript)
            m_transcript->append(common::Direction::Sent, refusal, {}, peer);
        socket->write(refusal);
    }
    if (m_transcript)
        m_transcript->appendEvent(common::Event::ClientRefused, {QString::number(limits().maxClients)}, {}, peer);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

void FileServer::onTraffic(quint64 id, qint64 received, qint64 sent)
{
    countBytes(id, received, sent);
}

void FileServer::onSessionFinished(quint64 id)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    QThread *thread = it->thread;
    m_sessions.erase(it);
    thread->wait();
    thread->deleteLater();
    removeClient(id);
}

} // namespace netcore::files

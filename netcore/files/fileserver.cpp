#include "netcore/files/fileserver.h"

#include "netcore/common/listener.h"
#include "netcore/common/transcript.h"
#include "netcore/files/events.h"
#include "netcore/files/partials.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/protocol.h"
#include "netcore/files/session.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <mutex>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>

namespace netcore::files {

namespace {

struct PeerOf {
    QHostAddress host;
    quint16 port = 0;
};

// The socket is created in the session's thread; the registry (in this thread) learns the peer from the descriptor.
PeerOf peerOf(qintptr descriptor)
{
    sockaddr_storage address{};
    socklen_t length = sizeof(address);
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    PeerOf peer{QHostAddress(reinterpret_cast<const sockaddr *>(&address)), 0};
    if (address.ss_family == AF_INET)
        peer.port = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
    else if (address.ss_family == AF_INET6)
        peer.port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    return peer;
}

// A write past RLIMIT_FSIZE must fail with EFBIG (and be reported), not kill the process.
void ignoreFileSizeSignal()
{
    static std::once_flag once;
    std::call_once(once, [] { std::signal(SIGXFSZ, SIG_IGN); });
}

// How long stop() waits for one session's thread to end after telling it to close.
constexpr unsigned long kStopWaitMs = 1000;

} // namespace

FileServer::FileServer(QObject *parent)
    : common::Server(parent)
    , m_uploads(std::make_shared<UploadRegistry>())
    , m_handled(std::make_shared<std::atomic<qint64>>(0))
{
    qRegisterMetaType<TransferRecord>();
    ignoreFileSizeSignal();
    common::ServerLimits limits;
    limits.maxClients = kDefaultMaxClients;
    limits.maxPerHost = kDefaultMaxPerHost;
    limits.helloTimeout = kHelloTimeout;
    limits.requestTimeout = kRequestTimeout;
    limits.idleTimeout = kSessionIdleTimeout;
    limits.drainTimeout = kDrainTimeout;
    limits.maxRequestBytes = kMaxLineLength;
    limits.minRate = kMinTransferRate;
    limits.rateWindow = kRateWindow;
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
    m_listener = new common::Listener(this);
    m_listener->setDescriptorHandler([this](qintptr descriptor) { onIncoming(descriptor); });
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
    sweepPartials();
    if (m_options.partialSweepInterval.count() > 0 && m_options.partialLifetime.count() > 0) {
        m_sweep = new QTimer(this);
        m_sweep->setInterval(m_options.partialSweepInterval);
        connect(m_sweep, &QTimer::timeout, this, &FileServer::sweepPartials);
        m_sweep->start();
    }
    setState(State::Listening);
    return true;
}

int FileServer::sweepPartials()
{
    const PathJail jail(m_options.root);
    if (!jail.isValid() || m_options.partialLifetime.count() <= 0 || m_options.dialect != ServerDialect::Native)
        return 0;
    const int removed = partials::sweep(jail.root(), m_options.partialLifetime, m_uploads->active());
    if (removed > 0 && m_transcript)
        m_transcript->appendEvent(Event::PartialsExpired, {QString::number(removed)});
    return removed;
}

void FileServer::stop()
{
    const bool wasListening = m_listener != nullptr;
    delete m_listener;
    m_listener = nullptr;
    delete m_sweep;
    m_sweep = nullptr;
    const QHash<quint64, Running> sessions = std::exchange(m_sessions, {});
    // Every session closes in its own thread at once (an upload keeps its partial file and owner record), then
    // its thread ends; they all close in parallel, and the wait is bounded.
    for (auto it = sessions.begin(); it != sessions.end(); ++it) {
        it->thread->disconnect(this);
        Session *session = it->session.data();
        if (!session) {
            it->thread->quit();
            continue;
        }
        session->disconnect(this);
        // The session is deleted in its thread as the thread finishes.
        QMetaObject::invokeMethod(session, [session] {
            session->abort();
            QThread::currentThread()->quit();
        }, Qt::QueuedConnection);
    }
    const QDeadlineTimer deadline(kStopWaitMs);
    for (auto it = sessions.begin(); it != sessions.end(); ++it) {
        QThread *thread = it->thread;
        if (!thread->wait(deadline))
            thread->wait();   // a session busy with the disk: it still ends (never left running unowned)
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
    const PeerOf peer = peerOf(descriptor);
    const common::Admission why = admit(peer.host);
    if (why != common::Admission::Admitted) {
        refuse(descriptor, why);
        return;
    }
    const quint64 id = addClient(common::endpointString(peer.host, peer.port), peer.host);
    auto *thread = new QThread;
    Session *session = createSession(m_options.dialect, SessionContext{id, m_options, limits(), sharedLoad(),
                                                                       m_handled, m_uploads, m_transcript});
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

// Over the client limit or the per-address cap: say why where the dialect can (admit() counted the refusal).
void FileServer::refuse(qintptr descriptor, common::Admission why)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString peer = common::endpointString(socket->peerAddress(), socket->peerPort());
    const QByteArray refusal = refusalFor(m_options.dialect, why, limits());
    if (!refusal.isEmpty()) {
        if (m_transcript)
            m_transcript->append(common::Direction::Sent, refusal, {}, peer);
        socket->write(refusal);
    }
    if (m_transcript) {
        if (why == common::Admission::HostFull)
            m_transcript->appendEvent(Event::ClientRefusedHostFull, {QString::number(limits().maxPerHost)}, {}, peer);
        else
            m_transcript->appendEvent(common::Event::ClientRefused, {QString::number(limits().maxClients)}, {}, peer);
    }
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    // A refused peer that never reads cannot hold the socket: it is aborted after the drain deadline (or 10 s).
    const auto grace = limits().drainTimeout.count() > 0 ? limits().drainTimeout : std::chrono::milliseconds(10000);
    QTimer::singleShot(grace, socket, [socket] { socket->abort(); });
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

#include "netcore/files/fileserver.h"

#include "netcore/common/transcript.h"
#include "netcore/files/classicsession.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/protocol.h"
#include "netcore/files/serversession.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <functional>

using namespace Qt::StringLiterals;

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

FileServer::FileServer(QObject *parent)
    : QObject(parent)
    , m_uploads(std::make_shared<UploadRegistry>())
{
    qRegisterMetaType<TransferRecord>();
}

FileServer::~FileServer()
{
    close();
}

void FileServer::setOptions(const ServerOptions &options)
{
    m_options = options;
}

void FileServer::setTranscript(common::Transcript *transcript)
{
    m_transcript = transcript;
}

bool FileServer::listen(const QHostAddress &address, quint16 port)
{
    close();
    if (!PathJail(m_options.root).isValid()) {
        m_errorString = u"the shared folder '%1' does not exist or is not a folder"_s.arg(m_options.root);
        return false;
    }
    m_listener = new Listener([this](qintptr descriptor) { onIncoming(descriptor); }, this);
    if (!m_listener->listen(address, port)) {
        m_errorString = m_listener->errorString();
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    m_errorString.clear();
    if (m_transcript)
        m_transcript->appendEvent(u"listening on %1, sharing %2"_s.arg(
            common::endpointString(serverAddress(), serverPort()), PathJail(m_options.root).root()));
    Q_EMIT stateChanged(State::Listening);
    return true;
}

void FileServer::close()
{
    const bool wasListening = m_listener != nullptr;
    delete m_listener;
    m_listener = nullptr;
    const QList<QThread *> threads = std::exchange(m_threads, {});
    for (QThread *thread : threads) {
        thread->disconnect(this);
        thread->quit();   // the session is deleted in its thread as the thread finishes
        thread->wait();
        delete thread;
    }
    if (!threads.isEmpty())
        Q_EMIT clientCountChanged(0);
    if (wasListening)
        Q_EMIT stateChanged(State::Stopped);
}

FileServer::State FileServer::state() const
{
    return m_listener ? State::Listening : State::Stopped;
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
    if (m_threads.size() >= m_options.maxClients) {
        refuse(descriptor);
        return;
    }
    auto *thread = new QThread;
    QObject *session = nullptr;
    if (m_options.dialect == ServerDialect::Classic) {
        auto *classic = new ClassicSession(m_options, m_uploads, m_transcript);
        connect(classic, &ClassicSession::transferFinished, this, &FileServer::transferFinished);
        connect(classic, &ClassicSession::finished, thread, &QThread::quit);
        connect(thread, &QThread::started, classic, [classic, descriptor] { classic->start(descriptor); });
        session = classic;
    } else {
        auto *native = new ServerSession(m_options, m_uploads, m_transcript);
        connect(native, &ServerSession::transferFinished, this, &FileServer::transferFinished);
        connect(native, &ServerSession::finished, thread, &QThread::quit);
        connect(thread, &QThread::started, native, [native, descriptor] { native->start(descriptor); });
        session = native;
    }
    session->moveToThread(thread);
    connect(thread, &QThread::finished, session, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, thread] { onThreadFinished(thread); });
    m_threads.append(thread);
    thread->start();
    Q_EMIT clientCountChanged(clientCount());
}

// Over the client limit: say why (native clients read it; classic clients just see the close).
void FileServer::refuse(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString peer = common::endpointString(socket->peerAddress(), socket->peerPort());
    if (m_options.dialect == ServerDialect::Native) {
        const QByteArray line = errorLine(ErrorCode::TooManyClients, u"too many clients (limit %1)"_s.arg(m_options.maxClients));
        if (m_transcript)
            m_transcript->append(common::Direction::Sent, line, {}, peer);
        socket->write(line);
    }
    if (m_transcript)
        m_transcript->appendEvent(u"refused a client: limit of %1 clients reached"_s.arg(m_options.maxClients), {}, peer);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}

void FileServer::onThreadFinished(QThread *thread)
{
    if (!m_threads.removeOne(thread))
        return;
    thread->wait();
    thread->deleteLater();
    Q_EMIT clientCountChanged(clientCount());
}

} // namespace netcore::files

#pragma once

#include "netcore/common/error.h"
#include "netcore/common/server.h"
#include "netcore/files/errors.h"
#include "netcore/files/serveroptions.h"

#include <QHash>
#include <QPointer>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace netcore::common { class Listener; class Transcript; }

namespace netcore::files {

class Session;

// Serves one root folder to many clients (native protocol, or the course's classic one), in the shared server
// shape: start()/stop(), the client list (peer, bytes) and disconnectClient(id). The shared hardening applies
// (docs/reliability.md, "Files"): common::Listener accepts, admit() enforces maxClients and maxPerHost, and each
// session wraps its socket in a common::ConnectionGuard (output bound with backpressure, hello/request/idle/drain
// deadlines, minimum transfer rate). Each client gets its own session thread: disk reads, writes and hashing of
// one client never stall another, and a download is read from disk as the socket drains (at most kSendHighWater
// + kChunkSize queued), whatever the file size. Sessions report to the registry through queued signals.
// Unfinished uploads expire and count toward a quota (ServerOptions); SIGXFSZ is ignored once a file server
// exists, so a write past `ulimit -f` fails with EFBIG and the client hears why.
class FileServer final : public common::Server
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileServer)

public:
    explicit FileServer(QObject *parent = nullptr);
    ~FileServer() override;

    void setOptions(const ServerOptions &options);   // applies to clients that connect afterwards
    const ServerOptions &options() const { return m_options; }
    void setTranscript(common::Transcript *transcript);   // every session records into it (thread-safe)

    bool start(const QHostAddress &address, quint16 port) override;
    // Stops listening and ends every session at once (each in its thread, waited for): an upload in progress
    // keeps its partial file and owner record for a resume. Returns within about a second.
    void stop() override;
    bool disconnectClient(quint64 id) override;
    QHostAddress serverAddress() const override;
    quint16 serverPort() const override;

    // Requests answered by all sessions so far (tests: no work is done for a connection that has gone).
    qint64 requestsHandled() const { return m_handled->load(); }
    // Removes expired unfinished uploads now (also done at start and every partialSweepInterval).
    int sweepPartials();

    Error error() const { return m_error; }
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }

Q_SIGNALS:
    void errorOccurred(netcore::files::Error error);
    void transferFinished(const netcore::files::TransferRecord &record);

private:
    struct Running {
        QThread *thread = nullptr;
        QPointer<Session> session;
    };

    void fail(Error error, const common::ErrorDetail &detail);
    void onIncoming(qintptr descriptor);
    void refuse(qintptr descriptor, common::Admission why);
    void onSessionFinished(quint64 id);
    void onTraffic(quint64 id, qint64 received, qint64 sent);

    ServerOptions m_options;
    std::shared_ptr<UploadRegistry> m_uploads;
    QPointer<common::Transcript> m_transcript;
    std::shared_ptr<std::atomic<qint64>> m_handled;
    common::Listener *m_listener = nullptr;
    QTimer *m_sweep = nullptr;
    QHash<quint64, Running> m_sessions;
    Error m_error = Error::None;
    common::ErrorDetail m_errorDetail;
};

} // namespace netcore::files

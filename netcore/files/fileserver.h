#pragma once

#include "netcore/common/error.h"
#include "netcore/common/server.h"
#include "netcore/files/errors.h"
#include "netcore/files/serveroptions.h"

#include <QHash>
#include <QPointer>

class QThread;

namespace netcore::common { class Transcript; }

namespace netcore::files {

class Listener;
class Session;

// Serves one root folder to many clients (native protocol, or the course's classic one), in the shared server
// shape: start()/stop(), the client list (peer, bytes) and disconnectClient(id); limits().maxClients and
// limits().idleTimeout apply. Each client gets its own session thread: disk reads, writes and hashing of one client
// never stall another, and a session keeps at most ~2 MiB in flight (kSendHighWater + kReadBufferSize), whatever the
// file size. Sessions report to the registry through queued signals.
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
    void stop() override;                             // stops listening and drops every client
    bool disconnectClient(quint64 id) override;
    QHostAddress serverAddress() const override;
    quint16 serverPort() const override;

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
    void refuse(qintptr descriptor);
    void onSessionFinished(quint64 id);
    void onTraffic(quint64 id, qint64 received, qint64 sent);

    ServerOptions m_options;
    std::shared_ptr<UploadRegistry> m_uploads;
    QPointer<common::Transcript> m_transcript;
    Listener *m_listener = nullptr;
    QHash<quint64, Running> m_sessions;
    Error m_error = Error::None;
    common::ErrorDetail m_errorDetail;
};

} // namespace netcore::files

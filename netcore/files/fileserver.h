#pragma once

#include "netcore/files/serveroptions.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class QThread;

namespace netcore::common { class Transcript; }

namespace netcore::files {

class Listener;

// Serves one root folder to many clients (native protocol, or the course's classic one).
// Each client gets its own session thread: disk reads, writes and hashing of one client never stall
// another, and a session keeps at most ~2 MiB in flight (kSendHighWater + kReadBufferSize), whatever the file size.
class FileServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileServer)

public:
    enum class State { Stopped, Listening };

    explicit FileServer(QObject *parent = nullptr);
    ~FileServer() override;

    void setOptions(const ServerOptions &options);   // applies to clients that connect afterwards
    const ServerOptions &options() const { return m_options; }
    void setTranscript(common::Transcript *transcript);   // every session records into it (thread-safe)

    bool listen(const QHostAddress &address = QHostAddress::Any, quint16 port = 0);
    void close();                                     // stops listening and drops every client
    State state() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    QString errorString() const { return m_errorString; }
    int clientCount() const { return int(m_threads.size()); }

Q_SIGNALS:
    void stateChanged(netcore::files::FileServer::State state);
    void clientCountChanged(int count);
    void transferFinished(const netcore::files::TransferRecord &record);

private:
    void onIncoming(qintptr descriptor);
    void refuse(qintptr descriptor);
    void onThreadFinished(QThread *thread);

    ServerOptions m_options;
    std::shared_ptr<UploadRegistry> m_uploads;
    QPointer<common::Transcript> m_transcript;
    Listener *m_listener = nullptr;
    QList<QThread *> m_threads;
    QString m_errorString;
};

} // namespace netcore::files

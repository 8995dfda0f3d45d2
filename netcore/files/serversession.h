#pragma once

#include "netcore/files/pathjail.h"
#include "netcore/files/protocol.h"
#include "netcore/files/serveroptions.h"
#include "netcore/files/sha256.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QFile;
class QTcpSocket;
class QTimer;

namespace netcore::common { class Transcript; }

namespace netcore::files {

// One client of the native protocol. Lives in its own thread (FileServer moves it there), so its disk reads,
// writes and hashing never stall another client. Owns its socket.
class ServerSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSession)

public:
    enum class State { Idle, Command, Sending, Receiving, Discarding, Closed };

    ServerSession(const ServerOptions &options, std::shared_ptr<UploadRegistry> uploads,
                  common::Transcript *transcript, QObject *parent = nullptr);
    ~ServerSession() override;

    void start(qintptr descriptor);   // call in the session's thread
    void abort();                     // call in the session's thread

Q_SIGNALS:
    void transferFinished(const netcore::files::TransferRecord &record);
    void finished();

private:
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void process();
    void handleLine(const QByteArray &line);
    void handleList();
    void handleGet(const Request &request);
    void handlePut(const Request &request);
    void handleEnd(const QByteArray &sha256);
    void receiveData();
    void pumpDownload();
    void finishDownload();
    void failUpload(ErrorCode code, const QString &reason);
    void endUpload();
    void sendControl(const QByteArray &line);
    void sendError(ErrorCode code, const QString &reason);
    void note(const QString &text);
    void report(bool upload, qint64 bytes, bool ok, const QString &detail);
    void closeWith(const QString &why);

    ServerOptions m_options;
    PathJail m_jail;
    std::shared_ptr<UploadRegistry> m_uploads;
    QPointer<common::Transcript> m_transcript;
    QTcpSocket *m_socket = nullptr;
    QTimer *m_idleTimer = nullptr;
    QString m_local;
    QString m_peer;
    State m_state = State::Idle;
    QByteArray m_in;

    // the transfer in progress
    std::unique_ptr<QFile> m_file;
    Sha256 m_hash;
    QString m_name;
    QString m_partialPath;
    bool m_claimed = false;
    bool m_expectEnd = false;
    bool m_uploadFailed = false;
    qint64 m_prefixLeft = 0;   // download: bytes before the offset still to hash
    qint64 m_left = 0;         // bytes still to send / receive
    qint64 m_moved = 0;        // bytes of file data that crossed the wire
    QByteArray m_chunk;
};

} // namespace netcore::files

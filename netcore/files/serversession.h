#pragma once

#include "netcore/files/protocol.h"
#include "netcore/files/session.h"
#include "netcore/files/sha256.h"

#include <memory>

class QFile;

namespace netcore::files {

// One client of the native protocol (socketeer-files/1).
class ServerSession final : public Session
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSession)

public:
    explicit ServerSession(SessionContext context, QObject *parent = nullptr);
    ~ServerSession() override;

private:
    enum class State { Idle, Command, Sending, Receiving, Discarding };

    void onStarted() override;
    void onReadyRead() override;
    void onBytesWritten(qint64 bytes) override;
    void onClosed() override;
    void onResumed() override;

    void process();
    void handleLine(const QByteArray &line);
    void handleList();
    void handleGet(const Request &request);
    void handlePut(const Request &request);
    Error refusePut(const Request &request);
    Error refuseSpace(const Request &request, qint64 kept);
    void handleEnd(const QByteArray &sha256);
    void receiveData();
    void pumpDownload();
    void finishDownload();
    void failUpload(Error error, int sysError);
    void releasePartial();
    void endUpload();
    void sendError(ErrorCode code, const QString &reason);

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

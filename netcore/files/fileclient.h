#pragma once

#include "netcore/files/protocol.h"
#include "netcore/files/sha256.h"
#include "netcore/files/transferclient.h"

#include <chrono>
#include <functional>
#include <memory>

class QFile;

namespace netcore::files {

inline constexpr std::chrono::seconds kConnectTimeout{10};
inline constexpr std::chrono::seconds kReplyTimeout{30};   // no byte moved for this long: give up

// The native dialect (socketeer-files/1). Downloads go to "<local>.part" and are renamed onto <local> only after
// the server's SHA-256 matches; an existing .part is resumed. Uploads resume from what the server already holds.
// abort() = pause: partial files stay on both sides for the next attempt. An ERR reply becomes the Error its code
// stands for, with the server's words in errorDetail().raw.
class FileClient final : public TransferClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileClient)

public:
    explicit FileClient(QObject *parent = nullptr);
    ~FileClient() override;

    void list() override;
    void download(const QString &remoteName, const QString &localPath) override;
    void upload(const QString &localPath, const QString &remoteName) override;
    void quit() override;
    bool canResume() const override { return true; }
    bool verifies() const override { return true; }

    bool serverIsReadOnly() const { return m_readOnly; }

private:
    enum class Phase { None, Hello, ListHeader, ListEntries, Hashing, GetHeader, GetData, GetEnd, PutReady, PutData, PutDone, Bye };

    void onConnected() override;
    void onReadyRead() override;
    void onBytesWritten() override;
    void onDisconnected() override;
    void onTimer() override;
    void resetOperation() override;

    void handleLine(const QByteArray &line);
    void handleError(const Reply &reply);
    bool handleReply(const Reply &reply);
    void startGet();
    void receiveGetData();
    void finishGet(const QByteArray &serverSha);
    void startPut();
    void onReady(qint64 offset);
    void pumpPut();
    void finishPut(const QByteArray &serverSha);
    void hashPrefixThen(qint64 length, bool closeOnError, std::function<void()> then);
    void hashPrefixSlice(quint64 serial, qint64 left, bool closeOnError, const std::function<void()> &then);
    void sendLine(const QByteArray &line);
    void beginOperation();
    void finishOperation();

    Phase m_phase = Phase::None;
    bool m_readOnly = false;
    QByteArray m_in;

    QList<RemoteFileInfo> m_entries;
    qint64 m_expectedEntries = 0;

    QString m_remoteName;
    QString m_localPath;
    std::unique_ptr<QFile> m_file;
    Sha256 m_hash;
    QByteArray m_digest;
    qint64 m_offset = 0;
    qint64 m_total = 0;
    qint64 m_left = 0;
    bool m_retried = false;
    quint64 m_serial = 0;   // bumped by fail/abort/disconnect: a slice of prefix hashing still queued then stops
    QByteArray m_chunk;
};

} // namespace netcore::files

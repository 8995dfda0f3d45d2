#pragma once

#include "netcore/files/pathjail.h"
#include "netcore/files/protocol.h"
#include "netcore/files/sha256.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>

class QFile;
class QTcpSocket;
class QTimer;

namespace netcore::common { class Transcript; }

namespace netcore::files {

inline constexpr std::chrono::seconds kConnectTimeout{10};
inline constexpr std::chrono::seconds kReplyTimeout{30};   // no byte moved for this long: give up

// Client of the native protocol: one operation at a time on one connection.
// Downloads go to "<local>.part" and are renamed onto <local> only after the server's SHA-256 matches;
// an existing .part is resumed. Uploads resume from what the server already holds. abort() = pause:
// partial files stay on both sides for the next attempt.
class FileClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileClient)

public:
    enum class State { Disconnected, Connecting, Ready, Listing, Downloading, Uploading, Closing };
    enum class Error {
        None,
        ConnectFailed,     // could not connect (refused, no route, unknown host)
        ConnectionLost,    // the server closed or the network failed mid-operation
        Timeout,
        Protocol,          // the server said something that is not socketeer-files/1
        Refused,           // the server answered ERR: see serverErrorCode()
        ChecksumMismatch,  // the file arrived but its SHA-256 does not match
        LocalIo,           // reading or writing the local file failed
    };

    explicit FileClient(QObject *parent = nullptr);
    ~FileClient() override;

    void setTranscript(common::Transcript *transcript);

    void connectToServer(const QString &host, quint16 port);
    void list();
    void download(const QString &remoteName, const QString &localPath);
    void upload(const QString &localPath, const QString &remoteName);
    void quit();    // polite QUIT, then close
    void abort();   // drop the connection now; partial files are kept for a resume

    State state() const { return m_state; }
    bool serverIsReadOnly() const { return m_readOnly; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }   // English facts; the UI translates error()
    int serverErrorCode() const { return m_serverCode; }
    QString peer() const { return m_peerText; }

    static QString partialPathFor(const QString &localPath);

Q_SIGNALS:
    void stateChanged(netcore::files::FileClient::State state);
    void connected();
    void listed(const QList<netcore::files::RemoteFileInfo> &files);
    void progress(qint64 done, qint64 total);   // done counts from 0 even when resumed (resumedFrom() tells)
    void transferFinished(const QByteArray &sha256, qint64 resumedFrom);   // verified end to end
    void errorOccurred(netcore::files::FileClient::Error error, const QString &message);
    void disconnected();

private:
    enum class Phase { None, Hello, ListHeader, ListEntries, Hashing, GetHeader, GetData, GetEnd, PutReady, PutData, PutDone, Bye };

    void setState(State state);
    void fail(Error error, const QString &message, bool closeConnection);
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onTimeout();
    void handleLine(const QByteArray &line);
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
    void note(const QString &text);
    void beginOperation();
    void finishOperation();

    QTcpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QPointer<common::Transcript> m_transcript;
    State m_state = State::Disconnected;
    Phase m_phase = Phase::None;
    Error m_error = Error::None;
    QString m_errorString;
    int m_serverCode = 0;
    bool m_readOnly = false;
    QString m_local;
    QString m_peerText;
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

#pragma once

#include "netcore/common/error.h"
#include "netcore/common/transcript.h"
#include "netcore/files/errors.h"
#include "netcore/files/pathjail.h"

#include <QObject>
#include <QPointer>

#include <chrono>

class QFileDevice;
class QTcpSocket;
class QTimer;

namespace netcore::files {

// Which protocol a client speaks: chosen once, where the connection is made (createClient()).
enum class ClientDialect : quint8 {
    Native,        // socketeer-files/1 (docs/protocols/files.md)
    Classic2018,   // the course's L / G name / P name / Q
    Classic2020,   // the course's LIST / RETR name / STOR name / EXIT
};

// What the tab, the CLI and the tests talk to (Quassel's RemotePeer shape): one operation at a time on one
// connection, whatever the dialect behind it. The base owns the control connection's plumbing (socket, timer,
// transcript, state, failure); each dialect reads and writes its own wire format.
class TransferClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferClient)

public:
    enum class State : quint8 { Disconnected, Connecting, Ready, Listing, Downloading, Uploading, Closing };

    ~TransferClient() override;

    void setTranscript(common::Transcript *transcript);

    void connectToServer(const QString &host, quint16 port);
    virtual void list() = 0;
    virtual void download(const QString &remoteName, const QString &localPath) = 0;
    virtual void upload(const QString &localPath, const QString &remoteName) = 0;
    virtual void quit() = 0;   // polite goodbye, then close
    void abort();              // drop the connection now (a pause: partial files are kept where the dialect resumes)

    virtual bool canResume() const = 0;   // a dropped transfer continues where it stopped
    virtual bool verifies() const = 0;    // transfers are verified end to end (SHA-256)
    // Whether the last download's end was marked by the server (native: always, by END; classic: "##" seen, false
    // when quiet ended it).
    virtual bool endWasMarked() const { return true; }

    State state() const { return m_state; }
    Error error() const { return m_error; }
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }

    // Where a download is written until it is complete (and verified, where the dialect can).
    static QString partialPathFor(const QString &localPath);

Q_SIGNALS:
    void stateChanged(netcore::files::TransferClient::State state);
    void connected();
    void listed(const QList<netcore::files::RemoteFileInfo> &files);   // size -1 when the dialect does not say
    void progress(qint64 done, qint64 total);                          // total -1 when unknown
    // sha256: of the whole file (verified when verifies()); resumedFrom: the byte the transfer resumed at.
    void transferFinished(const QByteArray &sha256, qint64 resumedFrom);
    void errorOccurred(netcore::files::Error error);
    void disconnected();

protected:
    TransferClient(std::chrono::milliseconds connectTimeout, QObject *parent);

    // The dialect's side of the conversation.
    virtual void onConnected() = 0;      // endpoints are known; the timer is stopped
    virtual void onReadyRead() = 0;
    virtual void onBytesWritten() = 0;
    virtual void onDisconnected() = 0;   // the socket closed (either side)
    virtual void onTimer() = 0;          // the timer ran out while connected
    virtual void resetOperation() = 0;   // forget the operation in progress (failure, abort)

    void setState(State state);
    template<typename E>
    void note(E code, const QStringList &args = {})
    {
        if (m_transcript)
            m_transcript->appendEvent(code, args, m_local, m_peerText);
    }
    void record(common::Direction direction, const QByteArray &bytes);
    void send(const QByteArray &bytes);    // recorded, then written
    void fail(Error error, common::ErrorDetail detail, bool closeConnection);
    void clearError();
    void setConnectTimeout(std::chrono::milliseconds timeout) { m_connectTimeout = timeout; }
    // The transcript's and the error's detail for a local file problem.
    common::ErrorDetail localDetail(const QString &path, const QString &raw = {}, int sysError = 0) const;
    common::ErrorDetail fileDetail(const QFileDevice &file) const;   // right after the failed call: its errno too
    bool hasTranscript() const { return !m_transcript.isNull(); }

    QTcpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;

private:
    void handleConnected();
    void handleTimer();

    QPointer<common::Transcript> m_transcript;
    std::chrono::milliseconds m_connectTimeout;
    State m_state = State::Disconnected;
    Error m_error = Error::None;
    common::ErrorDetail m_errorDetail;
    QString m_local;
    QString m_peerText;
};

// The one place the dialect is chosen.
TransferClient *createClient(ClientDialect dialect, QObject *parent = nullptr);
// What a client of that dialect will answer to canResume() (for a pause button before any client exists).
bool dialectCanResume(ClientDialect dialect);

} // namespace netcore::files

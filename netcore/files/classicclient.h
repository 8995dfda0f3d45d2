#pragma once

#include "netcore/files/classicprotocol.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/sha256.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

class QFile;
class QTcpSocket;
class QTimer;

namespace netcore::common { class Transcript; }

namespace netcore::files {

inline constexpr std::chrono::seconds kClassicReplyTimeout{10};          // waiting for the status word
inline constexpr std::chrono::milliseconds kClassicIdleEnd{1500};        // quiet that ends a list / an unmarked download
inline constexpr std::chrono::milliseconds kClassicMarkerGrace{300};     // quiet after a trailing "##"
inline constexpr std::chrono::milliseconds kClassicMarkerPause{200};     // pause before our own "##"

// Client for the course's Python file servers (2018/19 and 2020). Everything the brief lists is accepted:
// a status alone or glued to data, OK / Y / FAIL / Chinese sentences, "##" alone or glued, no "##" at all
// (ended by quiet). Every wait has a timeout. There is no size and no hash in this protocol: downloads are
// written to "<local>.part" and renamed when the server's "##" (or quiet) ends them, unverified.
class ClassicClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassicClient)

public:
    enum class State { Disconnected, Connecting, Ready, Busy };
    enum class Error { None, ConnectFailed, ConnectionLost, Timeout, Refused, LocalIo };

    explicit ClassicClient(QObject *parent = nullptr);
    ~ClassicClient() override;

    void setTranscript(common::Transcript *transcript);
    void setDialect(ClassicDialect dialect) { m_dialect = dialect; }
    ClassicDialect dialect() const { return m_dialect; }
    void setReplyTimeout(std::chrono::milliseconds timeout) { m_replyTimeout = timeout; }

    void connectToServer(const QString &host, quint16 port);
    void list();
    void download(const QString &remoteName, const QString &localPath);
    void upload(const QString &localPath, const QString &remoteName);
    void quit();
    void abort();

    State state() const { return m_state; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    bool endedByMarker() const { return m_endedByMarker; }   // last download: "##" seen (false: ended by quiet)

Q_SIGNALS:
    void stateChanged(netcore::files::ClassicClient::State state);
    void connected();
    void listed(const QStringList &names);
    void progress(qint64 done, qint64 total);   // total -1 when unknown (downloads)
    void transferFinished(const QByteArray &sha256, qint64 bytes);   // sha256 of the bytes moved (not verified)
    void errorOccurred(netcore::files::ClassicClient::Error error, const QString &message);
    void disconnected();

private:
    enum class Phase { None, Status, ListData, GetData, PutData, PutMarker, PutSettle };

    void setState(State state);
    void fail(Error error, const QString &message, bool closeConnection);
    void finish();
    void send(const QByteArray &bytes);
    void note(const QString &text);
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onTimer();
    void begin(ClassicOperation operation, const QString &name);
    void onStatus(const ClassicStatusParse &status);
    void takeData(const QByteArray &data);
    void endList();
    void endDownload(bool marker);
    void pumpUpload();

    QTcpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QPointer<common::Transcript> m_transcript;
    ClassicDialect m_dialect = ClassicDialect::Course2018;
    std::chrono::milliseconds m_replyTimeout = kClassicReplyTimeout;
    State m_state = State::Disconnected;
    Phase m_phase = Phase::None;
    ClassicOperation m_operation = ClassicOperation::List;
    Error m_error = Error::None;
    QString m_errorString;
    QString m_local;
    QString m_peerText;
    QByteArray m_in;
    QString m_localPath;
    std::unique_ptr<QFile> m_file;
    Sha256 m_hash;
    bool m_heldMarker = false;
    bool m_endedByMarker = false;
    qint64 m_done = 0;
    qint64 m_total = -1;
    qint64 m_recorded = 0;
    QByteArray m_chunk;
};

} // namespace netcore::files

#pragma once

#include "netcore/files/classicprotocol.h"
#include "netcore/files/sha256.h"
#include "netcore/files/transferclient.h"

#include <chrono>
#include <memory>

class QFile;

namespace netcore::files {

inline constexpr std::chrono::seconds kClassicReplyTimeout{10};          // waiting for the status word
inline constexpr std::chrono::milliseconds kClassicIdleEnd{1500};        // quiet that ends a list / an unmarked download
inline constexpr std::chrono::milliseconds kClassicMarkerGrace{300};     // quiet after a trailing "##"
inline constexpr std::chrono::milliseconds kClassicMarkerPause{200};     // pause before our own "##"

// Client for the course's Python file servers (2018/19 and 2020). Everything the brief lists is accepted:
// a status alone or glued to data, OK / Y / FAIL / Chinese sentences, "##" alone or glued, no "##" at all
// (ended by quiet). Every wait has a timeout. There is no size and no hash in this protocol: downloads are
// written to "<local>.part" and renamed when the server's "##" (or quiet) ends them, unverified.
class ClassicClient final : public TransferClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassicClient)

public:
    explicit ClassicClient(ClassicDialect dialect, QObject *parent = nullptr);
    ~ClassicClient() override;

    ClassicDialect dialect() const { return m_dialect; }
    void setReplyTimeout(std::chrono::milliseconds timeout);

    void list() override;
    void download(const QString &remoteName, const QString &localPath) override;
    void upload(const QString &localPath, const QString &remoteName) override;
    void quit() override;
    bool canResume() const override { return false; }
    bool verifies() const override { return false; }

    bool endWasMarked() const override { return m_endedByMarker; }

private:
    enum class Phase { None, Status, ListData, GetData, PutData, PutMarker, PutSettle };

    void onConnected() override;
    void onReadyRead() override;
    void onBytesWritten() override;
    void onDisconnected() override;
    void onTimer() override;
    void resetOperation() override;

    void finish();
    void begin(ClassicOperation operation, const QString &name);
    void onStatus(const ClassicStatusParse &status);
    void takeData(const QByteArray &data);
    void endList();
    void endDownload(bool marker);
    void pumpUpload();

    ClassicDialect m_dialect = ClassicDialect::Course2018;
    std::chrono::milliseconds m_replyTimeout = kClassicReplyTimeout;
    Phase m_phase = Phase::None;
    ClassicOperation m_operation = ClassicOperation::List;
    QByteArray m_in;
    QString m_name;
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

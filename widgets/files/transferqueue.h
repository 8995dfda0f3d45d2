#pragma once

#include "netcore/common/error.h"
#include "netcore/files/errors.h"
#include "netcore/files/transferclient.h"
#include "netcore/files/transferrate.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace netcore::common { class Transcript; }

namespace widgets::files {

// The tab's transfer queue: runs one transfer at a time, each on its own connection, and keeps the facts
// the table shows (progress, smoothed speed, time left, verified or the reason it failed).
// Pause = drop the connection and keep the partial file; resume picks it up (where the dialect can resume).
class TransferQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferQueue)

public:
    enum class Direction { Download, Upload };
    enum class Status { Queued, Running, Paused, Verified, Done, Failed, Cancelled };

    struct Job {
        int id = 0;
        Direction direction = Direction::Download;
        QString remoteName;
        QString localPath;
        Status status = Status::Queued;
        qint64 done = 0;
        qint64 total = -1;
        qint64 resumedFrom = 0;
        double speed = 0.0;               // bytes per second, smoothed
        std::optional<qint64> secondsLeft;
        netcore::files::Error error = netcore::files::Error::None;   // why it failed
        netcore::common::ErrorDetail detail;
        QByteArray sha256;
    };

    explicit TransferQueue(QObject *parent = nullptr);
    ~TransferQueue() override;

    void setServer(const QString &host, quint16 port, netcore::files::ClientDialect dialect);
    void setTranscript(netcore::common::Transcript *transcript);

    int enqueue(Direction direction, const QString &remoteName, const QString &localPath);
    void pause(int id);
    void resume(int id);
    void cancel(int id);
    void retry(int id);
    void clearFinished();

    const QList<Job> &jobs() const { return m_jobs; }
    const Job *job(int id) const;
    qsizetype indexOf(int id) const;   // the job's row in jobs(), -1 when it is gone

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);
    void jobsRemoved();
    void uploadFinished();   // the remote listing is stale

private:
    Job *find(int id);
    void startNext();
    void onProgress(qint64 done, qint64 total);
    void onFinished(const QByteArray &sha256, qint64 resumedFrom);
    void onFailed(netcore::files::Error error);
    void stopCurrent(bool polite = false);
    void setStatus(Job &job, Status status);

    QString m_host;
    quint16 m_port = 0;
    netcore::files::ClientDialect m_dialect = netcore::files::ClientDialect::Native;
    QPointer<netcore::common::Transcript> m_transcript;
    QList<Job> m_jobs;
    int m_nextId = 1;
    int m_current = 0;   // id of the running job, 0 when idle
    netcore::files::TransferClient *m_client = nullptr;
    netcore::files::TransferRate m_rate;
    QElapsedTimer m_clock;
};

} // namespace widgets::files

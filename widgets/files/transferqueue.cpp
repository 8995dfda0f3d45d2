#include "widgets/files/transferqueue.h"

#include "netcore/common/transcript.h"

#include <QFile>

#include <algorithm>

using netcore::files::TransferClient;

namespace widgets::files {

TransferQueue::TransferQueue(QObject *parent)
    : QObject(parent)
{
}

TransferQueue::~TransferQueue()
{
    stopCurrent();
}

void TransferQueue::setServer(const QString &host, quint16 port, netcore::files::ClientDialect dialect)
{
    m_host = host;
    m_port = port;
    m_dialect = dialect;
}

void TransferQueue::setTranscript(netcore::common::Transcript *transcript)
{
    m_transcript = transcript;
}

// Jobs stay in id order (appended with growing ids, removed in place): a binary search finds one among thousands.
qsizetype TransferQueue::indexOf(int id) const
{
    const auto it = std::lower_bound(m_jobs.cbegin(), m_jobs.cend(), id, [](const Job &job, int key) { return job.id < key; });
    return it != m_jobs.cend() && it->id == id ? qsizetype(it - m_jobs.cbegin()) : -1;
}

TransferQueue::Job *TransferQueue::find(int id)
{
    const qsizetype index = indexOf(id);
    return index < 0 ? nullptr : &m_jobs[index];
}

const TransferQueue::Job *TransferQueue::job(int id) const
{
    const qsizetype index = indexOf(id);
    return index < 0 ? nullptr : &m_jobs.at(index);
}

void TransferQueue::setStatus(Job &job, Status status)
{
    job.status = status;
    if (status != Status::Failed) {
        job.error = netcore::files::Error::None;
        job.detail = {};
    }
    if (status != Status::Running) {
        job.speed = 0.0;
        job.secondsLeft.reset();
    }
    Q_EMIT jobChanged(job.id);
}

int TransferQueue::enqueue(Direction direction, const QString &remoteName, const QString &localPath)
{
    Job job;
    job.id = m_nextId++;
    job.direction = direction;
    job.remoteName = remoteName;
    job.localPath = localPath;
    m_jobs.append(job);
    Q_EMIT jobAdded(job.id);
    startNext();
    return job.id;
}

void TransferQueue::pause(int id)
{
    Job *job = find(id);
    if (!job || (job->status != Status::Running && job->status != Status::Queued))
        return;
    if (job->status == Status::Running)
        stopCurrent();
    setStatus(*job, Status::Paused);
    startNext();
}

void TransferQueue::resume(int id)
{
    Job *job = find(id);
    if (job && job->status == Status::Paused) {
        setStatus(*job, Status::Queued);
        startNext();
    }
}

void TransferQueue::cancel(int id)
{
    Job *job = find(id);
    if (!job || job->status == Status::Verified || job->status == Status::Done || job->status == Status::Cancelled)
        return;
    if (job->status == Status::Running)
        stopCurrent();
    if (job->direction == Direction::Download)
        QFile::remove(TransferClient::partialPathFor(job->localPath));
    job->done = 0;
    setStatus(*job, Status::Cancelled);
    startNext();
}

void TransferQueue::retry(int id)
{
    Job *job = find(id);
    if (job && (job->status == Status::Failed || job->status == Status::Cancelled)) {
        setStatus(*job, Status::Queued);
        startNext();
    }
}

void TransferQueue::clearFinished()
{
    const auto finished = [](const Job &job) {
        return job.status == Status::Verified || job.status == Status::Done || job.status == Status::Cancelled;
    };
    if (m_jobs.removeIf(finished) > 0)
        Q_EMIT jobsRemoved();
}

// Lets go of the running job's connection: politely (goodbye, then delete when closed) after an answer,
// at once (abort, partial files kept) for pause/cancel.
void TransferQueue::stopCurrent(bool polite)
{
    if (m_client) {
        m_client->disconnect(this);
        if (polite && m_client->state() == TransferClient::State::Ready) {
            connect(m_client, &TransferClient::disconnected, m_client, &QObject::deleteLater);
            m_client->quit();
        } else {
            m_client->abort();
            m_client->deleteLater();
        }
        m_client = nullptr;
    }
    m_current = 0;
}

void TransferQueue::startNext()
{
    if (m_current != 0 || m_host.isEmpty())
        return;
    for (Job &job : m_jobs) {
        if (job.status != Status::Queued)
            continue;
        m_current = job.id;
        job.resumedFrom = 0;
        job.sha256.clear();
        m_client = netcore::files::createClient(m_dialect, this);
        m_client->setTranscript(m_transcript);
        if (!m_client->canResume())
            job.done = 0;
        setStatus(job, Status::Running);
        m_clock.start();
        m_rate.start(job.done, 0);
        const Job copy = job;
        connect(m_client, &TransferClient::connected, this, [this, copy] {
            if (copy.direction == Direction::Download)
                m_client->download(copy.remoteName, copy.localPath);
            else
                m_client->upload(copy.localPath, copy.remoteName);
        });
        connect(m_client, &TransferClient::progress, this, &TransferQueue::onProgress);
        connect(m_client, &TransferClient::transferFinished, this, &TransferQueue::onFinished);
        connect(m_client, &TransferClient::errorOccurred, this, &TransferQueue::onFailed);
        m_client->connectToServer(m_host, m_port);
        return;
    }
}

void TransferQueue::onProgress(qint64 done, qint64 total)
{
    Job *job = find(m_current);
    if (!job)
        return;
    job->done = done;
    job->total = total;
    m_rate.update(done, m_clock.elapsed());
    job->speed = m_rate.bytesPerSecond();
    job->secondsLeft = m_rate.secondsLeft(total);
    Q_EMIT jobChanged(job->id);
}

void TransferQueue::onFinished(const QByteArray &sha256, qint64 resumedFrom)
{
    Job *job = find(m_current);
    const bool verified = m_client && m_client->verifies();
    const bool upload = job && job->direction == Direction::Upload;
    if (job) {
        job->sha256 = sha256;
        job->resumedFrom = resumedFrom;
        if (job->total < 0)
            job->total = job->done;
        job->done = job->total;
        setStatus(*job, verified ? Status::Verified : Status::Done);
    }
    stopCurrent(true);
    if (upload)
        Q_EMIT uploadFinished();
    startNext();
}

void TransferQueue::onFailed(netcore::files::Error error)
{
    Job *job = find(m_current);
    const netcore::common::ErrorDetail detail = m_client ? m_client->errorDetail() : netcore::common::ErrorDetail{};
    stopCurrent(true);
    if (job) {
        job->error = error;
        job->detail = detail;
        job->status = Status::Failed;
        job->speed = 0.0;
        job->secondsLeft.reset();
        Q_EMIT jobChanged(job->id);
    }
    startNext();
}

} // namespace widgets::files

#include "widgets/files/transferqueue.h"

#include "netcore/common/transcript.h"
#include "netcore/files/classicclient.h"
#include "netcore/files/fileclient.h"

#include <QFile>

using namespace Qt::StringLiterals;
using netcore::files::ClassicClient;
using netcore::files::FileClient;

namespace widgets::files {

TransferQueue::TransferQueue(QObject *parent)
    : QObject(parent)
{
}

TransferQueue::~TransferQueue()
{
    stopCurrent();
}

void TransferQueue::setServer(const QString &host, quint16 port, ClientProtocol protocol)
{
    m_host = host;
    m_port = port;
    m_protocol = protocol;
}

void TransferQueue::setTranscript(netcore::common::Transcript *transcript)
{
    m_transcript = transcript;
}

TransferQueue::Job *TransferQueue::find(int id)
{
    for (Job &job : m_jobs) {
        if (job.id == id)
            return &job;
    }
    return nullptr;
}

const TransferQueue::Job *TransferQueue::job(int id) const
{
    for (const Job &job : m_jobs) {
        if (job.id == id)
            return &job;
    }
    return nullptr;
}

void TransferQueue::setStatus(Job &job, Status status, const QString &reason)
{
    job.status = status;
    job.reason = reason;
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
        QFile::remove(FileClient::partialPathFor(job->localPath));
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

// Lets go of the running job's connection: politely (QUIT, then delete when closed) after an answer,
// at once (abort, partial files kept) for pause/cancel.
void TransferQueue::stopCurrent(bool polite)
{
    if (m_client) {
        m_client->disconnect(this);
        if (polite && m_client->state() == FileClient::State::Ready) {
            connect(m_client, &FileClient::disconnected, m_client, &QObject::deleteLater);
            m_client->quit();
        } else {
            m_client->abort();
            m_client->deleteLater();
        }
        m_client = nullptr;
    }
    if (m_classic) {
        m_classic->disconnect(this);
        if (polite && m_classic->state() == ClassicClient::State::Ready) {
            connect(m_classic, &ClassicClient::disconnected, m_classic, &QObject::deleteLater);
            m_classic->quit();
        } else {
            m_classic->abort();
            m_classic->deleteLater();
        }
        m_classic = nullptr;
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
        setStatus(job, Status::Running);
        m_clock.start();
        m_rate.start(job.done, 0);
        if (m_protocol == ClientProtocol::Native)
            startNative(job);
        else
            startClassic(job);
        return;
    }
}

void TransferQueue::startNative(Job &job)
{
    m_client = new FileClient(this);
    m_client->setTranscript(m_transcript);
    const Job copy = job;
    connect(m_client, &FileClient::connected, this, [this, copy] {
        if (copy.direction == Direction::Download)
            m_client->download(copy.remoteName, copy.localPath);
        else
            m_client->upload(copy.localPath, copy.remoteName);
    });
    connect(m_client, &FileClient::progress, this, &TransferQueue::onProgress);
    connect(m_client, &FileClient::transferFinished, this,
            [this](const QByteArray &sha, qint64 resumedFrom) { onFinished(sha, resumedFrom, true); });
    connect(m_client, &FileClient::errorOccurred, this, [this](FileClient::Error, const QString &message) {
        onFailed(message);
    });
    m_client->connectToServer(m_host, m_port);
}

void TransferQueue::startClassic(Job &job)
{
    m_classic = new ClassicClient(this);
    m_classic->setTranscript(m_transcript);
    m_classic->setDialect(m_protocol == ClientProtocol::Classic2018 ? netcore::files::ClassicDialect::Course2018
                                                                     : netcore::files::ClassicDialect::Course2020);
    job.done = 0;   // the classic protocol cannot resume
    const Job copy = job;
    connect(m_classic, &ClassicClient::connected, this, [this, copy] {
        if (copy.direction == Direction::Download)
            m_classic->download(copy.remoteName, copy.localPath);
        else
            m_classic->upload(copy.localPath, copy.remoteName);
    });
    connect(m_classic, &ClassicClient::progress, this, &TransferQueue::onProgress);
    connect(m_classic, &ClassicClient::transferFinished, this,
            [this](const QByteArray &sha, qint64) { onFinished(sha, 0, false); });
    connect(m_classic, &ClassicClient::errorOccurred, this, [this](ClassicClient::Error, const QString &message) {
        onFailed(message);
    });
    m_classic->connectToServer(m_host, m_port);
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

void TransferQueue::onFinished(const QByteArray &sha256, qint64 resumedFrom, bool verified)
{
    Job *job = find(m_current);
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

void TransferQueue::onFailed(const QString &reason)
{
    Job *job = find(m_current);
    stopCurrent(true);
    if (job)
        setStatus(*job, Status::Failed, reason);
    startNext();
}

} // namespace widgets::files

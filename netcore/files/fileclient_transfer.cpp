// FileClient: downloads and uploads (split from fileclient.cpp).
#include "netcore/files/fileclient.h"

#include "netcore/files/events.h"
#include "netcore/files/serveroptions.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace netcore::files {

void FileClient::download(const QString &remoteName, const QString &localPath)
{
    Q_ASSERT(state() == State::Ready);
    beginOperation();
    m_remoteName = remoteName;
    m_localPath = localPath;
    m_retried = false;
    startGet();
}

void FileClient::startGet()
{
    setState(State::Downloading);
    auto file = std::make_unique<QFile>(partialPathFor(m_localPath));
    if (!file->open(QIODevice::ReadWrite)) {
        fail(Error::LocalOpen, fileDetail(*file), false);
        return;
    }
    m_offset = file->size();
    m_file = std::move(file);
    hashPrefixThen(m_offset, false, [this] {
        if (m_offset > 0)
            note(Event::ResumingDownload, {QString::number(m_offset)});
        m_phase = Phase::GetHeader;
        sendLine(formatRequest(Request{Command::Get, m_remoteName, m_offset, 0, {}}));
    });
}

void FileClient::receiveGetData()
{
    const qint64 before = m_left;
    m_chunk.resize(kReadBufferSize);
    while (m_left > 0) {
        qint64 got = 0;
        if (!m_in.isEmpty()) {   // bytes that came in with the OK line
            got = qMin<qint64>(m_left, m_in.size());
            std::memcpy(m_chunk.data(), m_in.constData(), size_t(got));
            m_in.remove(0, got);
        } else {
            got = m_socket->read(m_chunk.data(), qMin(m_left, qint64(m_chunk.size())));
        }
        if (got <= 0)
            break;
        if (m_file->write(m_chunk.constData(), got) != got) {
            fail(Error::LocalWrite, fileDetail(*m_file), true);
            return;
        }
        m_hash.addData(m_chunk.constData(), got);
        m_left -= got;
    }
    if (before != m_left)
        Q_EMIT progress(m_total - m_left, m_total);
    if (m_left == 0) {
        note(Event::ReceivedData, {QString::number(m_total - m_offset)});
        m_phase = Phase::GetEnd;
    }
}

void FileClient::finishGet(const QByteArray &serverSha)
{
    const QByteArray digest = m_hash.hexDigest();
    const bool flushed = m_file->flush();
    m_file.reset();
    const QString partial = partialPathFor(m_localPath);
    if (!flushed) {
        fail(Error::LocalWrite, localDetail(partial), false);
        return;
    }
    if (digest != serverSha) {
        QFile::remove(partial);
        if (m_offset > 0 && !m_retried) {
            m_retried = true;
            note(Event::RetryDownload);
            startGet();
            return;
        }
        fail(Error::ChecksumMismatch, localDetail(m_remoteName), false);
        return;
    }
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(m_localPath).constData()) != 0) {
        fail(Error::LocalRename, localDetail(m_localPath, {}, errno), false);
        return;
    }
    note(Event::Verified, {QString::fromLatin1(digest)});
    const qint64 resumedFrom = m_offset;
    finishOperation();
    Q_EMIT transferFinished(digest, resumedFrom);
}

void FileClient::upload(const QString &localPath, const QString &remoteName)
{
    Q_ASSERT(state() == State::Ready);
    beginOperation();
    m_localPath = localPath;
    m_remoteName = remoteName;
    m_retried = false;
    startPut();
}

void FileClient::startPut()
{
    setState(State::Uploading);
    auto file = std::make_unique<QFile>(m_localPath);
    if (!file->open(QIODevice::ReadOnly)) {
        fail(Error::LocalOpen, fileDetail(*file), false);
        return;
    }
    m_file = std::move(file);
    m_total = m_file->size();
    m_offset = 0;
    m_phase = Phase::PutReady;
    sendLine(formatRequest(Request{Command::Put, m_remoteName, 0, m_total, {}}));
}

void FileClient::onReady(qint64 offset)
{
    m_offset = offset;
    hashPrefixThen(offset, true, [this] {
        if (m_offset > 0)
            note(Event::ResumingUpload, {QString::number(m_offset)});
        m_left = m_total - m_offset;
        m_phase = Phase::PutData;
        note(Event::SendingData, {QString::number(m_left)});
        m_timer->start(kReplyTimeout);
        pumpPut();
    });
}

// closeOnError: the server waits for data (after READY) and the conversation cannot continue after a local error.
void FileClient::hashPrefixThen(qint64 length, bool closeOnError, std::function<void()> then)
{
    m_hash.reset();
    m_chunk.resize(kChunkSize);
    if (length <= 0) {
        then();
        return;
    }
    // Hashing a resumed file's prefix (possibly gigabytes) goes a slice per event-loop pass, so the thread the
    // client lives on (the tab's GUI thread) keeps painting and answering; the reply timer waits meanwhile.
    m_phase = Phase::Hashing;
    m_timer->stop();
    note(Event::HashingPrefix, {QString::number(length)});
    if (!m_file->seek(0)) {
        fail(Error::LocalRead, fileDetail(*m_file), closeOnError);
        return;
    }
    hashPrefixSlice(++m_serial, length, closeOnError, then);
}

void FileClient::hashPrefixSlice(quint64 serial, qint64 left, bool closeOnError, const std::function<void()> &then)
{
    if (serial != m_serial || m_phase != Phase::Hashing || !m_file)
        return;   // failed, aborted or disconnected since the slice was queued
    constexpr qint64 kSliceNs = 8'000'000;
    QElapsedTimer slice;
    slice.start();
    while (left > 0 && slice.nsecsElapsed() < kSliceNs) {
        const qint64 got = m_file->read(m_chunk.data(), qMin(left, kChunkSize));
        if (got <= 0) {
            fail(Error::LocalRead, fileDetail(*m_file), closeOnError);
            return;
        }
        m_hash.addData(m_chunk.constData(), got);
        left -= got;
    }
    if (left == 0) {
        then();
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, serial, left, closeOnError, then] { hashPrefixSlice(serial, left, closeOnError, then); },
        Qt::QueuedConnection);
}

void FileClient::onBytesWritten()
{
    m_timer->start(kReplyTimeout);
    if (m_phase == Phase::PutData)
        pumpPut();
}

void FileClient::pumpPut()
{
    const qint64 before = m_left;
    while (m_phase == Phase::PutData && m_socket->bytesToWrite() < kSendHighWater) {
        if (m_left == 0) {
            m_digest = m_hash.hexDigest();
            note(Event::SentData, {QString::number(m_total - m_offset)});
            m_phase = Phase::PutDone;
            sendLine(formatRequest(Request{Command::End, {}, 0, 0, m_digest}));
            break;
        }
        const qint64 got = m_file->read(m_chunk.data(), qMin(kChunkSize, m_left));
        if (got <= 0) {
            fail(Error::LocalRead, localDetail(m_localPath), true);
            return;
        }
        m_hash.addData(m_chunk.constData(), got);
        m_socket->write(m_chunk.constData(), got);
        m_left -= got;
    }
    if (before != m_left)
        Q_EMIT progress(m_total - m_left, m_total);
}

void FileClient::finishPut(const QByteArray &serverSha)
{
    if (serverSha != m_digest) {
        fail(Error::ChecksumMismatch, localDetail(m_localPath), false);
        return;
    }
    note(Event::VerifiedByServer, {QString::fromLatin1(serverSha)});
    const qint64 resumedFrom = m_offset;
    finishOperation();
    Q_EMIT transferFinished(serverSha, resumedFrom);
}

} // namespace netcore::files

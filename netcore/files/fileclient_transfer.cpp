// FileClient: downloads and uploads (split from fileclient.cpp).
#include "netcore/files/fileclient.h"

#include "netcore/common/transcript.h"
#include "netcore/files/serveroptions.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::files {

void FileClient::download(const QString &remoteName, const QString &localPath)
{
    Q_ASSERT(m_state == State::Ready);
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
        fail(Error::LocalIo, u"cannot open %1: %2"_s.arg(file->fileName(), file->errorString()), false);
        return;
    }
    m_offset = file->size();
    m_file = std::move(file);
    hashPrefixThen(m_offset, false, [this] {
        if (m_offset > 0)
            note(u"resuming the download at byte %1"_s.arg(m_offset));
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
            fail(Error::LocalIo, u"cannot write %1: %2"_s.arg(m_file->fileName(), m_file->errorString()), true);
            return;
        }
        m_hash.addData(m_chunk.constData(), got);
        m_left -= got;
    }
    if (before != m_left)
        Q_EMIT progress(m_total - m_left, m_total);
    if (m_left == 0) {
        note(u"received %1 bytes of file data"_s.arg(m_total - m_offset));
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
        fail(Error::LocalIo, u"cannot write %1"_s.arg(partial), false);
        return;
    }
    if (digest != serverSha) {
        QFile::remove(partial);
        if (m_offset > 0 && !m_retried) {
            m_retried = true;
            note(u"the resumed download did not verify: downloading the whole file again"_s);
            startGet();
            return;
        }
        fail(Error::ChecksumMismatch, u"SHA-256 mismatch: the server says %1, the received bytes hash to %2"_s
                                          .arg(QLatin1StringView(serverSha), QLatin1StringView(digest)), false);
        return;
    }
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(m_localPath).constData()) != 0) {
        fail(Error::LocalIo, u"cannot rename %1: %2"_s.arg(partial, QString::fromLocal8Bit(std::strerror(errno))), false);
        return;
    }
    note(u"SHA-256 verified: %1"_s.arg(QLatin1StringView(digest)));
    const qint64 resumedFrom = m_offset;
    finishOperation();
    Q_EMIT transferFinished(digest, resumedFrom);
}

void FileClient::upload(const QString &localPath, const QString &remoteName)
{
    Q_ASSERT(m_state == State::Ready);
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
        fail(Error::LocalIo, u"cannot open %1: %2"_s.arg(m_localPath, file->errorString()), false);
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
            note(u"the server holds %1 bytes already: resuming"_s.arg(m_offset));
        m_left = m_total - m_offset;
        m_phase = Phase::PutData;
        note(u"sending %1 bytes of file data"_s.arg(m_left));
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
    note(u"hashing the %1 bytes already here"_s.arg(length));
    if (!m_file->seek(0)) {
        fail(Error::LocalIo, u"cannot read %1: %2"_s.arg(m_file->fileName(), m_file->errorString()), closeOnError);
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
            fail(Error::LocalIo, u"cannot read %1: %2"_s.arg(m_file->fileName(), m_file->errorString()), closeOnError);
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
            note(u"sent %1 bytes of file data"_s.arg(m_total - m_offset));
            m_phase = Phase::PutDone;
            sendLine(formatRequest(Request{Command::End, {}, 0, 0, m_digest}));
            break;
        }
        const qint64 got = m_file->read(m_chunk.data(), qMin(kChunkSize, m_left));
        if (got <= 0) {
            fail(Error::LocalIo, u"cannot read %1 (did it shrink?)"_s.arg(m_localPath), true);
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
        fail(Error::ChecksumMismatch, u"the server stored a file hashing to %1, ours is %2"_s
                                          .arg(QLatin1StringView(serverSha), QLatin1StringView(m_digest)), false);
        return;
    }
    note(u"SHA-256 verified by the server: %1"_s.arg(QLatin1StringView(serverSha)));
    const qint64 resumedFrom = m_offset;
    finishOperation();
    Q_EMIT transferFinished(serverSha, resumedFrom);
}

} // namespace netcore::files

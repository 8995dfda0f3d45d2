// ServerSession: the upload half (PUT, file data, END) — split from serversession.cpp.
#include "netcore/files/serversession.h"

#include "netcore/common/transcript.h"

#include <QFile>
#include <QTcpSocket>

#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::files {

void ServerSession::handlePut(const Request &request)
{
    if (m_options.readOnly) {
        sendError(ErrorCode::Forbidden, u"the server is read-only"_s);
        return;
    }
    if (m_options.maxUploadSize >= 0 && request.size > m_options.maxUploadSize) {
        sendError(ErrorCode::TooLarge, u"upload of %1 bytes exceeds the limit of %2 bytes"_s.arg(request.size)
                                           .arg(m_options.maxUploadSize));
        return;
    }
    bool exists = false;
    const JailError error = m_jail.checkWritable(request.name, &exists);
    if (error != JailError::None) {
        sendError(ErrorCode::Forbidden, jailErrorString(error));
        return;
    }
    if (exists && !m_options.allowOverwrite) {
        sendError(ErrorCode::Exists, u"file exists and overwriting is off"_s);
        return;
    }
    if (!m_uploads->claim(request.name)) {
        sendError(ErrorCode::Busy, u"another client is uploading this name"_s);
        return;
    }
    m_claimed = true;
    m_name = request.name;
    OpenResult opened = m_jail.openPartial(request.name, request.size);
    if (opened.error != JailError::None) {
        endUpload();
        sendError(ErrorCode::NoSpace, u"cannot create the partial file: %1"_s.arg(opened.detail));
        return;
    }
    m_file = std::move(opened.file);
    m_partialPath = m_jail.partialPath(request.name, request.size);
    qint64 offset = m_file->size();
    if (offset > request.size) {  // not ours after all: start over
        m_file->resize(0);
        offset = 0;
    }
    // Hash what a previous attempt already stored, so END covers the whole file.
    m_hash.reset();
    m_chunk.resize(kChunkSize);
    for (qint64 left = offset; left > 0;) {
        const qint64 got = m_file->read(m_chunk.data(), qMin(left, kChunkSize));
        if (got <= 0) {
            m_file->resize(0);
            m_hash.reset();
            offset = 0;
            break;
        }
        m_hash.addData(m_chunk.constData(), got);
        left -= got;
    }
    m_file->seek(offset);
    m_left = request.size - offset;
    m_moved = 0;
    m_uploadFailed = false;
    m_expectEnd = true;
    sendControl(formatReply(Reply{ReplyKind::Ready, offset, 0, false, {}, {}}));
    if (offset > 0)
        note(u"resuming the upload at byte %1"_s.arg(offset));
    note(u"receiving %1 bytes of file data"_s.arg(m_left));
    m_state = State::Receiving;
}

// Takes file data off the socket: written and hashed (Receiving) or thrown away after a write error (Discarding).
void ServerSession::receiveData()
{
    m_chunk.resize(kReadBufferSize);
    while (m_left > 0) {
        qint64 got = 0;
        if (!m_in.isEmpty()) {
            got = qMin<qint64>(m_left, m_in.size());
            std::memcpy(m_chunk.data(), m_in.constData(), size_t(got));
            m_in.remove(0, got);
        } else {
            got = m_socket->read(m_chunk.data(), qMin(m_left, qint64(m_chunk.size())));
        }
        if (got <= 0)
            return;
        m_left -= got;
        m_moved += got;
        if (m_state == State::Discarding)
            continue;
        m_hash.addData(m_chunk.constData(), got);
        if (m_file->write(m_chunk.constData(), got) != got || !m_file->flush())
            failUpload(ErrorCode::NoSpace, u"write failed: %1"_s.arg(m_file->errorString()));
    }
    note(u"received %1 bytes of file data"_s.arg(m_moved));
    m_state = State::Command;
}

// A write failed mid-upload: say so at once, then keep reading (and dropping) the announced bytes so the
// conversation stays in step. The partial file is removed: nothing half-written survives.
void ServerSession::failUpload(ErrorCode code, const QString &reason)
{
    m_file.reset();
    QFile::remove(m_partialPath);
    sendError(code, reason);
    report(true, m_moved, false, reason);
    m_uploadFailed = true;
    m_state = State::Discarding;
}

void ServerSession::handleEnd(const QByteArray &sha256)
{
    if (m_uploadFailed) {  // already answered with the error
        endUpload();
        return;
    }
    const QByteArray digest = m_hash.hexDigest();
    m_file.reset();
    if (digest != sha256) {
        QFile::remove(m_partialPath);
        endUpload();
        sendError(ErrorCode::ChecksumMismatch, u"SHA-256 mismatch: received data hashes to %1"_s.arg(QLatin1StringView(digest)));
        report(true, m_moved, false, u"SHA-256 mismatch"_s);
        return;
    }
    QString detail;
    const JailError error = m_jail.commit(m_partialPath, m_name, m_options.allowOverwrite, &detail);
    if (error != JailError::None)
        QFile::remove(m_partialPath);
    endUpload();   // the name is free before the client hears the outcome
    if (error != JailError::None) {
        const ErrorCode code = error == JailError::Exists ? ErrorCode::Exists
            : error == JailError::IoError                 ? ErrorCode::IoError
                                                          : ErrorCode::Forbidden;
        sendError(code, detail.isEmpty() ? jailErrorString(error) : detail);
        report(true, m_moved, false, jailErrorString(error));
    } else {
        sendControl(formatReply(Reply{ReplyKind::Done, 0, 0, false, {}, digest}));
        report(true, m_moved, true, {});
    }
}

void ServerSession::endUpload()
{
    m_expectEnd = false;
    m_uploadFailed = false;
    m_file.reset();
    if (m_claimed) {
        m_uploads->release(m_name);
        m_claimed = false;
    }
    if (m_state != State::Idle && m_state != State::Closed)
        m_state = State::Command;
}

} // namespace netcore::files

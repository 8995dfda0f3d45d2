// ServerSession: the upload half (PUT, file data, END) — split from serversession.cpp.
#include "netcore/files/serversession.h"

#include "netcore/files/events.h"

#include <QFile>
#include <QTcpSocket>

#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::files {

// Why an upload is refused before any byte moves (None: it may start). Answers the client itself.
Error ServerSession::refusePut(const Request &request)
{
    if (options().readOnly) {
        sendError(ErrorCode::Forbidden, u"the server is read-only"_s);
        return Error::ReadOnly;
    }
    if (options().maxUploadSize >= 0 && request.size > options().maxUploadSize) {
        sendError(ErrorCode::TooLarge, u"upload of %1 bytes exceeds the limit of %2 bytes"_s.arg(request.size)
                                           .arg(options().maxUploadSize));
        return Error::TooLarge;
    }
    bool exists = false;
    const JailError error = jail().checkWritable(request.name, &exists);
    if (error != JailError::None) {
        sendError(ErrorCode::Forbidden, jailErrorString(error));
        return Error::BadName;
    }
    if (exists && !options().allowOverwrite) {
        sendError(ErrorCode::Exists, u"file exists and overwriting is off"_s);
        return Error::Exists;
    }
    if (!uploads().claim(request.name)) {
        sendError(ErrorCode::Busy, u"another client is uploading this name"_s);
        return Error::Busy;
    }
    return Error::None;
}

void ServerSession::handlePut(const Request &request)
{
    if (refusePut(request) != Error::None)
        return;
    m_claimed = true;
    m_name = request.name;
    OpenResult opened = jail().openPartial(request.name, request.size);
    if (opened.error != JailError::None) {
        endUpload();
        sendError(ErrorCode::NoSpace, u"cannot create the partial file: %1"_s.arg(opened.detail));
        return;
    }
    m_file = std::move(opened.file);
    m_partialPath = jail().partialPath(request.name, request.size);
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
    send(formatReply(Reply{ReplyKind::Ready, offset, 0, false, {}, {}}));
    if (offset > 0)
        note(Event::ResumingUpload, {QString::number(offset)});
    note(Event::ReceivingData, {QString::number(m_left)});
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
            got = readInto(m_chunk.data(), qMin(m_left, qint64(m_chunk.size())));
        }
        if (got <= 0)
            return;
        m_left -= got;
        m_moved += got;
        if (m_state == State::Discarding)
            continue;
        m_hash.addData(m_chunk.constData(), got);
        if (m_file->write(m_chunk.constData(), got) != got || !m_file->flush())
            failUpload(Error::NoSpace, m_file->errorString());
    }
    note(Event::ReceivedData, {QString::number(m_moved)});
    m_state = State::Command;
}

// A write failed mid-upload: say so at once, then keep reading (and dropping) the announced bytes so the
// conversation stays in step. The partial file is removed: nothing half-written survives.
void ServerSession::failUpload(Error error, const QString &raw)
{
    m_file.reset();
    QFile::remove(m_partialPath);
    sendError(ErrorCode(wireCodeOf(error)), u"write failed: %1"_s.arg(raw));
    note(Event::Failed, failureArgs(error, {m_name, {}, 0, raw}));
    report(m_name, true, m_moved, error, {m_name, {}, 0, raw});
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
        report(m_name, true, m_moved, Error::ChecksumMismatch, {m_name, {}, 0, {}});
        return;
    }
    QString detail;
    const JailError error = jail().commit(m_partialPath, m_name, options().allowOverwrite, &detail);
    if (error != JailError::None)
        QFile::remove(m_partialPath);
    endUpload();   // the name is free before the client hears the outcome
    if (error != JailError::None) {
        const ErrorCode code = error == JailError::Exists ? ErrorCode::Exists
            : error == JailError::IoError                 ? ErrorCode::IoError
                                                          : ErrorCode::Forbidden;
        sendError(code, detail.isEmpty() ? jailErrorString(error) : detail);
        report(m_name, true, m_moved, errorForJail(error), {m_name, {}, 0, detail});
    } else {
        send(formatReply(Reply{ReplyKind::Done, 0, 0, false, {}, digest}));
        report(m_name, true, m_moved);
    }
}

void ServerSession::endUpload()
{
    m_expectEnd = false;
    m_uploadFailed = false;
    m_file.reset();
    if (m_claimed) {
        uploads().release(m_name);
        m_claimed = false;
    }
    if (m_state != State::Idle && !isClosed())
        m_state = State::Command;
}

} // namespace netcore::files

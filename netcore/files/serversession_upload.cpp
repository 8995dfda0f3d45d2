// ServerSession: the upload half (PUT, file data, END) — split from serversession.cpp.
#include "netcore/files/serversession.h"

#include "netcore/common/connectionguard.h"
#include "netcore/files/events.h"
#include "netcore/files/partials.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QTcpSocket>

#include <cerrno>
#include <cstring>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace netcore::files {
namespace {

// The C library's English words for an errno (protocol text on the wire, not the user's locale).
QString englishError(int error)
{
    const char *words = ::strerrordesc_np(error);
    return words ? QString::fromLatin1(words) : u"errno %1"_s.arg(error);
}

} // namespace

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

// The quota of unfinished uploads and the disk's free space (under the registry's quota lock): None, or the
// 507 already sent. `kept`: bytes of this upload's own partial that a resume keeps.
Error ServerSession::refuseSpace(const Request &request, qint64 kept)
{
    const ServerOptions &o = options();
    if (o.maxPartialBytes > 0 || o.maxPartials > 0) {
        const PartialUsage usage = partials::usage(jail().root(), m_partialPath);
        if (o.maxPartials > 0 && usage.count + 1 > o.maxPartials) {
            sendError(ErrorCode::NoSpace, u"too many unfinished uploads on the server (%1, limit %2)"_s.arg(usage.count)
                                              .arg(o.maxPartials));
            return Error::NoSpace;
        }
        if (o.maxPartialBytes > 0 && usage.bytes + request.size > o.maxPartialBytes) {
            sendError(ErrorCode::NoSpace, u"unfinished uploads quota reached (%1 bytes held, %2 more asked, limit %3)"_s
                                              .arg(usage.bytes).arg(request.size).arg(o.maxPartialBytes));
            return Error::NoSpace;
        }
    }
    if (o.minFreeBytes > 0) {
        struct statvfs fs {};
        if (::statvfs(QFile::encodeName(jail().root()).constData(), &fs) == 0) {
            const qint64 free = qint64(fs.f_bavail) * qint64(fs.f_frsize);
            const qint64 needed = request.size - kept;
            if (free - needed < o.minFreeBytes) {
                sendError(ErrorCode::NoSpace, u"not enough free space on the server (%1 bytes free, %2 needed, %3 kept free)"_s
                                                  .arg(free).arg(needed).arg(o.minFreeBytes));
                return Error::NoSpace;
            }
        }
    }
    return Error::None;
}

void ServerSession::handlePut(const Request &typed)
{
    // The name as it will be stored: NFC, and no invisible or direction-changing characters.
    Request request = typed;
    QString detail;
    if (const JailError bad = checkNewName(typed.name, &request.name, &detail); bad != JailError::None) {
        const QString reason = jailErrorString(bad);
        sendError(ErrorCode::Forbidden, detail.isEmpty() ? reason : reason + u" ("_s + detail + u')');
        note(Event::Refused, {typed.name, QString::number(int(Error::BadName))});
        return;
    }
    if (refusePut(request) != Error::None)
        return;
    m_claimed = true;
    m_name = request.name;
    const QString owner = partials::ownerOf(peerHost());
    m_partialPath = jail().partialPath(request.name, request.size, owner);
    uploads().addActive(m_partialPath);
    const QMutexLocker quota(&uploads().quotaMutex());
    // A resume only of our own partial: the owner record must match this name, size and address.
    const PartialRecord record = partials::readRecord(m_partialPath);
    const bool ours = record.name == request.name && record.size == request.size && record.owner == owner;
    const qint64 existing = ours ? QFileInfo(m_partialPath).size() : 0;
    if (refuseSpace(request, qMin(existing, request.size)) != Error::None) {
        endUpload();
        return;
    }
    OpenResult opened = jail().openPartial(m_partialPath, request.name);
    if (opened.error != JailError::None) {
        endUpload();
        sendError(ErrorCode::NoSpace, u"cannot create the partial file: %1"_s.arg(opened.detail));
        return;
    }
    m_file = std::move(opened.file);
    qint64 offset = m_file->size();
    if (!ours || offset > request.size) {   // not ours after all: start over
        // Truncating an already empty file is not free on ext4: a file truncated to 0 is flushed when it is
        // closed (auto_da_alloc), so the client would wait for the whole upload's writeback at END.
        if (offset > 0)
            m_file->resize(0);
        offset = 0;
    }
    if (!ours && !partials::writeRecord(m_partialPath, PartialRecord{request.name, request.size, owner,
                                                                     QDateTime::currentDateTimeUtc()})) {
        m_file.reset();
        partials::remove(m_partialPath);
        endUpload();
        sendError(ErrorCode::NoSpace, u"cannot write the partial file's owner record"_s);
        return;
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
    ::lseek(m_file->handle(), offset, SEEK_SET);   // file data is written to the descriptor directly
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
    while (m_left > 0 && !isClosed()) {
        qint64 got = 0;
        if (!m_in.isEmpty()) {
            got = qMin<qint64>(m_left, m_in.size());
            std::memcpy(m_chunk.data(), m_in.constData(), size_t(got));
            m_in.remove(0, got);
            guard()->setBuffered(m_in.size());
        } else {
            got = readInto(m_chunk.data(), qMin(m_left, qint64(m_chunk.size())));
        }
        if (got <= 0)
            return;
        guard()->transferProgress(got);
        m_left -= got;
        m_moved += got;
        if (m_state == State::Discarding)
            continue;
        m_hash.addData(m_chunk.constData(), got);
        if (const int error = writeAll(m_file->handle(), m_chunk.constData(), got); error != 0)
            failUpload(Error::NoSpace, error);
    }
    if (isClosed())
        return;
    guard()->stopRateCheck();
    note(Event::ReceivedData, {QString::number(m_moved)});
    m_state = State::Command;
}

// A write failed mid-upload (disk full, `ulimit -f`): say so at once with the system's reason, then keep reading
// (and dropping) the announced bytes so the conversation stays in step. The partial file and its record are
// removed: nothing half-written survives a 507.
void ServerSession::failUpload(Error error, int sysError)
{
    m_file.reset();
    partials::remove(m_partialPath);
    const QString raw = englishError(sysError);
    sendError(ErrorCode(wireCodeOf(error)), u"write failed: %1"_s.arg(raw));
    note(Event::Failed, failureArgs(error, {m_name, {}, sysError, raw}));
    report(m_name, true, m_moved, error, {m_name, {}, sysError, raw});
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
        partials::remove(m_partialPath);
        endUpload();
        sendError(ErrorCode::ChecksumMismatch, u"SHA-256 mismatch: received data hashes to %1"_s.arg(QLatin1StringView(digest)));
        report(m_name, true, m_moved, Error::ChecksumMismatch, {m_name, {}, 0, {}});
        return;
    }
    QString detail;
    const JailError error = jail().commit(m_partialPath, m_name, options().allowOverwrite, &detail);
    if (error != JailError::None)
        QFile::remove(m_partialPath);
    QFile::remove(partials::recordPath(m_partialPath));
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

// Lets go of the name and of the partial file (which stays on disk, with its record, unless removed before).
void ServerSession::releasePartial()
{
    if (!m_partialPath.isEmpty())
        uploads().removeActive(m_partialPath);
    if (m_claimed)
        uploads().release(m_name);
    m_claimed = false;
}

void ServerSession::endUpload()
{
    m_expectEnd = false;
    m_uploadFailed = false;
    m_file.reset();
    releasePartial();
    m_partialPath.clear();
    if (m_state != State::Idle && !isClosed())
        m_state = State::Command;
}

} // namespace netcore::files

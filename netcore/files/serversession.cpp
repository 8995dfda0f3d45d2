#include "netcore/files/serversession.h"

#include "netcore/common/connectionguard.h"
#include "netcore/files/events.h"

#include <QFile>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace netcore::files {

ServerSession::ServerSession(SessionContext context, QObject *parent)
    : Session(std::move(context), parent)
{
}

ServerSession::~ServerSession()
{
    releasePartial();
}

void ServerSession::onStarted()
{
    m_state = State::Command;
    send(formatReply(Reply{ReplyKind::Hello, kProtocolVersion, 0, options().readOnly, {}, {}}));
}

void ServerSession::sendError(ErrorCode code, const QString &reason)
{
    send(errorLine(code, reason));   // the reason is protocol text for the peer (docs/protocols/files.md)
}

void ServerSession::onReadyRead()
{
    process();
}

void ServerSession::onBytesWritten(qint64 bytes)
{
    if (m_state != State::Sending)
        return;
    guard()->transferProgress(bytes);
    pumpDownload();
}

void ServerSession::onResumed()
{
    process();
}

void ServerSession::onClosed()
{
    const State was = m_state;
    const bool uploading = was == State::Receiving || (m_expectEnd && !m_uploadFailed);
    m_state = State::Idle;
    // Close the file and release the name first: a client that reconnects at once must be able to resume.
    // The partial file and its owner record stay.
    m_file.reset();
    releasePartial();
    if (was == State::Sending)
        report(m_name, false, m_moved, Error::ClientLeft, {m_name, {}, 0, {}});
    if (uploading)   // the partial file is kept for a resume
        report(m_name, true, m_moved, Error::ClientLeft, {m_name, {}, 0, {}});
}

// Consumes what the socket holds: file data while an upload runs, otherwise complete lines — but no next request
// while the connection's unsent output is above the bound (the guard's backpressure: onResumed() comes back here).
void ServerSession::process()
{
    while (!isClosed() && (m_state == State::Command || m_state == State::Receiving || m_state == State::Discarding)) {
        if (m_state == State::Receiving || m_state == State::Discarding) {
            receiveData();
            if (m_state != State::Command)
                return;
            continue;
        }
        if (guard()->readingPaused())
            return;
        if (m_in.size() <= kMaxLineLength)
            m_in += readSome(kMaxLineLength + 1 - m_in.size());
        guard()->setBuffered(m_in.size());
        const LineFrame frame = takeLine(m_in);
        if (frame.status == common::FrameStatus::TooLarge) {
            record(common::Direction::Received, m_in.left(kMaxLineLength));
            sendError(ErrorCode::LineTooLong, u"control line longer than %1 bytes"_s.arg(kMaxLineLength));
            m_in.clear();
            note(Event::LineTooLongClosed, {QString::number(kMaxLineLength)});
            close();
            m_state = State::Idle;
            return;
        }
        if (frame.status != common::FrameStatus::Ok) {
            if (!m_in.isEmpty())
                guard()->requestBegun();   // a line begun: it must be complete within requestTimeout
            return;
        }
        const QByteArray line = m_in.left(frame.frameSize);
        m_in.remove(0, frame.frameSize);
        guard()->setBuffered(m_in.size());
        record(common::Direction::Received, line);
        guard()->requestDone();
        if (isBlankLine(frame.line))
            continue;   // ignored, unanswered (it does not count as the first request)
        guard()->helloDone();   // the native protocol's "hello" deadline: the first complete request
        countRequest();
        handleLine(frame.line);
    }
}

void ServerSession::handleLine(const QByteArray &line)
{
    const RequestParse parsed = parseRequest(line);
    if (!parsed.request) {
        sendError(parsed.error, parsed.reason);
        if (m_expectEnd)
            endUpload();
        return;
    }
    const Request &request = *parsed.request;
    if (m_expectEnd && request.command != Command::End) {
        sendError(ErrorCode::BadRequest, u"expected END <sha256> after the file data"_s);
        endUpload();
        return;
    }
    switch (request.command) {
    case Command::List:
        handleList();
        break;
    case Command::Get:
        handleGet(request);
        break;
    case Command::Put:
        handlePut(request);
        break;
    case Command::End:
        if (!m_expectEnd)
            sendError(ErrorCode::BadRequest, u"END without an upload"_s);
        else
            handleEnd(request.sha256);
        break;
    case Command::Quit:
        send(formatReply(Reply{ReplyKind::Bye, 0, 0, false, {}, {}}));
        m_state = State::Idle;
        note(Event::ClientQuit);
        close();
        break;
    }
}

void ServerSession::handleList()
{
    if (!jail().isValid()) {
        sendError(ErrorCode::IoError, u"the shared folder is gone"_s);
        return;
    }
    const QList<RemoteFileInfo> entries = jail().list();
    QByteArray reply = formatReply(Reply{ReplyKind::Ok, entries.size(), 0, false, {}, {}});
    for (const RemoteFileInfo &entry : entries)
        reply += formatReply(Reply{ReplyKind::File, entry.size, entry.modified.toSecsSinceEpoch(), false, entry.name, {}});
    send(reply);
}

void ServerSession::handleGet(const Request &request)
{
    OpenResult opened = jail().openForRead(request.name);
    if (opened.error != JailError::None) {
        const bool missing = opened.error == JailError::NotFound || opened.error == JailError::DanglingLink;
        const ErrorCode code = missing                 ? ErrorCode::NotFound
            : opened.error == JailError::IoError       ? ErrorCode::IoError
                                                       : ErrorCode::Forbidden;
        sendError(code, jailErrorString(opened.error));
        return;
    }
    const qint64 size = opened.file->size();
    if (request.offset > size) {
        sendError(ErrorCode::BadOffset, u"offset %1 is past the end of the file (%2 bytes)"_s.arg(request.offset).arg(size));
        return;
    }
    m_file = std::move(opened.file);
    m_name = request.name;
    m_hash.reset();
    m_prefixLeft = request.offset;
    m_left = size - request.offset;
    m_moved = 0;
    m_chunk.resize(kChunkSize);
    send(formatReply(Reply{ReplyKind::Ok, size, 0, false, {}, {}}));
    note(Event::SendingFrom, {QString::number(m_left), QString::number(request.offset)});
    m_state = State::Sending;
    pumpDownload();
}

// Keeps at most kSendHighWater bytes queued in the socket: reads, hashes and writes one chunk at a time, as the
// socket drains (the file is never read whole). What the client takes feeds the minimum-rate check.
void ServerSession::pumpDownload()
{
    while (m_state == State::Sending && !isClosed() && m_socket->bytesToWrite() < kSendHighWater) {
        if (m_prefixLeft == 0 && m_left == 0) {
            finishDownload();
            return;
        }
        const bool prefix = m_prefixLeft > 0;
        const qint64 want = qMin(kChunkSize, prefix ? m_prefixLeft : m_left);
        const qint64 got = m_file->read(m_chunk.data(), want);
        if (got <= 0) {
            // The file shrank or failed under us: the byte count is promised, so the only honest end is a close.
            report(m_name, false, m_moved, Error::LocalRead, {m_name, {}, 0, m_file->errorString()});
            m_state = State::Idle;
            m_file.reset();
            note(Event::ReadFailedClosed, {m_name});
            close();
            return;
        }
        m_hash.addData(m_chunk.constData(), got);
        if (prefix) {
            m_prefixLeft -= got;
            continue;
        }
        sendData(m_chunk.constData(), got);
        m_left -= got;
        m_moved += got;
    }
}

void ServerSession::finishDownload()
{
    m_file.reset();
    guard()->stopRateCheck();
    note(Event::SentData, {QString::number(m_moved)});
    const QByteArray digest = m_hash.hexDigest();
    send(formatReply(Reply{ReplyKind::End, 0, 0, false, {}, digest}));
    report(m_name, false, m_moved);
    m_state = State::Command;
    process();  // commands that queued up meanwhile
}

} // namespace netcore::files

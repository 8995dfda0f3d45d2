#include "netcore/files/serversession.h"

#include "netcore/common/transcript.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace netcore::files {

ServerSession::ServerSession(const ServerOptions &options, std::shared_ptr<UploadRegistry> uploads,
                             common::Transcript *transcript, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_jail(options.root)
    , m_uploads(std::move(uploads))
    , m_transcript(transcript)
{
}

ServerSession::~ServerSession()
{
    if (m_claimed)
        m_uploads->release(m_name);
}

void ServerSession::start(qintptr descriptor)
{
    m_socket = new QTcpSocket(this);
    m_socket->setReadBufferSize(kReadBufferSize);
    m_idleTimer = new QTimer(this);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(kSessionIdleTimeout);
    connect(m_idleTimer, &QTimer::timeout, this, [this] { closeWith(u"idle timeout"_s); });
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_state = State::Closed;
        Q_EMIT finished();
        return;
    }
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerSession::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ServerSession::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &ServerSession::onDisconnected);
    note(u"client connected"_s);
    m_state = State::Command;
    m_idleTimer->start();
    sendControl(formatReply(Reply{ReplyKind::Hello, kProtocolVersion, 0, m_options.readOnly, {}, {}}));
}

void ServerSession::abort()
{
    if (m_socket && m_state != State::Closed)
        m_socket->abort();
    onDisconnected();
}

void ServerSession::note(const QString &text)
{
    if (m_transcript)
        m_transcript->appendEvent(text, m_local, m_peer);
}

void ServerSession::sendControl(const QByteArray &line)
{
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, line, m_local, m_peer);
    m_socket->write(line);
}

void ServerSession::sendError(ErrorCode code, const QString &reason)
{
    sendControl(errorLine(code, reason));
}

void ServerSession::report(bool upload, qint64 bytes, bool ok, const QString &detail)
{
    Q_EMIT transferFinished(TransferRecord{m_peer, m_name, upload, bytes, ok, detail});
}

void ServerSession::closeWith(const QString &why)
{
    note(why);
    m_socket->disconnectFromHost();
}

void ServerSession::onReadyRead()
{
    m_idleTimer->start();
    process();
}

void ServerSession::onBytesWritten()
{
    m_idleTimer->start();
    if (m_state == State::Sending)
        pumpDownload();
}

void ServerSession::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    const State was = m_state;
    const bool uploading = was == State::Receiving || (m_expectEnd && !m_uploadFailed);
    m_state = State::Closed;
    // Close the file and release the name first: a client that reconnects at once must be able to resume.
    m_file.reset();
    if (m_claimed) {
        m_uploads->release(m_name);
        m_claimed = false;
    }
    if (was == State::Sending)
        report(false, m_moved, false, u"client disconnected during the download"_s);
    if (uploading)
        report(true, m_moved, false, u"client disconnected during the upload; the partial file is kept for a resume"_s);
    note(u"client disconnected"_s);
    Q_EMIT finished();
}

// Consumes what the socket holds: file data while an upload runs, otherwise complete lines.
void ServerSession::process()
{
    while (m_state == State::Command || m_state == State::Receiving || m_state == State::Discarding) {
        if (m_state == State::Receiving || m_state == State::Discarding) {
            receiveData();
            if (m_state != State::Command)
                return;
            continue;
        }
        m_in += m_socket->readAll();
        const LineFrame frame = takeLine(m_in);
        if (frame.status == FrameStatus::TooLarge) {
            if (m_transcript)
                m_transcript->append(common::Direction::Received, m_in.left(kMaxLineLength), m_local, m_peer);
            sendError(ErrorCode::LineTooLong, u"control line longer than %1 bytes"_s.arg(kMaxLineLength));
            m_in.clear();
            closeWith(u"closing: control line too long"_s);
            m_state = State::Idle;
            return;
        }
        if (frame.status == FrameStatus::Incomplete)
            return;
        const QByteArray line = m_in.left(frame.frameSize);
        m_in.remove(0, frame.frameSize);
        if (m_transcript)
            m_transcript->append(common::Direction::Received, line, m_local, m_peer);
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
        sendControl(formatReply(Reply{ReplyKind::Bye, 0, 0, false, {}, {}}));
        m_state = State::Idle;
        closeWith(u"client said QUIT"_s);
        break;
    }
}

void ServerSession::handleList()
{
    if (!m_jail.isValid()) {
        sendError(ErrorCode::IoError, u"the shared folder is gone"_s);
        return;
    }
    const QList<RemoteFileInfo> entries = m_jail.list();
    QByteArray reply = formatReply(Reply{ReplyKind::Ok, entries.size(), 0, false, {}, {}});
    for (const RemoteFileInfo &entry : entries)
        reply += formatReply(Reply{ReplyKind::File, entry.size, entry.modified.toSecsSinceEpoch(), false, entry.name, {}});
    sendControl(reply);
}

void ServerSession::handleGet(const Request &request)
{
    OpenResult opened = m_jail.openForRead(request.name);
    if (opened.error != JailError::None) {
        const ErrorCode code = opened.error == JailError::NotFound ? ErrorCode::NotFound
            : opened.error == JailError::IoError                   ? ErrorCode::IoError
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
    sendControl(formatReply(Reply{ReplyKind::Ok, size, 0, false, {}, {}}));
    note(u"sending %1 bytes of file data (offset %2)"_s.arg(m_left).arg(request.offset));
    m_state = State::Sending;
    pumpDownload();
}

// Keeps at most kSendHighWater bytes queued in the socket: reads, hashes and writes one chunk at a time.
void ServerSession::pumpDownload()
{
    while (m_state == State::Sending && m_socket->bytesToWrite() < kSendHighWater) {
        if (m_prefixLeft == 0 && m_left == 0) {
            finishDownload();
            return;
        }
        const bool prefix = m_prefixLeft > 0;
        const qint64 want = qMin(kChunkSize, prefix ? m_prefixLeft : m_left);
        const qint64 got = m_file->read(m_chunk.data(), want);
        if (got <= 0) {
            // The file shrank or failed under us: the byte count is promised, so the only honest end is a close.
            report(false, m_moved, false, u"read error or file truncated during the download"_s);
            m_state = State::Idle;
            m_file.reset();
            closeWith(u"closing: cannot read the rest of the file"_s);
            return;
        }
        m_hash.addData(m_chunk.constData(), got);
        if (prefix) {
            m_prefixLeft -= got;
            continue;
        }
        m_socket->write(m_chunk.constData(), got);
        m_left -= got;
        m_moved += got;
    }
}

void ServerSession::finishDownload()
{
    m_file.reset();
    note(u"sent %1 bytes of file data"_s.arg(m_moved));
    const QByteArray digest = m_hash.hexDigest();
    sendControl(formatReply(Reply{ReplyKind::End, 0, 0, false, {}, digest}));
    report(false, m_moved, true, {});
    m_state = State::Command;
    process();  // commands that queued up meanwhile
}

} // namespace netcore::files

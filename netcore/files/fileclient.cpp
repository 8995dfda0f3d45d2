#include "netcore/files/fileclient.h"

#include "netcore/files/events.h"
#include "netcore/files/serveroptions.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>


namespace netcore::files {

FileClient::FileClient(QObject *parent)
    : TransferClient(kConnectTimeout, parent)
{
}

FileClient::~FileClient() = default;

void FileClient::sendLine(const QByteArray &line)
{
    send(line);
    m_timer->start(kReplyTimeout);
}

void FileClient::resetOperation()
{
    ++m_serial;
    m_phase = Phase::None;
    m_file.reset();
}

void FileClient::beginOperation()
{
    clearError();
}

void FileClient::finishOperation()
{
    m_phase = Phase::None;
    m_file.reset();
    m_timer->stop();
    setState(State::Ready);
}

void FileClient::onConnected()
{
    m_in.clear();
    note(common::Event::Connected);
    m_phase = Phase::Hello;
    m_timer->start(kReplyTimeout);
}

void FileClient::onTimer()
{
    fail(Error::Timeout, {}, true);
}

void FileClient::onDisconnected()
{
    ++m_serial;
    const bool busy = m_phase != Phase::None && m_phase != Phase::Bye;
    m_file.reset();
    if (busy) {
        note(common::Event::PeerClosed);
        fail(Error::ConnectionLost, {}, true);
    } else {
        note(common::Event::Closed);
        m_phase = Phase::None;
        m_timer->stop();
        setState(State::Disconnected);
    }
    Q_EMIT disconnected();
}

void FileClient::quit()
{
    if (state() != State::Ready) {
        abort();
        return;
    }
    beginOperation();
    m_remoteName.clear();
    m_phase = Phase::Bye;
    setState(State::Closing);
    sendLine(formatRequest(Request{Command::Quit, {}, 0, 0, {}}));
}

void FileClient::list()
{
    Q_ASSERT(state() == State::Ready);
    beginOperation();
    m_remoteName.clear();
    m_entries.clear();
    m_phase = Phase::ListHeader;
    setState(State::Listing);
    sendLine(formatRequest(Request{Command::List, {}, 0, 0, {}}));
}

void FileClient::onReadyRead()
{
    m_timer->start(kReplyTimeout);
    while (m_socket->state() == QAbstractSocket::ConnectedState || !m_in.isEmpty() || m_socket->bytesAvailable() > 0) {
        if (m_phase == Phase::GetData) {
            receiveGetData();
            if (m_phase == Phase::GetData)
                return;
            continue;
        }
        m_in += m_socket->readAll();
        const LineFrame frame = takeLine(m_in);
        if (frame.status == common::FrameStatus::TooLarge) {
            fail(Error::LineTooLong, {}, true);
            return;
        }
        if (frame.status != common::FrameStatus::Ok)
            return;
        record(common::Direction::Received, m_in.left(frame.frameSize));
        m_in.remove(0, frame.frameSize);
        handleLine(frame.line);
        if (state() == State::Disconnected)
            return;
    }
}

void FileClient::handleLine(const QByteArray &line)
{
    const std::optional<Reply> reply = parseReply(line);
    if (reply && reply->kind == ReplyKind::Error)
        handleError(*reply);
    else if (!reply || !handleReply(*reply))
        fail(Error::Protocol, {{}, {}, 0, QString::fromUtf8(line.left(80))}, true);
}

// ERR <code> <reason>: the code becomes our Error, the server's words stay verbatim in the detail.
void FileClient::handleError(const Reply &reply)
{
    const int code = int(reply.number);
    // A resume that no longer fits (file shrank on the server): start over once.
    if (m_phase == Phase::GetHeader && code == int(ErrorCode::BadOffset) && m_offset > 0 && !m_retried) {
        m_retried = true;
        m_file.reset();
        QFile::remove(partialPathFor(m_localPath));
        note(Event::RestartShorterFile);
        startGet();
        return;
    }
    // A resumed upload whose stored part did not match: the server dropped it, so upload it all once more.
    if (m_phase == Phase::PutDone && code == int(ErrorCode::ChecksumMismatch) && m_offset > 0 && !m_retried) {
        m_retried = true;
        note(Event::RetryUpload);
        startPut();
        return;
    }
    if (m_phase == Phase::GetHeader && m_offset == 0)
        QFile::remove(partialPathFor(m_localPath));   // nothing was kept: leave no empty .part behind
    const bool close = m_phase == Phase::Hello || m_phase == Phase::PutData;
    fail(errorForCode(code), {m_remoteName, {}, 0, reply.text}, close);
}

bool FileClient::handleReply(const Reply &reply)
{
    switch (m_phase) {
    case Phase::Hello:
        if (reply.kind != ReplyKind::Hello || reply.number != kProtocolVersion)
            return false;
        m_readOnly = reply.readOnly;
        finishOperation();
        Q_EMIT connected();
        return true;
    case Phase::ListHeader:
        if (reply.kind != ReplyKind::Ok || reply.number > kMaxListEntries)
            return false;
        m_expectedEntries = reply.number;
        m_phase = Phase::ListEntries;
        break;
    case Phase::ListEntries:
        if (reply.kind != ReplyKind::File)
            return false;
        m_entries.append(RemoteFileInfo{reply.text, reply.number, QDateTime::fromSecsSinceEpoch(reply.mtime, Qt::UTC)});
        break;
    case Phase::GetHeader:
        if (reply.kind != ReplyKind::Ok || reply.number < m_offset)
            return false;
        m_total = reply.number;
        m_left = m_total - m_offset;
        m_phase = Phase::GetData;
        note(Event::ReceivingData, {QString::number(m_left)});
        return true;
    case Phase::GetEnd:
        if (reply.kind != ReplyKind::End)
            return false;
        finishGet(reply.sha256);
        return true;
    case Phase::PutReady:
        if (reply.kind != ReplyKind::Ready || reply.number > m_total)
            return false;
        onReady(reply.number);
        return true;
    case Phase::PutDone:
        if (reply.kind != ReplyKind::Done)
            return false;
        finishPut(reply.sha256);
        return true;
    case Phase::Bye:
        if (reply.kind != ReplyKind::Bye)
            return false;
        m_phase = Phase::None;
        m_socket->disconnectFromHost();
        return true;
    case Phase::None:
    case Phase::Hashing:
    case Phase::GetData:
    case Phase::PutData:
        return false;
    }
    if (m_phase == Phase::ListEntries && m_entries.size() == m_expectedEntries) {
        const QList<RemoteFileInfo> entries = m_entries;
        finishOperation();
        Q_EMIT listed(entries);
    }
    return true;
}

} // namespace netcore::files

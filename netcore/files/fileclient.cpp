#include "netcore/files/fileclient.h"

#include "netcore/common/transcript.h"
#include "netcore/files/serveroptions.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace netcore::files {

FileClient::FileClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<QList<RemoteFileInfo>>();
    m_socket->setReadBufferSize(kReadBufferSize);
    m_timer->setSingleShot(true);
    connect(m_socket, &QTcpSocket::connected, this, &FileClient::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &FileClient::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &FileClient::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &FileClient::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_state == State::Connecting)
            fail(Error::ConnectFailed, m_socket->errorString(), true);
    });
    connect(m_timer, &QTimer::timeout, this, &FileClient::onTimeout);
}

FileClient::~FileClient()
{
    m_socket->disconnect(this);
}

void FileClient::setTranscript(common::Transcript *transcript)
{
    m_transcript = transcript;
}

QString FileClient::partialPathFor(const QString &localPath)
{
    return localPath + u".part"_s;
}

void FileClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void FileClient::note(const QString &text)
{
    if (m_transcript)
        m_transcript->appendEvent(text, m_local, m_peerText);
}

void FileClient::sendLine(const QByteArray &line)
{
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, line, m_local, m_peerText);
    m_socket->write(line);
    m_timer->start(kReplyTimeout);
}

void FileClient::fail(Error error, const QString &message, bool closeConnection)
{
    ++m_serial;
    m_error = error;
    m_errorString = message;
    m_phase = Phase::None;
    m_file.reset();
    m_timer->stop();
    note(u"error: %1"_s.arg(message));
    if (closeConnection) {
        m_socket->abort();
        setState(State::Disconnected);
    } else {
        setState(State::Ready);
    }
    Q_EMIT errorOccurred(error, message);
}

void FileClient::beginOperation()
{
    m_error = Error::None;
    m_errorString.clear();
    m_serverCode = 0;
}

void FileClient::finishOperation()
{
    m_phase = Phase::None;
    m_file.reset();
    m_timer->stop();
    setState(State::Ready);
}

void FileClient::connectToServer(const QString &host, quint16 port)
{
    m_socket->abort();
    m_in.clear();
    m_error = Error::None;
    m_peerText = host + u':' + QString::number(port);
    setState(State::Connecting);
    note(u"connecting to %1"_s.arg(m_peerText));
    m_timer->start(kConnectTimeout);
    m_socket->connectToHost(host, port);
}

void FileClient::onConnected()
{
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peerText = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    note(u"connected"_s);
    m_phase = Phase::Hello;
    m_timer->start(kReplyTimeout);
}

void FileClient::onTimeout()
{
    fail(Error::Timeout, m_state == State::Connecting ? u"connection timed out"_s : u"the server stopped answering"_s, true);
}

void FileClient::onDisconnected()
{
    ++m_serial;
    const bool busy = m_phase != Phase::None && m_phase != Phase::Bye;
    m_file.reset();
    note(u"disconnected"_s);
    if (busy) {
        fail(Error::ConnectionLost, u"the server closed the connection"_s, true);
    } else {
        m_phase = Phase::None;
        m_timer->stop();
        setState(State::Disconnected);
    }
    Q_EMIT disconnected();
}

void FileClient::abort()
{
    ++m_serial;
    m_phase = Phase::None;
    m_file.reset();
    m_timer->stop();
    if (m_state != State::Disconnected)
        note(u"aborted by the user"_s);
    m_socket->abort();
    setState(State::Disconnected);
}

void FileClient::quit()
{
    if (m_state != State::Ready) {
        abort();
        return;
    }
    beginOperation();
    m_phase = Phase::Bye;
    setState(State::Closing);
    sendLine(formatRequest(Request{Command::Quit, {}, 0, 0, {}}));
}

void FileClient::list()
{
    Q_ASSERT(m_state == State::Ready);
    beginOperation();
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
        if (frame.status == FrameStatus::TooLarge) {
            fail(Error::Protocol, u"the server sent a line longer than %1 bytes"_s.arg(kMaxLineLength), true);
            return;
        }
        if (frame.status == FrameStatus::Incomplete)
            return;
        if (m_transcript)
            m_transcript->append(common::Direction::Received, m_in.left(frame.frameSize), m_local, m_peerText);
        m_in.remove(0, frame.frameSize);
        handleLine(frame.line);
        if (m_state == State::Disconnected)
            return;
    }
}

void FileClient::handleLine(const QByteArray &line)
{
    const std::optional<Reply> reply = parseReply(line);
    if (!reply) {
        fail(Error::Protocol, u"unexpected reply: %1"_s.arg(QString::fromUtf8(line.left(80))), true);
        return;
    }
    if (reply->kind == ReplyKind::Error) {
        m_serverCode = int(reply->number);
        // A resume that no longer fits (file shrank on the server): start over once.
        if (m_phase == Phase::GetHeader && m_serverCode == int(ErrorCode::BadOffset) && m_offset > 0 && !m_retried) {
            m_retried = true;
            m_file.reset();
            QFile::remove(partialPathFor(m_localPath));
            note(u"the remote file is shorter than the partial download: starting over"_s);
            startGet();
            return;
        }
        // A resumed upload whose stored part did not match: the server dropped it, so upload it all once more.
        if (m_phase == Phase::PutDone && m_serverCode == int(ErrorCode::ChecksumMismatch) && m_offset > 0 && !m_retried) {
            m_retried = true;
            note(u"the resumed upload did not verify: uploading the whole file again"_s);
            startPut();
            return;
        }
        if (m_phase == Phase::GetHeader && m_offset == 0)
            QFile::remove(partialPathFor(m_localPath));   // nothing was kept: leave no empty .part behind
        const bool close = m_phase == Phase::Hello || m_phase == Phase::PutData;
        fail(Error::Refused, reply->text, close);
        return;
    }
    if (!handleReply(*reply))
        fail(Error::Protocol, u"unexpected reply: %1"_s.arg(QString::fromUtf8(line.left(80))), true);
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
        note(u"receiving %1 bytes of file data"_s.arg(m_left));
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

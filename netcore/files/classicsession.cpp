#include "netcore/files/classicsession.h"

#include "netcore/common/transcript.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace netcore::files {
namespace {
constexpr qint64 kClassicPiece = 1024;   // the course's servers send 1024-byte pieces; we batch them
const QByteArray kMarker = "##"_ba;
}

ClassicSession::ClassicSession(const ServerOptions &options, std::shared_ptr<UploadRegistry> uploads,
                               common::Transcript *transcript, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_jail(options.root)
    , m_uploads(std::move(uploads))
    , m_transcript(transcript)
{
}

ClassicSession::~ClassicSession()
{
    dropUpload();
}

void ClassicSession::start(qintptr descriptor)
{
    m_socket = new QTcpSocket(this);
    m_socket->setReadBufferSize(kReadBufferSize);
    m_endTimer = new QTimer(this);
    m_endTimer->setSingleShot(true);
    m_endTimer->setInterval(kClassicEndGrace);
    connect(m_endTimer, &QTimer::timeout, this, &ClassicSession::finishUpload);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_state = State::Closed;
        Q_EMIT finished();
        return;
    }
    m_local = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peer = common::endpointString(m_socket->peerAddress(), m_socket->peerPort());
    connect(m_socket, &QTcpSocket::readyRead, this, &ClassicSession::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ClassicSession::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &ClassicSession::onDisconnected);
    m_state = State::Command;
    note(u"client connected (classic mode: no framing, one read = one request)"_s);
}

void ClassicSession::note(const QString &text)
{
    if (m_transcript)
        m_transcript->appendEvent(text, m_local, m_peer);
}

void ClassicSession::send(const QByteArray &bytes)
{
    if (m_state == State::Closed)
        return;
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, bytes, m_local, m_peer);
    m_socket->write(bytes);
}

// The course's servers sleep 0.1 s between messages so the client's recv() gets them apart.
void ClassicSession::sendLater(const QByteArray &bytes)
{
    QTimer::singleShot(kClassicPause, this, [this, bytes] { send(bytes); });
}

void ClassicSession::onReadyRead()
{
    while (m_state == State::Command || m_state == State::Receiving) {
        const QByteArray chunk = m_socket->read(kReadBufferSize);
        if (chunk.isEmpty())
            return;
        if (m_state == State::Receiving) {
            receive(chunk);
            continue;
        }
        if (m_transcript)
            m_transcript->append(common::Direction::Received, chunk, m_local, m_peer);
        handleRequest(chunk);
    }
}

void ClassicSession::handleRequest(const QByteArray &request)
{
    const QByteArray text = request.trimmed();
    const QString argument = QString::fromUtf8(text.mid(text.indexOf(' ') + 1)).trimmed();
    if (text == "LIST")
        list(true);
    else if (text.startsWith("RETR "))
        get(argument, true);
    else if (text.startsWith("STOR "))
        put(argument, true);
    else if (text == "EXIT" || text.startsWith('Q')) {
        note(u"client quit"_s);
        m_state = State::Idle;
        m_socket->disconnectFromHost();
    } else if (text.startsWith('L'))
        list(false);
    else if (text.startsWith("G "))
        get(argument, false);
    else if (text.startsWith("P "))
        put(argument, false);
    else
        note(u"ignored an unknown request (the course's servers do the same)"_s);
}

void ClassicSession::list(bool v2020)
{
    const QList<RemoteFileInfo> entries = m_jail.list();
    if (entries.isEmpty()) {
        send(v2020 ? "FAIL"_ba : "文件库为空"_ba);
        return;
    }
    QByteArray names;
    for (const RemoteFileInfo &entry : entries) {
        if (v2020 && !names.isEmpty())
            names += '\n';
        names += entry.name.toUtf8();
        if (!v2020)
            names += '#';
    }
    send("OK"_ba);
    sendLater(names);
}

void ClassicSession::get(const QString &name, bool v2020)
{
    OpenResult opened = m_jail.openForRead(name);
    if (opened.error != JailError::None) {
        note(u"refused '%1': %2"_s.arg(name, jailErrorString(opened.error)));
        send(v2020 ? "FAIL"_ba : "文件不存在"_ba);
        return;
    }
    m_file = std::move(opened.file);
    m_name = name;
    m_left = m_file->size();
    m_moved = 0;
    m_chunk.resize(kChunkSize);
    m_state = State::Sending;
    send("OK"_ba);
    QTimer::singleShot(kClassicPause, this, [this] {
        note(u"sending %1 bytes of file data, then a pause and \"##\""_s.arg(m_left));
        pump();
    });
}

void ClassicSession::pump()
{
    while (m_state == State::Sending && m_socket->bytesToWrite() < kSendHighWater) {
        if (m_left == 0) {
            m_file.reset();
            m_state = State::Command;
            note(u"sent %1 bytes of file data"_s.arg(m_moved));
            Q_EMIT transferFinished(TransferRecord{m_peer, m_name, false, m_moved, true, {}});
            sendLater(kMarker);
            if (m_socket->bytesAvailable() > 0)
                onReadyRead();
            return;
        }
        const qint64 got = m_file->read(m_chunk.data(), qMin(kChunkSize, m_left));
        if (got <= 0) {
            Q_EMIT transferFinished(TransferRecord{m_peer, m_name, false, m_moved, false, u"read error"_s});
            m_state = State::Idle;
            m_socket->disconnectFromHost();
            return;
        }
        m_socket->write(m_chunk.constData(), got);
        m_left -= got;
        m_moved += got;
    }
}

void ClassicSession::onBytesWritten()
{
    if (m_state == State::Sending && m_moved > 0)
        pump();
}

void ClassicSession::put(const QString &name, bool v2020)
{
    bool exists = false;
    const JailError error = m_jail.checkWritable(name, &exists);
    QString why;
    if (m_options.readOnly)
        why = u"the server is read-only"_s;
    else if (error != JailError::None)
        why = jailErrorString(error);
    else if (exists && !m_options.allowOverwrite)
        why = u"file exists and overwriting is off"_s;
    else if (!m_uploads->claim(name))
        why = u"another client is uploading this name"_s;
    else
        m_claimed = true;
    m_name = name;
    OpenResult opened;
    if (why.isEmpty()) {
        opened = m_jail.openPartial(name, -1);
        if (opened.error != JailError::None || !opened.file->resize(0))
            why = u"cannot create the partial file %1"_s.arg(opened.detail);
    }
    if (!why.isEmpty()) {
        dropUpload();
        note(u"refused upload of '%1': %2"_s.arg(name, why));
        send(v2020 ? "FAIL"_ba : "无法上传"_ba);
        return;
    }
    m_file = std::move(opened.file);
    m_partialPath = m_jail.partialPath(name, -1);
    m_moved = 0;
    m_recorded = 0;
    m_heldMarker = false;
    m_state = State::Receiving;
    send("OK"_ba);
}

// File data until a read that is exactly "##" (or that ends in "##" followed by kClassicEndGrace of quiet).
void ClassicSession::receive(const QByteArray &chunk)
{
    const bool verbatim = m_recorded < kClassicVerbatimBytes || chunk.endsWith(kMarker);
    if (m_transcript && verbatim) {
        m_transcript->append(common::Direction::Received, chunk, m_local, m_peer);
        m_recorded += chunk.size();
    }
    m_endTimer->stop();
    QByteArray data = m_heldMarker ? kMarker + chunk : chunk;
    m_heldMarker = false;
    if (chunk == kMarker) {
        if (data.size() > kMarker.size() && m_file->write(kMarker) == kMarker.size())  // the held "##" was data
            m_moved += kMarker.size();
        finishUpload();
        return;
    }
    if (data.endsWith(kMarker)) {
        data.chop(kMarker.size());
        m_heldMarker = true;
        m_endTimer->start();
    }
    m_moved += data.size();
    if (m_options.maxUploadSize >= 0 && m_moved > m_options.maxUploadSize) {
        note(u"upload exceeds the limit of %1 bytes: closing"_s.arg(m_options.maxUploadSize));
        Q_EMIT transferFinished(TransferRecord{m_peer, m_name, true, m_moved, false, u"too large"_s});
        dropUpload();
        m_state = State::Idle;
        m_socket->disconnectFromHost();
        return;
    }
    if (m_file->write(data) != data.size() || !m_file->flush()) {
        note(u"write failed: %1"_s.arg(m_file->errorString()));
        Q_EMIT transferFinished(TransferRecord{m_peer, m_name, true, m_moved, false, m_file->errorString()});
        dropUpload();
        m_state = State::Idle;
        m_socket->disconnectFromHost();
    }
}

void ClassicSession::finishUpload()
{
    if (m_state != State::Receiving)
        return;
    m_file.reset();
    note(u"received %1 bytes of file data, then \"##\""_s.arg(m_moved));
    QString detail;
    const JailError error = m_jail.commit(m_partialPath, m_name, m_options.allowOverwrite, &detail);
    const bool ok = error == JailError::None;
    if (!ok) {
        QFile::remove(m_partialPath);
        note(u"could not store '%1': %2"_s.arg(m_name, detail.isEmpty() ? jailErrorString(error) : detail));
    }
    Q_EMIT transferFinished(TransferRecord{m_peer, m_name, true, m_moved, ok, ok ? QString() : jailErrorString(error)});
    m_partialPath.clear();
    dropUpload();
    m_state = State::Command;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

// Forgets the upload in progress: the partial file goes (a classic upload cannot be resumed).
void ClassicSession::dropUpload()
{
    m_file.reset();
    if (!m_partialPath.isEmpty())
        QFile::remove(m_partialPath);
    m_partialPath.clear();
    if (m_claimed)
        m_uploads->release(m_name);
    m_claimed = false;
}

void ClassicSession::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    if (m_state == State::Receiving)
        Q_EMIT transferFinished(TransferRecord{m_peer, m_name, true, m_moved, false, u"client left before \"##\""_s});
    m_state = State::Closed;
    m_endTimer->stop();
    dropUpload();
    note(u"client disconnected"_s);
    Q_EMIT finished();
}

} // namespace netcore::files

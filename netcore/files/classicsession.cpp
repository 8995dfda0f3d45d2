#include "netcore/files/classicsession.h"

#include "netcore/common/connectionguard.h"
#include "netcore/files/events.h"
#include "netcore/files/partials.h"

#include <QFile>
#include <QTcpSocket>
#include <QTimer>

#include <cstring>

using namespace Qt::StringLiterals;

namespace netcore::files {
namespace {
const QByteArray kMarker = "##"_ba;
}

ClassicSession::ClassicSession(SessionContext context, QObject *parent)
    : Session(std::move(context), parent)
{
}

ClassicSession::~ClassicSession()
{
    dropUpload();
}

void ClassicSession::onStarted()
{
    m_endTimer = new QTimer(this);
    m_endTimer->setSingleShot(true);
    m_endTimer->setInterval(kClassicEndGrace);
    connect(m_endTimer, &QTimer::timeout, this, &ClassicSession::finishUpload);
    m_state = State::Command;
}

// The course's servers sleep 0.1 s between messages so the client's recv() gets them apart.
void ClassicSession::sendLater(const QByteArray &bytes)
{
    QTimer::singleShot(kClassicPause, this, [this, bytes] { send(bytes); });
}

// One read is one request (as in the course's servers); the next waits while our output is above the bound.
void ClassicSession::onReadyRead()
{
    while (!isClosed() && (m_state == State::Command || m_state == State::Receiving)) {
        if (m_state == State::Command && guard()->readingPaused())
            return;
        const QByteArray chunk = readSome(kReadBufferSize);
        if (chunk.isEmpty())
            return;
        if (m_state == State::Receiving) {
            receive(chunk);
            continue;
        }
        record(common::Direction::Received, chunk);
        handleRequest(chunk);
    }
}

void ClassicSession::onResumed()
{
    onReadyRead();
}

// Command words are case-insensitive (`list`, `g a.txt`), as in the native protocol; a blank read is ignored.
// Only a request we know counts as one for the hello and idle deadlines: a trickle of garbage does not.
void ClassicSession::handleRequest(const QByteArray &request)
{
    const QByteArray text = request.trimmed();
    if (text.isEmpty())
        return;
    const qsizetype space = text.indexOf(' ');
    const QByteArray word = (space < 0 ? text : text.left(space)).toUpper();
    const bool named = space >= 0;
    const QString argument = named ? QString::fromUtf8(text.mid(space + 1)).trimmed() : QString();
    const auto known = [this] {
        guard()->requestDone();
        guard()->helloDone();
        countRequest();
    };
    if (word == "LIST") {
        known();
        list(true);
    } else if (word == "RETR" && named) {
        known();
        get(argument, true);
    } else if (word == "STOR" && named) {
        known();
        put(argument, true);
    } else if (word == "EXIT" || word.startsWith('Q')) {
        known();
        note(Event::ClientQuit);
        m_state = State::Idle;
        close();
    } else if (word.startsWith('L')) {
        known();
        list(false);
    } else if (word == "G" && named) {
        known();
        get(argument, false);
    } else if (word == "P" && named) {
        known();
        put(argument, false);
    } else {
        note(Event::UnknownRequest);
    }
}

void ClassicSession::list(bool v2020)
{
    const QList<RemoteFileInfo> entries = jail().list();
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
    OpenResult opened = jail().openForRead(name);
    if (opened.error != JailError::None) {
        note(Event::Refused, {name, QString::number(int(errorForJail(opened.error)))});
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
        note(Event::ClassicSendingData, {QString::number(m_left)});
        pump();
    });
}

void ClassicSession::pump()
{
    while (m_state == State::Sending && !isClosed() && m_socket->bytesToWrite() < kSendHighWater) {
        if (m_left == 0) {
            m_file.reset();
            guard()->stopRateCheck();
            m_state = State::Command;
            note(Event::SentData, {QString::number(m_moved)});
            report(m_name, false, m_moved);
            sendLater(kMarker);
            if (m_socket->bytesAvailable() > 0)
                onReadyRead();
            return;
        }
        const qint64 got = m_file->read(m_chunk.data(), qMin(kChunkSize, m_left));
        if (got <= 0) {
            report(m_name, false, m_moved, Error::LocalRead, {m_name, {}, 0, m_file->errorString()});
            note(Event::ReadFailedClosed, {m_name});
            m_state = State::Idle;
            close();
            return;
        }
        sendData(m_chunk.constData(), got);
        m_left -= got;
        m_moved += got;
    }
}

void ClassicSession::onBytesWritten(qint64 bytes)
{
    if (m_state == State::Sending && m_moved > 0) {
        guard()->transferProgress(bytes);
        pump();
    }
}

// Why an upload of `name` is refused (None: it may start; the name is then claimed).
Error ClassicSession::refusePut(const QString &name)
{
    bool exists = false;
    const JailError error = jail().checkWritable(name, &exists);
    if (options().readOnly)
        return Error::ReadOnly;
    if (error != JailError::None)
        return errorForJail(error);
    if (exists && !options().allowOverwrite)
        return Error::Exists;
    if (!uploads().claim(name))
        return Error::Busy;
    m_claimed = true;
    return Error::None;
}

void ClassicSession::put(const QString &typed, bool v2020)
{
    QString name;
    QString detail;
    const JailError bad = checkNewName(typed, &name, &detail);
    Error why = bad != JailError::None ? Error::BadName : refusePut(name);
    m_name = bad != JailError::None ? typed : name;
    OpenResult opened;
    if (why == Error::None) {
        m_partialPath = jail().partialPath(name, -1, partials::ownerOf(peerHost()));
        opened = jail().openPartial(m_partialPath, name);
        if (opened.error != JailError::None || !opened.file->resize(0))
            why = Error::NoSpace;
    }
    if (why != Error::None) {
        dropUpload();
        note(Event::Refused, {name, QString::number(int(why))});
        send(v2020 ? "FAIL"_ba : "无法上传"_ba);
        return;
    }
    m_file = std::move(opened.file);
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
    if (verbatim) {
        record(common::Direction::Received, chunk);
        m_recorded += chunk.size();
    }
    m_endTimer->stop();
    QByteArray data = m_heldMarker ? kMarker + chunk : chunk;
    m_heldMarker = false;
    if (chunk == kMarker) {
        if (data.size() > kMarker.size() && writeAll(m_file->handle(), kMarker.constData(), kMarker.size()) == 0)  // the held "##" was data
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
    guard()->transferProgress(chunk.size());
    if (options().maxUploadSize >= 0 && m_moved > options().maxUploadSize) {
        note(Event::UploadTooLargeClosed, {QString::number(options().maxUploadSize)});
        stopUpload(Error::TooLarge, {});
        return;
    }
    if (const int error = writeAll(m_file->handle(), data.constData(), data.size()); error != 0) {
        const QString raw = QString::fromLocal8Bit(std::strerror(error));
        note(Event::Failed, failureArgs(Error::NoSpace, {m_name, {}, error, raw}));
        stopUpload(Error::NoSpace, raw);
    }
}

// An upload that cannot go on: reported, dropped, and the connection closed (the classic protocol cannot say why).
void ClassicSession::stopUpload(Error error, const QString &raw)
{
    report(m_name, true, m_moved, error, {m_name, {}, 0, raw});
    dropUpload();
    m_state = State::Idle;
    close();
}

void ClassicSession::finishUpload()
{
    if (m_state != State::Receiving)
        return;
    m_file.reset();
    guard()->stopRateCheck();
    note(Event::ClassicEndedByMarker, {QString::number(m_moved)});
    QString detail;
    const JailError error = jail().commit(m_partialPath, m_name, options().allowOverwrite, &detail);
    if (error != JailError::None) {
        QFile::remove(m_partialPath);
        note(Event::Failed, failureArgs(errorForJail(error), {m_name, {}, 0, detail}));
    }
    report(m_name, true, m_moved, errorForJail(error), {m_name, {}, 0, detail});
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
        uploads().release(m_name);
    m_claimed = false;
}

void ClassicSession::onClosed()
{
    if (m_state == State::Receiving)
        report(m_name, true, m_moved, Error::ClientLeft, {m_name, {}, 0, {}});
    m_state = State::Idle;
    if (m_endTimer)
        m_endTimer->stop();
    dropUpload();
}

} // namespace netcore::files

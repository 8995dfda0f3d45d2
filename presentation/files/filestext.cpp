#include "presentation/files/filestext.h"

#include "netcore/common/serverload.h"
#include "netcore/files/events.h"
#include "netcore/files/protocol.h"
#include "presentation/common/errnotext.h"
#include "presentation/common/eventtext.h"

#include <QCoreApplication>

using netcore::common::ErrorDetail;
using netcore::files::Error;
using netcore::files::Event;

namespace presentation::files {
namespace {

struct FilesText {
    Q_DECLARE_TR_FUNCTIONS(presentation::files::FilesText)
};

// A sentence of ours, then the other side's (or the library's) words as a quotation.
QString withWords(const QString &sentence, const QString &raw)
{
    return raw.isEmpty() ? sentence : FilesText::tr("%1: “%2”").arg(sentence, raw);
}

// A local file problem: the system's reason from our errno table when there is one, else the library's words.
QString withReason(const QString &sentence, const ErrorDetail &detail)
{
    if (detail.sysError != 0)
        return FilesText::tr("%1 (%2)").arg(sentence, common::errnoText(detail.sysError));
    return withWords(sentence, detail.raw);
}

QString serverText(const ErrorDetail &detail)
{
    return detail.peer.isEmpty() ? FilesText::tr("the server") : detail.peer;
}

QString refusalText(Error error, const ErrorDetail &detail)
{
    switch (error) {
    case Error::BadRequest:
        return withWords(FilesText::tr("the server did not understand the request"), detail.raw);
    case Error::Forbidden:
        return withWords(FilesText::tr("the server does not allow this"), detail.raw);
    case Error::NotFound:
        return FilesText::tr("the server has no such file: %1").arg(detail.path);
    case Error::Exists:
        return FilesText::tr("%1 already exists on the server and overwriting is off").arg(detail.path);
    case Error::TooLarge:
        return FilesText::tr("the file is larger than the server accepts");
    case Error::BadOffset:
        return FilesText::tr("the server's file is shorter than the part already downloaded");
    case Error::ChecksumMismatch:
        return FilesText::tr("verification failed: the SHA-256 of %1 does not match, nothing was kept").arg(detail.path);
    case Error::Busy:
        return FilesText::tr("another client is uploading %1 right now; try again later").arg(detail.path);
    case Error::ServerIo:
        return withWords(FilesText::tr("the server could not read its files"), detail.raw);
    case Error::TooManyClients:
        return FilesText::tr("the server has too many clients; try again later");
    case Error::NoSpace:
        return withWords(FilesText::tr("the file could not be written on the server (is the disk full?)"), detail.raw);
    case Error::Refused:
        return FilesText::tr("the server refused: “%1”").arg(detail.raw);
    default:
        break;
    }
    return {};
}

} // namespace

QString errorText(Error error, const ErrorDetail &detail)
{
    switch (error) {
    case Error::None:
        return FilesText::tr("no error");
    case Error::ConnectFailed:
        return withReason(FilesText::tr("cannot connect to %1").arg(serverText(detail)), detail);
    case Error::ConnectionLost:
        return FilesText::tr("the connection to %1 was lost; try again to resume").arg(serverText(detail));
    case Error::Timeout:
        return FilesText::tr("%1 did not answer in time").arg(serverText(detail));
    case Error::Protocol:
        return withWords(FilesText::tr("%1 does not speak socketeer-files/1 (for a course server choose a classic protocol)")
                             .arg(serverText(detail)), detail.raw);
    case Error::LineTooLong:
        return FilesText::tr("the other side sent a control line longer than %1 bytes").arg(netcore::files::kMaxLineLength);
    case Error::BadRequest:
    case Error::Forbidden:
    case Error::NotFound:
    case Error::Exists:
    case Error::TooLarge:
    case Error::BadOffset:
    case Error::ChecksumMismatch:
    case Error::Busy:
    case Error::ServerIo:
    case Error::TooManyClients:
    case Error::NoSpace:
    case Error::Refused:
        return refusalText(error, detail);
    case Error::LocalOpen:
        return withReason(FilesText::tr("cannot open %1").arg(detail.path), detail);
    case Error::LocalRead:
        return withReason(FilesText::tr("cannot read %1 (did it change meanwhile?)").arg(detail.path), detail);
    case Error::LocalWrite:
        return withReason(FilesText::tr("cannot write %1").arg(detail.path), detail);
    case Error::LocalRename:
        return withReason(FilesText::tr("cannot move the finished download into place as %1").arg(detail.path), detail);
    case Error::ReadOnly:
        return FilesText::tr("the server is read-only: uploads are refused");
    case Error::BadName:
        return FilesText::tr("the name %1 is not allowed in the shared folder").arg(detail.path);
    case Error::ClientLeft:
        return FilesText::tr("the client left before %1 was complete").arg(detail.path);
    case Error::RootMissing:
        return FilesText::tr("the shared folder %1 does not exist or is not a folder").arg(detail.path);
    case Error::ListenFailed:
        return withWords(FilesText::tr("cannot listen on %1").arg(detail.peer), detail.raw);
    case Error::Count:
        break;
    }
    return FilesText::tr("error %1").arg(int(error));
}

QString eventText(const netcore::common::TranscriptEvent &event)
{
    const QStringList &a = event.args;
    switch (Event(event.code)) {
    case Event::Failed: {
        const auto [error, detail] = netcore::files::failureFromArgs(a);
        return FilesText::tr("error: %1").arg(errorText(error, detail));
    }
    case Event::Aborted:
        return FilesText::tr("stopped by the user (the partial file is kept)");
    case Event::ClassicConnected:
        return FilesText::tr("connected (the classic servers send no greeting)");
    case Event::RestartShorterFile:
        return FilesText::tr("the remote file is shorter than the partial download: starting over");
    case Event::RetryDownload:
        return FilesText::tr("the resumed download did not verify: downloading the whole file again");
    case Event::RetryUpload:
        return FilesText::tr("the resumed upload did not verify: uploading the whole file again");
    case Event::HashingPrefix:
        return FilesText::tr("hashing the %1 bytes already here").arg(a.value(0));
    case Event::ResumingDownload:
        return FilesText::tr("resuming the download at byte %1").arg(a.value(0));
    case Event::ResumingUpload:
        return FilesText::tr("resuming the upload at byte %1").arg(a.value(0));
    case Event::ReceivingData:
        return FilesText::tr("receiving %1 bytes of file data").arg(a.value(0));
    case Event::ReceivedData:
        return FilesText::tr("received %1 bytes of file data").arg(a.value(0));
    case Event::SendingData:
        return FilesText::tr("sending %1 bytes of file data").arg(a.value(0));
    case Event::SentData:
        return FilesText::tr("sent %1 bytes of file data").arg(a.value(0));
    case Event::SendingFrom:
        return FilesText::tr("sending %1 bytes of file data (from byte %2)").arg(a.value(0), a.value(1));
    case Event::Verified:
        return FilesText::tr("SHA-256 verified: %1").arg(a.value(0));
    case Event::VerifiedByServer:
        return FilesText::tr("SHA-256 verified by the server: %1").arg(a.value(0));
    case Event::UnexpectedData:
        return FilesText::tr("unexpected data from the server (%1 bytes)").arg(a.value(0));
    case Event::StickyStatus:
        return FilesText::tr("the status “%1” and data arrived in one read (sticky packets)").arg(a.value(0));
    case Event::EmptyListAnswer:
        return FilesText::tr("the server answered “%1”: an empty file list").arg(a.value(0));
    case Event::ClassicSendingData:
        return FilesText::tr("sending %1 bytes of file data, then a pause and “##”").arg(a.value(0));
    case Event::ClassicEndedByMarker:
        return FilesText::tr("received %1 bytes, ended by “##”").arg(a.value(0));
    case Event::ClassicEndedByQuiet:
        return FilesText::tr("received %1 bytes, ended by %2 ms of quiet (no “##” seen)").arg(a.value(0), a.value(1));
    case Event::ClassicSent:
        return FilesText::tr("sent %1 bytes and “##” (a classic server sends no confirmation)").arg(a.value(0));
    case Event::Sharing:
        return FilesText::tr("listening on %1, sharing %2").arg(a.value(0), a.value(1));
    case Event::ClientQuit:
        return FilesText::tr("the client said goodbye");
    case Event::UnknownRequest:
        return FilesText::tr("ignored an unknown request (the course's servers do the same)");
    case Event::Refused: {
        const int code = a.value(1).toInt();
        const Error error = code >= 0 && code < int(Error::Count) ? Error(code) : Error::Refused;
        return FilesText::tr("refused “%1”: %2").arg(a.value(0), errorText(error, {a.value(0), {}, 0, {}}));
    }
    case Event::LineTooLongClosed:
        return FilesText::tr("a control line passed %1 bytes: closed").arg(a.value(0));
    case Event::ReadFailedClosed:
        return FilesText::tr("cannot read the rest of %1: closed").arg(a.value(0));
    case Event::UploadTooLargeClosed:
        return FilesText::tr("the upload passed the limit of %1 bytes: closed").arg(a.value(0));
    case Event::DeadlineClosed:
        switch (netcore::common::Deadline(a.value(0).toInt())) {
        case netcore::common::Deadline::Hello:
            return FilesText::tr("no complete request within %1 ms of connecting: closed").arg(a.value(1));
        case netcore::common::Deadline::Request:
            return FilesText::tr("a request was not complete within %1 ms: closed").arg(a.value(1));
        case netcore::common::Deadline::Idle:
            return FilesText::tr("idle for %1 ms: closed").arg(a.value(1));
        case netcore::common::Deadline::Drain:
            return FilesText::tr("the client took none of the pending output for %1 ms: closed").arg(a.value(1));
        case netcore::common::Deadline::Rate:
            return FilesText::tr("the transfer was slower than the minimum rate over %1 ms: closed").arg(a.value(1));
        case netcore::common::Deadline::Count:
            break;
        }
        return FilesText::tr("a deadline passed: closed");
    case Event::ClientRefusedHostFull:
        return FilesText::tr("refused a connection: its address already has %1 connections").arg(a.value(0));
    case Event::PartialsExpired:
        return FilesText::tr("removed %n unfinished upload(s) nobody resumed in time", nullptr, a.value(0).toInt());
    case Event::Count:
        break;
    }
    return common::unknownEventText(event);
}

} // namespace presentation::files

#pragma once

#include "netcore/common/transcript.h"

// The file transfer's transcript events (both dialects, client and server side). Arguments are data: names,
// numbers, hashes, a peer's verbatim words. presentation::files::eventText() says them. Append only.
namespace netcore::files {

enum class Event : quint16 {
    Failed,                 // {Error as a number, path, raw, errno}: an operation failed (see errors.h)
    Aborted,                // {}: the user dropped the connection (partial files are kept)
    ClassicConnected,       // {}: connected to a classic server (it sends no greeting)
    RestartShorterFile,     // {}: the remote file is shorter than the partial download: starting over
    RetryDownload,          // {}: the resumed download did not verify: downloading it whole again
    RetryUpload,            // {}: the resumed upload did not verify: uploading it whole again
    HashingPrefix,          // {bytes}: hashing what a previous attempt already moved
    ResumingDownload,       // {offset}
    ResumingUpload,         // {offset}
    ReceivingData,          // {bytes}
    ReceivedData,           // {bytes}
    SendingData,            // {bytes}
    SentData,               // {bytes}
    SendingFrom,            // {bytes, offset}: server side, a download from that offset
    Verified,               // {sha256}: the download's hash matches the server's
    VerifiedByServer,       // {sha256}: the server confirmed the upload's hash
    UnexpectedData,         // {bytes}: a classic server sent data nobody asked for
    StickyStatus,           // {status}: a classic status word and data arrived in one read (粘包)
    EmptyListAnswer,        // {status}: a classic server's answer for an empty folder
    ClassicSendingData,     // {bytes}: file data, then a pause and "##"
    ClassicEndedByMarker,   // {bytes}: received, ended by "##"
    ClassicEndedByQuiet,    // {bytes, milliseconds}: received, ended by quiet (no "##")
    ClassicSent,            // {bytes}: sent with "##" (a classic server confirms nothing)
    Sharing,                // {endpoint, folder}: the server listens and shares that folder
    ClientQuit,             // {}: the client said goodbye
    UnknownRequest,         // {}: a classic request we do not know, ignored (as the course's servers do)
    Refused,                // {name, Error as a number}: a classic request refused
    LineTooLongClosed,      // {limit}: a control line passed the limit: closed
    ReadFailedClosed,       // {name}: the served file could not be read to its end: closed
    UploadTooLargeClosed,   // {limit}: a classic upload passed the size limit: closed
    DeadlineClosed,         // {common::Deadline as a number, its interval in ms}: a deadline passed: closed
    ClientRefusedHostFull,  // {limit}: a new connection over the per-address cap was refused
    PartialsExpired,        // {count}: unfinished uploads not written to for too long were removed
    // keep last
    Count
};
constexpr common::EventArea eventAreaOf(Event) { return common::EventArea::Files; }

} // namespace netcore::files

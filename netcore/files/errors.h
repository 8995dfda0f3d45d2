#pragma once

#include "netcore/common/error.h"
#include "netcore/files/pathjail.h"

#include <QStringList>

#include <utility>

// What went wrong in a file transfer, as a fact (both dialects, both sides). The detail (path, peer, errno, the
// server's own words) travels beside it in a netcore::common::ErrorDetail; presentation::files::errorText() says it.
namespace netcore::files {

enum class Error : quint16 {
    None,
    ConnectFailed,      // could not connect (refused, no route, unknown host); raw: the socket's words
    ConnectionLost,     // the other side closed or the network failed mid-operation
    Timeout,            // nothing moved for too long (connecting, or waiting for an answer)
    Protocol,           // the server said something that is not socketeer-files/1; raw: what it said
    LineTooLong,        // a control line longer than kMaxLineLength
    BadRequest,         // ERR 400: the server did not understand us; raw: its words
    Forbidden,          // ERR 403: a name or an action the server does not allow; raw: its words
    NotFound,           // ERR 404 (path: the name)
    Exists,             // ERR 409: the name exists and overwriting is off (path: the name)
    TooLarge,           // ERR 413 / the upload passes the server's size limit
    BadOffset,          // ERR 416: resume offset past the end of the file
    ChecksumMismatch,   // ERR 422 / our own check: the SHA-256 does not match the bytes
    Busy,               // ERR 423: another client is uploading this name
    ServerIo,           // ERR 500: reading or listing failed on the server
    TooManyClients,     // ERR 503
    NoSpace,            // ERR 507: writing failed on the server (disk full, size limit)
    Refused,            // any other refusal (an unknown code, a classic server's answer word): raw
    LocalOpen,          // cannot open the local file (path; raw: the file system's words)
    LocalRead,          // cannot read the local file (path)
    LocalWrite,         // cannot write the local file (path)
    LocalRename,        // cannot move the finished download into place (path, sysError)
    ReadOnly,           // server side: the server is read-only, uploads are refused
    BadName,            // server side: a name the shared folder's jail refuses (path)
    ClientLeft,         // server side: the client left before the transfer ended
    RootMissing,        // server side: the shared folder does not exist or is not a folder (path)
    ListenFailed,       // server side: cannot listen (raw: the socket's words)
    // keep last
    Count
};

// The Error a client reports for an ERR <code> reply.
Error errorForCode(int code);
// The Error a jail refusal stands for (NotFound, Exists, BadName, ServerIo, ...).
Error errorForJail(JailError error);
// The ERR code that carries this Error on the wire (0: none does).
int wireCodeOf(Error error);

// An Error and its detail as the arguments of a transcript's Event::Failed, and back.
QStringList failureArgs(Error error, const common::ErrorDetail &detail);
std::pair<Error, common::ErrorDetail> failureFromArgs(const QStringList &args);

} // namespace netcore::files

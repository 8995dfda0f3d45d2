#pragma once

#include "netcore/common/framing.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// The native file protocol ("socketeer-files/1"), as pure functions: framing and codec, no sockets.
// Grammar and examples: docs/protocols/files.md. In short, every control message is one UTF-8 line
// ending in LF; file bytes follow a line that announces exactly how many there are:
//
//   S: HELLO socketeer-files 1 rw             greeting ("ro" when the server is read-only)
//   C: LIST                                   S: OK <count>, then <count> x  FILE <size> <mtime> <name>
//   C: GET <offset> <name>                    S: OK <size>, then size-offset raw bytes, then END <sha256>
//   C: PUT <size> <name>                      S: READY <offset>; C: size-offset raw bytes, then END <sha256>;
//                                             S: DONE <sha256>
//   C: QUIT                                   S: BYE
//   any failure:                              S: ERR <code> <reason>
//
// The name is always the last field (it may contain spaces). Hashes are SHA-256 of the WHOLE file in
// lower-case hex (END from a client may use upper case), so a resumed transfer is verified end to end.
// Command words are case-insensitive (`list` is LIST); a blank line is ignored (isBlankLine).
namespace netcore::files {

inline constexpr int kProtocolVersion = 1;
inline constexpr quint16 kDefaultPort = 8880;
inline constexpr qsizetype kMaxLineLength = 4096;      // a control line longer than this is an attack or a bug
inline constexpr qsizetype kMaxListEntries = 100'000;  // a LIST reply announcing more is refused
inline constexpr qsizetype kSha256HexLength = 64;

// Error codes, modelled on HTTP so they read at a glance in the wire view.
enum class ErrorCode : int {
    BadRequest = 400,        // malformed line, unknown command, bad number
    Forbidden = 403,         // path trick, hidden name, symbolic link out of the root, read-only server
    NotFound = 404,
    Exists = 409,            // upload would replace a file and overwriting is off
    TooLarge = 413,          // upload larger than the server's limit
    BadOffset = 416,         // download offset past the end of the file
    Busy = 423,              // the same name is being uploaded by another client
    ChecksumMismatch = 422,  // the SHA-256 sent does not match the bytes received
    LineTooLong = 431,
    IoError = 500,           // reading or listing failed on the server
    TooManyClients = 503,
    NoSpace = 507,           // writing failed (disk full, file size limit)
};

bool isKnownErrorCode(int code);

// --- framing ---------------------------------------------------------------------------------------
struct LineFrame {
    common::FrameStatus status = common::FrameStatus::Incomplete;   // never Malformed: any bytes may be a line
    QByteArray line;           // without the LF (and without a CR before it)
    qsizetype frameSize = 0;   // bytes to remove from the buffer (line + terminator)
};

// Looks for one complete line at the start of `buffer`. TooLarge when no LF appears within maxLength bytes.
LineFrame takeLine(const QByteArray &buffer, qsizetype maxLength = kMaxLineLength);

// --- requests (client -> server) --------------------------------------------------------------------
enum class Command { List, Get, Put, End, Quit };

struct Request {
    Command command = Command::List;
    QString name;        // Get, Put
    qint64 offset = 0;   // Get
    qint64 size = 0;     // Put
    QByteArray sha256;   // End: 64 hex digits, lower-cased by parseRequest
    friend bool operator==(const Request &, const Request &) = default;
};

struct RequestParse {
    std::optional<Request> request;
    ErrorCode error = ErrorCode::BadRequest;
    QString reason;      // English, for the ERR line
};

RequestParse parseRequest(const QByteArray &line);
// An empty line or one of spaces and tabs only: the server ignores it (no answer).
bool isBlankLine(const QByteArray &line);
QByteArray formatRequest(const Request &request);   // with the LF

// --- replies (server -> client) ---------------------------------------------------------------------
enum class ReplyKind { Hello, Ok, File, Ready, End, Done, Error, Bye };

struct Reply {
    ReplyKind kind = ReplyKind::Ok;
    qint64 number = 0;    // Hello: version; Ok: count or size; File: size; Ready: offset; Error: code
    qint64 mtime = 0;     // File: seconds since the Unix epoch (UTC)
    bool readOnly = false;// Hello
    QString text;         // File: name; Error: reason
    QByteArray sha256;    // End, Done
    friend bool operator==(const Reply &, const Reply &) = default;
};

std::optional<Reply> parseReply(const QByteArray &line);
QByteArray formatReply(const Reply &reply);         // with the LF

// Convenience builders.
QByteArray errorLine(ErrorCode code, const QString &reason);

// True for exactly 64 lower-case hex digits.
bool isSha256Hex(const QByteArray &hex);

} // namespace netcore::files

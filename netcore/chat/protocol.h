#pragma once

// The native chat protocol (docs/protocols/chat.md): TCP, UTF-8 text lines ending in "\n" ("\r\n" accepted),
// so that nc and telnet are complete clients.
//
//   client -> server                      server -> client
//   NICK <name>                           OK <name>               (then USERS ...)
//   MSG <text>                            ERR <code> [<reason>]
//   TO <name> <text>                      MSG <from> <text>       (to everyone, the sender included)
//   WHO                                   PRIV <from> <to> <text> (to the recipient and the sender)
//   PING [<token>]                        USERS [<name> ...]
//   PONG [<token>]                        JOIN <name>
//   QUIT [<reason>]                       LEAVE <name> <reason>   (quit, lost, timeout, too-slow, shutdown)
//                                         SYS <text>              (server operator, notices)
//                                         PING [<token>] / PONG [<token>]
//
// Command words are case-insensitive. Names: normalised to NFC, 1-32 characters, no whitespace, no control,
// invisible or bidi characters (common::checkName), not containing the course's reserved "管理员"; unique
// regardless of case and normalisation form (compared with common::nameKey).
// A line longer than kMaxLineBytes is answered with "ERR line-too-long" and dropped; the connection survives.
//
// Everything here is pure (no sockets): the server and the client feed bytes in and get messages out.

#include "netcore/common/framing.h"
#include "netcore/common/names.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

namespace netcore::chat {

inline constexpr qsizetype kMaxLineBytes = 8 * 1024;   // a line's content, the terminator not counted
// The server's relays prefix a client's text with names ("MSG <from> ", "PRIV <from> <to> "): a client
// accepts server lines this much longer.
inline constexpr qsizetype kMaxServerLineBytes = kMaxLineBytes + 512;
inline constexpr qsizetype kMaxNameLength = 32;        // Unicode code points
inline constexpr quint16 kDefaultPort = 8888;
inline constexpr int kDefaultMaxClients = 1000;

// The reserved operator name of the course's servers (管理员, "administrator"): nobody may take it.
QString operatorName();

enum class Command : quint8 { Nick, Ok, Err, Msg, To, Priv, Who, Users, Join, Leave, Sys, Ping, Pong, Quit };

// Who wrote the line: MSG means "MSG <text>" from a client and "MSG <from> <text>" from the server.
enum class Origin : quint8 { Client, Server };

// One protocol line. Which fields a command uses:
//   NICK, OK, JOIN: name · LEAVE: name, code (the reason word) · ERR: code, text · SYS: text
//   MSG: text (+ name = sender, from the server) · TO: name (recipient), text · PRIV: name (sender), target, text
//   USERS: names · PING, PONG: text (optional token) · QUIT: text (optional reason) · WHO: nothing
struct Message {
    Command command = Command::Sys;
    QString name;
    QString target;
    QString code;
    QString text;
    QStringList names;

    friend bool operator==(const Message &, const Message &) = default;
};

// Machine codes of ERR lines and LEAVE reasons.
namespace codes {
inline constexpr auto NameTaken = "name-taken";
inline constexpr auto NameInvalid = "name-invalid";
inline constexpr auto NotJoined = "not-joined";
inline constexpr auto AlreadyJoined = "already-joined";
inline constexpr auto NoSuchUser = "no-such-user";
inline constexpr auto ServerFull = "server-full";
inline constexpr auto HostFull = "host-full";
inline constexpr auto Timeout = "timeout";
inline constexpr auto UnknownCommand = "unknown-command";
inline constexpr auto Malformed = "malformed";
inline constexpr auto InvalidUtf8 = "invalid-utf8";
inline constexpr auto LineTooLong = "line-too-long";
} // namespace codes

// Why someone left the room. On the wire it is the LEAVE line's reason word (leaveReasonToken()).
enum class LeaveReason : quint8 {
    Quit,      // "quit": they asked to leave
    Lost,      // "lost": the connection dropped (or the server operator closed it)
    Timeout,   // "timeout": silent too long
    TooSlow,   // "too-slow": could not keep up with the room
    Shutdown,  // "shutdown": the server is stopping
    // keep last
    Count
};
// The documented reason word of a LEAVE line.
const char *leaveReasonToken(LeaveReason reason);
// The reason a LEAVE word names; nullopt for a word this protocol does not document (a foreign server's).
std::optional<LeaveReason> leaveReasonFromToken(QStringView token);

enum class DecodeStatus : quint8 {
    Ok,
    Empty,           // a blank line (ignored by the server)
    UnknownCommand,  // not a command of this origin
    Malformed,       // missing or extra arguments, control characters in text
    InvalidUtf8,
    InvalidName,     // a name argument breaks the name rules (see NameProblem)
    TooLong,
};

struct Decoded {
    DecodeStatus status = DecodeStatus::Empty;
    Message message;
    QString detail;  // English, for ERR reasons and transcripts
};

// Decodes one line without its "\n" (a trailing "\r" is dropped).
Decoded decode(QByteArrayView line, Origin origin);
// Encodes one line with its "\n". The message must be valid for the origin (checked by Q_ASSERT).
QByteArray encode(const Message &message, Origin origin);

// The code sent in an ERR answer to a line that decoded with `status` (Ok and Empty have none).
const char *errorCode(DecodeStatus status);

// Why a name is refused. Invisible: zero-width and other format characters; Bidi: direction controls;
// Unassigned: code points that are no character (common::NameProblem).
enum class NameProblem : quint8 { None, Empty, TooLong, Whitespace, Control, Invisible, Bidi, Unassigned, Reserved };
// Checks the NFC form of `name` (what normalizedName() gives).
NameProblem checkName(const QString &name);
inline bool isValidName(const QString &name) { return checkName(name) == NameProblem::None; }
// The form a name is kept and relayed in: NFC.
QString normalizedName(const QString &name);
// The English reason for an ERR name-invalid line ("names cannot contain invisible characters (U+200B)").
QString nameProblemDetail(const QString &name);
// The key names are compared by (NFC + case folding): "Bob", "BOB" and "bob" are the same user.
QString nameKey(const QString &name);
// Text from a peer made safe to show on one line: split at every line break (CR, LF, CRLF, NEL, U+2028/9),
// terminal escape sequences (ESC ...) removed, every other control character except TAB removed; lines
// with nothing visible dropped. What classic text becomes before it is relayed, to either kind of client.
QStringList safeLines(const QString &text);
// The text with every control character (other than TAB) replaced by a space (what the client sends).
QString withoutControlCharacters(QString text);
// The longest line (content) a peer of `origin` may send.
constexpr qsizetype maxLineBytes(Origin origin)
{
    return origin == Origin::Server ? kMaxServerLineBytes : kMaxLineBytes;
}

// Splits a byte stream into lines of at most maxLineBytes (terminator excluded): next() says Ok with a line,
// Incomplete when no whole line is buffered, or TooLarge once for an overlong line, whose bytes are then skipped
// up to the next "\n", so one huge line never fills memory (the stream resynchronises at the next line).
class LineBuffer
{
public:
    struct Result {
        common::FrameStatus status = common::FrameStatus::Incomplete;
        QByteArray line;  // Ok: the content without "\n" (and without a trailing "\r")
    };

    explicit LineBuffer(qsizetype maxLineBytes = kMaxLineBytes);

    void append(QByteArrayView bytes);
    Result next();
    qsizetype buffered() const { return m_buffer.size() - m_pos; }
    // A line has begun and not ended (bytes held, or an overlong line still being skipped).
    bool midLine() const { return m_discarding || buffered() > 0; }
    void clear();

private:
    void compact();

    qsizetype m_maxLineBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;      // start of the unread part
    qsizetype m_scanned = 0;  // bytes after m_pos already known to hold no "\n"
    bool m_discarding = false;
};

} // namespace netcore::chat

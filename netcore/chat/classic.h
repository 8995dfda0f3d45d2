#pragma once

// The course's classic chat room (docs/protocols/chat.md, "Classic UDP"): one UTF-8 datagram per message,
// no terminator, users keyed by the source address of their login.
//
//   client -> server          server -> client   (letters case-insensitive: l, c, q, e work too)
//   L <name>                  OK | ok | Ok            (login accepted, to the sender only)
//   C <name> <text>           FAIL | 该用户已存在 | 用户名存在 | any other text  (login refused)
//   Q <name>  (2018/19)       "\n欢迎 <name> 进入聊天室"         (to everyone else)
//   E <name>  (2020)          "\n<name> : <text>" | "<name> 说: <text>"
//                             "\n<name> 退出了聊天室" | "... 离开了聊天室"
//                             EXIT                    (2019: to the one who left)
//
// Pure functions: the server and the client build and read datagrams with these.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace netcore::chat::classic {

// The course's servers read with recvfrom(1024): what a classic peer is sure to receive whole.
inline constexpr qsizetype kCourseDatagramBytes = 1024;
// What Socketeer's server accepts in one datagram (like a native line).
inline constexpr qsizetype kMaxDatagramBytes = 8 * 1024;

// --- client -> server ---
enum class RequestKind : quint8 { Login, Chat, Quit };

struct Request {
    RequestKind kind = RequestKind::Login;
    QString name;
    QString text;       // Chat only: everything after the second space
    char word = 'L';    // the letter used, upper-cased: L, C, Q or E
};

enum class ParseError : quint8 { None, Empty, InvalidUtf8, UnknownKind, MissingName, TooLong };

// Reads a datagram a classic client sent. On failure returns nullopt and sets *error.
std::optional<Request> parseRequest(QByteArrayView datagram, ParseError *error = nullptr);

// Which letter leaves the room: 'Q' (2018/19 servers) or 'E' (2020 servers).
enum class QuitWord : quint8 { Q, E };

QByteArray loginRequest(const QString &name);
QByteArray chatRequest(const QString &name, const QString &text);
QByteArray quitRequest(const QString &name, QuitWord word);

// --- server -> client ---
QByteArray okReply();       // "OK"
QByteArray failReply();     // "FAIL" (2020); earlier servers sent free text, every course client shows it
QByteArray exitReply();     // "EXIT"
QByteArray welcomeNotice(const QString &name);                 // "\n欢迎 <name> 进入聊天室"
QByteArray chatNotice(const QString &from, const QString &text); // "\n<from> : <text>" (text: one safe line)
QByteArray privateNotice(const QString &from, const QString &text); // "\n<from> 私聊: <text>"
QByteArray leaveNotice(const QString &name);                   // "\n<name> 退出了聊天室"

// --- what a classic client makes of the server's datagrams ---
enum class LoginAnswer : quint8 { Accepted, NameTaken, Refused };
// Any spelling of OK is acceptance; FAIL and the "exists" texts mean the name is taken; other text is a refusal.
LoginAnswer classifyLoginReply(const QString &reply);

struct Notice {
    enum class Kind : quint8 { Join, Leave, Chat, Private, Operator, Exit, Text };
    Kind kind = Kind::Text;
    QString name;   // Join, Leave, Chat, Private: the user
    QString text;   // Chat, Private, Operator: the text; Text: the whole datagram
};
Notice parseNotice(const QString &datagram);

} // namespace netcore::chat::classic

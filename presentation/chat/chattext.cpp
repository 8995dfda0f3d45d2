#include "presentation/chat/chattext.h"

#include "netcore/chat/events.h"
#include "presentation/common/eventtext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using netcore::chat::ChatClient;
using netcore::chat::ChatEvent;
using netcore::chat::ChatServer;
using netcore::chat::Event;
using netcore::chat::LeaveReason;

namespace presentation::chat {
namespace {

// lupdate reads the context from this class: presentation::chat::ChatText.
struct ChatText {
    Q_DECLARE_TR_FUNCTIONS(presentation::chat::ChatText)
};

QString unreadableLineText(const QString &problem)
{
    if (problem == QLatin1StringView(netcore::chat::codes::Malformed))
        return ChatText::tr("the server sent a line this client cannot read (malformed); it was ignored");
    if (problem == QLatin1StringView(netcore::chat::codes::InvalidUtf8))
        return ChatText::tr("the server sent a line that is not UTF-8; it was ignored");
    if (problem == QLatin1StringView(netcore::chat::codes::UnknownCommand))
        return ChatText::tr("the server sent an unknown command; it was ignored");
    if (problem == QLatin1StringView(netcore::chat::codes::NameInvalid))
        return ChatText::tr("the server sent a line with an invalid name; it was ignored");
    return ChatText::tr("the server sent a line this client cannot read (%1); it was ignored").arg(problem);
}

} // namespace

QString eventText(const netcore::common::TranscriptEvent &event)
{
    const QStringList &args = event.args;
    switch (Event(event.code)) {
    case Event::ClassicConnecting:
        return ChatText::tr("sending classic UDP datagrams to %1").arg(args.value(0));
    case Event::ServerLineTooLong:
        return ChatText::tr("the server sent a line longer than %1 bytes; it was dropped").arg(args.value(0));
    case Event::UnreadableServerLine:
        return unreadableLineText(args.value(0));
    case Event::ClientClosing:
        return ChatText::tr("closing the connection once the queued lines are out");
    case Event::ClientAborted:
        return ChatText::tr("closed the connection at once");
    case Event::ClientRefusedHostFull:
        return ChatText::tr("refused: %1 clients from this address already").arg(args.value(0));
    case Event::DatagramEmpty:
        return ChatText::tr("an empty datagram: ignored");
    case Event::DatagramInvalidUtf8:
        return ChatText::tr("a datagram that is not UTF-8: ignored");
    case Event::DatagramUnknownKind:
        return ChatText::tr("a datagram that is not L, C, Q or E: ignored");
    case Event::DatagramMissingName:
        return ChatText::tr("a datagram without a name: ignored");
    case Event::DatagramTooLong:
        return ChatText::tr("a datagram longer than %1 bytes: ignored").arg(args.value(0));
    case Event::ChatFromUnknown:
        return ChatText::tr("a chat datagram from an address that has not logged in: ignored");
    case Event::QuitFromUnknown:
        return ChatText::tr("a quit datagram from an address that has not logged in: ignored");
    case Event::Count:
        break;
    }
    return common::unknownEventText(event);
}

QString errorText(ChatClient::Error error, const netcore::common::ErrorDetail &detail, const QString &name)
{
    switch (error) {
    case ChatClient::Error::None:
        return ChatText::tr("No error.");
    case ChatClient::Error::NameInvalid:
        return ChatText::tr("That name cannot be used: a name has 1 to 32 characters, no spaces, and may not contain 管理员.");
    case ChatClient::Error::NameTaken:
        if (!name.isEmpty())
            return ChatText::tr("Someone in the room already has that name, %1. Choose another name and connect again.").arg(name);
        return ChatText::tr("Someone in the room already has that name. Choose another name and connect again.");
    case ChatClient::Error::LoginRefused:
        return ChatText::tr("The server refused the login and said: %1").arg(detail.raw);
    case ChatClient::Error::ServerFull:
        return ChatText::tr("The room is full. Try again later, or ask whoever runs the server to allow more clients.");
    case ChatClient::Error::ConnectionRefused:
        return ChatText::tr("Nobody is listening at %1. Is the server running, and are the port and the mode right?")
            .arg(detail.peer);
    case ChatClient::Error::HostNotFound:
        return ChatText::tr("The server %1 could not be found. Check the host name's spelling.").arg(detail.peer);
    case ChatClient::Error::NoAnswer:
        return ChatText::tr("The server did not answer the login. Check the host, the port and the mode (native or classic UDP).");
    case ChatClient::Error::Timeout:
        return ChatText::tr("The server did not answer in time.");
    case ChatClient::Error::Lost:
        return ChatText::tr("The connection to the server was lost. Connect again to rejoin.");
    case ChatClient::Error::Network:
        return ChatText::tr("Network error: %1").arg(detail.raw);
    case ChatClient::Error::Count:
        break;
    }
    return ChatText::tr("Unknown chat error %1.").arg(int(error));
}

QString errorText(ChatServer::Error error, const netcore::common::ErrorDetail &detail)
{
    switch (error) {
    case ChatServer::Error::AddressInUse:
        return ChatText::tr("%1 is already in use. Choose another port (0 picks a free one).").arg(detail.peer);
    case ChatServer::Error::UdpAddressInUse:
        return ChatText::tr("The UDP port of %1 is taken (the classic protocol uses the TCP port's number). Choose another port, or leave the classic protocol off.")
            .arg(detail.peer);
    case ChatServer::Error::AccessDenied:
        return ChatText::tr("Not allowed to listen on %1: ports below 1024 need administrator rights. Choose a higher port.")
            .arg(detail.peer);
    case ChatServer::Error::AddressNotAvailable:
        return ChatText::tr("Cannot listen on %1: that address is not one of this computer's.").arg(detail.peer);
    case ChatServer::Error::ListenFailed:
        return ChatText::tr("Cannot listen on %1: %2").arg(detail.peer, detail.raw);
    case ChatServer::Error::Count:
        break;
    }
    return ChatText::tr("Unknown chat server error %1.").arg(int(error));
}

QString sendResultText(ChatClient::SendResult result)
{
    switch (result) {
    case ChatClient::SendResult::NotJoined: return ChatText::tr("Join a room first.");
    case ChatClient::SendResult::Empty: return ChatText::tr("Nothing was sent: write /to NAME followed by the message.");
    case ChatClient::SendResult::TooLong: return ChatText::tr("The message is too long: a line holds at most 8 KiB.");
    case ChatClient::SendResult::Unsupported:
        return ChatText::tr("Private messages need the native protocol; the classic UDP servers have none.");
    case ChatClient::SendResult::Sent: return ChatText::tr("Sent.");
    case ChatClient::SendResult::Count: break;
    }
    return {};
}

QString requestFailedText(const QString &code, const QString &text)
{
    if (code == QLatin1StringView(netcore::chat::codes::NoSuchUser))
        return ChatText::tr("Nobody in the room has that name; the private message was not sent.");
    return ChatText::tr("The server refused that: %1").arg(text.isEmpty() ? code : text);
}

QString leaveReasonText(LeaveReason reason)
{
    switch (reason) {
    case LeaveReason::Quit: return ChatText::tr("left");
    case LeaveReason::Lost: return ChatText::tr("connection lost");
    case LeaveReason::Timeout: return ChatText::tr("idle too long");
    case LeaveReason::TooSlow: return ChatText::tr("too slow to keep up");
    case LeaveReason::Shutdown: return ChatText::tr("server stopped");
    case LeaveReason::Count: break;
    }
    return ChatText::tr("reason %1").arg(int(reason));
}

QString leaveReasonText(const QString &token)
{
    const std::optional<LeaveReason> reason = netcore::chat::leaveReasonFromToken(token);
    return reason ? leaveReasonText(*reason) : token;
}

QString roomEventText(const ChatEvent &e)
{
    switch (e.kind) {
    case ChatEvent::Kind::Message: return e.from + u": "_s + e.text;
    case ChatEvent::Kind::Private:
        return e.own ? ChatText::tr("(private to %1) %2").arg(e.to, e.text) : ChatText::tr("(private from %1) %2").arg(e.from, e.text);
    case ChatEvent::Kind::Join: return ChatText::tr("%1 joined the room").arg(e.from);
    case ChatEvent::Kind::Leave:
        return e.reason.isEmpty() ? ChatText::tr("%1 left the room").arg(e.from)
                                  : ChatText::tr("%1 left the room (%2)").arg(e.from, leaveReasonText(e.reason));
    case ChatEvent::Kind::System: return ChatText::tr("Server: %1").arg(e.text);
    case ChatEvent::Kind::Operator: return ChatText::tr("Operator (管理员): %1").arg(e.text);
    case ChatEvent::Kind::Notice: return e.text;
    }
    return e.text;
}

} // namespace presentation::chat

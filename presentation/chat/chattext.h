#pragma once

#include "netcore/chat/chatclient.h"
#include "netcore/chat/chatserver.h"
#include "netcore/common/error.h"
#include "netcore/common/transcript.h"

#include <QString>

// The chat capability's facts as translated sentences, the same words for the Chat tab and `socketeer chat`:
// its transcript events (netcore::chat::Event), its errors, the leave reasons and the room's events.
namespace presentation::chat {

QString eventText(const netcore::common::TranscriptEvent &event);

// Why the session ended, with what to try (detail: peer "host:port", raw: the server's or the socket's words;
// name: the name the user asked for, when known).
QString errorText(netcore::chat::ChatClient::Error error, const netcore::common::ErrorDetail &detail,
                  const QString &name = {});
// Why the server could not start (detail: peer "address:port" it tried, raw: the socket's words).
QString errorText(netcore::chat::ChatServer::Error error, const netcore::common::ErrorDetail &detail);
// Why a message was not sent (empty for Sent).
QString sendResultText(netcore::chat::ChatClient::SendResult result);
// The server refused one request (code: the ERR code word, text: its reason, verbatim).
QString requestFailedText(const QString &code, const QString &text);

QString leaveReasonText(netcore::chat::LeaveReason reason);
// A LEAVE reason word as the server sent it: a documented one translated, any other one verbatim.
QString leaveReasonText(const QString &token);
// A room event that is not a message's text itself: "bob joined the room", "Server: …" (Message: "from: text").
QString roomEventText(const netcore::chat::ChatEvent &event);

} // namespace presentation::chat

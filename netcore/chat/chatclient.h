#pragma once

#include "netcore/chat/classic.h"
#include "netcore/chat/protocol.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>

class QTcpSocket;
class QTimer;
class QUdpSocket;

namespace netcore::common { class Transcript; }

namespace netcore::chat {

// Something that happened in the room, as the client saw it.
struct ChatEvent {
    enum class Kind : quint8 {
        Message,   // from: sender, text
        Private,   // from, to, text
        Join,      // from: who joined
        Leave,     // from: who left, reason: quit, lost, timeout, too-slow, shutdown ("" when a classic server does not say)
        System,    // text: a server notice (native SYS)
        Operator,  // text: the server operator (classic: a chat line from 管理员)
        Notice,    // text: a datagram a classic server sent that matches no known form
    };
    Kind kind = Kind::Message;
    QString from;
    QString to;
    QString text;
    QString reason;
    bool own = false;   // sent by this client
    QDateTime time;     // when it arrived (local time)
};

// A chat-room client: the native TCP protocol (protocol.h) or the course's classic UDP protocol (classic.h),
// accepting every reply variant of the course's servers. Owns its socket; records every byte into the
// transcript when one is set. A remote close after joining is a fact (Error::Lost), not a crash.
class ChatClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatClient)

public:
    enum class Mode : quint8 { Native, Classic, Classic2020 };   // Classic leaves with "Q", Classic2020 with "E"
    enum class State : quint8 { Disconnected, Connecting, Joining, Joined, Leaving };
    enum class Error : quint8 {
        None,
        NameInvalid,       // the name breaks the rules (checked before sending, or said by the server)
        NameTaken,         // someone in the room has it (any case)
        LoginRefused,      // a classic server answered the login with something other than OK; see errorString()
        ServerFull,
        ConnectionRefused, // nobody listens there (TCP reset, or ICMP port unreachable for UDP)
        HostNotFound,
        NoAnswer,          // classic: no reply to the login in time
        Timeout,           // TCP connect or NICK answer took too long
        Lost,              // the connection ended without us asking
        Network,           // any other socket error; see errorString()
    };
    enum class SendResult : quint8 { Sent, NotJoined, Empty, TooLong, Unsupported };

    static constexpr std::chrono::milliseconds kConnectTimeout{std::chrono::seconds(10)};
    static constexpr std::chrono::milliseconds kClassicReplyTimeout{std::chrono::seconds(3)};

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    void setTranscript(common::Transcript *transcript);
    common::Transcript *transcript() const;

    void connectToServer(const QString &host, quint16 port, const QString &name, Mode mode);
    void reconnect();                   // the last connectToServer() again
    void disconnectFromServer();        // QUIT (native) or Q/E (classic), then closes

    // A message to everyone. Native: one MSG per line of text; classic: one C datagram.
    SendResult sendMessage(const QString &text);
    // A private message (native only).
    SendResult sendPrivate(const QString &to, const QString &text);
    void requestUsers();                // native WHO; the answer updates users()

    State state() const { return m_state; }
    Mode mode() const { return m_mode; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }   // details from the server or the socket
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString name() const { return m_name; }
    QStringList users() const { return m_users; }            // classic: everyone seen since joining

Q_SIGNALS:
    void stateChanged(netcore::chat::ChatClient::State state);
    void eventReceived(const netcore::chat::ChatEvent &event);
    void usersChanged(const QStringList &users);
    // The session ended (or never started) because of `error`.
    void errorOccurred(netcore::chat::ChatClient::Error error);
    // The server refused one request but the session goes on (native ERR after joining: no-such-user, ...).
    void requestFailed(const QString &code, const QString &text);

private:
    // native (chatclient.cpp)
    void startNative();
    void onTcpConnected();
    void onTcpReadyRead();
    void onTcpDisconnected();
    void onTcpError();
    void handleLine(const QByteArray &line);
    void handleServerMessage(const Message &message);
    void handleError(const Message &message);
    void sendLine(const Message &message);
    // classic (chatclient_classic.cpp)
    void startClassic();
    void onUdpConnected();
    void onUdpReadyRead();
    void onUdpError();
    void handleDatagram(const QByteArray &datagram);
    void handleNotice(const classic::Notice &notice);
    void sendDatagram(const QByteArray &datagram);
    SendResult sendClassicMessage(const QString &text);
    // shared
    void setState(State state);
    void fail(Error error, const QString &detail = {});
    void closeSockets();
    void onTimeout();
    void emitEvent(ChatEvent event);
    void setUsers(const QStringList &users);
    void addUser(const QString &name);
    void removeUser(const QString &name);
    void record(const QString &event);
    QString local() const;
    QString peer() const;

    QPointer<common::Transcript> m_transcript;
    QTcpSocket *m_tcp = nullptr;
    QUdpSocket *m_udp = nullptr;
    QTimer *m_timer = nullptr;
    LineBuffer m_lines{kMaxServerLineBytes};
    State m_state = State::Disconnected;
    Mode m_mode = Mode::Native;
    Error m_error = Error::None;
    QString m_errorString;
    QString m_host;
    quint16 m_port = 0;
    QString m_name;
    QStringList m_users;
};

} // namespace netcore::chat

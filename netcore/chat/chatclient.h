#pragma once

#include "netcore/common/error.h"
#include "netcore/common/transcript.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <chrono>

class QTimer;

namespace netcore::chat {

class ClientDialect;

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
// accepting every reply variant of the course's servers. The dialect is chosen once, in connectToServer(), as a
// ClientDialect (chatclient_p.h) that owns its socket; the methods below never branch on it (Quassel's RemotePeer
// rule). Records every byte into the transcript when one is set. A remote close after joining is a fact
// (Error::Lost), not a crash.
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
        LoginRefused,      // a classic server answered the login with something other than OK; errorDetail().raw
        ServerFull,
        ConnectionRefused, // nobody listens there (TCP reset, or ICMP port unreachable for UDP)
        HostNotFound,
        NoAnswer,          // classic: no reply to the login in time
        Timeout,           // TCP connect or NICK answer took too long
        Lost,              // the connection ended without us asking
        Network,           // any other socket error; errorDetail().raw has the socket's words
        // keep last
        Count
    };
    enum class SendResult : quint8 { Sent, NotJoined, Empty, TooLong, Unsupported, Count };

    static constexpr std::chrono::milliseconds kConnectTimeout{std::chrono::seconds(10)};
    static constexpr std::chrono::milliseconds kClassicReplyTimeout{std::chrono::seconds(3)};

    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    void setTranscript(common::Transcript *transcript);

    void connectToServer(const QString &host, quint16 port, const QString &name, Mode mode);
    void reconnect();                   // the last connectToServer() again
    void disconnectFromServer();        // says goodbye as the dialect does (QUIT, Q or E), then closes

    // A message to everyone. Native: one MSG per line of text; classic: one C datagram.
    SendResult sendMessage(const QString &text);
    // A private message (Unsupported when the dialect has none, see supportsPrivateMessages()).
    SendResult sendPrivate(const QString &to, const QString &text);
    bool supportsPrivateMessages() const;
    void requestUsers();                // asks for the list when the dialect can; the answer updates users()

    State state() const { return m_state; }
    Mode mode() const { return m_mode; }
    Error error() const { return m_error; }
    // The last error's detail: peer (host:port), raw (the server's or the socket's words), sysError.
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }
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
    // The server refused one request but the session goes on (native ERR after joining: no-such-user, ...):
    // code is the ERR code word, text the server's reason (verbatim).
    void requestFailed(const QString &code, const QString &text);

private:
    friend class ClientDialect;

    void setState(State state);
    void fail(Error error, const QString &raw = {}, int sysError = 0);
    void closeDialect();
    void finishLeaving();
    void onTimeout();
    void emitEvent(ChatEvent event);
    void setUsers(const QStringList &users);
    void addUser(const QString &name);
    void removeUser(const QString &name);
    template <typename E>
    void record(E code, const QStringList &args = {})
    {
        if (m_transcript)
            m_transcript->appendEvent(code, args, local(), peer());
    }
    QString local() const;
    QString peer() const;

    QPointer<common::Transcript> m_transcript;
    ClientDialect *m_dialect = nullptr;
    QTimer *m_timer = nullptr;
    State m_state = State::Disconnected;
    Mode m_mode = Mode::Native;
    Error m_error = Error::None;
    common::ErrorDetail m_errorDetail;
    QString m_host;
    quint16 m_port = 0;
    QString m_name;
    QStringList m_users;
};

} // namespace netcore::chat

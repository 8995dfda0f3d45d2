#pragma once

// ChatClient's wire dialects (private to netcore/chat). One object per connection, chosen once in
// ChatClient::connectToServer(); ChatClient's public methods call it and never branch on the dialect.

#include "netcore/chat/chatclient.h"
#include "netcore/chat/classic.h"
#include "netcore/chat/protocol.h"

#include <QObject>

class QAbstractSocket;
class QTcpSocket;
class QUdpSocket;

namespace netcore::chat {

// What every dialect does with its one socket (TCP or UDP); the dialects only speak their protocol.
class ClientDialect : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientDialect)

public:
    ~ClientDialect() override;

    // Connects to the client's host and port and logs in as its name.
    virtual void start() = 0;
    // Says goodbye (the client is Leaving). True when it waits for the server to close (then finishLeaving()).
    virtual bool leave(bool wasJoined) = 0;
    // text is trimmed and not empty; the client is Joined.
    virtual ChatClient::SendResult sendMessage(const QString &text) = 0;
    virtual ChatClient::SendResult sendPrivate(const QString &to, const QString &text);
    virtual bool supportsPrivateMessages() const { return false; }
    // True when the server tells the whole room on joining (native: OK then USERS): the list then comes from it,
    // not from our own name first (a room of one that a terminal would print before the real list arrives).
    virtual bool serverListsRoom() const { return false; }
    virtual void requestUsers() {}
    // What a connect or login that took longer than the client's timer means.
    virtual ChatClient::Error timeoutError() const { return ChatClient::Error::Timeout; }

    // Drops the socket without a goodbye and records Closed; the dialect is inert afterwards.
    void close();
    bool isClosed() const { return m_closed; }
    QString local() const;
    QString peer() const;

protected:
    ClientDialect(ChatClient &client, QAbstractSocket *socket);

    // What the dialects report through (ChatClient's friend).
    ChatClient::State state() const { return m_client.m_state; }
    QString name() const { return m_client.m_name; }
    void setName(const QString &name) { m_client.m_name = name; }
    void setState(ChatClient::State state) { m_client.setState(state); }
    void joined();   // the login was accepted
    void fail(ChatClient::Error error, const QString &raw = {}, int sysError = 0) { m_client.fail(error, raw, sysError); }
    void finishLeaving() { m_client.finishLeaving(); }
    void startTimer(std::chrono::milliseconds timeout);
    void stopTimer();
    void emitEvent(const ChatEvent &event) { m_client.emitEvent(event); }
    void setUsers(const QStringList &users) { m_client.setUsers(users); }
    void addUser(const QString &user) { m_client.addUser(user); }
    void removeUser(const QString &user) { m_client.removeUser(user); }
    void requestFailed(const QString &code, const QString &text) { Q_EMIT m_client.requestFailed(code, text); }
    template <typename E>
    void record(E code, const QStringList &args = {}) { m_client.record(code, args); }
    void recordBytes(common::Direction direction, const QByteArray &bytes);
    // The client's error for a socket error (RemoteHostClosed is not handled here).
    void failOnSocketError();

    ChatClient &m_client;
    QAbstractSocket *m_socket = nullptr;

private:
    bool m_closed = false;
};

// The native protocol (protocol.h) over TCP: NICK, then lines. chatclient.cpp.
class NativeDialect final : public ClientDialect
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NativeDialect)

public:
    explicit NativeDialect(ChatClient &client);
    ~NativeDialect() override;

    void start() override;
    bool leave(bool wasJoined) override;
    ChatClient::SendResult sendMessage(const QString &text) override;
    ChatClient::SendResult sendPrivate(const QString &to, const QString &text) override;
    bool serverListsRoom() const override { return true; }
    bool supportsPrivateMessages() const override { return true; }
    void requestUsers() override;

private:
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onError();
    void handleLine(const QByteArray &line);
    void handleServerMessage(const Message &message);
    void handleError(const Message &message);
    void sendLine(const Message &message);

    QTcpSocket *m_tcp = nullptr;
    LineBuffer m_lines{kMaxServerLineBytes};
};

// The course's classic UDP protocol (classic.h): one connected UDP socket. chatclient_classic.cpp.
class ClassicDialect final : public ClientDialect
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassicDialect)

public:
    ClassicDialect(ChatClient &client, bool quitWithE);
    ~ClassicDialect() override;

    void start() override;
    bool leave(bool wasJoined) override;
    ChatClient::SendResult sendMessage(const QString &text) override;
    ChatClient::Error timeoutError() const override;

private:
    void onConnected();
    void onReadyRead();
    void onError();
    void handleDatagram(const QByteArray &datagram);
    void handleNotice(const classic::Notice &notice);
    void sendDatagram(const QByteArray &datagram);

    QUdpSocket *m_udp = nullptr;
    bool m_quitWithE = false;
};

} // namespace netcore::chat

// ChatClient against a real ChatServer on loopback (native and classic UDP), and in classic mode against a
// tiny UDP peer that answers the way the course's servers of each year do (course brief, "Classic chat").

#include "netcore/chat/chatclient.h"
#include "netcore/chat/chatserver.h"
#include "netcore/chat/events.h"
#include "netcore/common/transcript.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using netcore::chat::ChatClient;
using netcore::chat::ChatEvent;
using netcore::chat::ChatServer;
using netcore::chat::ServerOptions;

Q_DECLARE_METATYPE(netcore::chat::ChatEvent)

namespace {

constexpr int kWaitMs = 10'000;

// Listens on loopback, port 0; `limit` adjusts the server's default limits.
std::unique_ptr<ChatServer> startServer(ServerOptions options = {},
                                        const std::function<void(netcore::common::ServerLimits &)> &limit = {})
{
    auto server = std::make_unique<ChatServer>();
    server->setOptions(options);
    if (limit) {
        netcore::common::ServerLimits limits = server->limits();
        limit(limits);
        server->setLimits(limits);
    }
    if (!server->start(QHostAddress(QHostAddress::LocalHost), 0))
        qWarning() << "chat server did not start:" << server->errorDetail().raw;
    return server;
}

// Collects a client's events.
struct Events {
    explicit Events(ChatClient *client)
    {
        QObject::connect(client, &ChatClient::eventReceived, client, [this](const ChatEvent &e) { list.append(e); });
    }
    bool waitFor(ChatEvent::Kind kind, const QString &from, const QString &text = {}, int timeoutMs = kWaitMs)
    {
        return QTest::qWaitFor([&] { return find(kind, from, text) != nullptr; }, timeoutMs);
    }
    const ChatEvent *find(ChatEvent::Kind kind, const QString &from, const QString &text = {}) const
    {
        for (const ChatEvent &e : list) {
            if (e.kind == kind && e.from == from && (text.isEmpty() || e.text == text))
                return &e;
        }
        return nullptr;
    }
    QList<ChatEvent> list;
};

bool joinClient(ChatClient &client, quint16 port, const QString &name, ChatClient::Mode mode = ChatClient::Mode::Native)
{
    client.connectToServer(u"127.0.0.1"_s, port, name, mode);
    return QTest::qWaitFor([&] { return client.state() == ChatClient::State::Joined; }, kWaitMs);
}

bool waitForError(ChatClient &client, ChatClient::Error error, int timeoutMs = kWaitMs)
{
    return QTest::qWaitFor([&] { return client.error() == error && client.state() == ChatClient::State::Disconnected; },
                           timeoutMs);
}

quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();   // closed again when probe goes away
}

} // namespace

class TestChatClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nativeChatAndPrivate();
    void nativeErrorsAreFacts();
    void nativeServerEndsIsLost();
    void disconnectAndReconnect();
    void answersServerPings();
    void classicModeSharesTheRoom();
    void classicRepliesOfEveryYear_data();
    void classicRepliesOfEveryYear();
    void classicNoticesOfEveryYear();
    void classicNoAnswerAndRefused();
    void transcriptShowsTheWire();
    void dialectsSayWhatTheyCan();
};

void TestChatClient::nativeChatAndPrivate()
{
    auto server = startServer();
    ChatClient a, b;
    Events ea(&a), eb(&b);
    QSignalSpy states(&a, &ChatClient::stateChanged);
    QVERIFY(joinClient(a, server->serverPort(), u"alice"_s));
    QCOMPARE(states.size(), 3);   // Connecting, Joining, Joined
    QVERIFY(joinClient(b, server->serverPort(), u"小明"_s));
    QTRY_COMPARE(a.users(), (QStringList{u"alice"_s, u"小明"_s}));
    QCOMPARE(b.users(), (QStringList{u"alice"_s, u"小明"_s}));
    QVERIFY(ea.waitFor(ChatEvent::Kind::Join, u"小明"_s));

    QCOMPARE(a.sendMessage(u"hello\n\nsecond line "_s), ChatClient::SendResult::Sent);
    QVERIFY(eb.waitFor(ChatEvent::Kind::Message, u"alice"_s, u"second line"_s));
    QVERIFY(eb.find(ChatEvent::Kind::Message, u"alice"_s, u"hello"_s));
    QVERIFY(!eb.find(ChatEvent::Kind::Message, u"alice"_s, u"hello"_s)->own);
    QVERIFY(ea.waitFor(ChatEvent::Kind::Message, u"alice"_s, u"second line"_s));
    QVERIFY(ea.find(ChatEvent::Kind::Message, u"alice"_s, u"hello"_s)->own);
    QVERIFY(ea.list.last().time.isValid());

    QCOMPARE(b.sendPrivate(u"ALICE"_s, u"psst"_s), ChatClient::SendResult::Sent);
    QVERIFY(ea.waitFor(ChatEvent::Kind::Private, u"小明"_s, u"psst"_s));
    QCOMPARE(ea.find(ChatEvent::Kind::Private, u"小明"_s)->to, u"alice"_s);
    QVERIFY(eb.waitFor(ChatEvent::Kind::Private, u"小明"_s, u"psst"_s));
    QVERIFY(eb.find(ChatEvent::Kind::Private, u"小明"_s)->own);

    QSignalSpy failed(&b, &ChatClient::requestFailed);
    QCOMPARE(b.sendPrivate(u"nobody"_s, u"x"_s), ChatClient::SendResult::Sent);
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(failed.at(0).at(0).toString(), u"no-such-user"_s);
    QCOMPARE(b.state(), ChatClient::State::Joined);

    QCOMPARE(a.sendMessage(u"  \n "_s), ChatClient::SendResult::Empty);
    QCOMPARE(a.sendMessage(QString(9000, u'x')), ChatClient::SendResult::TooLong);
    server->say(u"notice"_s);
    QVERIFY(ea.waitFor(ChatEvent::Kind::System, {}, u"notice"_s));
}

void TestChatClient::nativeErrorsAreFacts()
{
    auto server = startServer({}, [](netcore::common::ServerLimits &limits) { limits.maxClients = 1; });
    ChatClient first;
    QVERIFY(joinClient(first, server->serverPort(), u"Bob"_s));

    ChatClient full;
    full.connectToServer(u"127.0.0.1"_s, server->serverPort(), u"other"_s, ChatClient::Mode::Native);
    QVERIFY(waitForError(full, ChatClient::Error::ServerFull));
    QVERIFY(!full.errorDetail().raw.isEmpty());
    QCOMPARE(full.errorDetail().peer, u"127.0.0.1:"_s + QString::number(server->serverPort()));

    auto roomy = startServer();
    ChatClient bob, clash;
    QVERIFY(joinClient(bob, roomy->serverPort(), u"Bob"_s));
    QSignalSpy errors(&clash, &ChatClient::errorOccurred);
    clash.connectToServer(u"127.0.0.1"_s, roomy->serverPort(), u"bOB"_s, ChatClient::Mode::Native);
    QVERIFY(waitForError(clash, ChatClient::Error::NameTaken));
    QCOMPARE(errors.size(), 1);

    ChatClient invalid;
    invalid.connectToServer(u"127.0.0.1"_s, roomy->serverPort(), u"two words"_s, ChatClient::Mode::Native);
    QCOMPARE(invalid.error(), ChatClient::Error::NameInvalid);
    QCOMPARE(invalid.state(), ChatClient::State::Disconnected);

    ChatClient refused;
    refused.connectToServer(u"127.0.0.1"_s, unusedPort(), u"x"_s, ChatClient::Mode::Native);
    QVERIFY(waitForError(refused, ChatClient::Error::ConnectionRefused));

    ChatClient unknown;
    unknown.connectToServer(u"no-such-host.invalid"_s, 8888, u"x"_s, ChatClient::Mode::Native);
    QVERIFY(waitForError(unknown, ChatClient::Error::HostNotFound, 20'000));
}

void TestChatClient::nativeServerEndsIsLost()
{
    auto server = startServer();
    ChatClient a, b;
    Events ea(&a);
    QVERIFY(joinClient(a, server->serverPort(), u"a"_s));
    QVERIFY(joinClient(b, server->serverPort(), u"b"_s));
    server->stop();
    QVERIFY(waitForError(a, ChatClient::Error::Lost));
    QVERIFY(ea.find(ChatEvent::Kind::Leave, u"b"_s));
    QCOMPARE(ea.find(ChatEvent::Kind::Leave, u"b"_s)->reason, u"shutdown"_s);
}

void TestChatClient::disconnectAndReconnect()
{
    auto server = startServer();
    ChatClient a, b;
    Events eb(&b);
    QVERIFY(joinClient(a, server->serverPort(), u"a"_s));
    QVERIFY(joinClient(b, server->serverPort(), u"b"_s));
    QSignalSpy errors(&a, &ChatClient::errorOccurred);
    a.disconnectFromServer();
    QTRY_COMPARE(a.state(), ChatClient::State::Disconnected);
    QVERIFY(eb.waitFor(ChatEvent::Kind::Leave, u"a"_s));
    QCOMPARE(eb.find(ChatEvent::Kind::Leave, u"a"_s)->reason, u"quit"_s);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(a.error(), ChatClient::Error::None);
    QTRY_COMPARE(b.users(), QStringList{u"b"_s});
    a.reconnect();
    QTRY_COMPARE(a.state(), ChatClient::State::Joined);
    QVERIFY(QTest::qWaitFor([&] {
        return std::count_if(eb.list.cbegin(), eb.list.cend(), [](const ChatEvent &e) {
                   return e.kind == ChatEvent::Kind::Join && e.from == "a"_L1;
               }) == 1;
    }, kWaitMs));
}

void TestChatClient::answersServerPings()
{
    ServerOptions options;
    options.pingAfter = std::chrono::milliseconds(100);
    auto server = startServer(options, [](netcore::common::ServerLimits &limits) {
        limits.idleTimeout = std::chrono::milliseconds(400);
    });
    netcore::common::Transcript transcript;
    ChatClient a;
    a.setTranscript(&transcript);
    QVERIFY(joinClient(a, server->serverPort(), u"a"_s));
    // Several PING/PONG rounds, each well past dropAfter in total, and the client is still in the room.
    const auto pongs = [&transcript] {
        int n = 0;
        for (const auto &e : transcript.entries())
            n += e.direction == netcore::common::Direction::Sent && e.bytes.startsWith("PONG ");
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(pongs() >= 6, kWaitMs);
    QCOMPARE(a.state(), ChatClient::State::Joined);
    QCOMPARE(server->users(), QStringList{u"a"_s});
}

void TestChatClient::classicModeSharesTheRoom()
{
    auto server = startServer();
    ChatClient native, ming, hong;
    Events en(&native), em(&ming);
    QVERIFY(joinClient(native, server->serverPort(), u"native"_s));
    QVERIFY(joinClient(ming, server->serverPort(), u"小明"_s, ChatClient::Mode::Classic));
    QVERIFY(en.waitFor(ChatEvent::Kind::Join, u"小明"_s));
    QVERIFY(joinClient(hong, server->serverPort(), u"小红"_s, ChatClient::Mode::Classic2020));
    QVERIFY(em.waitFor(ChatEvent::Kind::Join, u"小红"_s));
    QCOMPARE(ming.users(), (QStringList{u"小明"_s, u"小红"_s}));

    QCOMPARE(ming.sendMessage(u"大家好\n第二行"_s), ChatClient::SendResult::Sent);
    QVERIFY(em.find(ChatEvent::Kind::Message, u"小明"_s, u"大家好\n第二行"_s));   // own line shown at once
    QVERIFY(em.find(ChatEvent::Kind::Message, u"小明"_s)->own);
    QVERIFY(en.waitFor(ChatEvent::Kind::Message, u"小明"_s, u"第二行"_s));
    QCOMPARE(native.sendMessage(u"hi classic"_s), ChatClient::SendResult::Sent);
    QVERIFY(em.waitFor(ChatEvent::Kind::Message, u"native"_s, u"hi classic"_s));
    QVERIFY(ming.users().contains(u"native"_s));   // classic learns names from what it sees
    QCOMPARE(ming.sendPrivate(u"native"_s, u"x"_s), ChatClient::SendResult::Unsupported);
    QCOMPARE(native.sendPrivate(u"小明"_s, u"悄悄话"_s), ChatClient::SendResult::Sent);
    QVERIFY(em.waitFor(ChatEvent::Kind::Private, u"native"_s, u"悄悄话"_s));
    server->say(u"管理员说话"_s);
    QVERIFY(em.waitFor(ChatEvent::Kind::Operator, u"管理员"_s, u"管理员说话"_s));

    ChatClient clash;
    clash.connectToServer(u"127.0.0.1"_s, server->serverPort(), u"NATIVE"_s, ChatClient::Mode::Classic);
    QVERIFY(waitForError(clash, ChatClient::Error::NameTaken));
    QCOMPARE(clash.errorDetail().raw, u"FAIL"_s);

    hong.disconnectFromServer();   // sends "E 小红"
    QCOMPARE(hong.state(), ChatClient::State::Disconnected);
    QVERIFY(en.waitFor(ChatEvent::Kind::Leave, u"小红"_s));
    ming.disconnectFromServer();   // sends "Q 小明"
    QVERIFY(en.waitFor(ChatEvent::Kind::Leave, u"小明"_s));
    QTRY_COMPARE(server->users(), QStringList{u"native"_s});
}

void TestChatClient::classicRepliesOfEveryYear_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("error");
    QTest::newRow("OK") << "OK"_ba << int(ChatClient::Error::None);
    QTest::newRow("ok") << "ok"_ba << int(ChatClient::Error::None);
    QTest::newRow("Ok") << "Ok"_ba << int(ChatClient::Error::None);
    QTest::newRow("FAIL (2020)") << "FAIL"_ba << int(ChatClient::Error::NameTaken);
    QTest::newRow("该用户已存在") << "该用户已存在"_ba << int(ChatClient::Error::NameTaken);
    QTest::newRow("用户名存在") << "用户名存在"_ba << int(ChatClient::Error::NameTaken);
    QTest::newRow("free text") << "不许用这个名字"_ba << int(ChatClient::Error::LoginRefused);
}

void TestChatClient::classicRepliesOfEveryYear()
{
    QFETCH(QByteArray, reply);
    QFETCH(int, error);
    // A student's server as the brief describes it: answers the login with its year's reply.
    QUdpSocket student;
    QVERIFY(student.bind(QHostAddress::LocalHost, 0));
    QByteArray login;
    QObject::connect(&student, &QUdpSocket::readyRead, &student, [&] {
        const QNetworkDatagram d = student.receiveDatagram();
        login = d.data();
        student.writeDatagram(reply, d.senderAddress(), quint16(d.senderPort()));
    });
    ChatClient client;
    client.connectToServer(u"127.0.0.1"_s, student.localPort(), u"小明"_s, ChatClient::Mode::Classic);
    if (error == int(ChatClient::Error::None)) {
        QTRY_COMPARE(client.state(), ChatClient::State::Joined);
    } else {
        QVERIFY(waitForError(client, ChatClient::Error(error)));
        QCOMPARE(client.errorDetail().raw, QString::fromUtf8(reply));
    }
    QCOMPARE(login, "L 小明"_ba);
}

void TestChatClient::classicNoticesOfEveryYear()
{
    QUdpSocket student;
    QVERIFY(student.bind(QHostAddress::LocalHost, 0));
    QHostAddress peer;
    quint16 peerPort = 0;
    QList<QByteArray> received;
    QObject::connect(&student, &QUdpSocket::readyRead, &student, [&] {
        const QNetworkDatagram d = student.receiveDatagram();
        received.append(d.data());
        peer = d.senderAddress();
        peerPort = quint16(d.senderPort());
        if (d.data().startsWith("L "))
            student.writeDatagram("OK", peer, peerPort);
    });
    ChatClient client;
    Events events(&client);
    QVERIFY(joinClient(client, student.localPort(), u"me"_s, ChatClient::Mode::Classic2020));
    for (const QByteArray &d : {"\n欢迎 tom 进入聊天室"_ba, "tom 说: 你好"_ba, "\n管理员 : 注意"_ba,
                                "\ntom 离开了聊天室"_ba, "something odd"_ba})
        student.writeDatagram(d, peer, peerPort);
    QVERIFY(events.waitFor(ChatEvent::Kind::Notice, {}, u"something odd"_s));
    QCOMPARE(events.list.size(), 5);
    QCOMPARE(events.list.at(0).kind, ChatEvent::Kind::Join);
    QCOMPARE(events.list.at(1).kind, ChatEvent::Kind::Message);
    QCOMPARE(events.list.at(1).text, u"你好"_s);
    QCOMPARE(events.list.at(2).kind, ChatEvent::Kind::Operator);
    QCOMPARE(events.list.at(3).kind, ChatEvent::Kind::Leave);
    QCOMPARE(client.users(), QStringList{u"me"_s});
    QCOMPARE(client.sendMessage(u"a b c"_s), ChatClient::SendResult::Sent);
    QTRY_VERIFY(received.contains("C me a b c"_ba));
    client.disconnectFromServer();
    QTRY_VERIFY(received.contains("E me"_ba));
    // The 2019 server throws a user out with EXIT: the session ends as lost.
    ChatClient other;
    QVERIFY(joinClient(other, student.localPort(), u"other"_s, ChatClient::Mode::Classic));
    student.writeDatagram("EXIT", peer, peerPort);
    QVERIFY(waitForError(other, ChatClient::Error::Lost));
}

void TestChatClient::classicNoAnswerAndRefused()
{
    QUdpSocket silent;   // bound, never answers
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    ChatClient client;
    client.connectToServer(u"127.0.0.1"_s, silent.localPort(), u"x"_s, ChatClient::Mode::Classic);
    QVERIFY(waitForError(client, ChatClient::Error::NoAnswer));

    quint16 closedPort = 0;
    {
        QUdpSocket probe;
        QVERIFY(probe.bind(QHostAddress::LocalHost, 0));
        closedPort = probe.localPort();
    }
    ChatClient refused;
    refused.connectToServer(u"127.0.0.1"_s, closedPort, u"x"_s, ChatClient::Mode::Classic);
    QVERIFY(waitForError(refused, ChatClient::Error::ConnectionRefused));
}

void TestChatClient::transcriptShowsTheWire()
{
    auto server = startServer();
    netcore::common::Transcript transcript;
    ChatClient a;
    a.setTranscript(&transcript);
    QVERIFY(joinClient(a, server->serverPort(), u"a"_s));
    QCOMPARE(a.sendMessage(u"hi"_s), ChatClient::SendResult::Sent);
    QTRY_VERIFY([&] {
        QByteArray all;
        for (const auto &e : transcript.entries())
            all += e.bytes;
        return all.contains("MSG a hi\n");
    }());
    const auto entries = transcript.entries();
    QCOMPARE(entries.at(0).direction, netcore::common::Direction::Event);
    const auto nick = std::find_if(entries.cbegin(), entries.cend(), [](const auto &e) {
        return e.direction == netcore::common::Direction::Sent;
    });
    QVERIFY(nick != entries.cend());
    QCOMPARE(nick->bytes, "NICK a\n"_ba);
    const QString endpoint = u"127.0.0.1:"_s + QString::number(server->serverPort());
    QCOMPARE(nick->peer, endpoint);

    // Events are typed: what happened and its data, no sentence.
    using netcore::common::EventArea;
    using netcore::common::TranscriptEvent;
    QCOMPARE(entries.at(0).event, (TranscriptEvent{EventArea::Common, quint16(netcore::common::Event::Connecting), {endpoint}}));
    QCOMPARE(entries.at(1).event, (TranscriptEvent{EventArea::Common, quint16(netcore::common::Event::Connected), {}}));
    a.disconnectFromServer();
    QTRY_COMPARE(a.state(), ChatClient::State::Disconnected);
    QCOMPARE(transcript.entries().constLast().event,
             (TranscriptEvent{EventArea::Common, quint16(netcore::common::Event::Closed), {}}));

    // The classic dialect says which protocol it speaks.
    netcore::common::Transcript classicTranscript;
    ChatClient ming;
    ming.setTranscript(&classicTranscript);
    QVERIFY(joinClient(ming, server->serverPort(), u"小明"_s, ChatClient::Mode::Classic));
    QCOMPARE(classicTranscript.entries().at(0).event,
             (TranscriptEvent{EventArea::Chat, quint16(netcore::chat::Event::ClassicConnecting), {endpoint}}));
}

void TestChatClient::dialectsSayWhatTheyCan()
{
    auto server = startServer();
    ChatClient native, classic;
    QVERIFY(native.supportsPrivateMessages());   // before connecting: what the chosen mode can
    QVERIFY(joinClient(native, server->serverPort(), u"native"_s));
    QVERIFY(joinClient(classic, server->serverPort(), u"classic"_s, ChatClient::Mode::Classic));
    QVERIFY(native.supportsPrivateMessages());
    QVERIFY(!classic.supportsPrivateMessages());
    QCOMPARE(classic.sendPrivate(u"native"_s, u"x"_s), ChatClient::SendResult::Unsupported);
    QCOMPARE(native.sendPrivate(u"classic"_s, u"x"_s), ChatClient::SendResult::Sent);
    // Leaving is the dialect's business too: QUIT over TCP, Q over UDP; the server sees both go.
    QSignalSpy left(server.get(), &ChatServer::userLeft);
    native.disconnectFromServer();
    classic.disconnectFromServer();
    QTRY_COMPARE_WITH_TIMEOUT(left.size(), 2, kWaitMs);
    QTRY_VERIFY(server->users().isEmpty());
}

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"

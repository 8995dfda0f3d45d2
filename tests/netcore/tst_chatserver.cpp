// ChatServer over loopback with raw TCP line clients (as nc would be) and classic UDP clients written from the
// course's brief: names, join/leave/broadcast/private, order, bad input, slow readers, timeouts, a mixed room.

#include "tests/netcore/tst_chatpeers.h"

#include "netcore/chat/chatserver.h"
#include "netcore/chat/events.h"
#include "netcore/common/transcript.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QSignalSpy>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace chattest;
using netcore::chat::ChatServer;
using netcore::chat::LeaveReason;
using netcore::chat::ServerOptions;
using netcore::common::ServerLimits;

Q_DECLARE_METATYPE(netcore::chat::LeaveReason)

namespace {

// Listens on loopback, port 0; `limit` adjusts the server's default limits.
std::unique_ptr<ChatServer> startServer(ServerOptions options = {}, const std::function<void(ServerLimits &)> &limit = {})
{
    auto server = std::make_unique<ChatServer>();
    server->setOptions(options);
    if (limit) {
        ServerLimits limits = server->limits();
        limit(limits);
        server->setLimits(limits);
    }
    if (!server->start(QHostAddress(QHostAddress::LocalHost), 0))
        qWarning() << "chat server did not start:" << server->errorDetail().raw;
    return server;
}

} // namespace

class TestChatServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinBroadcastPrivateLeave();
    void namesAreUniqueRegardlessOfCase();
    void badInputGetsErrorsAndTheConnectionSurvives();
    void ncStyleClientByteByByte();
    void orderIsKeptPerSender();
    void classicUdpClientFromTheBrief();
    void mixedRoomSeesEachOther();
    void operatorMessagesReachBothKinds();
    void slowReaderIsDroppedWithoutDelayingOthers();
    void abruptDisconnectIsANormalLeave();
    void idleClientsArePingedThenDropped();
    void fullServerRefuses();
    void stopTellsEveryone();
    void transcriptRecordsTheBytes();
    void clientListAndDisconnectClient();
    void transcriptEventsAreTyped();
    void startFailuresAreErrors();
};

void TestChatServer::joinBroadcastPrivateLeave()
{
    auto server = startServer();
    QVERIFY(server->isListening());
    QVERIFY(server->serverPort() != 0);
    QSignalSpy joined(server.get(), &ChatServer::userJoined);
    QSignalSpy left(server.get(), &ChatServer::userLeft);

    LineClient alice, bob;
    QVERIFY(alice.join(server->serverPort(), "alice"));
    QVERIFY(alice.waitFor("USERS alice"));
    QVERIFY(bob.join(server->serverPort(), "小明"));
    QVERIFY(bob.waitFor("USERS alice 小明"));
    QVERIFY(alice.waitFor("JOIN 小明"));
    QCOMPARE(bob.count("JOIN 小明"), 0);   // the joiner learns from OK and USERS
    QCOMPARE(joined.size(), 2);
    QCOMPARE(server->users(), (QStringList{u"alice"_s, u"小明"_s}));

    alice.send("MSG hello everyone\n");
    QVERIFY(bob.waitFor("MSG alice hello everyone"));
    QVERIFY(alice.waitFor("MSG alice hello everyone"));   // the sender gets its own line back, in order

    bob.send("TO ALICE 悄悄话\n");   // names match regardless of case
    QVERIFY(alice.waitFor("PRIV 小明 alice 悄悄话"));
    QVERIFY(bob.waitFor("PRIV 小明 alice 悄悄话"));

    LineClient carol;
    QVERIFY(carol.join(server->serverPort(), "carol"));
    QVERIFY(carol.waitFor("USERS alice 小明 carol"));
    QCOMPARE(carol.count("PRIV 小明 alice 悄悄话"), 0);   // private really is private

    carol.send("WHO\n");
    QVERIFY(carol.waitForCount(3));
    QCOMPARE(carol.count("USERS alice 小明 carol"), 2);

    bob.send("QUIT\n");
    QVERIFY(alice.waitFor("LEAVE 小明 quit"));
    QVERIFY(carol.waitFor("LEAVE 小明 quit"));
    QVERIFY(bob.waitForClose());
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).at(0).toString(), u"小明"_s);
    QCOMPARE(left.at(0).at(1).value<LeaveReason>(), LeaveReason::Quit);
}

void TestChatServer::namesAreUniqueRegardlessOfCase()
{
    auto server = startServer();
    LineClient first, second;
    QVERIFY(first.join(server->serverPort(), "Alice"));
    QVERIFY(second.connectTo(server->serverPort()));
    second.send("NICK aLICE\n");
    QVERIFY(second.waitFor("ERR name-taken someone in the room is already called aLICE"));
    second.send("NICK 管理员\n");
    QVERIFY(second.waitFor("ERR name-invalid that name is reserved for the server operator"));
    second.send("NICK a b\n");
    QVERIFY(second.waitForCount(3));
    QVERIFY(second.lines.at(2).startsWith("ERR name-invalid "));
    second.send("NICK " + QByteArray(33, 'n') + "\n");
    QVERIFY(second.waitForCount(4));
    QVERIFY(second.lines.at(3).startsWith("ERR name-invalid "));
    second.send("NICK Alice2\n");
    QVERIFY(second.waitFor("OK Alice2"));
    second.send("NICK again\n");
    QVERIFY(second.waitFor("ERR already-joined you are in the room as Alice2"));
    QCOMPARE(second.socket.state(), QAbstractSocket::ConnectedState);
}

void TestChatServer::badInputGetsErrorsAndTheConnectionSurvives()
{
    auto server = startServer();
    LineClient c;
    QVERIFY(c.connectTo(server->serverPort()));
    c.send("MSG too early\n");
    QVERIFY(c.waitFor("ERR not-joined choose a name first: NICK <name>"));
    QVERIFY(c.nick("x"));
    c.send("DANCE now\n");
    QVERIFY(c.waitFor("ERR unknown-command unknown command: DANCE"));
    c.send("MSG \xff\xfe broken\n");
    QVERIFY(c.waitFor("ERR invalid-utf8 the line is not valid UTF-8"));
    c.send("MSG " + QByteArray(100'000, 'a') + "\n");
    QVERIFY(c.waitFor("ERR line-too-long lines have at most 8192 bytes; the line was dropped"));
    c.send("TO nobody hi\n");
    QVERIFY(c.waitFor("ERR no-such-user nobody in the room is called nobody"));
    c.send("\n\r\n   \n");   // blank lines are ignored
    c.send("MSG still here\n");
    QVERIFY(c.waitFor("MSG x still here"));
    const qsizetype errors = std::count_if(c.lines.cbegin(), c.lines.cend(), [](const QByteArray &l) { return l.startsWith("ERR"); });
    QCOMPARE(errors, 5);
    QCOMPARE(c.socket.state(), QAbstractSocket::ConnectedState);
}

void TestChatServer::ncStyleClientByteByByte()
{
    auto server = startServer();
    LineClient watcher;
    QVERIFY(watcher.join(server->serverPort(), "watcher"));
    // What a person types into `nc` or `telnet`: lower-case words, CRLF, bytes trickling in.
    QTcpSocket nc;
    nc.connectToHost(QHostAddress::LocalHost, server->serverPort());
    QVERIFY(nc.waitForConnected(kWaitMs));
    const QByteArray typed = "nick 小红\r\nmsg 你好，大家\r\n"_ba;
    for (const char byte : typed) {
        nc.write(&byte, 1);
        QVERIFY(nc.waitForBytesWritten(kWaitMs));
        QTest::qWait(0);
    }
    QVERIFY(watcher.waitFor("JOIN 小红"));
    QVERIFY(watcher.waitFor("MSG 小红 你好，大家"));
    QByteArray received;
    QVERIFY(QTest::qWaitFor([&] { received += nc.readAll(); return received.contains("MSG 小红 你好，大家\n"); }, kWaitMs));
    QVERIFY(received.startsWith("OK 小红\nUSERS watcher 小红\n"));
}

void TestChatServer::orderIsKeptPerSender()
{
    auto server = startServer();
    constexpr int kClients = 4;
    constexpr int kMessages = 300;
    std::vector<std::unique_ptr<LineClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<LineClient>());
        QVERIFY(clients.back()->join(server->serverPort(), "u" + QByteArray::number(i)));
    }
    for (int m = 0; m < kMessages; ++m) {
        for (int i = 0; i < kClients; ++i)
            clients[i]->send("MSG " + QByteArray::number(m) + "\n");
    }
    for (auto &client : clients) {
        QVERIFY(QTest::qWaitFor([&] {
            return std::count_if(client->lines.cbegin(), client->lines.cend(),
                                 [](const QByteArray &l) { return l.startsWith("MSG "); }) == kClients * kMessages;
        }, 30'000));
        std::vector<int> next(kClients, 0);
        for (const QByteArray &line : std::as_const(client->lines)) {
            if (!line.startsWith("MSG u"))
                continue;
            const QList<QByteArray> parts = line.split(' ');
            const int sender = parts.at(1).mid(1).toInt();
            QCOMPARE(parts.at(2).toInt(), next[sender]);   // each sender's messages arrive once, in order
            ++next[sender];
        }
        QCOMPARE(next, std::vector<int>(kClients, kMessages));
    }
}

void TestChatServer::classicUdpClientFromTheBrief()
{
    auto server = startServer();
    const quint16 port = server->serverPort();
    ClassicClient ming, hong, late;
    ming.send("L 小明", port);
    QVERIFY(ming.waitFor("OK"));
    hong.send("L 小红", port);
    QVERIFY(hong.waitFor("OK"));
    QVERIFY(ming.waitFor("\n欢迎 小红 进入聊天室"_ba));

    late.send("L 小明", port);   // taken
    QVERIFY(late.waitFor("FAIL"));
    late.send("L 我是管理员", port);   // names with 管理员 are refused
    QTRY_COMPARE(late.datagrams.size(), 2);
    QCOMPARE(late.datagrams.at(1), "FAIL"_ba);

    ming.send("C 小明 大家好 我是小明", port);
    QVERIFY(hong.waitFor("\n小明 : 大家好 我是小明"_ba));
    late.send("C 小红 spoofed", port);   // not logged in: ignored, and the name inside is not trusted
    hong.send("C 冒充 real", port);      // the name inside a C is not trusted either
    QVERIFY(ming.waitFor("\n小红 : real"_ba));
    QVERIFY(!ming.datagrams.contains("\n小红 : spoofed"_ba));
    QVERIFY(!ming.datagrams.contains("\n小明 : 大家好 我是小明"_ba));   // no echo to the sender

    hong.send("E 小红", port);   // the 2020 quit
    QVERIFY(hong.waitFor("EXIT"));
    QVERIFY(ming.waitFor("\n小红 退出了聊天室"_ba));
    ming.send("Q 小明", port);   // the 2018/19 quit
    QVERIFY(ming.waitFor("EXIT"));
    QTRY_VERIFY(server->users().isEmpty());
    ming.send("Q 小明", port);   // a quit for someone unknown must not hurt
    ming.send("L 小明", port);   // and the name is free again
    QTRY_COMPARE(ming.datagrams.count("OK"_ba), 2);
}

void TestChatServer::mixedRoomSeesEachOther()
{
    auto server = startServer();
    const quint16 port = server->serverPort();
    LineClient alice;
    QVERIFY(alice.join(port, "alice"));
    ClassicClient ming;
    ming.send("L 小明", port);
    QVERIFY(ming.waitFor("OK"));
    QVERIFY(alice.waitFor("JOIN 小明"));

    ClassicClient clash;
    clash.send("L ALICE", port);   // unique across transports, regardless of case
    QVERIFY(clash.waitFor("FAIL"));
    LineClient clash2;
    QVERIFY(clash2.connectTo(port));
    clash2.send("NICK 小明\n");
    QVERIFY(clash2.waitFor("ERR name-taken someone in the room is already called 小明"));

    LineClient bob;
    QVERIFY(bob.join(port, "bob"));
    QVERIFY(bob.waitFor("USERS alice 小明 bob"));
    QVERIFY(ming.waitFor("\n欢迎 bob 进入聊天室"_ba));

    alice.send("MSG from tcp\n");
    QVERIFY(ming.waitFor("\nalice : from tcp"_ba));
    ming.send("C 小明 from udp\nsecond line", port);
    QVERIFY(alice.waitFor("MSG 小明 from udp"));
    QVERIFY(alice.waitFor("MSG 小明 second line"));
    QVERIFY(bob.waitFor("MSG 小明 second line"));

    alice.send("TO 小明 only you\n");
    QVERIFY(ming.waitFor("\nalice 私聊: only you"_ba));
    QVERIFY(alice.waitFor("PRIV alice 小明 only you"));

    bob.socket.abort();
    QVERIFY(ming.waitFor("\nbob 退出了聊天室"_ba));
    ming.send("Q 小明", port);
    QVERIFY(alice.waitFor("LEAVE 小明 quit"));
}

void TestChatServer::operatorMessagesReachBothKinds()
{
    auto server = startServer();
    LineClient alice;
    QVERIFY(alice.join(server->serverPort(), "alice"));
    ClassicClient ming;
    ming.send("L 小明", server->serverPort());
    QVERIFY(ming.waitFor("OK"));
    server->say(u"下课了\n明天见"_s);
    QVERIFY(alice.waitFor("SYS 下课了"));
    QVERIFY(alice.waitFor("SYS 明天见"));
    // One datagram per line: a line of the operator's cannot be confused with one of a user's, and back.
    QVERIFY(ming.waitFor("\n管理员 : 下课了"_ba));
    QVERIFY(ming.waitFor("\n管理员 : 明天见"_ba));
}

void TestChatServer::slowReaderIsDroppedWithoutDelayingOthers()
{
    auto server = startServer({}, [](ServerLimits &limits) { limits.maxQueuedOutput = 64 * 1024; });
    LineClient fast, sender;
    QVERIFY(fast.join(server->serverPort(), "fast"));
    QVERIFY(sender.join(server->serverPort(), "sender"));
    // The slow reader: joins, then never reads again (Qt stops reading once its small buffer is full).
    QTcpSocket slow;
    slow.setReadBufferSize(256);
    slow.connectToHost(QHostAddress::LocalHost, server->serverPort());
    QVERIFY(slow.waitForConnected(kWaitMs));
    slow.write("NICK slow\n");
    QVERIFY(fast.waitFor("JOIN slow"));

    const QByteArray payload(4000, 'p');
    int sent = 0;
    QElapsedTimer timer;
    timer.start();
    // Keep the room busy until the server gives up on the slow reader; the kernel's socket buffers must
    // fill before the server's own bound is reached, so this may take a few megabytes.
    while (!fast.lines.contains("LEAVE slow too-slow") && sent < 20'000) {
        for (int i = 0; i < 50; ++i, ++sent)
            sender.send("MSG " + QByteArray::number(sent) + ' ' + payload + '\n');
        const QByteArray last = "MSG sender " + QByteArray::number(sent - 1) + ' ' + payload;
        QVERIFY2(fast.waitFor(last, 5'000), "a slow reader delayed the others");
    }
    QVERIFY(fast.lines.contains("LEAVE slow too-slow"));
    QVERIFY(sender.waitFor("LEAVE slow too-slow"));
    QCOMPARE(server->users(), (QStringList{u"fast"_s, u"sender"_s}));
    // The fast reader got every message exactly once, in order.
    int next = 0;
    for (const QByteArray &line : std::as_const(fast.lines)) {
        if (line.startsWith("MSG sender ")) {
            QCOMPARE(line.split(' ').at(2).toInt(), next);
            ++next;
        }
    }
    QCOMPARE(next, sent);
    qInfo("slow reader dropped after %d messages of 4 kB, in %lld ms", sent, qint64(timer.elapsed()));
    // The room goes on.
    sender.send("MSG after\n");
    QVERIFY(fast.waitFor("MSG sender after"));
}

void TestChatServer::abruptDisconnectIsANormalLeave()
{
    auto server = startServer();
    LineClient stays;
    QVERIFY(stays.join(server->serverPort(), "stays"));
    {
        LineClient vanishes;
        QVERIFY(vanishes.join(server->serverPort(), "vanishes"));
        vanishes.send("MSG half a li");   // mid-line
        QVERIFY(stays.waitFor("JOIN vanishes"));
        vanishes.socket.abort();
    }
    QVERIFY(stays.waitFor("LEAVE vanishes lost"));
    QCOMPARE(stays.count("MSG vanishes half a li"), 0);
    // The name is free again, and the server keeps serving.
    LineClient again;
    QVERIFY(again.join(server->serverPort(), "vanishes"));
    QVERIFY(stays.waitFor("JOIN vanishes"));
}

void TestChatServer::idleClientsArePingedThenDropped()
{
    ServerOptions options;
    options.pingAfter = std::chrono::milliseconds(150);
    auto server = startServer(options, [](ServerLimits &limits) { limits.idleTimeout = std::chrono::milliseconds(600); });
    LineClient watcher, answers, silent;
    QVERIFY(watcher.join(server->serverPort(), "watcher"));
    QVERIFY(answers.join(server->serverPort(), "answers"));
    QVERIFY(silent.join(server->serverPort(), "silent"));
    // "answers" replies to every PING, and so does the watcher, so both stay.
    int pongs = 0;
    const auto answerPings = [&pongs](LineClient &c) {
        for (QByteArray &line : c.lines) {
            if (line.startsWith("PING")) {
                c.send("PONG" + line.mid(4) + '\n');
                line = "(answered)";
                ++pongs;
            }
        }
    };
    QVERIFY(QTest::qWaitFor([&] {
        answerPings(watcher);
        answerPings(answers);
        return watcher.lines.contains("LEAVE silent timeout");
    }, 10'000));
    QVERIFY(silent.lines.contains("PING") || std::any_of(silent.lines.cbegin(), silent.lines.cend(),
                                                          [](const QByteArray &l) { return l.startsWith("PING "); }));
    QVERIFY(silent.waitForClose());
    QVERIFY(pongs >= 2);
    QVERIFY(!watcher.lines.contains("LEAVE answers timeout"));
    QCOMPARE(server->users(), (QStringList{u"watcher"_s, u"answers"_s}));
}

void TestChatServer::fullServerRefuses()
{
    auto server = startServer({}, [](ServerLimits &limits) { limits.maxClients = 2; });
    LineClient a, b, c;
    QVERIFY(a.join(server->serverPort(), "a"));
    ClassicClient u;
    u.send("L u", server->serverPort());
    QVERIFY(u.waitFor("OK"));
    QVERIFY(c.connectTo(server->serverPort()));
    QVERIFY(c.waitFor("ERR server-full the room is full (2 clients)"));
    QVERIFY(c.waitForClose());
    ClassicClient u2;
    u2.send("L u2", server->serverPort());
    QVERIFY(u2.waitFor("FAIL"));
    u.send("Q u", server->serverPort());
    QVERIFY(a.waitFor("LEAVE u quit"));
    QVERIFY(b.join(server->serverPort(), "b"));   // room again
}

void TestChatServer::stopTellsEveryone()
{
    auto server = startServer();
    LineClient a, b;
    QVERIFY(a.join(server->serverPort(), "a"));
    QVERIFY(b.join(server->serverPort(), "b"));
    ClassicClient u;
    u.send("L u", server->serverPort());
    QVERIFY(u.waitFor("OK"));
    QSignalSpy left(server.get(), &ChatServer::userLeft);
    server->stop();
    QCOMPARE(server->state(), ChatServer::State::Stopped);
    QCOMPARE(left.size(), 3);
    QVERIFY(a.waitFor("LEAVE b shutdown"));
    QVERIFY(a.waitFor("LEAVE a shutdown"));
    QVERIFY(u.waitFor("EXIT"));
    QVERIFY(a.waitForClose());
    QVERIFY(b.waitForClose());
    QCOMPARE(server->clientCount(), 0);
    QVERIFY(server->start(QHostAddress(QHostAddress::LocalHost), 0));   // and it can start again
}

void TestChatServer::transcriptRecordsTheBytes()
{
    netcore::common::Transcript transcript;
    auto server = std::make_unique<ChatServer>();
    server->setTranscript(&transcript);
    QVERIFY(server->start(QHostAddress(QHostAddress::LocalHost), 0));
    LineClient a;
    QVERIFY(a.join(server->serverPort(), "a"));
    ClassicClient u;
    u.send("L u", server->serverPort());
    QVERIFY(u.waitFor("OK"));
    QByteArray received, sent;
    for (const auto &entry : transcript.entries()) {
        if (entry.direction == netcore::common::Direction::Received)
            received += entry.bytes + '|';
        else if (entry.direction == netcore::common::Direction::Sent)
            sent += entry.bytes + '|';
    }
    QVERIFY(received.contains("NICK a\n"));
    QVERIFY(received.contains("L u|"));
    QVERIFY(sent.contains("OK a\n"));
    QVERIFY(sent.contains("JOIN u\n"));
    QVERIFY(sent.contains("OK|"));
}

void TestChatServer::clientListAndDisconnectClient()
{
    auto server = startServer();
    QSignalSpy added(server.get(), &ChatServer::clientAdded);
    QSignalSpy removed(server.get(), &ChatServer::clientRemoved);
    LineClient alice, bob;
    QVERIFY(alice.join(server->serverPort(), "alice"));
    QVERIFY(bob.join(server->serverPort(), "小明"));
    ClassicClient u;
    u.send("L u", server->serverPort());
    QVERIFY(u.waitFor("OK"));
    QCOMPARE(added.size(), 3);

    // The list while they are joined: every one with its chat name, its peer and the bytes that moved.
    const QList<netcore::common::ClientInfo> clients = server->clients();
    QCOMPARE(clients.size(), 3);
    QStringList names;
    for (const auto &client : clients) {
        names.append(client.name);
        QVERIFY(!client.peer.isEmpty());
        QVERIFY(client.bytesReceived > 0);
        QVERIFY(client.bytesSent > 0);
        QVERIFY(client.since.isValid());
    }
    QCOMPARE(names, (QStringList{u"alice"_s, u"小明"_s, u"u"_s}));
    QCOMPARE(clients.at(0).peer, u"127.0.0.1:"_s + QString::number(alice.socket.localPort()));

    // Disconnecting one: it is closed, the others get the documented LEAVE, the list loses it.
    const quint64 bobId = clients.at(1).id;
    QVERIFY(server->disconnectClient(bobId));
    QVERIFY(bob.waitForClose());
    QVERIFY(alice.waitFor("LEAVE 小明 lost"));
    QVERIFY(u.waitFor("\n小明 退出了聊天室"_ba));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toULongLong(), bobId);
    QVERIFY(!server->client(bobId));
    QCOMPARE(server->users(), (QStringList{u"alice"_s, u"u"_s}));

    // A classic user: EXIT to it, LEAVE to the others.
    QVERIFY(server->disconnectClient(clients.at(2).id));
    QVERIFY(u.waitFor("EXIT"));
    QVERIFY(alice.waitFor("LEAVE u lost"));
    QCOMPARE(server->clientCount(), 1);
    QVERIFY(!server->disconnectClient(bobId));   // no longer there
}

void TestChatServer::transcriptEventsAreTyped()
{
    using netcore::common::Direction;
    using netcore::common::TranscriptEvent;
    netcore::common::Transcript transcript;
    auto server = std::make_unique<ChatServer>();
    server->setTranscript(&transcript);
    QVERIFY(server->start(QHostAddress(QHostAddress::LocalHost), 0));
    LineClient a;
    QVERIFY(a.join(server->serverPort(), "a"));
    ClassicClient stranger;
    stranger.send("C nobody hello", server->serverPort());
    stranger.send("X what", server->serverPort());
    stranger.send("Q nobody", server->serverPort());
    const auto events = [&transcript] {
        QList<TranscriptEvent> list;
        for (const auto &entry : transcript.entries()) {
            if (entry.direction == Direction::Event)
                list.append(entry.event);
        }
        return list;
    };
    const auto chatEvent = [](netcore::chat::Event code) {
        return TranscriptEvent{netcore::common::EventArea::Chat, quint16(code), {}};
    };
    QTRY_VERIFY_WITH_TIMEOUT(events().contains(chatEvent(netcore::chat::Event::QuitFromUnknown)), kWaitMs);
    const QList<TranscriptEvent> list = events();
    const QString endpoint = u"127.0.0.1:"_s + QString::number(server->serverPort());
    QCOMPARE(list.at(0), (TranscriptEvent{netcore::common::EventArea::Common, quint16(netcore::common::Event::Listening), {endpoint}}));
    QVERIFY(list.contains((TranscriptEvent{netcore::common::EventArea::Common, quint16(netcore::common::Event::ClientConnected),
                                           {QString::number(server->clients().at(0).id)}})));
    QVERIFY(list.contains(chatEvent(netcore::chat::Event::ChatFromUnknown)));
    QVERIFY(list.contains(chatEvent(netcore::chat::Event::DatagramUnknownKind)));
    server->stop();
    QCOMPARE(events().constLast(),
             (TranscriptEvent{netcore::common::EventArea::Common, quint16(netcore::common::Event::StoppedListening), {}}));
}

void TestChatServer::startFailuresAreErrors()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    ChatServer server;
    QSignalSpy errors(&server, &ChatServer::errorOccurred);
    QVERIFY(!server.start(QHostAddress(QHostAddress::LocalHost), holder.serverPort()));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<ChatServer::Error>(), ChatServer::Error::AddressInUse);
    QCOMPARE(server.errorDetail().peer, u"127.0.0.1:"_s + QString::number(holder.serverPort()));
    QVERIFY(!server.errorDetail().raw.isEmpty());
    QCOMPARE(server.state(), ChatServer::State::Stopped);

    // The UDP twin of a free TCP port is taken: a fixed port says so rather than move.
    QUdpSocket udpHolder;
    QVERIFY(udpHolder.bind(QHostAddress::LocalHost, 0));
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, udpHolder.localPort()))
        QSKIP("the UDP port's TCP twin is taken by someone else");
    probe.close();
    QVERIFY(!server.start(QHostAddress(QHostAddress::LocalHost), udpHolder.localPort()));
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(1).at(0).value<ChatServer::Error>(), ChatServer::Error::UdpAddressInUse);
    QVERIFY(!server.isListening());
}

QTEST_GUILESS_MAIN(TestChatServer)
#include "tst_chatserver.moc"

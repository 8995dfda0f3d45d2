// ChatServer under hostile clients (issue #12's chat rows), with short limits, asserting the bounds through the
// server's own counters (Server::load()): pipelined WHO / PING never read, slowloris before NICK, a line that
// never ends, a reader that never drains, one host opening too many connections or classic logins, forged
// classic datagrams from another port, and the goodbye on stop().

#include "tests/netcore/tst_chatpeers.h"

#include "netcore/chat/chatserver.h"

#include <QSignalSpy>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace chattest;
using netcore::chat::ChatServer;
using netcore::common::Deadline;
using netcore::common::ServerLimits;

namespace {

const QHostAddress kHostA(u"127.0.0.2"_s);
const QHostAddress kHostB(u"127.0.0.3"_s);

std::unique_ptr<ChatServer> startServer(const std::function<void(ServerLimits &)> &limit)
{
    auto server = std::make_unique<ChatServer>();
    ServerLimits limits = server->limits();
    limit(limits);
    server->setLimits(limits);
    // Any: clients bound to 127.0.0.2 / 127.0.0.3 reach it on 127.0.0.1.
    if (!server->start(QHostAddress(QHostAddress::LocalHost), 0))
        qWarning() << "chat server did not start:" << server->errorDetail().raw;
    return server;
}

// A raw client that never reads: its socket takes one byte, the rest stays in the kernel.
std::unique_ptr<QTcpSocket> nonReader(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->setReadBufferSize(1);
    socket->connectToHost(QHostAddress::LocalHost, port);
    return socket;
}

} // namespace

class TestChatHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheDocumentedOnes();
    void boundToAnyItSaysSoAndTakesIpv6();
    void pipelinedPingsNeverReadAreBounded();
    void pipelinedWhoNeverReadIsBounded();
    void silentConnectionsMissTheHelloDeadline();
    void aLineThatNeverEndsMissesTheRequestDeadline();
    void joinedListenersAreNotKickedForSilence();
    void aReaderThatNeverDrainsIsDropped();
    void oneHostCannotTakeEverySlot();
    void classicLoginsCountPerHost();
    void classicQuitAndChatFromAnotherPortAreIgnored();
    void stopSaysGoodbyeBeforeItReturns();
};

void TestChatHardening::defaultsAreTheDocumentedOnes()
{
    ChatServer server;
    const ServerLimits &limits = server.limits();
    QCOMPARE(limits.maxClients, 1000);
    QCOMPARE(limits.maxPerHost, 8);
    QCOMPARE(limits.helloTimeout, std::chrono::milliseconds(30'000));
    QCOMPARE(limits.requestTimeout, std::chrono::milliseconds(30'000));
    QCOMPARE(limits.drainTimeout, std::chrono::milliseconds(30'000));
    QCOMPARE(limits.idleTimeout, std::chrono::milliseconds(0));
    QCOMPARE(limits.maxQueuedOutput, qint64(1) << 20);
}

void TestChatHardening::boundToAnyItSaysSoAndTakesIpv6()
{
    ChatServer server;
    QVERIFY(server.start(QHostAddress(QHostAddress::Any), 0));
    // Every address of both families (what a start-up line must not call 0.0.0.0 alone).
    QCOMPARE(server.serverAddress(), QHostAddress(QHostAddress::Any));
    QCOMPARE(server.serverAddress().protocol(), QAbstractSocket::AnyIPProtocol);
    QTcpSocket v6;
    v6.connectToHost(QHostAddress::LocalHostIPv6, server.serverPort());
    if (!QTest::qWaitFor([&v6] { return v6.state() == QAbstractSocket::ConnectedState || v6.error() != QAbstractSocket::UnknownSocketError; }, kWaitMs)
        || v6.state() != QAbstractSocket::ConnectedState)
        QSKIP("no IPv6 loopback here");
    v6.write("NICK six\n");
    QTRY_VERIFY(v6.bytesAvailable() > 0);
    QVERIFY(v6.readAll().startsWith("OK six\n"));
}

void TestChatHardening::pipelinedPingsNeverReadAreBounded()
{
    constexpr qint64 kBound = 32 * 1024;
    auto server = startServer([](ServerLimits &limits) { limits.maxQueuedOutput = kBound; });
    const quint16 port = server->serverPort();
    // No NICK needed: PING is answered before joining. 8 KB tokens, 300 of them (2.4 MB of answers asked for).
    const QByteArray token(8000, 't');
    const QByteArray ping = "PING " + token + '\n';
    const qint64 reply = 5 + token.size() + 1;   // "PONG " + token + "\n"
    constexpr int kPings = 300;
    QTcpSocket attacker;
    attacker.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(attacker.waitForConnected(kWaitMs));
    attacker.setReadBufferSize(1);
    attacker.write(ping.repeated(kPings));
    QTRY_VERIFY_WITH_TIMEOUT(server->load().pausedReading() >= 1, kWaitMs);
    QVERIFY2(server->load().peakConnectionQueued() <= kBound + reply,
             qPrintable(u"peak %1"_s.arg(server->load().peakConnectionQueued())));

    // Now it reads: every answer comes, in order, and the bound held all along.
    attacker.setReadBufferSize(0);
    QByteArray received;
    QObject context;
    connect(&attacker, &QTcpSocket::readyRead, &context, [&] { received += attacker.readAll(); });
    received += attacker.readAll();
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), kPings * reply, 20'000);
    QCOMPARE(received, QByteArray("PONG " + token + '\n').repeated(kPings));
    QVERIFY(server->load().peakConnectionQueued() <= kBound + reply);
    QTRY_COMPARE(server->load().queued(), qint64(0));

    // A second one never reads and leaves: nothing stays queued or buffered for it.
    auto gone = nonReader(port);
    QVERIFY(gone->waitForConnected(kWaitMs));
    gone->write(ping.repeated(kPings));
    const qint64 paused = server->load().pausedReading();
    QTRY_VERIFY_WITH_TIMEOUT(server->load().pausedReading() > paused, kWaitMs);
    gone->abort();
    QTRY_COMPARE(server->clientCount(), 1);
    attacker.abort();
    QTRY_COMPARE(server->clientCount(), 0);
    QCOMPARE(server->load().queued(), qint64(0));
    QCOMPARE(server->load().buffered(), qint64(0));
}

void TestChatHardening::pipelinedWhoNeverReadIsBounded()
{
    constexpr qint64 kBound = 16 * 1024;
    auto server = startServer([](ServerLimits &limits) {
        limits.maxQueuedOutput = kBound;
        limits.maxPerHost = 0;
    });
    const quint16 port = server->serverPort();
    std::vector<std::unique_ptr<LineClient>> room;
    for (int i = 0; i < 10; ++i) {
        room.push_back(std::make_unique<LineClient>());
        QVERIFY(room.back()->join(port, QByteArray(30, char('a' + i)) + "xy"));
    }
    const qint64 reply = 6 + 10 * 33;   // "USERS" + 10 x (" " + 32-character name) + "\n"
    QTcpSocket attacker;
    attacker.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(attacker.waitForConnected(kWaitMs));
    attacker.setReadBufferSize(1);
    attacker.write("WHO\n"_ba.repeated(20'000));   // 6.8 MB of answers asked for with 80 kB
    QTRY_VERIFY_WITH_TIMEOUT(server->load().pausedReading() >= 1, kWaitMs);
    QVERIFY2(server->load().peakConnectionQueued() <= kBound + reply,
             qPrintable(u"peak %1"_s.arg(server->load().peakConnectionQueued())));
    QVERIFY(server->load().buffered() <= 64 * 1024);
    // The room is not slowed: its members still talk.
    room[0]->send("MSG still fine\n");
    QVERIFY(room[9]->waitFor("MSG " + QByteArray(30, 'a') + "xy still fine"));
    attacker.abort();
    QTRY_COMPARE(server->clientCount(), 10);
    QTRY_COMPARE(server->load().queued(), qint64(0));
    QCOMPARE(server->load().buffered(), qint64(0));
}

void TestChatHardening::silentConnectionsMissTheHelloDeadline()
{
    auto server = startServer([](ServerLimits &limits) {
        limits.maxClients = 6;
        limits.maxPerHost = 0;
        limits.helloTimeout = std::chrono::milliseconds(300);
    });
    const quint16 port = server->serverPort();
    // Slowloris: connections that never say NICK (some trickle a WHO now and then) fill every slot.
    std::vector<std::unique_ptr<LineClient>> loris;
    for (int i = 0; i < 6; ++i) {
        loris.push_back(std::make_unique<LineClient>());
        QVERIFY(loris.back()->connectTo(port, kHostA));
    }
    QTRY_COMPARE(server->clientCount(), 6);
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &trickle, [&loris] { loris[0]->send("WHO\n"); });
    trickle.start(50);
    LineClient early;
    QVERIFY(early.connectTo(port, kHostB));
    QVERIFY(early.waitFor("ERR server-full the room is full (6 clients)"));
    // The hello deadline frees the slots: each gets the reason, then is closed.
    for (auto &l : loris) {
        QVERIFY(l->waitForClose());
        QVERIFY(l->lines.contains("ERR timeout no NICK within 0.3 s; closing"));
    }
    QCOMPARE(server->load().expired(Deadline::Hello), qint64(6));
    QTRY_COMPARE(server->clientCount(), 0);
    LineClient legit;
    QVERIFY(legit.connectTo(port, kHostB));
    QVERIFY(legit.nick("legit"));
    QCOMPARE(server->load().refusedServerFull(), qint64(1));
}

void TestChatHardening::aLineThatNeverEndsMissesTheRequestDeadline()
{
    auto server = startServer([](ServerLimits &limits) { limits.requestTimeout = std::chrono::milliseconds(400); });
    const quint16 port = server->serverPort();
    LineClient watcher, trickler;
    QVERIFY(watcher.join(port, "watcher"));
    QVERIFY(trickler.join(port, "trickler"));
    // One byte every 50 ms, never a newline; and past the 8 kB cap the rest of an overlong line, still unended.
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, &trickle, [&trickler] { trickler.send("a"); });
    trickler.send("MSG hel");
    trickle.start(50);
    // Each byte would reset a naive idle timer; the request deadline fires regardless (its ERR names it below).
    QVERIFY(watcher.waitFor("LEAVE trickler timeout"));
    QVERIFY(trickler.waitForClose());
    QVERIFY(trickler.lines.contains("ERR timeout a line was not completed within 0.4 s; closing"));
    QCOMPARE(server->load().expired(Deadline::Request), qint64(1));

    LineClient overlong;
    QVERIFY(overlong.join(port, "overlong"));
    overlong.send(QByteArray(20'000, 'x'));   // too long: refused at once, then skipped until its end
    QVERIFY(overlong.waitFor("ERR line-too-long lines have at most 8192 bytes; the line was dropped"));
    QVERIFY(watcher.waitFor("LEAVE overlong timeout"));
    QCOMPARE(server->load().expired(Deadline::Request), qint64(2));
}

void TestChatHardening::joinedListenersAreNotKickedForSilence()
{
    netcore::chat::ServerOptions options;
    options.pingAfter = std::chrono::milliseconds(100);
    auto server = std::make_unique<ChatServer>();
    server->setOptions(options);
    ServerLimits limits = server->limits();
    limits.helloTimeout = std::chrono::milliseconds(200);
    limits.requestTimeout = std::chrono::milliseconds(200);
    limits.drainTimeout = std::chrono::milliseconds(200);
    server->setLimits(limits);
    QVERIFY(server->start(QHostAddress(QHostAddress::LocalHost), 0));
    LineClient listener, talker;
    QVERIFY(listener.join(server->serverPort(), "listener"));   // never sends another byte, never answers PING
    QVERIFY(talker.join(server->serverPort(), "talker"));
    // The room goes on for well past every deadline: one message every 100 ms, eight of them.
    int sent = 0;
    QTimer pace;
    connect(&pace, &QTimer::timeout, &pace, [&] {
        if (sent < 8)
            talker.send("MSG " + QByteArray::number(sent++) + '\n');
    });
    pace.start(100);
    QVERIFY(listener.waitFor("MSG talker 7"));
    QTRY_VERIFY(std::any_of(listener.lines.cbegin(), listener.lines.cend(), [](const QByteArray &l) { return l.startsWith("PING "); }));
    QCOMPARE(listener.socket.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server->users(), (QStringList{u"listener"_s, u"talker"_s}));
    QCOMPARE(server->load().expired(Deadline::Idle), qint64(0));
    QCOMPARE(server->load().expired(Deadline::Hello), qint64(0));
}

void TestChatHardening::aReaderThatNeverDrainsIsDropped()
{
    auto server = startServer([](ServerLimits &limits) {
        limits.drainTimeout = std::chrono::milliseconds(300);
        limits.maxQueuedOutput = qint64(64) << 20;   // the too-slow bound is far: the drain deadline decides
    });
    const quint16 port = server->serverPort();
    LineClient watcher, sender;
    QVERIFY(watcher.join(port, "watcher"));
    QVERIFY(sender.join(port, "sender"));
    auto stuck = nonReader(port);
    QVERIFY(stuck->waitForConnected(kWaitMs));
    stuck->write("NICK stuck\n");
    QVERIFY(watcher.waitFor("JOIN stuck"));
    const QByteArray payload(8000, 'p');
    int sent = 0;
    while (!watcher.lines.contains("LEAVE stuck too-slow") && sent < 5000) {
        for (int i = 0; i < 50; ++i, ++sent)
            sender.send("MSG " + payload + '\n');
        QVERIFY(QTest::qWaitFor([&] { return watcher.count("MSG sender " + payload) == sent; }, kWaitMs));
    }
    QVERIFY(watcher.waitFor("LEAVE stuck too-slow"));
    QCOMPARE(server->load().expired(Deadline::Drain), qint64(1));
    QTRY_COMPARE(server->clientCount(), 2);
    QTRY_COMPARE(server->load().queued(), qint64(0));
}

void TestChatHardening::oneHostCannotTakeEverySlot()
{
    auto server = startServer([](ServerLimits &limits) { limits.maxPerHost = 2; });
    const quint16 port = server->serverPort();
    LineClient a1, a2, a3, b1;
    QVERIFY(a1.connectTo(port, kHostA));
    QVERIFY(a1.nick("a1"));
    QVERIFY(a2.connectTo(port, kHostA));   // not joined yet: it holds a slot all the same
    QTRY_COMPARE(server->clientCount(), 2);
    QVERIFY(a3.connectTo(port, kHostA));
    QVERIFY(a3.waitFor("ERR host-full 2 clients from your address already (at most 2 per address)"));
    QVERIFY(a3.waitForClose());
    QCOMPARE(server->load().refusedHostFull(), qint64(1));
    QVERIFY(b1.connectTo(port, kHostB));
    QVERIFY(b1.nick("b1"));
    QVERIFY(a2.nick("a2"));
    QCOMPARE(server->clientCount(), 3);
}

void TestChatHardening::classicLoginsCountPerHost()
{
    auto server = startServer([](ServerLimits &limits) { limits.maxPerHost = 3; });
    const quint16 port = server->serverPort();
    LineClient tcp;
    QVERIFY(tcp.connectTo(port, kHostA));
    QVERIFY(tcp.nick("tcp"));
    // Twenty logins from one host, each from its own socket (what 1,100 "L" from one script would be).
    std::vector<std::unique_ptr<ClassicClient>> flood;
    for (int i = 0; i < 20; ++i) {
        flood.push_back(std::make_unique<ClassicClient>(kHostA));
        flood.back()->send("L flood" + QByteArray::number(i), port);
    }
    QTRY_COMPARE_WITH_TIMEOUT(std::count_if(flood.cbegin(), flood.cend(), [](const auto &c) { return !c->datagrams.isEmpty(); }),
                              qsizetype(20), kWaitMs);
    const auto accepted = std::count_if(flood.cbegin(), flood.cend(), [](const auto &c) { return c->datagrams.contains("OK"); });
    QCOMPARE(accepted, qsizetype(2));   // with the TCP client: 3 from 127.0.0.2
    QCOMPARE(server->load().refusedHostFull(), qint64(18));
    ClassicClient other(kHostB);
    other.send("L other", port);
    QVERIFY(other.waitFor("OK"));
    QCOMPARE(server->users().size(), 4);
}

void TestChatHardening::classicQuitAndChatFromAnotherPortAreIgnored()
{
    auto server = startServer([](ServerLimits &) {});
    const quint16 port = server->serverPort();
    LineClient watcher;
    QVERIFY(watcher.join(port, "watcher"));
    ClassicClient ming, forger;   // same address, another port
    ming.send("L 小明", port);
    QVERIFY(ming.waitFor("OK"));
    forger.send("Q 小明", port);
    forger.send("E 小明", port);
    forger.send("C 小明 forged", port);
    forger.send("c 小明 forged too", port);
    ming.send("C 小明 real", port);
    QVERIFY(watcher.waitFor("MSG 小明 real"));
    QCOMPARE(watcher.count("MSG 小明 forged"), 0);
    QCOMPARE(watcher.count("MSG 小明 forged too"), 0);
    QCOMPARE(watcher.count("LEAVE 小明 quit"), 0);
    QCOMPARE(server->users(), (QStringList{u"watcher"_s, u"小明"_s}));
}

void TestChatHardening::stopSaysGoodbyeBeforeItReturns()
{
    auto server = startServer([](ServerLimits &) {});
    const quint16 port = server->serverPort();
    LineClient a, b, unjoined;
    QVERIFY(a.join(port, "a"));
    QVERIFY(b.join(port, "b"));
    QVERIFY(unjoined.connectTo(port));
    ClassicClient u;
    u.send("L u", port);
    QVERIFY(u.waitFor("OK"));
    QTRY_COMPARE(server->clientCount(), 4);
    server->stop();
    QCOMPARE(server->state(), ChatServer::State::Stopped);
    // The server object is gone before the event loop runs again: what stop() wrote is with the kernel already.
    server.reset();
    QVERIFY(a.waitFor("LEAVE a shutdown"));
    QVERIFY(a.waitFor("LEAVE b shutdown"));
    QVERIFY(a.waitFor("LEAVE u shutdown"));
    QVERIFY(b.waitFor("LEAVE a shutdown"));
    QVERIFY(u.waitFor("EXIT"));
    QVERIFY(a.waitForClose(1500));
    QVERIFY(b.waitForClose(1500));
    QVERIFY(unjoined.waitForClose(1500));
    QVERIFY(unjoined.lines.isEmpty());   // not in the room: no LEAVE lines for it
}

QTEST_GUILESS_MAIN(TestChatHardening)
#include "tst_chathardening.moc"

// The raw TCP server (netcore/tcp/tcpserver.h) over loopback: its modes, one transcript record per read (粘包
// visible), per-client send and disconnect, and the shared bounds asserted through load(): the per-host cap, and
// an echo client that never reads holding at most the output bound plus one read.
#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"
#include "netcore/tcp/tcpserver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::common::Deadline;
using netcore::common::Direction;
using netcore::common::ServerLimits;
using netcore::common::Transcript;
using netcore::common::TranscriptEntry;
using netcore::tcp::ServerMode;
using netcore::tcp::TcpServer;

namespace {

QTcpSocket *connectTo(const TcpServer &server, QObject *parent, const QHostAddress &from = {})
{
    auto *socket = new QTcpSocket(parent);
    if (!from.isNull())
        socket->bind(from, 0);
    socket->connectToHost(QHostAddress::LocalHost, server.serverPort());
    return socket;
}

QList<QByteArray> received(const Transcript &transcript)
{
    QList<QByteArray> reads;
    for (const TranscriptEntry &entry : transcript.entries())
        if (entry.direction == Direction::Received)
            reads.append(entry.bytes);
    return reads;
}

} // namespace

class TestTcpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void echoesEveryRead()
    {
        Transcript transcript;
        TcpServer server(&transcript);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->write("hello, 服务器\n");
        QTRY_COMPARE(client->bytesAvailable(), qint64(QByteArray("hello, 服务器\n").size()));
        QCOMPARE(client->readAll(), "hello, 服务器\n"_ba);
        QCOMPARE(received(transcript), QList<QByteArray>{"hello, 服务器\n"_ba});
        QTRY_COMPARE(server.clients().value(0).bytesSent, qint64(QByteArray("hello, 服务器\n").size()));
    }

    void answersWithAFixedReply()
    {
        TcpServer server;
        server.setMode(ServerMode::FixedReply);
        server.setFixedReply("OK\n"_ba);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->write("anything");
        QTRY_COMPARE(client->bytesAvailable(), qint64(3));
        QCOMPARE(client->readAll(), "OK\n"_ba);
    }

    void answersByRule()
    {
        TcpServer server;
        server.setMode(ServerMode::Rules);
        server.setRules({{"ping"_ba, "pong\n"_ba}, {"time"_ba, "now\n"_ba}});
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QSignalSpy reads(&server, &TcpServer::received);
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->write("nothing matches");
        QVERIFY(reads.wait(5000));
        client->write("what time is it?");
        QTRY_COMPARE(client->bytesAvailable(), qint64(4));
        QCOMPARE(client->readAll(), "now\n"_ba);   // the first read got no answer
        client->write("ping");
        QTRY_COMPARE(client->bytesAvailable(), qint64(5));
        QCOMPARE(client->readAll(), "pong\n"_ba);
    }

    void answersByRegexRule()
    {
        TcpServer server;
        server.setMode(ServerMode::Rules);
        // A pattern is searched in the read's bytes: `^` is the read's start, `\x00` a zero byte; the first rule wins.
        server.setRules({{"^GET /\\w+ HTTP/1\\.[01]\\r\\n"_ba, "HTTP/1.0 200 OK\r\n\r\n"_ba, true},
                         {"\\x00\\x01"_ba, "binary\n"_ba, true},
                         {"GET"_ba, "plain\n"_ba}});
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->write("GET /index HTTP/1.1\r\n");
        QTRY_COMPARE(client->bytesAvailable(), qint64(19));
        QCOMPARE(client->readAll(), "HTTP/1.0 200 OK\r\n\r\n"_ba);
        client->write("a GET that is not at the start");   // the regex wants ^GET: the plain rule answers
        QTRY_COMPARE(client->bytesAvailable(), qint64(6));
        QCOMPARE(client->readAll(), "plain\n"_ba);
        client->write(QByteArray("\xff\x00\x01\xfe", 4));
        QTRY_COMPARE(client->bytesAvailable(), qint64(7));
        QCOMPARE(client->readAll(), "binary\n"_ba);
        // A pattern that does not compile is a fact with its place, and never matches.
        const auto problem = netcore::tcp::checkRulePattern("ab(c"_ba);
        QVERIFY(problem);
        QCOMPARE(problem->offset, 4);
        QVERIFY(!problem->raw.isEmpty());
        QVERIFY(!netcore::tcp::checkRulePattern("^ok$"_ba));
    }

    void twoMessagesInOneWriteAreOneRead()
    {
        // 粘包: the client's two messages leave in one write(); the server's one read holds both, and the
        // transcript shows them as one record (the boundary the application meant is not on the wire).
        Transcript transcript;
        TcpServer server(&transcript);
        server.setMode(ServerMode::Show);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QSignalSpy reads(&server, &TcpServer::received);
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->write("LOGIN alice##"_ba + "MSG hello##"_ba);
        QVERIFY(reads.wait(5000));
        QCOMPARE(reads.size(), 1);
        QCOMPARE(reads.at(0).at(1).toByteArray(), "LOGIN alice##MSG hello##"_ba);
        QCOMPARE(received(transcript), QList<QByteArray>{"LOGIN alice##MSG hello##"_ba});
        QCOMPARE(client->bytesAvailable(), qint64(0));   // show only: nothing comes back
    }

    void sendsToOneClientAndToAll()
    {
        TcpServer server;
        server.setMode(ServerMode::Show);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *first = connectTo(server, &owner);
        QTcpSocket *second = connectTo(server, &owner);
        QTRY_COMPARE(server.clientCount(), 2);
        const quint64 firstId = server.clients().at(0).id;
        QVERIFY(first->waitForConnected(5000) && second->waitForConnected(5000));
        // Which socket is which client: the first to connect is the first in the list.
        QTRY_VERIFY(first->state() == QAbstractSocket::ConnectedState);
        QVERIFY(server.sendTo(firstId, "just you\n"_ba));
        QVERIFY(!server.sendTo(9999, "nobody\n"_ba));
        QCOMPARE(server.sendToAll("everyone\n"_ba), 2);
        QTRY_COMPARE(first->bytesAvailable() + second->bytesAvailable(), qint64(9 + 9 + 9));
        const QByteArray a = first->readAll();
        const QByteArray b = second->readAll();
        QVERIFY((a == "just you\neveryone\n"_ba && b == "everyone\n"_ba)
                || (b == "just you\neveryone\n"_ba && a == "everyone\n"_ba));
    }

    void disconnectsOneClient()
    {
        Transcript transcript;
        TcpServer server(&transcript);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QTRY_COMPARE(server.clientCount(), 1);
        QSignalSpy gone(client, &QTcpSocket::disconnected);
        QVERIFY(server.disconnectClient(server.clients().at(0).id));
        QVERIFY(gone.wait(5000));
        QTRY_COMPARE(server.clientCount(), 0);
        QVERIFY(!server.disconnectClient(12345));
    }

    void oneHostHasItsCap()
    {
        TcpServer server;
        ServerLimits limits = server.limits();
        limits.maxPerHost = 2;
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::Any, 0));
        QObject owner;
        connectTo(server, &owner, QHostAddress(u"127.0.0.2"_s));
        connectTo(server, &owner, QHostAddress(u"127.0.0.2"_s));
        QTRY_COMPARE(server.clientCount(), 2);
        QTcpSocket *third = connectTo(server, &owner, QHostAddress(u"127.0.0.2"_s));
        QSignalSpy refused(third, &QTcpSocket::disconnected);
        QVERIFY(refused.wait(5000));
        QCOMPARE(third->readAll(), QByteArray());   // raw TCP: closed without a word
        QCOMPARE(server.load().refusedHostFull(), qint64(1));
        QTcpSocket *other = connectTo(server, &owner, QHostAddress(u"127.0.0.3"_s));
        QVERIFY(other->waitForConnected(5000));
        other->write("still here");
        QTRY_COMPARE(other->bytesAvailable(), qint64(10));
        QCOMPARE(server.clientCount(), 3);
    }

    void anEchoClientThatNeverReadsIsBounded()
    {
        Transcript transcript;
        TcpServer server(&transcript);
        ServerLimits limits = server.limits();
        limits.maxQueuedOutput = 64 * 1024;
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->setReadBufferSize(1);   // takes almost nothing from its kernel
        client->write(QByteArray(32 * 1024 * 1024, 'e'));
        QTRY_VERIFY_WITH_TIMEOUT(server.load().pausedReading() >= 1, 20000);
        // TCP pushes back: what the server does not read stays with the client.
        QTRY_VERIFY_WITH_TIMEOUT(client->bytesToWrite() > 0, 20000);
        // One read (64 KiB) may be echoed past the bound, never more.
        const qint64 bound = limits.maxQueuedOutput + TcpServer::kReadChunk;
        QVERIFY2(server.load().peakConnectionQueued() <= bound,
                 qPrintable(u"peak %1"_s.arg(server.load().peakConnectionQueued())));
        QVERIFY(server.load().peakQueued() <= bound);
        bool pausedRecorded = false;
        for (const TranscriptEntry &entry : transcript.entries())
            pausedRecorded |= entry.event.area == netcore::common::EventArea::Tcp
                              && entry.event.code == quint16(netcore::tcp::Event::ReadingPaused);
        QVERIFY(pausedRecorded);
    }

    void idleClientsAreClosedOnlyWhenAsked()
    {
        TcpServer server;
        QCOMPARE(server.limits().idleTimeout.count(), 0);   // off by default
        ServerLimits limits = server.limits();
        limits.idleTimeout = std::chrono::milliseconds(300);
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QVERIFY(client->waitForConnected(5000));
        QSignalSpy gone(client, &QTcpSocket::disconnected);
        QVERIFY(gone.wait(5000));
        QCOMPARE(server.load().expired(Deadline::Idle), qint64(1));
        QTRY_COMPARE(server.clientCount(), 0);
    }

    void stopClosesEveryClient()
    {
        TcpServer server;
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectTo(server, &owner);
        QTRY_COMPARE(server.clientCount(), 1);
        QSignalSpy gone(client, &QTcpSocket::disconnected);
        server.stop();
        QCOMPARE(server.clientCount(), 0);
        QVERIFY(gone.wait(5000));
        QVERIFY(!server.isListening());
    }
};

QTEST_GUILESS_MAIN(TestTcpServer)
#include "tst_tcpserver.moc"

// TCP_INFO facts (netcore/tcp/tcpinfo.h) on a real loopback connection, through the client's and the server's
// accessors: state ESTABLISHED, a round-trip time above zero once data was acknowledged, bytes acknowledged that
// grow with what we send, and a send queue that fills while the peer does not read.
#include "netcore/tcp/tcpclient.h"
#include "netcore/tcp/tcpinfo.h"
#include "netcore/tcp/tcpserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::tcp::ServerMode;
using netcore::tcp::TcpClient;
using netcore::tcp::TcpFacts;
using netcore::tcp::TcpServer;
using netcore::tcp::TcpState;

class TestTcpInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notASocket()
    {
        QVERIFY(!netcore::tcp::readTcpFacts(-1));
        QVERIFY(!netcore::tcp::readTcpFacts(0));   // stdin is not a TCP socket
    }

    void clientFactsOnLoopback()
    {
        TcpServer server;
        server.setMode(ServerMode::Echo);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        TcpClient client;
        QVERIFY(!client.tcpFacts());   // not connected
        client.connectTo(u"127.0.0.1"_s, server.serverPort());
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        const std::optional<TcpFacts> before = client.tcpFacts();
        QVERIFY(before);
        QCOMPARE(before->state, TcpState::Established);
        QVERIFY(before->sendBuffer > 0);
        QVERIFY(before->receiveBuffer > 0);
        QVERIFY(before->sndMss > 0);
        QVERIFY(client.send(QByteArray(10000, 'x')));
        QTRY_COMPARE(client.bytesReceived(), qint64(10000));
        // Acknowledged: the kernel measured a round trip and counted the bytes.
        QTRY_VERIFY(client.tcpFacts()->bytesAcked >= before->bytesAcked + 10000);
        const TcpFacts after = *client.tcpFacts();
        QVERIFY2(after.rttUs > 0, qPrintable(QString::number(after.rttUs)));
        QVERIFY(after.bytesReceived >= 10000);
        QTRY_COMPARE(server.clientCount(), 1);
        const std::optional<TcpFacts> serverSide = server.tcpFacts(server.clients().constFirst().id);
        QVERIFY(serverSide);
        QCOMPARE(serverSide->state, TcpState::Established);
        QVERIFY(serverSide->bytesReceived >= 10000);
        QVERIFY(!server.tcpFacts(999));
        client.close();
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QVERIFY(!client.tcpFacts());
        QVERIFY(client.lastTcpFacts());   // kept from before the close
        QVERIFY(client.lastTcpFacts()->bytesAcked >= 10000);
    }

    void sendQueueFillsWhileThePeerDoesNotRead()
    {
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        TcpClient client;
        client.connectTo(u"127.0.0.1"_s, listener.serverPort());
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        QTRY_VERIFY(listener.hasPendingConnections());
        QTcpSocket *peer = listener.nextPendingConnection();
        peer->setReadBufferSize(1);   // the peer's program takes (almost) nothing
        QVERIFY(client.send(QByteArray(8 * 1024 * 1024, 'q')));
        QTRY_VERIFY_WITH_TIMEOUT(client.tcpFacts() && client.tcpFacts()->sendQueue > 0, 10000);
        const TcpFacts facts = *client.tcpFacts();
        QCOMPARE(facts.state, TcpState::Established);
        QVERIFY(facts.sendQueue > 0);
        // The peer's kernel holds what its program has not read.
        const std::optional<TcpFacts> peerFacts = netcore::tcp::readTcpFacts(peer->socketDescriptor());
        QVERIFY(peerFacts);
        QVERIFY(peerFacts->receiveQueue > 0);
    }
};

QTEST_GUILESS_MAIN(TestTcpInfo)
#include "tst_tcpinfo.moc"

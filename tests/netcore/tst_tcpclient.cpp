// The raw TCP client session (netcore/tcp/tcpclient.h) against our own server and against Python peers written
// the way the course writes them: line endings, TCP_NODELAY as the kernel has it, graceful close (the peer reads
// EOF), half-close (the peer reads EOF and its reply still arrives), abort (the peer sees ECONNRESET), refusal.
#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"
#include "netcore/tcp/tcpclient.h"
#include "netcore/tcp/tcpserver.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::common::Transcript;
using netcore::tcp::LineEnding;
using netcore::tcp::TcpClient;
using netcore::tcp::TcpServer;

namespace {

// A one-connection Python server on port 0: prints its port, then what it saw, one word a line.
//   eof-reply: reads until EOF, prints "EOF n", then still sends "got n bytes\n" and closes
//   watch:     reads until EOF ("EOF n") or a reset ("RESET")
const QString kPeer = uR"(import socket, sys
mode = sys.argv[1]
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen(1)
print(srv.getsockname()[1], flush=True)
conn, _ = srv.accept()
got = b''
try:
    while True:
        data = conn.recv(1024)
        if not data:
            break
        got += data
except ConnectionResetError:
    print('RESET', flush=True)
    sys.exit(0)
print('EOF', len(got), flush=True)
if mode == 'eof-reply':
    conn.sendall(b'got %d bytes\n' % len(got))
conn.close()
)"_s;

struct Peer {
    QProcess process;
    quint16 port = 0;

    bool start(const QString &mode)
    {
        process.start(u"python3"_s, {u"-c"_s, kPeer, mode});
        if (!process.waitForStarted(5000))
            return false;
        while (!process.canReadLine())
            if (!process.waitForReadyRead(10000))
                return false;
        port = quint16(process.readLine().trimmed().toUInt());
        return port != 0;
    }
    // The lines the peer printed since its port, trimmed (read without blocking the event loop).
    QList<QByteArray> said()
    {
        output += process.readAllStandardOutput();
        QList<QByteArray> lines;
        for (const QByteArray &line : output.split('\n'))
            if (!line.trimmed().isEmpty())
                lines.append(line.trimmed());
        return lines;
    }
    QByteArray output;
};

} // namespace

class TestTcpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void talksToOurEchoServer()
    {
        TcpServer server;
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        Transcript transcript;
        TcpClient client(&transcript);
        QSignalSpy states(&client, &TcpClient::stateChanged);
        QSignalSpy received(&client, &TcpClient::received);
        client.connectTo(u"localhost"_s, server.serverPort());   // a name, resolved
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        QVERIFY(client.send(netcore::tcp::withLineEnding("hi"_ba, LineEnding::CrLf)));
        QVERIFY(received.wait(5000));
        QCOMPARE(received.at(0).at(0).toByteArray(), "hi\r\n"_ba);
        QCOMPARE(client.bytesSent(), qint64(4));
        QCOMPARE(client.reads(), qint64(1));
        client.close();
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QVERIFY(!client.closedByPeer());
        QTRY_COMPARE(server.clientCount(), 0);
        QCOMPARE(netcore::tcp::withLineEnding("x"_ba, LineEnding::Lf), "x\n"_ba);
        QCOMPARE(netcore::tcp::withLineEnding("x"_ba, LineEnding::None), "x"_ba);
    }

    void noDelayIsWhatTheKernelHas()
    {
        TcpServer server;
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        TcpClient client;
        client.setNoDelay(true);
        client.connectTo(u"127.0.0.1"_s, server.serverPort());
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        QCOMPARE(client.kernelNoDelay(), 1);
        client.setNoDelay(false);
        QCOMPARE(client.kernelNoDelay(), 0);
    }

    void gracefulCloseIsEofForThePeer()
    {
        Peer peer;
        QVERIFY(peer.start(u"watch"_s));
        TcpClient client;
        client.connectTo(u"127.0.0.1"_s, peer.port);
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        client.send("abc"_ba);
        client.close();
        QTRY_COMPARE_WITH_TIMEOUT(peer.said(), QList<QByteArray>{"EOF 3"_ba}, 10000);
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
    }

    void halfCloseStillReadsThePeersReply()
    {
        Peer peer;
        QVERIFY(peer.start(u"eof-reply"_s));
        Transcript transcript;
        TcpClient client(&transcript);
        QSignalSpy received(&client, &TcpClient::received);
        client.connectTo(u"127.0.0.1"_s, peer.port);
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        client.send("hello"_ba);
        client.halfClose();
        QCOMPARE(client.state(), TcpClient::State::HalfClosed);
        QVERIFY(!client.send("too late"_ba));   // our sending side is shut
        QTRY_COMPARE_WITH_TIMEOUT(peer.said(), QList<QByteArray>{"EOF 5"_ba}, 10000);   // the peer read our FIN ...
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QByteArray all;
        for (const QList<QVariant> &read : std::as_const(received))
            all += read.at(0).toByteArray();
        QCOMPARE(all, "got 5 bytes\n"_ba);      // ... and its reply still reached us
        QVERIFY(client.closedByPeer());
        bool halfClosed = false;
        for (const auto &entry : transcript.entries())
            halfClosed |= entry.event.area == netcore::common::EventArea::Tcp
                          && entry.event.code == quint16(netcore::tcp::Event::HalfClosed);
        QVERIFY(halfClosed);
    }

    void abortIsAResetForThePeer()
    {
        Peer peer;
        QVERIFY(peer.start(u"watch"_s));
        TcpClient client;
        client.connectTo(u"127.0.0.1"_s, peer.port);
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        client.send("x"_ba);
        client.abort();
        QCOMPARE(client.state(), TcpClient::State::Closed);
        QTRY_COMPARE_WITH_TIMEOUT(peer.said(), QList<QByteArray>{"RESET"_ba}, 10000);
    }

    void aClosedPortRefuses()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        TcpClient client;
        QSignalSpy errors(&client, &TcpClient::errorOccurred);
        client.connectTo(u"127.0.0.1"_s, port);
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.at(0).at(0).value<TcpClient::Error>(), TcpClient::Error::ConnectionRefused);
        QCOMPARE(client.errorDetail().peer, u"127.0.0.1:%1"_s.arg(port));
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QVERIFY(!client.send("x"_ba));
    }
};

QTEST_GUILESS_MAIN(TestTcpClient)
#include "tst_tcpclient.moc"

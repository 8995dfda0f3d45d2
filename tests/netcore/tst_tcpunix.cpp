// The TCP workbench over Unix-domain sockets (AF_UNIX): our client against our server (every read one record,
// half-close, close), the same bounds as TCP asserted through load() (maxClients refuses, an echo client that never
// reads holds at most the output bound plus one read, the idle deadline), the listener's handling of a stale socket
// file, a live one and a path that is not a socket, and the client's errors (no such file, not a socket, refused).
#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"
#include "netcore/tcp/tcpclient.h"
#include "netcore/tcp/tcpserver.h"

#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using netcore::common::Deadline;
using netcore::common::Direction;
using netcore::common::ServerLimits;
using netcore::common::Transcript;
using netcore::common::TranscriptEntry;
using netcore::tcp::ServerMode;
using netcore::tcp::TcpClient;
using netcore::tcp::TcpServer;

namespace {

QList<QByteArray> reads(const Transcript &transcript)
{
    QList<QByteArray> list;
    for (const TranscriptEntry &entry : transcript.entries())
        if (entry.direction == Direction::Received)
            list.append(entry.bytes);
    return list;
}

// A socket file whose server is gone: bound, then closed without unlink.
bool makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    std::memcpy(address.sun_path, encoded.constData(), std::size_t(encoded.size()));
    const bool ok = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

} // namespace

class TestTcpUnix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientAndServerEcho()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"echo.sock"_s);
        Transcript serverLog;
        TcpServer server(&serverLog);
        QVERIFY(server.listenUnix(path));
        QVERIFY(server.isUnix());
        QCOMPARE(server.unixPath(), path);
        Transcript clientLog;
        TcpClient client(&clientLog);
        QSignalSpy got(&client, &TcpClient::received);
        client.connectToUnix(path);
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        QVERIFY(client.isUnix());
        QCOMPARE(client.peerEndpoint(), path);
        QTRY_COMPARE(server.clientCount(), 1);
        QVERIFY(server.clients().constFirst().peer.startsWith(u"unix"_s));
        QVERIFY(!server.tcpFacts(server.clients().constFirst().id));   // no TCP_INFO on AF_UNIX
        QVERIFY(!client.tcpFacts());
        QVERIFY(client.send("hello, 本地套接字\n"_ba));
        QTRY_COMPARE(client.bytesReceived(), qint64(QByteArray("hello, 本地套接字\n").size()));
        QCOMPARE(reads(serverLog), QList<QByteArray>{"hello, 本地套接字\n"_ba});
        QCOMPARE(reads(clientLog), QList<QByteArray>{"hello, 本地套接字\n"_ba});
        client.close();
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QTRY_COMPARE(server.clientCount(), 0);
        server.stop();
        QVERIFY(!QFile::exists(path));   // the server removes its socket file
    }

    void halfCloseStillReads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"half.sock"_s);
        TcpServer server;
        server.setMode(ServerMode::Show);
        QVERIFY(server.listenUnix(path));
        // The server answers only after it read our EOF: the reply still arrives.
        connect(&server, &TcpServer::received, &server, [&server](quint64 id, const QByteArray &) {
            server.sendTo(id, "late reply"_ba);
        });
        TcpClient client;
        client.connectToUnix(path);
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        QVERIFY(client.send("ping"_ba));
        client.halfClose();
        QCOMPARE(client.state(), TcpClient::State::HalfClosed);
        QTRY_COMPARE(client.bytesReceived(), qint64(10));
        QVERIFY(!client.send("more"_ba));   // our sending side is shut
        QCOMPARE(client.error(), TcpClient::Error::NotConnected);
    }

    void maxClientsRefusesTheNext()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cap.sock"_s);
        TcpServer server;
        ServerLimits limits = server.limits();
        limits.maxClients = 2;
        limits.maxPerHost = 1;   // does not apply to Unix clients (no address)
        server.setLimits(limits);
        QVERIFY(server.listenUnix(path));
        QObject owner;
        QList<QLocalSocket *> sockets;
        for (int i = 0; i < 3; ++i) {
            auto *socket = new QLocalSocket(&owner);
            socket->connectToServer(path);
            sockets.append(socket);
        }
        QTRY_COMPARE(server.load().refusedServerFull(), qint64(1));
        QCOMPARE(server.clientCount(), 2);
        QCOMPARE(server.load().refusedHostFull(), qint64(0));
        QTRY_COMPARE(sockets.at(2)->state(), QLocalSocket::UnconnectedState);
    }

    void anEchoClientThatNeverReadsIsBounded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"slow.sock"_s);
        TcpServer server;
        ServerLimits limits = server.limits();
        limits.maxQueuedOutput = 64 * 1024;
        server.setLimits(limits);
        QVERIFY(server.listenUnix(path));
        QObject owner;
        auto *client = new QLocalSocket(&owner);
        client->connectToServer(path);
        QVERIFY(client->waitForConnected(5000));
        client->setReadBufferSize(1);
        client->write(QByteArray(32 * 1024 * 1024, 'e'));
        QTRY_VERIFY_WITH_TIMEOUT(server.load().pausedReading() >= 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(client->bytesToWrite() > 0, 20000);
        const qint64 bound = limits.maxQueuedOutput + TcpServer::kReadChunk;
        QVERIFY2(server.load().peakConnectionQueued() <= bound,
                 qPrintable(u"peak %1"_s.arg(server.load().peakConnectionQueued())));
        QVERIFY(server.load().peakQueued() <= bound);
    }

    void idleDeadlineCloses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"idle.sock"_s);
        TcpServer server;
        ServerLimits limits = server.limits();
        limits.idleTimeout = std::chrono::milliseconds(150);
        server.setLimits(limits);
        QVERIFY(server.listenUnix(path));
        TcpClient client;
        client.connectToUnix(path);
        QTRY_COMPARE(client.state(), TcpClient::State::Connected);
        QTRY_COMPARE(server.load().expired(Deadline::Idle), qint64(1));
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QVERIFY(client.closedByPeer());
    }

    void staleSocketFileIsTakenOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"stale.sock"_s);
        QVERIFY(makeStaleSocket(path));
        QVERIFY(QFile::exists(path));
        // The client is refused: nobody listens there.
        TcpClient client;
        QSignalSpy failed(&client, &TcpClient::errorOccurred);
        client.connectToUnix(path);
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QCOMPARE(client.error(), TcpClient::Error::UnixRefused);
        QCOMPARE(client.errorDetail().path, path);
        // The server takes the path over and says so.
        Transcript log;
        TcpServer server(&log);
        QVERIFY(server.listenUnix(path));
        QVERIFY(server.removedStaleSocket());
        bool said = false;
        for (const TranscriptEntry &entry : log.entries())
            said |= entry.event.area == netcore::common::EventArea::Tcp
                    && entry.event.code == quint16(netcore::tcp::Event::StaleSocketRemoved);
        QVERIFY(said);
    }

    void aLiveSocketIsInUse()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"live.sock"_s);
        TcpServer first;
        QVERIFY(first.listenUnix(path));
        TcpServer second;
        QSignalSpy failed(&second, &TcpServer::errorOccurred);
        QVERIFY(!second.listenUnix(path));
        QCOMPARE(second.error(), TcpServer::Error::UnixPathInUse);
        QCOMPARE(second.errorDetail().path, path);
        QVERIFY(QFile::exists(path));   // the live server's file is left alone
    }

    void aFileIsNotASocket()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"plain.txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a socket");
        file.close();
        TcpServer server;
        QVERIFY(!server.listenUnix(path));
        QCOMPARE(server.error(), TcpServer::Error::UnixNotASocket);
        QVERIFY(QFile::exists(path));   // never removed
        TcpClient client;
        client.connectToUnix(path);
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QCOMPARE(client.error(), TcpClient::Error::UnixNotASocket);
    }

    void noSuchFile()
    {
        QTemporaryDir dir;
        TcpClient client;
        client.connectToUnix(dir.filePath(u"nothing.sock"_s));
        QTRY_COMPARE(client.state(), TcpClient::State::Closed);
        QCOMPARE(client.error(), TcpClient::Error::UnixNoSuchFile);
        TcpServer server;
        QVERIFY(!server.listenUnix(dir.filePath(u"no/such/folder.sock"_s)));
        QCOMPARE(server.error(), TcpServer::Error::UnixNoSuchFolder);
    }
};

QTEST_GUILESS_MAIN(TestTcpUnix)
#include "tst_tcpunix.moc"

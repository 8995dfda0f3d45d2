// The shared hardening mechanism (netcore/common: ConnectionGuard, Listener, Server::admit, names) on real
// loopback sockets, through a small line server built by the same recipe every server follows
// (docs/reliability.md): admit, guard, write through the guard, wait while readingPaused(), deadlines.
#include "netcore/common/connectionguard.h"
#include "netcore/common/listener.h"
#include "netcore/common/names.h"
#include "netcore/common/server.h"

#include <QDeadlineTimer>
#include <QPointer>
#include <QScopeGuard>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;
using netcore::common::Admission;
using netcore::common::ConnectionGuard;
using netcore::common::Deadline;
using netcore::common::ServerLimits;

namespace {

// Lines in, lines out: "HELLO" joins, "BIG n" answers n bytes (an amplifying request), anything else is echoed.
class LineServer final : public netcore::common::Server
{
public:
    LineServer()
        : m_listener(new netcore::common::Listener(this))
    {
        connect(m_listener, &QTcpServer::newConnection, this, &LineServer::onNewConnection);
    }

    bool start(const QHostAddress &address, quint16 port) override
    {
        const bool ok = m_listener->listen(address, port);
        setState(ok ? State::Listening : State::Stopped);
        return ok;
    }
    void stop() override
    {
        m_listener->close();
        setState(State::Stopped);
    }
    bool disconnectClient(quint64) override { return false; }
    QHostAddress serverAddress() const override { return m_listener->serverAddress(); }
    quint16 serverPort() const override { return m_listener->serverPort(); }
    netcore::common::Listener *listener() const { return m_listener; }

    int handled = 0;
    QList<Deadline> expiries;

private:
    void onNewConnection()
    {
        while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
            if (admit(socket->peerAddress()) != Admission::Admitted) {
                socket->write("FULL\n");
                socket->disconnectFromHost();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                continue;
            }
            const quint64 id = addClient(socket->peerAddress().toString(), socket->peerAddress());
            auto *guard = new ConnectionGuard(socket, limits(), sharedLoad(), socket);
            connect(socket, &QTcpSocket::readyRead, guard, [this, socket, guard] { serve(socket, guard); });
            connect(guard, &ConnectionGuard::resumed, guard, [this, socket, guard] { serve(socket, guard); });
            connect(guard, &ConnectionGuard::expired, this, [this](Deadline which) { expiries.append(which); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket, id] {
                removeClient(id);
                socket->deleteLater();
            });
        }
    }

    void serve(QTcpSocket *socket, ConnectionGuard *guard)
    {
        while (!guard->readingPaused()) {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > 0)
                    guard->requestBegun();
                return;
            }
            const QByteArray line = socket->readLine().trimmed();
            guard->requestDone();
            ++handled;
            if (line == "HELLO") {
                guard->helloDone();
                guard->write("WELCOME\n");
            } else if (line.startsWith("BIG ")) {
                guard->write(QByteArray(line.mid(4).toInt(), 'x') + '\n');
            } else {
                guard->write(line + '\n');
            }
        }
    }

    netcore::common::Listener *m_listener;
};

QTcpSocket *connectFrom(const QHostAddress &from, const LineServer &server, QObject *parent)
{
    auto *socket = new QTcpSocket(parent);
    if (!from.isNull())
        socket->bind(from, 0);
    socket->connectToHost(QHostAddress::LocalHost, server.serverPort());
    return socket;
}

ServerLimits quiet()
{
    ServerLimits limits;
    limits.maxClients = 100;
    limits.maxPerHost = 0;
    return limits;
}

} // namespace

class TestServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pipelinedRequestsWaitForOutputToDrain()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.maxQueuedOutput = 256 * 1024;
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectFrom({}, server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->setReadBufferSize(1);   // a client that never reads
        // 2000 requests of 1 MiB answers each: 2 GB if every one were answered while nobody reads.
        QByteArray burst;
        for (int i = 0; i < 2000; ++i)
            burst += "BIG 1048576\n";
        client->write(burst);
        QTRY_VERIFY(server.load().pausedReading() >= 1);
        QTRY_COMPARE(client->bytesToWrite(), qint64(0));   // every request is with the server (in its kernel buffer)
        QVERIFY2(server.handled < 20, qPrintable(u"handled %1 requests"_s.arg(server.handled)));
        // One answer may overshoot the bound (it was asked for before the bound was reached), never more.
        QVERIFY(server.load().peakConnectionQueued() <= limits.maxQueuedOutput + 1048577);
        QVERIFY(server.load().peakQueued() <= limits.maxQueuedOutput + 1048577);
    }

    void readingResumesWhenTheClientReads()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.maxQueuedOutput = 64 * 1024;
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectFrom({}, server, &owner);
        QVERIFY(client->waitForConnected(5000));
        QByteArray burst;
        for (int i = 0; i < 200; ++i)
            burst += "BIG 65536\n";
        client->write(burst);
        qint64 got = 0;
        const qint64 want = 200 * 65537;
        connect(client, &QTcpSocket::readyRead, &owner, [&] { got += client->readAll().size(); });
        QTRY_COMPARE_WITH_TIMEOUT(got, want, 20000);
        QCOMPARE(server.handled, 200);
        QVERIFY(server.load().pausedReading() >= 1);
        QVERIFY(server.load().peakConnectionQueued() <= limits.maxQueuedOutput + 65537);
        QTRY_COMPARE(server.load().queued(), qint64(0));
    }

    void outputThatDoesNotDrainIsAborted()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.drainTimeout = std::chrono::milliseconds(300);
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectFrom({}, server, &owner);
        QVERIFY(client->waitForConnected(5000));
        client->setReadBufferSize(1);
        client->write("BIG 33554432\n");   // more than any kernel buffer takes
        QTRY_COMPARE_WITH_TIMEOUT(server.load().expired(Deadline::Drain), qint64(1), 10000);
        QTRY_COMPARE(server.clientCount(), 0);
        QTRY_COMPARE(server.load().queued(), qint64(0));
        QCOMPARE(server.expiries, QList<Deadline>{Deadline::Drain});
    }

    void silentConnectionMissesTheHelloDeadline()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.helloTimeout = std::chrono::milliseconds(200);
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *silent = connectFrom({}, server, &owner);
        QTcpSocket *polite = connectFrom({}, server, &owner);
        QVERIFY(silent->waitForConnected(5000));
        QVERIFY(polite->waitForConnected(5000));
        polite->write("HELLO\n");
        QSignalSpy silentGone(silent, &QTcpSocket::disconnected);
        QVERIFY(silentGone.wait(5000));
        QCOMPARE(server.load().expired(Deadline::Hello), qint64(1));
        QCOMPARE(polite->state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(server.clientCount(), 1);
    }

    void aTrickleCannotHoldARequestOpen()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.requestTimeout = std::chrono::milliseconds(400);
        limits.idleTimeout = std::chrono::milliseconds(400);
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectFrom({}, server, &owner);
        QVERIFY(client->waitForConnected(5000));
        // One byte every 50 ms, never a newline: each byte would reset a naive idle timer.
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, client, [client] { client->write("a"); });
        trickle.start(50);
        // A naive timer would keep it open for ever: the wait's limit is only the test's patience.
        QSignalSpy gone(client, &QTcpSocket::disconnected);
        QVERIFY(gone.wait(10000));
        QVERIFY(server.load().expired(Deadline::Request) + server.load().expired(Deadline::Idle) == 1);
    }

    void completeRequestsKeepAConnectionAlive()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.requestTimeout = std::chrono::milliseconds(300);
        limits.idleTimeout = std::chrono::milliseconds(300);
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        QTcpSocket *client = connectFrom({}, server, &owner);
        QVERIFY(client->waitForConnected(5000));
        int answers = 0;
        connect(client, &QTcpSocket::readyRead, &owner, [&] {
            while (client->canReadLine()) {
                client->readLine();
                ++answers;
            }
        });
        QTimer ping;
        connect(&ping, &QTimer::timeout, client, [client] { client->write("ping\n"); });
        ping.start(100);
        QTRY_VERIFY_WITH_TIMEOUT(answers >= 12, 10000);   // 1.2 s: four idle periods, always reset
        QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(server.load().expired(Deadline::Idle), qint64(0));
    }

    void oneHostCannotTakeEverySlot()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.maxClients = 10;
        limits.maxPerHost = 3;
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::Any, 0));
        QObject owner;
        QList<QTcpSocket *> loop;
        for (int i = 0; i < 3; ++i)
            loop.append(connectFrom(QHostAddress(u"127.0.0.2"_s), server, &owner));
        QTRY_COMPARE(server.clientCount(), 3);
        QTcpSocket *fourth = connectFrom(QHostAddress(u"127.0.0.2"_s), server, &owner);
        QSignalSpy refused(fourth, &QTcpSocket::disconnected);
        QVERIFY(refused.wait(5000));
        QCOMPARE(fourth->readAll(), "FULL\n"_ba);
        QCOMPARE(server.load().refusedHostFull(), qint64(1));
        QTcpSocket *other = connectFrom(QHostAddress(u"127.0.0.3"_s), server, &owner);
        QVERIFY(other->waitForConnected(5000));
        other->write("HELLO\n");
        QTRY_COMPARE(other->bytesAvailable(), qint64(8));
        QCOMPARE(other->readAll(), "WELCOME\n"_ba);
        QCOMPARE(server.clientCount(), 4);
    }

    void theServerCapCountsEveryHost()
    {
        LineServer server;
        ServerLimits limits = quiet();
        limits.maxClients = 2;
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QObject owner;
        connectFrom({}, server, &owner);
        connectFrom({}, server, &owner);
        QTRY_COMPARE(server.clientCount(), 2);
        QTcpSocket *third = connectFrom({}, server, &owner);
        QSignalSpy refused(third, &QTcpSocket::disconnected);
        QVERIFY(refused.wait(5000));
        QCOMPARE(server.load().refusedServerFull(), qint64(1));
    }

    void runningOutOfDescriptorsPausesAcceptingWithoutSpinning()
    {
        LineServer server;
        server.setLimits(quiet());
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        // The clients live in another process: this one is about to run out of descriptors.
        QProcess clients;
        clients.setProgram(u"python3"_s);
        clients.setArguments({u"-c"_s, u"import socket,sys\n"
                                        "print('ready', flush=True)\n"
                                        "sys.stdin.readline()\n"
                                        "s=[socket.create_connection(('127.0.0.1',%1)) for _ in range(12)]\n"
                                        "print('connected', flush=True)\n"
                                        "sys.stdin.readline()\n"_s.arg(server.serverPort())});
        clients.start();
        QVERIFY(clients.waitForStarted(5000));
        // Python has started (on a loaded machine that can take seconds): only the connects remain.
        QTRY_VERIFY_WITH_TIMEOUT(clients.canReadLine(), 30000);
        QCOMPARE(clients.readLine(), "ready\n"_ba);
        // Whatever an earlier test left to close later (a deferred delete) closes now, not below the tight limit.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
        // The limit comes back however this test ends: a failure here must not starve the tests after it.
        const auto restore = qScopeGuard([&saved] { setrlimit(RLIMIT_NOFILE, &saved); });
        // Room for four more descriptors only: the limit just above the fourth free number.
        int free = 0;
        int limit = 0;
        for (int fd = 0; fd < int(saved.rlim_cur) && free < 4; ++fd) {
            if (fcntl(fd, F_GETFD) == -1)
                ++free;
            limit = fd + 1;
        }
        rlimit tight = saved;
        tight.rlim_cur = rlim_t(limit);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &tight), 0);
        clients.write("go\n");
        QTRY_VERIFY2_WITH_TIMEOUT(server.load().acceptFailures() >= 1,
                                  qPrintable(u"no accept failed: %1 clients taken, python said %2"_s.arg(server.clientCount())
                                                 .arg(QString::fromUtf8(clients.readAllStandardOutput()))),
                                  20000);
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.load().acceptFailures() >= 4, 10000);
        // A spinning listener fails thousands of times a second; the back-off (50, 100, 200 ms) takes 350 ms.
        QVERIFY2(clock.elapsed() >= 300, qPrintable(u"%1 failures in %2 ms"_s.arg(server.load().acceptFailures()).arg(clock.elapsed())));
        QVERIFY(server.load().acceptFailures() < 20);
        QVERIFY(server.clientCount() < 12);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &saved), 0);
        // Descriptors are back: the waiting connections are taken.
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 12, 10000);
        clients.write("done\n");
        clients.closeWriteChannel();
        QVERIFY(clients.waitForFinished(5000));
        QTRY_COMPARE(server.clientCount(), 0);
    }

    // A class connecting at once while the event loop is busy: every handshake completes in the kernel's backlog
    // (Qt's default of 50 would drop the 52nd SYN and leave it waiting for a retry), then each is accepted.
    void aBurstOfConnectionsFitsTheListenBacklog()
    {
        constexpr int kBurst = 300;
        LineServer server;
        ServerLimits limits = quiet();
        limits.maxClients = kBurst;
        server.setLimits(limits);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        QCOMPARE(server.listener()->listenBacklogSize(), netcore::common::kListenBacklog);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(server.serverPort());
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        std::vector<pollfd> pending;
        std::vector<int> all;
        for (int i = 0; i < kBurst; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            QVERIFY(fd >= 0);
            all.push_back(fd);
            const int rc = ::connect(fd, reinterpret_cast<const sockaddr *>(&to), sizeof to);
            QVERIFY2(rc == 0 || errno == EINPROGRESS, strerror(errno));
            pending.push_back({fd, POLLOUT, 0});
        }
        // This thread is the server's and runs no event loop here: nothing is accepted until every connect is done.
        // A SYN dropped by a full backlog is never answered while nothing is accepted: the wait below would time out.
        QDeadlineTimer patience(10'000);
        int connected = 0;
        while (!pending.empty() && !patience.hasExpired()) {
            QVERIFY(::poll(pending.data(), pending.size(), int(std::min<qint64>(patience.remainingTime(), 500))) >= 0);
            for (auto it = pending.begin(); it != pending.end();) {
                if (it->revents == 0) {
                    ++it;
                    continue;
                }
                int error = 0;
                socklen_t size = sizeof error;
                QCOMPARE(::getsockopt(it->fd, SOL_SOCKET, SO_ERROR, &error, &size), 0);
                QVERIFY2(error == 0, strerror(error));
                ++connected;
                it = pending.erase(it);
            }
        }
        QCOMPARE(connected, kBurst);
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), kBurst, 10'000);
        for (const int fd : all)
            ::close(fd);
        QTRY_COMPARE_WITH_TIMEOUT(server.clientCount(), 0, 10'000);
    }

    void fileLimitIsRaisedToTheHardLimit()
    {
        netcore::common::raiseFileLimit();
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
        // Raised once, when the first server was constructed (an earlier test), to the hard limit.
        QCOMPARE(limit.rlim_cur, limit.rlim_max);
    }

    void namesAreNormalisedAndInvisiblesRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("plain") << u"张三"_s << int(netcore::common::NameProblem::None) << u"张三"_s;
        QTest::newRow("nfd becomes nfc") << u"Jose\u0301"_s << int(netcore::common::NameProblem::None) << u"Jos\u00e9"_s;
        QTest::newRow("zero width space") << u"bo\u200bb"_s << int(netcore::common::NameProblem::Invisible) << QString();
        QTest::newRow("zero width joiner") << u"bob\u200d"_s << int(netcore::common::NameProblem::Invisible) << QString();
        QTest::newRow("bom") << u"\ufeffbob"_s << int(netcore::common::NameProblem::Invisible) << QString();
        QTest::newRow("rlo") << u"evil\u202etxt.exe"_s << int(netcore::common::NameProblem::Bidi) << QString();
        QTest::newRow("isolate") << u"a\u2066b"_s << int(netcore::common::NameProblem::Bidi) << QString();
        QTest::newRow("escape") << u"a\u001b[31m"_s << int(netcore::common::NameProblem::Control) << QString();
        QTest::newRow("newline") << u"a\nb"_s << int(netcore::common::NameProblem::Control) << QString();
        QTest::newRow("c1") << u"a\u009bb"_s << int(netcore::common::NameProblem::Control) << QString();
        QTest::newRow("hangul filler") << u"\u3164"_s << int(netcore::common::NameProblem::Invisible) << QString();
        QTest::newRow("private use") << u"a\ue000"_s << int(netcore::common::NameProblem::Unassigned) << QString();
        QTest::newRow("empty") << QString() << int(netcore::common::NameProblem::Empty) << QString();
    }

    void namesAreNormalisedAndInvisiblesRefused()
    {
        QFETCH(QString, name);
        QFETCH(int, problem);
        QFETCH(QString, normalised);
        const netcore::common::NameCheck check = netcore::common::checkName(name);
        QCOMPARE(int(check.problem), problem);
        if (check.ok())
            QCOMPARE(check.name, normalised);
        else if (check.problem != netcore::common::NameProblem::Empty)
            QVERIFY(check.offset >= 0);
    }

    void nameKeysFoldCaseAndForm()
    {
        using netcore::common::nameKey;
        QCOMPARE(nameKey(u"Bob"_s), nameKey(u"bOB"_s));
        QCOMPARE(nameKey(u"Jos\u00e9"_s), nameKey(u"JOSE\u0301"_s));
        QCOMPARE(nameKey(u"ΣΊΣΥΦΟΣ"_s), nameKey(u"σίσυφος"_s));
        QVERIFY(nameKey(u"bob"_s) != nameKey(u"bab"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverlimits.moc"

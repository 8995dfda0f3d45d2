// The concurrency probe (netcore/tcp/probe.h): classify() on synthetic timelines (a pure function: no sockets),
// then the probe against real loopback servers in this process — a concurrent echo server, a loop server that
// serves one client until it closes, our TcpServer (its per-host cap seen as early closes, counted by its load()),
// a server that resets, one that closes at once, and a refused port.
#include "netcore/tcp/probe.h"
#include "netcore/tcp/tcpserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <sys/socket.h>

using namespace Qt::StringLiterals;
using netcore::common::ServerLimits;
using netcore::tcp::classify;
using netcore::tcp::ConcurrencyProbe;
using netcore::tcp::ProbeClient;
using netcore::tcp::ProbeConfig;
using netcore::tcp::ProbeExpect;
using netcore::tcp::ProbeVerdict;
using Outcome = ProbeClient::Outcome;
using Kind = ProbeVerdict::Kind;

namespace {

constexpr qint64 kMs = 1000;

// A done client: connected at 0, first byte at `firstByteMs`.
ProbeClient doneAt(double firstByteMs, bool closedByServer = false)
{
    ProbeClient client;
    client.connectStartUs = 0;
    client.connectedUs = 100;
    client.firstByteUs = qint64(firstByteMs * kMs);
    client.doneUs = client.firstByteUs;
    client.releasedUs = client.firstByteUs + 50 * kMs;
    client.bytes = 6;
    client.closedByServer = closedByServer;
    client.outcome = Outcome::Done;
    return client;
}

ProbeClient failed(Outcome outcome)
{
    ProbeClient client;
    client.connectStartUs = 0;
    client.outcome = outcome;
    return client;
}

// Echoes every read; takes every connection at once.
class ConcurrentEcho final : public QTcpServer
{
public:
    ConcurrentEcho()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

// The course's loop server: takes the next connection only when the current client has gone (read EOF).
class LoopEcho final : public QTcpServer
{
public:
    LoopEcho()
    {
        connect(this, &QTcpServer::newConnection, this, &LoopEcho::next);
    }
    int served = 0;

private:
    void next()
    {
        if (m_current)
            return;
        m_current = nextPendingConnection();
        if (!m_current)
            return;
        ++served;
        QTcpSocket *socket = m_current;
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            socket->deleteLater();
            m_current = nullptr;
            next();
        });
        if (socket->bytesAvailable() > 0)
            socket->write(socket->readAll());
    }
    QTcpSocket *m_current = nullptr;
};

// Ends every connection at once: with a FIN, or with a RST (SO_LINGER 0); optionally after sending `first`.
class Closer final : public QTcpServer
{
public:
    explicit Closer(bool reset, QByteArray first = {})
    {
        connect(this, &QTcpServer::newConnection, this, [this, reset, first] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                if (!first.isEmpty()) {
                    socket->write(first);
                    socket->flush();
                }
                if (reset) {
                    const linger option{1, 0};
                    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option, sizeof option);
                    socket->abort();
                    socket->deleteLater();
                } else {
                    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                    socket->disconnectFromHost();
                }
            }
        });
    }
};

ProbeConfig config(quint16 port, int clients, const QByteArray &message = "hello\n"_ba)
{
    ProbeConfig c;
    c.host = u"127.0.0.1"_s;
    c.port = port;
    c.clients = clients;
    c.message = message;
    c.expect = ProbeExpect::Bytes;
    c.expectBytes = message.size();
    c.deadline = std::chrono::milliseconds(5000);
    c.hold = std::chrono::milliseconds(50);
    return c;
}

bool runProbe(ConcurrencyProbe &probe)
{
    QSignalSpy finished(&probe, &ConcurrencyProbe::finished);
    probe.start();
    return finished.wait(15000) && finished.size() == 1;
}

int count(const QList<ProbeClient> &clients, Outcome outcome)
{
    return int(std::count_if(clients.cbegin(), clients.cend(), [outcome](const ProbeClient &c) { return c.outcome == outcome; }));
}

} // namespace

class TestTcpProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- classify(): synthetic timelines
    void staircaseIsSequential()
    {
        // A loop server taking 100 ms per client: answers at 100, 200, ... 1000 ms.
        QList<ProbeClient> clients;
        for (int i = 1; i <= 10; ++i)
            clients.append(doneAt(100.0 * i + (i % 3)));
        const ProbeVerdict v = classify(clients);
        QCOMPARE(v.kind, Kind::Sequential);
        QCOMPARE(v.done, 10);
        QCOMPARE(v.maxAtOnce, 1);
        QCOMPARE(v.groups, 10);
        QCOMPARE(v.steps, 9);
        QCOMPARE(v.serviceUs, 101 * kMs);
        QCOMPARE(v.stepUs, 101 * kMs / 4);
        QVERIFY(qAbs(v.medianGapUs - 100 * kMs) < 3 * kMs);
        QCOMPARE(v.firstBytesUs.size(), 10);
        QVERIFY(std::is_sorted(v.firstBytesUs.cbegin(), v.firstBytesUs.cend()));
    }

    void instantLoopServerWithHoldIsSequential()
    {
        // Answers in 0.2 ms each, but the next only after the previous client's 50 ms hold.
        QList<ProbeClient> clients;
        for (int i = 0; i < 6; ++i)
            clients.append(doneAt(0.2 + 50.3 * i));
        const ProbeVerdict v = classify(clients);
        QCOMPARE(v.kind, Kind::Sequential);
        QCOMPARE(v.stepUs, netcore::tcp::kProbeMinStepUs);
    }

    void togetherIsConcurrent()
    {
        QList<ProbeClient> clients;
        for (int i = 0; i < 50; ++i)
            clients.append(doneAt(100.0 + 0.05 * i));
        clients.append(failed(Outcome::Refused));   // failures do not count
        const ProbeVerdict v = classify(clients);
        QCOMPARE(v.kind, Kind::Concurrent);
        QCOMPARE(v.clients, 51);
        QCOMPARE(v.done, 50);
        QCOMPARE(v.maxAtOnce, 50);
        QCOMPARE(v.groups, 1);
        QCOMPARE(v.medianGapUs, 0);
        QVERIFY(v.spreadUs < 3 * kMs);
    }

    void groupsArePartial()
    {
        // A pool of 4 workers, 200 ms per client, 12 clients: three steps of four.
        QList<ProbeClient> clients;
        for (int i = 0; i < 12; ++i)
            clients.append(doneAt(200.0 * (i / 4 + 1) + 0.3 * (i % 4)));
        const ProbeVerdict v = classify(clients);
        QCOMPARE(v.kind, Kind::Partial);
        QCOMPARE(v.maxAtOnce, 4);
        QCOMPARE(v.groups, 3);
        QVERIFY(qAbs(v.medianGapUs - 200 * kMs) < kMs);
    }

    void lateConnectsAreNotSteps()
    {
        // A concurrent server whose backlog overflowed: 8 answered at once, 3 connected a second later (SYN
        // retried) and were answered at once too.
        QList<ProbeClient> clients;
        for (int i = 0; i < 8; ++i)
            clients.append(doneAt(7.0 + 0.1 * i));
        for (int i = 0; i < 3; ++i) {
            ProbeClient late = doneAt(1033.0 + 0.1 * i);
            late.connectedUs = 1032 * kMs;
            clients.append(late);
        }
        ProbeVerdict v = classify(clients);
        QCOMPARE(v.kind, Kind::Concurrent);
        QCOMPARE(v.groups, 2);
        QCOMPARE(v.steps, 0);
        QCOMPARE(v.maxAtOnce, 8);

        // A loop server with the same overflow: every answer alone, the late ones still waited their turn.
        clients.clear();
        for (int i = 0; i < 4; ++i)
            clients.append(doneAt(100.0 * (i + 1)));
        for (int i = 0; i < 3; ++i) {
            ProbeClient late = doneAt(1100.0 + 100.0 * i);
            late.connectedUs = 1000 * kMs;
            clients.append(late);
        }
        v = classify(clients);
        QCOMPARE(v.kind, Kind::Sequential);
        QCOMPARE(v.steps, 5);   // all gaps but the one before the first late client

        // Connected early but answered late after retransmitting (a full backlog dropped its data): not a step.
        clients.clear();
        for (int i = 0; i < 5; ++i)
            clients.append(doneAt(20.0 + 0.1 * i));
        ProbeClient dropped = doneAt(220.0);
        dropped.retransmits = 1;
        clients.append(dropped);
        v = classify(clients);
        QCOMPARE(v.kind, Kind::Concurrent);
        QCOMPARE(v.retransmitted, 1);
        QCOMPARE(v.steps, 0);

        // Two clients, the second connected after the first answer: nobody waited.
        clients = {doneAt(10)};
        ProbeClient late = doneAt(500);
        late.connectedUs = 400 * kMs;
        clients.append(late);
        v = classify(clients);
        QCOMPARE(v.kind, Kind::Inconclusive);
        QCOMPARE(v.reason, ProbeVerdict::Reason::NeverWaited);
    }

    void tooFewDoneIsInconclusive()
    {
        const QList<ProbeClient> clients{doneAt(10), failed(Outcome::TimedOut), failed(Outcome::Reset)};
        const ProbeVerdict v = classify(clients);
        QCOMPARE(v.kind, Kind::Inconclusive);
        QCOMPARE(v.reason, ProbeVerdict::Reason::TooFewDone);
        QCOMPARE(v.done, 1);
        QCOMPARE(classify({}).reason, ProbeVerdict::Reason::TooFewDone);
    }

    void quickServerThatClosesIsInconclusive()
    {
        // Everyone answered within a step, but the server closed every connection itself: a quick loop server
        // that answers one request and closes looks the same, so the probe cannot tell.
        QList<ProbeClient> clients;
        for (int i = 0; i < 5; ++i)
            clients.append(doneAt(0.1 + 0.1 * i, true));
        ProbeVerdict v = classify(clients);
        QCOMPARE(v.kind, Kind::Inconclusive);
        QCOMPARE(v.reason, ProbeVerdict::Reason::TooFast);
        clients[2].closedByServer = false;   // one connection outlived another's answer: concurrent
        v = classify(clients);
        QCOMPARE(v.kind, Kind::Concurrent);
    }

    void slowConcurrentServerToleratesJitter()
    {
        // A threaded server sleeping 300 ms per client on a busy machine: answers spread over 40 ms.
        QList<ProbeClient> clients;
        for (int i = 0; i < 20; ++i)
            clients.append(doneAt(300.0 + 2.0 * i));
        const ProbeVerdict v = classify(clients);
        QCOMPARE(v.stepUs, 75 * kMs);
        QCOMPARE(v.kind, Kind::Concurrent);
    }

    // ---- the probe against real servers
    void concurrentServer()
    {
        ConcurrentEcho server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        ConcurrencyProbe probe;
        probe.setConfig(config(server.serverPort(), 40));
        QSignalSpy updated(&probe, &ConcurrencyProbe::clientUpdated);
        QVERIFY(runProbe(probe));
        const QList<ProbeClient> &clients = probe.clients();
        QCOMPARE(clients.size(), 40);
        QCOMPARE(count(clients, Outcome::Done), 40);
        QSet<quint16> ports;
        for (const ProbeClient &c : clients) {
            QVERIFY(c.connectStartUs >= 0);
            QVERIFY(c.connectedUs >= c.connectStartUs);
            QVERIFY(c.firstByteUs >= c.connectedUs);
            QVERIFY(c.doneUs >= c.firstByteUs);
            QVERIFY(c.releasedUs >= c.doneUs + 45 * kMs);   // held for 50 ms
            QCOMPARE(c.bytes, qint64(6));
            QVERIFY(!c.closedByServer);
            QVERIFY(c.localPort != 0);
            ports.insert(c.localPort);
        }
        QCOMPARE(ports.size(), 40);
        QVERIFY(updated.size() >= 40 * 3);   // connected, done, released at least
        const ProbeVerdict v = probe.verdict();
        QCOMPARE(v.kind, Kind::Concurrent);
        QCOMPARE(v.maxAtOnce, 40);
    }

    void loopServer()
    {
        LoopEcho server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        ConcurrencyProbe probe;
        probe.setConfig(config(server.serverPort(), 6));
        QVERIFY(runProbe(probe));
        QCOMPARE(count(probe.clients(), Outcome::Done), 6);
        QCOMPARE(server.served, 6);
        const ProbeVerdict v = probe.verdict();
        QCOMPARE(v.kind, Kind::Sequential);
        QCOMPARE(v.groups, 6);
        QVERIFY(v.medianGapUs >= 45 * kMs);   // one hold per step
        // Everyone was connected at once (the kernel's backlog): the staircase is in the answers, not the connects.
        for (const ProbeClient &c : probe.clients())
            QVERIFY(c.connectedUs < 40 * kMs);
    }

    void ourServerNeedsItsPerHostCapRaised()
    {
        netcore::tcp::TcpServer server;
        QVERIFY(server.start(QHostAddress::LocalHost, 0));   // default limits: 16 per host
        ConcurrencyProbe probe;
        probe.setConfig(config(server.serverPort(), 20));
        QVERIFY(runProbe(probe));
        QCOMPARE(server.load().refusedHostFull(), qint64(4));
        QCOMPARE(count(probe.clients(), Outcome::Done), 16);
        // Refused with a close; a RST instead when our message had arrived unread.
        QCOMPARE(count(probe.clients(), Outcome::ClosedEarly) + count(probe.clients(), Outcome::Reset), 4);

        netcore::tcp::TcpServer raised;
        ServerLimits limits = raised.limits();
        limits.maxPerHost = 100;
        raised.setLimits(limits);
        QVERIFY(raised.start(QHostAddress::LocalHost, 0));
        ConcurrencyProbe again;
        again.setConfig(config(raised.serverPort(), 60));
        QVERIFY(runProbe(again));
        QCOMPARE(raised.load().refusedHostFull(), qint64(0));
        QCOMPARE(count(again.clients(), Outcome::Done), 60);
        // 60 connects in one burst overflow the listen backlog (50, QTcpServer's) of a server in this very thread:
        // some clients connect a SYN retry later and are answered in a second wave — not a step.
        QCOMPARE(again.verdict().kind, Kind::Concurrent);
        QCOMPARE(again.verdict().steps, 0);
    }

    void resetAndEarlyClose()
    {
        Closer resetter(true);
        QVERIFY(resetter.listen(QHostAddress::LocalHost, 0));
        ConcurrencyProbe probe;
        probe.setConfig(config(resetter.serverPort(), 3));
        QVERIFY(runProbe(probe));
        QCOMPARE(count(probe.clients(), Outcome::Reset), 3);
        for (const ProbeClient &c : probe.clients()) {
            QCOMPARE(c.sysError, ECONNRESET);
            QVERIFY(c.closedByServer);
        }

        Closer closer(false, "bye"_ba);
        QVERIFY(closer.listen(QHostAddress::LocalHost, 0));
        ConcurrencyProbe early;
        early.setConfig(config(closer.serverPort(), 3, "a longer question\n"_ba));
        QVERIFY(runProbe(early));
        QCOMPARE(count(early.clients(), Outcome::ClosedEarly), 3);
        QCOMPARE(early.clients().at(0).bytes, qint64(3));

        // The same server, when its close is the answer.
        ConcurrencyProbe byClose;
        ProbeConfig c = config(closer.serverPort(), 3);
        c.expect = ProbeExpect::Close;
        byClose.setConfig(c);
        QVERIFY(runProbe(byClose));
        QCOMPARE(count(byClose.clients(), Outcome::Done), 3);
        QVERIFY(byClose.clients().at(1).closedByServer);
        QCOMPARE(byClose.verdict().reason, ProbeVerdict::Reason::TooFast);
    }

    void refusedPortAndDeadline()
    {
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        const quint16 port = gone.serverPort();
        gone.close();
        ConcurrencyProbe probe;
        probe.setConfig(config(port, 5));
        QVERIFY(runProbe(probe));
        QCOMPARE(count(probe.clients(), Outcome::Refused), 5);
        QCOMPARE(probe.clients().at(0).sysError, ECONNREFUSED);
        QCOMPARE(probe.verdict().reason, ProbeVerdict::Reason::TooFewDone);

        // A server that never answers: every client times out at the deadline, connected.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ConcurrencyProbe waiting;
        ProbeConfig c = config(silent.serverPort(), 4);
        c.deadline = std::chrono::milliseconds(300);
        waiting.setConfig(c);
        QVERIFY(runProbe(waiting));
        QCOMPARE(count(waiting.clients(), Outcome::TimedOut), 4);
        QVERIFY(waiting.elapsedUs() >= 290 * kMs);
    }

    void badConfigAndUnknownHost()
    {
        ConcurrencyProbe probe;
        ProbeConfig c = config(9, ConcurrencyProbe::kMaxClients + 1);
        probe.setConfig(c);
        QSignalSpy errors(&probe, &ConcurrencyProbe::errorOccurred);
        QVERIFY(runProbe(probe));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(probe.error(), ConcurrencyProbe::Error::BadConfig);

        ConcurrencyProbe unknown;
        c = config(9, 2);
        c.host = u"no-such-host.invalid"_s;
        unknown.setConfig(c);
        QVERIFY(runProbe(unknown));
        QCOMPARE(unknown.error(), ConcurrencyProbe::Error::HostNotFound);
        QCOMPARE(unknown.errorDetail().peer, u"no-such-host.invalid:9"_s);
    }
};

QTEST_GUILESS_MAIN(TestTcpProbe)
#include "tst_tcpprobe.moc"

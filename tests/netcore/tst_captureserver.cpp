// The capture server's shape and bounds (docs/reliability.md, "HTTP"): its client list, the global and
// per-host caps (503 / 429), the idle and request deadlines (408), backpressure on pipelined requests of a big
// static file that is never read, files streamed in pieces, every wire byte of a request counted toward the
// body cap (chunk extensions, trailers), 413 before the body, and the memory budget across connections.
// Bounds are asserted through the server's own counters (load()), with short limits.
#include "netcore/http/events.h"
#include "netcore/http/responsespec.h"
#include "tests/netcore/http_fixture.h"

#include <QFile>
#include <QTcpSocket>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QDir>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace netcore::http;
using httptest::connectFrom;
using httptest::headerOf;
using httptest::kWaitMs;
using httptest::roundTrip;
using httptest::waitFinished;
using netcore::common::Deadline;
using netcore::common::ServerLimits;

namespace {
ServerLimits roomy()
{
    ServerLimits limits;
    limits.maxClients = 200;
    limits.maxPerHost = 0;
    return limits;
}

} // namespace

class TestCaptureServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void clientListAndDisconnect();
    void clientLimitRefuses();
    void idleClientIsClosed();
    void startOnBusyPortIsAnError();
    void defaultsAreDocumented();
    void perHostCapRefusesWith429();
    void pipelinedBigFileNeverReadIsBounded();
    void staticFileIsStreamed();
    void framingCountsTowardBodyCap_data();
    void framingCountsTowardBodyCap();
    void tooLargeBodyRefusedBeforeItIsSent();
    void bodiesAgainstTheMemoryBudget();
    void slowlorisMeetsTheRequestDeadline();

private:
    QUrl url(const QString &path = u"/"_s) const { return m_fixture.url(path); }
    Hop exchange(const RequestSpec &spec, const ClientOptions &options = {}) { return m_fixture.exchange(spec, options); }
    template <typename E>
    bool hasEvent(E code, const QStringList &args) const
    {
        return m_fixture.hasEvent(code, args);
    }
    // Restarts the server with `limits` (they apply to connections accepted afterwards).
    void restart(const ServerLimits &limits)
    {
        m_server->setLimits(limits);
        QVERIFY(m_server->start(QHostAddress::LocalHost, 0));
    }

    httptest::Fixture m_fixture;
    CaptureServer *m_server = nullptr;
    HttpClient *m_client = nullptr;
    netcore::common::Transcript *m_transcript = nullptr;
    QList<CapturedRequest> &m_captured = m_fixture.captured;
};

void TestCaptureServer::init()
{
    QVERIFY(m_fixture.setUp(this));
    m_server = m_fixture.server;
    m_client = m_fixture.client;
    m_transcript = m_fixture.transcript;
}

void TestCaptureServer::cleanup()
{
    m_fixture.tearDown();
}

void TestCaptureServer::clientListAndDisconnect()
{
    using netcore::common::ClientInfo;
    QSignalSpy added(m_server, &CaptureServer::clientAdded);
    QSignalSpy removed(m_server, &CaptureServer::clientRemoved);
    HttpClient other;
    RequestSpec spec;
    spec.url = url(u"/one"_s);
    QVERIFY(exchange(spec).ok());
    QSignalSpy otherFinished(&other, &HttpClient::finished);
    spec.url = url(u"/two"_s);
    QVERIFY(other.send(spec, {}));
    QVERIFY(waitFinished(otherFinished));
    QVERIFY(other.lastHop().ok());
    // two keep-alive connections open: two clients, in connection order, with their bytes counted
    QVERIFY(m_client->hasConnection());
    QVERIFY(other.hasConnection());
    QCOMPARE(added.size(), 2);
    QCOMPARE(m_server->clientCount(), 2);
    const QList<ClientInfo> clients = m_server->clients();
    QCOMPARE(clients.at(0).peer, m_client->lastHop().local);
    QCOMPARE(clients.at(1).peer, other.lastHop().local);
    QCOMPARE(clients.at(0).bytesReceived, m_client->lastHop().requestBytes.size());
    QCOMPARE(clients.at(0).bytesSent, m_client->lastHop().receivedBytes.size());
    QCOMPARE(clients.at(1).bytesReceived, other.lastHop().requestBytes.size());
    QVERIFY(clients.at(0).since.isValid());
    QTRY_COMPARE(m_captured.size(), 2);
    QCOMPARE(quint64(m_captured.at(0).connection), clients.at(0).id);   // the connection number is the client id
    QCOMPARE(quint64(m_captured.at(1).connection), clients.at(1).id);

    // disconnectClient closes the first one only
    QVERIFY(m_server->disconnectClient(clients.at(0).id));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toULongLong(), clients.at(0).id);
    QCOMPARE(m_server->clientCount(), 1);
    QVERIFY(!m_server->client(clients.at(0).id));
    QVERIFY(m_server->client(clients.at(1).id));
    QVERIFY(!m_server->disconnectClient(clients.at(0).id));   // gone already
    QTRY_VERIFY(!m_client->hasConnection());
    QVERIFY(other.hasConnection());
    QVERIFY(hasEvent(netcore::common::Event::ClientDisconnected, {QString::number(clients.at(0).id)}));
    // the other connection is still served, kept alive
    spec.url = url(u"/three"_s);
    QVERIFY(other.send(spec, {}));
    QVERIFY(otherFinished.wait(kWaitMs));
    QVERIFY(other.lastHop().ok());
    QVERIFY(other.lastHop().reusedConnection);
    QCOMPARE(m_server->clientCount(), 1);

    // stop() drops the rest, and the list is empty
    m_server->stop();
    QCOMPARE(m_server->clientCount(), 0);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(m_server->state(), netcore::common::Server::State::Stopped);
}


void TestCaptureServer::clientLimitRefuses()
{
    netcore::common::ServerLimits limits = m_server->limits();
    QCOMPARE(limits.maxClients, CaptureServer::kDefaultMaxClients);
    QCOMPARE(limits.idleTimeout, std::chrono::milliseconds(CaptureServer::kDefaultIdleTimeout));
    limits.maxClients = 1;
    m_server->setLimits(limits);
    RequestSpec spec;
    spec.url = url();
    QVERIFY(exchange(spec).ok());   // the first client stays connected (keep-alive)
    HttpClient other;
    QSignalSpy finished(&other, &HttpClient::finished);
    QVERIFY(other.send(spec, {}));
    QVERIFY(waitFinished(finished));
    // refused with a 503 that says why, then closed (the answer is not lost to a reset)
    QVERIFY2(other.lastHop().ok(), qPrintable(other.lastHop().errorDetail.raw));
    QCOMPARE(other.lastHop().response.statusCode, 503);
    QVERIFY(other.lastHop().response.body.contains("maximum of 1 connections"));
    QVERIFY(!other.lastHop().response.keepAlive);
    QCOMPARE(m_server->clientCount(), 1);
    QCOMPARE(m_server->load().refusedServerFull(), 1);
    QVERIFY(hasEvent(netcore::common::Event::ClientRefused, {u"1"_s}));
}


void TestCaptureServer::idleClientIsClosed()
{
    netcore::common::ServerLimits limits = m_server->limits();
    limits.idleTimeout = std::chrono::seconds(1);
    m_server->setLimits(limits);
    QSignalSpy removed(m_server, &CaptureServer::clientRemoved);
    RequestSpec spec;
    spec.url = url();
    QVERIFY(exchange(spec).ok());
    QCOMPARE(m_server->clientCount(), 1);
    const quint64 id = m_server->clients().constFirst().id;
    QVERIFY(removed.wait(kWaitMs));   // nothing moved for a second: the server closed it
    QCOMPARE(removed.first().first().toULongLong(), id);
    QCOMPARE(m_server->clientCount(), 0);
    QVERIFY(hasEvent(netcore::common::Event::IdleTimeout, {u"1"_s}));
    QVERIFY(hasEvent(netcore::common::Event::ClientDisconnected, {QString::number(id)}));
    QTRY_VERIFY(!m_client->hasConnection());
}


void TestCaptureServer::startOnBusyPortIsAnError()
{
    CaptureServer second;
    QSignalSpy errors(&second, &CaptureServer::errorOccurred);
    QSignalSpy states(&second, &CaptureServer::stateChanged);
    QVERIFY(!second.start(QHostAddress::LocalHost, m_server->serverPort()));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().first().value<CaptureServer::Error>(), CaptureServer::Error::AddressInUse);
    QCOMPARE(second.errorDetail().peer, u"127.0.0.1:%1"_s.arg(m_server->serverPort()));
    QVERIFY(!second.errorDetail().raw.isEmpty());
    QCOMPARE(states.size(), 0);
    QVERIFY(!second.isListening());
    QVERIFY(second.start(QHostAddress::LocalHost, 0));
    QCOMPARE(states.size(), 1);
    QCOMPARE(second.state(), netcore::common::Server::State::Listening);
}


void TestCaptureServer::defaultsAreDocumented()
{
    // docs/reliability.md, "HTTP" states these numbers.
    const ServerLimits limits = m_server->limits();
    QCOMPARE(limits.maxClients, 512);
    QCOMPARE(limits.maxPerHost, 16);
    QCOMPARE(limits.requestTimeout, std::chrono::milliseconds(30'000));
    QCOMPARE(limits.idleTimeout, std::chrono::milliseconds(60'000));
    QCOMPARE(limits.drainTimeout, std::chrono::milliseconds(30'000));
    QCOMPARE(limits.maxQueuedOutput, qint64(1) << 20);
    QCOMPARE(limits.memoryBudget, qint64(64) << 20);
    QCOMPARE(m_server->maxHeaderBytes(), qsizetype(64 * 1024));
    QCOMPARE(m_server->maxBodyBytes(), qint64(8) << 20);
}

void TestCaptureServer::perHostCapRefusesWith429()
{
    ServerLimits limits = roomy();
    limits.maxPerHost = 2;
    limits.maxClients = 3;
    restart(limits);
    QObject owner;
    const quint16 port = m_server->serverPort();
    // two from 127.0.0.2 are admitted, a third is refused with 429 and a reason
    QTcpSocket *a = connectFrom(QHostAddress(u"127.0.0.2"_s), port, &owner);
    QTcpSocket *b = connectFrom(QHostAddress(u"127.0.0.2"_s), port, &owner);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->clientCount(), 2, kWaitMs);
    QTcpSocket *third = connectFrom(QHostAddress(u"127.0.0.2"_s), port, &owner);
    QTRY_VERIFY_WITH_TIMEOUT(third->bytesAvailable() > 0 && third->state() == QAbstractSocket::UnconnectedState, kWaitMs);
    const QByteArray refused = third->readAll();
    QVERIFY2(refused.startsWith("HTTP/1.1 429 Too Many Requests\r\n"), refused.constData());
    QVERIFY(refused.contains("Your address already has 2 connections open"));
    QCOMPARE(m_server->load().refusedHostFull(), 1);
    QVERIFY(hasEvent(Event::ClientRefusedFromHost, {u"127.0.0.2"_s, u"2"_s}));
    // another host is still served while 127.0.0.2 is at its cap
    QTcpSocket *other = connectFrom(QHostAddress(u"127.0.0.3"_s), port, &owner);
    QVERIFY(other->waitForConnected(kWaitMs));
    other->write("GET /from-3 HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(other->bytesAvailable() > 0, kWaitMs);
    QVERIFY(other->readAll().startsWith("HTTP/1.1 200 OK\r\n"));
    // and the server as a whole is full now: 503 for a fourth host
    QTcpSocket *fourth = connectFrom(QHostAddress(u"127.0.0.4"_s), port, &owner);
    QTRY_VERIFY_WITH_TIMEOUT(fourth->bytesAvailable() > 0 && fourth->state() == QAbstractSocket::UnconnectedState, kWaitMs);
    QVERIFY(fourth->readAll().startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
    QCOMPARE(m_server->load().refusedServerFull(), 1);
    QCOMPARE(m_server->clientCount(), 3);
    Q_UNUSED(a)
    Q_UNUSED(b)
}

void TestCaptureServer::pipelinedBigFileNeverReadIsBounded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        QFile big(dir.filePath(u"big.bin"_s));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(qint64(64) << 20));   // sparse: 64 MiB without writing them
    }
    ResponseSpec answer;
    answer.mode = AnswerMode::StaticFiles;
    answer.root = dir.path();
    m_server->setResponse(answer);
    ServerLimits limits = roomy();
    limits.maxQueuedOutput = 256 * 1024;
    limits.drainTimeout = std::chrono::milliseconds(1500);
    restart(limits);
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    client->setReadBufferSize(1);   // a client that never reads
    // 28 pipelined GETs of a 64 MiB file in one write: 1.8 GB if each response were queued whole
    QByteArray burst;
    for (int i = 0; i < 28; ++i)
        burst += "GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n"_ba;
    client->write(burst);
    QTRY_COMPARE_WITH_TIMEOUT(m_captured.size(), 1, kWaitMs);
    QCOMPARE(m_captured.first().answeredStatus, 200);
    QCOMPARE(m_captured.first().responseBytes, m_captured.first().responseHead.size() + (qint64(64) << 20));
    // the client takes nothing: the drain deadline aborts it, and the file stops being read at once
    QTRY_COMPARE_WITH_TIMEOUT(m_server->load().expired(Deadline::Drain), qint64(1), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->clientCount(), 0, kWaitMs);
    QCOMPARE(m_captured.size(), 1);   // the 27 others were never answered
    // never more than the bound plus one piece of the file queued on the connection
    QVERIFY2(m_server->load().peakConnectionQueued() <= limits.maxQueuedOutput + kFilePieceBytes + 1024,
             qPrintable(QString::number(m_server->load().peakConnectionQueued())));
    QVERIFY(m_server->load().peakBuffered() <= 64 * 1024);
    QCOMPARE(m_server->load().queued(), qint64(0));
    QCOMPARE(m_server->load().buffered(), qint64(0));
    QVERIFY(hasEvent(Event::OutputStalled, {u"1500"_s}));
}

void TestCaptureServer::staticFileIsStreamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray content;
    for (int i = 0; content.size() < 3 * 1024 * 1024 + 17; ++i)
        content += QByteArray::number(i) + ' ';
    {
        QFile file(dir.filePath(u"data.txt"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    ResponseSpec answer;
    answer.mode = AnswerMode::StaticFiles;
    answer.root = dir.path();
    m_server->setResponse(answer);
    ServerLimits limits = roomy();
    limits.maxQueuedOutput = 128 * 1024;
    restart(limits);
    RequestSpec spec;
    spec.url = url(u"/data.txt"_s);
    Hop hop = exchange(spec);
    QVERIFY2(hop.ok(), qPrintable(hop.errorDetail.raw));
    QCOMPARE(hop.response.statusCode, 200);
    QCOMPARE(hop.response.headerValue("Content-Length"), QByteArray::number(content.size()));
    QVERIFY(hop.response.body == content);
    // HEAD: the length, no body, and the connection stays usable
    spec.method = "HEAD";
    hop = exchange(spec);
    QVERIFY(hop.ok());
    QCOMPARE(hop.response.headerValue("Content-Length"), QByteArray::number(content.size()));
    QVERIFY(hop.response.body.isEmpty());
    spec.method = "GET";
    answer.chunked = true;
    m_server->setResponse(answer);
    hop = exchange(spec);
    QVERIFY2(hop.ok(), qPrintable(hop.errorDetail.raw));
    QVERIFY(hop.reusedConnection);
    QCOMPARE(hop.response.framing, BodyFraming::Chunked);
    QVERIFY(hop.response.body == content);
    QTRY_COMPARE(m_captured.size(), 3);
    QCOMPARE(m_captured.at(2).responseBytes, hop.receivedBytes.size());
    QVERIFY(m_server->load().peakConnectionQueued() <= limits.maxQueuedOutput + kFilePieceBytes + 1024);
}

void TestCaptureServer::framingCountsTowardBodyCap_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<char>("filler");
    QTest::addRow("chunk extension") << "5;e="_ba << 'x';
    QTest::addRow("trailers") << "5\r\nhello\r\n0\r\nX-Trailer: "_ba << 'y';
}

void TestCaptureServer::framingCountsTowardBodyCap()
{
    QFETCH(QByteArray, start);
    QFETCH(char, filler);
    m_server->setMaxBodyBytes(64 * 1024);
    ServerLimits limits = roomy();
    limits.memoryBudget = 0;
    restart(limits);
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QByteArray head = "POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"_ba;
    client->write(head + start);
    // streamed on: 4 MiB of extension / trailer, never a decoded body byte more
    const QByteArray piece(64 * 1024, filler);
    for (int i = 0; i < 64 && client->state() == QAbstractSocket::ConnectedState; ++i)
        client->write(piece);
    QTRY_COMPARE_WITH_TIMEOUT(m_captured.size(), 1, kWaitMs);
    const CapturedRequest &captured = m_captured.first();
    QCOMPARE(captured.error, ParseError::BodyTooLarge);
    QCOMPARE(captured.answeredStatus, 413);
    QCOMPARE(captured.errorOffset, head.size() + 64 * 1024);   // the first byte past the cap
    QTRY_VERIFY_WITH_TIMEOUT(client->bytesAvailable() > 0, kWaitMs);
    const QByteArray reply = client->readAll();
    QVERIFY2(reply.startsWith("HTTP/1.1 413 Content Too Large\r\n"), reply.constData());
    QVERIFY(reply.contains("passed this server's limit of 65536 bytes"));
    // what the server held for the request stayed near the cap (wire bytes + one read piece), not 4 MiB
    QVERIFY2(m_server->load().peakBuffered() <= 3 * 64 * 1024 + 2 * 1024,
             qPrintable(QString::number(m_server->load().peakBuffered())));
}

void TestCaptureServer::tooLargeBodyRefusedBeforeItIsSent()
{
    m_server->setMaxBodyBytes(1000);
    ServerLimits limits = roomy();
    restart(limits);
    QObject owner;
    // with Expect: 100-continue, 413 instead of 100 Continue; without it, 413 as soon as the head says so
    const QList<QByteArray> heads{
        "POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 9000000\r\nExpect: 100-continue\r\n\r\n"_ba,
        "POST /b HTTP/1.1\r\nHost: t\r\nContent-Length: 9000000\r\n\r\n"_ba,
    };
    for (const QByteArray &head : heads) {
        QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
        QVERIFY(client->waitForConnected(kWaitMs));
        client->write(head);   // and not one body byte
        QTRY_VERIFY_WITH_TIMEOUT(client->bytesAvailable() > 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, kWaitMs);
        const QByteArray reply = client->readAll();
        QVERIFY2(reply.startsWith("HTTP/1.1 413 Content Too Large\r\n"), reply.constData());
        QVERIFY(!reply.contains("100 Continue"));
        QVERIFY(reply.contains("Content-Length: 9000000 is larger than this server's limit of 1000 bytes"));
        const CapturedRequest &captured = m_captured.last();
        QCOMPARE(captured.error, ParseError::BodyTooLarge);
        QCOMPARE(captured.errorOffset, head.size());   // refused at the end of the head
    }
    QCOMPARE(m_captured.size(), 2);
}

void TestCaptureServer::bodiesAgainstTheMemoryBudget()
{
    constexpr qint64 kBudget = 1 << 20;
    constexpr int kBody = 256 * 1024 - 1;
    constexpr int kConnections = 65;
    m_server->setMaxBodyBytes(256 * 1024);
    ServerLimits limits = roomy();
    limits.memoryBudget = kBudget;
    restart(limits);
    QObject owner;
    QList<QTcpSocket *> clients;
    for (int i = 0; i < kConnections; ++i)
        clients.append(connectFrom({}, m_server->serverPort(), &owner));
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(clients.cbegin(), clients.cend(),
                                         [](QTcpSocket *c) { return c->state() == QAbstractSocket::ConnectedState; }),
                             kWaitMs);
    // the head and half of the body from each: every request is held open (256 KiB each, 16 MiB in all)
    for (QTcpSocket *client : std::as_const(clients))
        client->write("POST /big HTTP/1.1\r\nHost: t\r\nContent-Length: "_ba + QByteArray::number(kBody) + "\r\n\r\n"_ba
                      + QByteArray(kBody / 2, 'b'));
    // what does not fit the budget is refused with 503 as soon as its head arrives (at most 4 fit 1 MiB)
    QTRY_VERIFY_WITH_TIMEOUT(m_captured.size() >= kConnections - 4, kWaitMs);
    for (const CapturedRequest &captured : std::as_const(m_captured)) {
        QCOMPARE(captured.answeredStatus, 503);
        QVERIFY(captured.responseHead.startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
    }
    QVERIFY(m_server->load().refusedBudget() >= kConnections - 4);
    QVERIFY2(m_server->load().peakBuffered() <= kBudget, qPrintable(QString::number(m_server->load().peakBuffered())));
    // the admitted ones finish their bodies and are answered
    for (QTcpSocket *client : std::as_const(clients)) {
        if (client->state() == QAbstractSocket::ConnectedState && client->bytesAvailable() == 0)
            client->write(QByteArray(kBody - kBody / 2, 'b'));
    }
    QTRY_COMPARE_WITH_TIMEOUT(int(m_captured.size()), kConnections, kWaitMs);
    int served = 0;
    int refused = 0;
    for (const CapturedRequest &captured : std::as_const(m_captured)) {
        served += captured.answeredStatus == 200 ? 1 : 0;
        refused += captured.answeredStatus == 503 ? 1 : 0;
    }
    QCOMPARE(served + refused, kConnections);
    QVERIFY(served >= 1);
    QCOMPARE(m_server->load().refusedBudget(), qint64(refused));
    QVERIFY(m_server->load().peakBuffered() <= kBudget);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->load().buffered(), qint64(0), kWaitMs);
}

void TestCaptureServer::slowlorisMeetsTheRequestDeadline()
{
    ServerLimits limits = roomy();
    limits.maxPerHost = 4;
    limits.requestTimeout = std::chrono::milliseconds(400);
    restart(limits);
    QObject owner;
    // four slow clients from 127.0.0.2 (its whole allowance), each sending one byte every 20 ms, forever
    QList<QTcpSocket *> slow;
    for (int i = 0; i < 4; ++i)
        slow.append(connectFrom(QHostAddress(u"127.0.0.2"_s), m_server->serverPort(), &owner));
    for (QTcpSocket *s : std::as_const(slow))
        QVERIFY(s->waitForConnected(kWaitMs));
    for (QTcpSocket *s : std::as_const(slow))
        s->write("GET / HTTP/1.1\r\n");
    QTimer trickle;
    trickle.setInterval(20);
    connect(&trickle, &QTimer::timeout, &owner, [&slow] {
        for (QTcpSocket *s : std::as_const(slow))
            if (s->state() == QAbstractSocket::ConnectedState)
                s->write("X");
    });
    trickle.start();
    // a legitimate client from another host is served meanwhile
    QTcpSocket *legit = connectFrom(QHostAddress(u"127.0.0.3"_s), m_server->serverPort(), &owner);
    QVERIFY(legit->waitForConnected(kWaitMs));
    legit->write("GET /legit HTTP/1.1\r\nHost: t\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(legit->bytesAvailable() > 0, kWaitMs);
    QVERIFY(legit->readAll().startsWith("HTTP/1.1 200 OK\r\n"));
    // one byte now and then does not hold the request open: 408, then closed
    QTRY_COMPARE_WITH_TIMEOUT(m_server->load().expired(Deadline::Request), qint64(4), kWaitMs);
    for (QTcpSocket *s : std::as_const(slow)) {
        QTRY_COMPARE_WITH_TIMEOUT(s->state(), QAbstractSocket::UnconnectedState, kWaitMs);
        QVERIFY2(s->readAll().startsWith("HTTP/1.1 408 Request Timeout\r\n"), "408 before the close");
    }
    trickle.stop();
    QVERIFY(hasEvent(Event::RequestTimeout, {u"400"_s}));
    int timedOut = 0;
    for (const CapturedRequest &captured : std::as_const(m_captured))
        timedOut += captured.answeredStatus == 408 ? 1 : 0;
    QCOMPARE(timedOut, 4);
    // the legitimate connection is still open (its request completed: no request deadline runs)
    QCOMPARE(legit->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_server->clientCount(), 1);
}

// --- Conformance: docs/protocols/http.md, "Conformance" (tests/e2e/test_http.py sends the same bytes to nginx) ---

// What llhttp reads but RFC 9110/9112 calls malformed: answered and flagged (echo, not strict), 400 when strict.
QTEST_GUILESS_MAIN(TestCaptureServer)
#include "tst_captureserver.moc"

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
using httptest::kWaitMs;
using httptest::waitFinished;
using netcore::common::Deadline;
using netcore::common::ServerLimits;

namespace {

// A client socket from a given loopback address (127.0.0.2 and 127.0.0.3 are distinct hosts), connected.
QTcpSocket *connectFrom(const QHostAddress &from, quint16 port, QObject *parent)
{
    auto *socket = new QTcpSocket(parent);
    if (!from.isNull())
        socket->bind(from, 0);
    socket->connectToHost(QHostAddress::LocalHost, port);
    return socket;
}

// Writes `request` on `socket` and waits for one whole response (framed by the parser); empty on timeout.
QByteArray roundTrip(QTcpSocket *socket, const QByteArray &request, const QByteArray &method = "GET"_ba)
{
    socket->write(request);
    MessageParser parser(MessageKind::Response);
    parser.setRequestMethod(method);
    QByteArray received;
    QDeadlineTimer deadline(kWaitMs);
    while (!deadline.hasExpired()) {
        if (socket->bytesAvailable() == 0 && socket->state() == QAbstractSocket::ConnectedState) {
            // the server runs in this thread: run the event loop until bytes or the close come
            QEventLoop loop;
            QTimer::singleShot(int(qMax<qint64>(1, deadline.remainingTime())), &loop, &QEventLoop::quit);
            QObject::connect(socket, &QIODevice::readyRead, &loop, &QEventLoop::quit);
            QObject::connect(socket, &QAbstractSocket::disconnected, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const QByteArray piece = socket->readAll();
        received += piece;
        parser.feed(piece);
        if (socket->state() != QAbstractSocket::ConnectedState)
            parser.finish();
        if (!parser.take().isEmpty())
            return received;
        if (parser.error() != ParseError::None || (piece.isEmpty() && socket->state() != QAbstractSocket::ConnectedState))
            return received;
    }
    return {};
}

QByteArray headerOf(const QByteArray &response, const QByteArray &name)
{
    const QByteArray head = response.left(response.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        if (line.startsWith(QByteArray(name + ": ")))
            return line.mid(name.size() + 2).trimmed();
    }
    return {};
}

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
    // Conformance (docs/protocols/http.md, "Conformance"): raw bytes, the exact answer
    void malformedButReadable_data();
    void malformedButReadable();
    void rejectedByTheParser_data();
    void rejectedByTheParser();
    void connectIs405();
    void http10KeepAliveIsHonoured();
    void expectContinueWithinTheLimit();
    void absoluteFormServesTheFile();
    void hiddenNamesAreNotServed();

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
void TestCaptureServer::malformedButReadable_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<bool>("closes");   // llhttp says the connection ends after it (HTTP/0.9, HTTP/2.0)
    QTest::newRow("whitespace before colon") << "GET /a HTTP/1.1\r\nHost: t\r\nX-A : b\r\n\r\n"_ba << "space-before-colon"_ba << qint64(29) << false;
    QTest::newRow("space inside a field name") << "GET /a HTTP/1.1\r\nHost: t\r\nX A: b\r\n\r\n"_ba << "invalid-header-name"_ba << qint64(27) << false;
    QTest::newRow("two Host") << "GET /a HTTP/1.1\r\nHost: t\r\nHost: u\r\n\r\n"_ba << "duplicate-host"_ba << qint64(26) << false;
    QTest::newRow("HTTP/1.1 without Host") << "GET /a HTTP/1.1\r\nX-A: b\r\n\r\n"_ba << "missing-host"_ba << qint64(25) << false;
    QTest::newRow("double space in the request line") << "GET  /a HTTP/1.1\r\nHost: t\r\n\r\n"_ba << "bad-request-line"_ba << qint64(4) << false;
    QTest::newRow("obs-fold") << "GET /a HTTP/1.1\r\nHost: t\r\nX-A: b\r\n c\r\n\r\n"_ba << "folded-header"_ba << qint64(34) << false;
    QTest::newRow("no version") << "GET /a\r\n\r\n"_ba << "bad-request-line"_ba << qint64(6) << true;
    QTest::newRow("HTTP/2.0") << "GET /a HTTP/2.0\r\nHost: t\r\n\r\n"_ba << "bad-version"_ba << qint64(7) << true;
}

void TestCaptureServer::malformedButReadable()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, rule);
    QFETCH(qint64, offset);
    QFETCH(bool, closes);
    QObject owner;
    // not strict (the echo default): 200, the finding in a header, the exact bytes echoed
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QByteArray echoed = roundTrip(client, request);
    QVERIFY2(echoed.startsWith("HTTP/1.1 200 OK\r\n"), echoed.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_captured.size(), 1, kWaitMs);
    const CapturedRequest &flagged = m_captured.constFirst();
    QVERIFY(flagged.ok());
    QCOMPARE(flagged.answeredStatus, 200);
    QVERIFY(!flagged.findings.isEmpty());
    QCOMPARE(issueKey(flagged.findings.constFirst().kind), rule);
    QCOMPARE(flagged.findings.constFirst().offset, offset);
    QCOMPARE(headerOf(echoed, "X-Socketeer-Finding"_ba),
             "offset "_ba + QByteArray::number(offset) + ": "_ba + issueWireText(flagged.findings.constFirst().kind));
    QVERIFY(echoed.endsWith(QByteArray("\r\n\r\n"_ba + request)));
    QCOMPARE(headerOf(echoed, "Connection"_ba) == "close", closes);

    // strict: 400 naming the byte and the rule, then the connection closes
    ResponseSpec strict;
    strict.strict = true;
    m_server->setResponse(strict);
    QTcpSocket *strictClient = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(strictClient->waitForConnected(kWaitMs));
    const QByteArray refused = roundTrip(strictClient, request);
    QVERIFY2(refused.startsWith("HTTP/1.1 400 Bad Request\r\n"), refused.constData());
    QVERIFY2(refused.contains(QByteArray("Malformed request at byte "_ba + QByteArray::number(offset) + ": "_ba)), refused.constData());
    QVERIFY(refused.contains(QByteArray("("_ba + rule + ")."_ba)));
    QTRY_COMPARE_WITH_TIMEOUT(strictClient->state(), QAbstractSocket::UnconnectedState, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_captured.size(), 2, kWaitMs);
    const CapturedRequest &rejected = m_captured.at(1);
    QVERIFY(rejected.ok());   // it was read whole: refused for its findings, not cut short
    QCOMPARE(rejected.answeredStatus, 400);
    QCOMPARE(rejected.findings.constFirst().offset, offset);
}

// What llhttp refuses is answered 400 at llhttp's byte whether strict or not (nothing to flag: it was not read).
void TestCaptureServer::rejectedByTheParser_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("bare LF") << "GET /a HTTP/1.1\nHost: t\n\n"_ba << qint64(23) << "HPE_INVALID_HEADER_TOKEN"_ba;
    QTest::newRow("Content-Length and chunked") << "POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba
                                                << qint64(76) << "HPE_UNEXPECTED_CONTENT_LENGTH"_ba;
    QTest::newRow("tab after the method") << "GET\t/a HTTP/1.1\r\nHost: t\r\n\r\n"_ba << qint64(3) << "HPE_INVALID_METHOD"_ba;
    QTest::newRow("HTTP/3.0") << "GET /a HTTP/3.0\r\nHost: t\r\n\r\n"_ba << qint64(15) << "HPE_INVALID_VERSION"_ba;
}

void TestCaptureServer::rejectedByTheParser()
{
    QFETCH(QByteArray, request);
    QFETCH(qint64, offset);
    QFETCH(QByteArray, reason);
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QByteArray reply = roundTrip(client, request);
    QVERIFY2(reply.startsWith("HTTP/1.1 400 Bad Request\r\n"), reply.constData());
    QVERIFY2(reply.contains(QByteArray("Malformed request at byte "_ba + QByteArray::number(offset) + ": "_ba + reason)), reply.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_captured.size(), 1, kWaitMs);
    QCOMPARE(m_captured.constFirst().error, ParseError::Malformed);
    QCOMPARE(m_captured.constFirst().errorOffset, offset);
}

// CONNECT: 405 with Allow and a reason, never a tunnel; the bytes after it are not read as HTTP.
void TestCaptureServer::connectIs405()
{
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QByteArray reply = roundTrip(client, "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n"
                                               "GET /inside HTTP/1.1\r\nHost: t\r\n\r\n"_ba, "CONNECT"_ba);
    QVERIFY2(reply.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"), reply.constData());
    QCOMPARE(headerOf(reply, "Allow"_ba), servedMethods());
    QVERIFY(!servedMethods().contains("CONNECT"));
    QCOMPARE(headerOf(reply, "Connection"_ba), "close"_ba);
    QVERIFY(reply.contains("does not open tunnels"));
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, kWaitMs);
    QCOMPARE(m_captured.size(), 1);   // GET /inside was never read
    QCOMPARE(m_captured.constFirst().answeredStatus, 405);
    QVERIFY(m_captured.constFirst().ok());
    // a 2xx to CONNECT never carries Content-Length (RFC 9110 §8.6), whatever the canned answer
    HttpMessage connect;
    connect.method = "CONNECT"_ba;
    connect.versionMajor = 1;
    connect.versionMinor = 1;
    connect.keepAlive = true;
    ResponseSpec canned;
    canned.mode = AnswerMode::Canned;
    canned.status = 200;
    QVERIFY(!planResponse(canned, connect).bytes.contains("Content-Length"));
}

// HTTP/1.0 with Connection: keep-alive stays open (RFC 9112 Appendix C.2.2 allows it) and says so; without it, closes.
void TestCaptureServer::http10KeepAliveIsHonoured()
{
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QByteArray first = roundTrip(client, "GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba);
    QVERIFY2(first.startsWith("HTTP/1.0 200 OK\r\n"), first.constData());
    QCOMPARE(headerOf(first, "Connection"_ba), "keep-alive"_ba);
    QVERIFY(!headerOf(first, "Content-Length"_ba).isEmpty());
    const QByteArray second = roundTrip(client, "GET /2 HTTP/1.0\r\n\r\n"_ba);
    QVERIFY2(second.startsWith("HTTP/1.0 200 OK\r\n"), second.constData());
    QCOMPARE(headerOf(second, "Connection"_ba), "close"_ba);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, kWaitMs);
    QCOMPARE(m_captured.size(), 2);
    QCOMPARE(m_captured.at(1).connection, m_captured.at(0).connection);
    QCOMPARE(m_captured.at(1).indexOnConnection, 2);
    QVERIFY(m_captured.at(0).findings.isEmpty());   // HTTP/1.0 needs no Host
}

// Expect: 100-continue with a Content-Length within the limit: "100 Continue" as soon as the head is in, then the answer.
void TestCaptureServer::expectContinueWithinTheLimit()
{
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QByteArray head = "POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"_ba;
    client->write(head);
    QTRY_VERIFY_WITH_TIMEOUT(client->bytesAvailable() >= 25, kWaitMs);
    QCOMPARE(client->readAll(), "HTTP/1.1 100 Continue\r\n\r\n"_ba);
    const QByteArray reply = roundTrip(client, "hello"_ba, "POST"_ba);
    QVERIFY2(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply.constData());
    QVERIFY(reply.endsWith(QByteArray(head + "hello"_ba)));
}

// With a root, an absolute-form target serves the file its URL names (RFC 9112 §3.2.2).
void TestCaptureServer::absoluteFormServesTheFile()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QFile file(root.filePath(u"page.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("the page\n");
    file.close();
    ResponseSpec spec;
    spec.mode = AnswerMode::StaticFiles;
    spec.root = root.path();
    spec.strict = true;
    m_server->setResponse(spec);
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QByteArray reply = roundTrip(client, "GET http://t:8000/page.txt?x=1 HTTP/1.1\r\nHost: t:8000\r\n\r\n"_ba);
    QVERIFY2(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply.constData());
    QVERIFY(reply.endsWith("\r\n\r\nthe page\n"));
    const QByteArray root2 = roundTrip(client, "GET HTTP://t HTTP/1.1\r\nHost: t\r\n\r\n"_ba);
    QVERIFY2(root2.startsWith("HTTP/1.1 200 OK\r\n"), root2.constData());   // the folder's listing
    QVERIFY(root2.contains("page.txt"));
}

// Hidden names (a path segment starting with ".") are 404 under a root, as the files server hides them, also through
// a symbolic link and in listings; showHidden serves them.
void TestCaptureServer::hiddenNamesAreNotServed()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(QDir(root.path()).mkpath(u".git"_s));
    QVERIFY(QDir(root.path()).mkpath(u"sub"_s));
    for (const QString &name : {u".env"_s, u".git/config"_s, u"sub/.hidden"_s, u"visible.txt"_s}) {
        QFile file(root.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("secret " + name.toUtf8() + '\n');
    }
    QVERIFY(QFile::link(root.filePath(u".env"_s), root.filePath(u"link.txt"_s)));
    ResponseSpec spec;
    spec.mode = AnswerMode::StaticFiles;
    spec.root = root.path();
    m_server->setResponse(spec);
    QObject owner;
    QTcpSocket *client = connectFrom({}, m_server->serverPort(), &owner);
    QVERIFY(client->waitForConnected(kWaitMs));
    const QList<QByteArray> hidden{"/.env"_ba, "/.git/config"_ba, "/sub/.hidden"_ba, "/%2eenv"_ba, "/sub/../.env"_ba,
                                   "/link.txt"_ba, "/.git/"_ba};
    for (const QByteArray &path : hidden) {
        const QByteArray reply = roundTrip(client, "GET "_ba + path + " HTTP/1.1\r\nHost: t\r\n\r\n"_ba);
        QVERIFY2(reply.startsWith("HTTP/1.1 404 Not Found\r\n"), path.constData());
    }
    const QByteArray listing = roundTrip(client, "GET / HTTP/1.1\r\nHost: t\r\n\r\n"_ba);
    QVERIFY(listing.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(listing.contains("visible.txt"));
    QVERIFY(!listing.contains(".env"));
    QVERIFY(!listing.contains(".git"));
    spec.showHidden = true;
    m_server->setResponse(spec);
    for (const QByteArray &path : {"/.env"_ba, "/sub/.hidden"_ba, "/link.txt"_ba}) {
        const QByteArray reply = roundTrip(client, "GET "_ba + path + " HTTP/1.1\r\nHost: t\r\n\r\n"_ba);
        QVERIFY2(reply.startsWith("HTTP/1.1 200 OK\r\n"), path.constData());
        QVERIFY(reply.contains("secret "));
    }
    QVERIFY(roundTrip(client, "GET / HTTP/1.1\r\nHost: t\r\n\r\n"_ba).contains(".env"));
}

QTEST_GUILESS_MAIN(TestCaptureServer)
#include "tst_captureserver.moc"

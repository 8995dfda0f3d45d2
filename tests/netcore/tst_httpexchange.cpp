// The HTTP client and the capture server against each other over loopback: exact bytes both ways,
// keep-alive reuse, chunked + gzip, HEAD/204/304 lengths, 100-continue, slow drip, redirects by hand,
// malformed responses and requests, size caps, the static-file jail. The server's shape and bounds (clients,
// caps, deadlines, backpressure, streaming) are in tst_captureserver.
#include "netcore/http/events.h"
#include "tests/netcore/http_fixture.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace netcore::http;

using httptest::kWaitMs;
using httptest::waitFinished;

class TestHttpExchange final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void echoCapturesExactBytesAndReuses();
    void chunkedGzipDecoded();
    void noBodyStatusesKeepConnectionUsable_data();
    void noBodyStatusesKeepConnectionUsable();
    void headAnswerHasNoBody();
    void continueInterim();
    void slowDripManyReads();
    void redirectFollowedByHand();
    void redirectNotFollowedByDefault();
    void malformedResponses_data();
    void malformedResponses();
    void responseHeaderCap();
    void malformedRequestCapturedAndRefused();
    void oversizedRequestHead();
    void staticFilesJail();
    void rawModeSendsExactBytes();
    void connectRefusedAndBadUrl();
    void staleKeepAliveIsRetriedOnce();
    void clientEventsAreTyped();

private:
    QUrl url(const QString &path = u"/"_s) const { return m_fixture.url(path); }
    Hop exchange(const RequestSpec &spec, const ClientOptions &options = {}) { return m_fixture.exchange(spec, options); }
    template <typename E>
    bool hasEvent(E code, const QStringList &args) const
    {
        return m_fixture.hasEvent(code, args);
    }

    httptest::Fixture m_fixture;
    CaptureServer *m_server = nullptr;
    HttpClient *m_client = nullptr;
    netcore::common::Transcript *m_transcript = nullptr;
    QList<CapturedRequest> &m_captured = m_fixture.captured;
};

void TestHttpExchange::init()
{
    QVERIFY(m_fixture.setUp(this));
    m_server = m_fixture.server;
    m_client = m_fixture.client;
    m_transcript = m_fixture.transcript;
}

void TestHttpExchange::cleanup()
{
    m_fixture.tearDown();
}

void TestHttpExchange::echoCapturesExactBytesAndReuses()
{
    RequestSpec spec;
    spec.url = url(u"/hello?x=1"_s);
    const Hop first = exchange(spec);
    QVERIFY2(first.ok(), qPrintable(first.errorDetail.raw));
    QCOMPARE(first.response.statusCode, 200);
    QTRY_COMPARE(m_captured.size(), 1);
    // what the server captured is byte for byte what the client wrote, and the echo body says so too
    QCOMPARE(m_captured.first().request.raw(), first.requestBytes);
    QCOMPARE(first.response.body, first.requestBytes);
    QCOMPARE(m_captured.first().request.target, "/hello?x=1"_ba);
    QCOMPARE(first.receivedBytes, first.response.raw());
    QVERIFY(!first.reusedConnection);
    QVERIFY(first.elapsedUs(TimingPhase::DnsDone) >= 0);
    QVERIFY(first.elapsedUs(TimingPhase::Connected) >= first.elapsedUs(TimingPhase::DnsDone));
    QVERIFY(first.elapsedUs(TimingPhase::RequestSent) >= first.elapsedUs(TimingPhase::Connected));
    QVERIFY(first.elapsedUs(TimingPhase::FirstByte) >= first.elapsedUs(TimingPhase::RequestSent));
    QVERIFY(first.elapsedUs(TimingPhase::Done) >= first.elapsedUs(TimingPhase::FirstByte));
    QCOMPARE(first.elapsedUs(TimingPhase::TlsDone), -1);

    spec.url = url(u"/second"_s);
    const Hop second = exchange(spec);
    QVERIFY(second.ok());
    QVERIFY(second.reusedConnection);
    QCOMPARE(second.connectionNumber, first.connectionNumber);
    QCOMPARE(second.elapsedUs(TimingPhase::Connected), -1);
    QTRY_COMPARE(m_captured.size(), 2);
    QCOMPARE(m_captured.at(1).connection, m_captured.at(0).connection);
    QCOMPARE(m_captured.at(1).indexOnConnection, 2);

    // the transcript holds the same bytes, both ways
    QByteArray sent;
    for (const auto &entry : m_transcript->entries()) {
        if (entry.direction == netcore::common::Direction::Sent && entry.peer == first.peer)
            sent += entry.bytes;
    }
    QCOMPARE(sent, first.requestBytes + second.requestBytes);
}

void TestHttpExchange::chunkedGzipDecoded()
{
    ResponseSpec answer;
    answer.mode = AnswerMode::Canned;
    answer.body = QByteArray("chunked and gzipped, like nginx does it. ").repeated(300);
    answer.chunked = true;
    answer.gzip = true;
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.url = url();
    const Hop hop = exchange(spec);
    QVERIFY2(hop.ok(), qPrintable(hop.errorDetail.raw));
    QCOMPARE(hop.response.framing, BodyFraming::Chunked);
    QVERIFY(hop.response.chunkCount >= 1);
    QCOMPARE(hop.response.headerValue("Content-Encoding"), "gzip"_ba);
    QVERIFY(hop.response.wireBody.size() > hop.response.body.size());   // chunk framing removed
    QCOMPARE(hop.decoded.coding, Coding::Gzip);
    QCOMPARE(hop.decoded.bytes, answer.body);
    QVERIFY(hop.response.body.size() < answer.body.size() / 5);
}

void TestHttpExchange::noBodyStatusesKeepConnectionUsable_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("204") << 204;
    QTest::addRow("304") << 304;
}

void TestHttpExchange::noBodyStatusesKeepConnectionUsable()
{
    QFETCH(int, status);
    ResponseSpec answer;
    answer.mode = AnswerMode::Canned;
    answer.status = status;
    answer.body = "must not be sent"_ba;
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.url = url();
    const Hop hop = exchange(spec);
    QVERIFY(hop.ok());
    QCOMPARE(hop.response.statusCode, status);
    QVERIFY(hop.response.wireBody.isEmpty());
    QVERIFY(!hop.receivedBytes.contains("must not"));
    m_server->setResponse(ResponseSpec{});
    const Hop next = exchange(spec);
    QVERIFY(next.ok());
    QVERIFY(next.reusedConnection);
    QCOMPARE(next.response.statusCode, 200);
}

void TestHttpExchange::headAnswerHasNoBody()
{
    ResponseSpec answer;
    answer.mode = AnswerMode::Canned;
    answer.body = QByteArray(5000, 'b');
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.method = "HEAD";
    spec.url = url();
    const Hop hop = exchange(spec);
    QVERIFY(hop.ok());
    QCOMPARE(hop.response.headerValue("Content-Length"), "5000"_ba);
    QVERIFY(hop.response.body.isEmpty());
    QCOMPARE(hop.receivedBytes, hop.response.headBytes);
    spec.method = "GET";
    const Hop get = exchange(spec);
    QVERIFY(get.ok());
    QVERIFY(get.reusedConnection);
    QCOMPARE(get.response.body.size(), 5000);
}

void TestHttpExchange::continueInterim()
{
    RequestSpec spec;
    spec.method = "POST";
    spec.url = url(u"/upload"_s);
    spec.headers.append({"Expect"_ba, "100-continue"_ba});
    spec.body = "0123456789"_ba;
    ClientOptions options;
    options.byteDelay = std::chrono::milliseconds(1);   // the head arrives before the body
    const Hop hop = exchange(spec, options);
    QVERIFY2(hop.ok(), qPrintable(hop.errorDetail.raw));
    QCOMPARE(hop.interim.size(), 1);
    QCOMPARE(hop.interim.first().statusCode, 100);
    QCOMPARE(hop.response.statusCode, 200);
    QTRY_COMPARE(m_captured.size(), 1);
    QCOMPARE(m_captured.first().request.body, spec.body);
    QVERIFY(hop.receivedBytes.startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
}

void TestHttpExchange::slowDripManyReads()
{
    ResponseSpec answer;
    answer.mode = AnswerMode::Canned;
    answer.body = QByteArray(60, 'd');
    answer.dripBytes = 40;
    answer.dripInterval = std::chrono::milliseconds(20);
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.url = url();
    const Hop hop = exchange(spec);
    QVERIFY(hop.ok());
    int reads = 0;
    for (const TimingMark &mark : hop.timing)
        reads += mark.phase == TimingPhase::Read ? 1 : 0;
    QVERIFY2(reads >= hop.receivedBytes.size() / 40, qPrintable(QString::number(reads)));
    QVERIFY(hop.elapsedUs(TimingPhase::Done) - hop.elapsedUs(TimingPhase::FirstByte) >= 20'000);
    QCOMPARE(hop.response.body, answer.body);
}

void TestHttpExchange::redirectFollowedByHand()
{
    CaptureServer target;
    QVERIFY(target.start(QHostAddress::LocalHost, 0));
    QList<CapturedRequest> atTarget;
    connect(&target, &CaptureServer::requestCaptured, this, [&](const CapturedRequest &c) { atTarget.append(c); });
    ResponseSpec answer;
    answer.mode = AnswerMode::Redirect;
    answer.status = 303;
    answer.location = u"http://127.0.0.1:%1/landed"_s.arg(target.serverPort()).toLatin1();
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.method = "POST";
    spec.url = url(u"/form"_s);
    spec.body = "a=1"_ba;
    ClientOptions options;
    options.followRedirects = true;
    const Hop last = exchange(spec, options);
    QVERIFY2(last.ok(), qPrintable(last.errorDetail.raw));
    const QList<Hop> hops = m_client->hops();
    QCOMPARE(hops.size(), 2);
    QCOMPARE(hops.at(0).response.statusCode, 303);
    QVERIFY(hops.at(0).requestBytes.startsWith("POST /form "));
    QVERIFY(hops.at(1).requestBytes.startsWith("GET /landed "));
    QVERIFY(!hops.at(1).requestBytes.contains("Content-Length"));
    QVERIFY(hops.at(1).connectionNumber != hops.at(0).connectionNumber);
    QTRY_COMPARE(atTarget.size(), 1);
    QCOMPARE(atTarget.first().request.raw(), hops.at(1).requestBytes);

    // a redirect to itself ends with TooManyRedirects
    answer.location = "/again"_ba;
    answer.status = 302;
    m_server->setResponse(answer);
    options.maxRedirects = 3;
    spec.method = "GET";
    spec.body.clear();
    const Hop loop = exchange(spec, options);
    QCOMPARE(loop.error, ExchangeError::TooManyRedirects);
    QCOMPARE(m_client->hops().size(), 4);
}

void TestHttpExchange::redirectNotFollowedByDefault()
{
    ResponseSpec answer;
    answer.mode = AnswerMode::Redirect;
    answer.status = 301;
    answer.location = "/elsewhere"_ba;
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.url = url();
    const Hop hop = exchange(spec);
    QVERIFY(hop.ok());
    QCOMPARE(m_client->hops().size(), 1);
    QCOMPARE(hop.response.statusCode, 301);
    QCOMPARE(hop.response.headerValue("location"), "/elsewhere"_ba);
}

void TestHttpExchange::malformedResponses_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("error");
    QTest::addRow("short body") << int(MalformedKind::ShortBody) << int(ExchangeError::ConnectionClosed);
    QTest::addRow("bad status line") << int(MalformedKind::BadStatusLine) << int(ExchangeError::MalformedResponse);
    QTest::addRow("bad chunk size") << int(MalformedKind::BadChunkSize) << int(ExchangeError::MalformedResponse);
}

void TestHttpExchange::malformedResponses()
{
    QFETCH(int, kind);
    QFETCH(int, error);
    ResponseSpec answer;
    answer.mode = AnswerMode::Malformed;
    answer.malformed = MalformedKind(kind);
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.url = url();
    const Hop hop = exchange(spec);
    QCOMPARE(int(hop.error), error);
    QVERIFY(hop.errorOffset >= 0);
    QVERIFY(hop.errorOffset <= hop.receivedBytes.size());
    if (MalformedKind(kind) == MalformedKind::BadStatusLine) {
        QCOMPARE(hop.errorOffset, qint64(hop.receivedBytes.indexOf("OK")));
        QVERIFY(hop.errorDetail.raw.startsWith(u"HPE_"_s));
    }
    if (MalformedKind(kind) == MalformedKind::BadChunkSize)
        QCOMPARE(hop.errorOffset, qint64(hop.receivedBytes.indexOf("zz")));
    QVERIFY(!m_client->hasConnection());
}

void TestHttpExchange::responseHeaderCap()
{
    ResponseSpec answer;
    answer.mode = AnswerMode::Canned;
    answer.headers.append({"X-Huge"_ba, QByteArray(4000, 'h')});
    m_server->setResponse(answer);
    RequestSpec spec;
    spec.url = url();
    ClientOptions options;
    options.maxHeaderBytes = 1024;
    const Hop hop = exchange(spec, options);
    QCOMPARE(hop.error, ExchangeError::HeadersTooLarge);
    QCOMPARE(hop.errorOffset, 1024);
    options.maxHeaderBytes = 64 * 1024;
    options.maxBodyBytes = 10;
    answer.body = QByteArray(100, 'x');
    m_server->setResponse(answer);
    QCOMPARE(exchange(spec, options).error, ExchangeError::BodyTooLarge);
}

void TestHttpExchange::malformedRequestCapturedAndRefused()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(socket.waitForConnected(kWaitMs));
    const QByteArray bad = "GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 12x\r\n\r\n"_ba;
    socket.write(bad);
    QTRY_COMPARE_WITH_TIMEOUT(m_captured.size(), 1, kWaitMs);
    const CapturedRequest &captured = m_captured.first();
    QCOMPARE(captured.error, ParseError::Malformed);
    QCOMPARE(captured.errorOffset, bad.indexOf("x\r\n"));
    QCOMPARE(captured.answeredStatus, 400);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, kWaitMs);
    const QByteArray reply = socket.readAll();
    QVERIFY2(reply.startsWith("HTTP/1.1 400 Bad Request\r\n"), reply.constData());
    QVERIFY(reply.contains(QByteArray("at byte " + QByteArray::number(captured.errorOffset))));
}

void TestHttpExchange::oversizedRequestHead()
{
    m_server->setMaxHeaderBytes(2048);
    RequestSpec spec;
    spec.url = url();
    spec.headers.append({"X-Big"_ba, QByteArray(5000, 'a')});
    const Hop hop = exchange(spec);
    QVERIFY2(hop.ok(), qPrintable(hop.errorDetail.raw));
    QCOMPARE(hop.response.statusCode, 431);
    QVERIFY(!hop.response.keepAlive);
    QTRY_COMPARE(m_captured.size(), 1);
    QCOMPARE(m_captured.first().error, ParseError::HeadersTooLarge);

    m_server->setMaxBodyBytes(100);
    spec.headers.clear();
    spec.method = "POST";
    spec.body = QByteArray(1000, 'b');
    const Hop big = exchange(spec);
    QVERIFY2(big.ok(), qPrintable(big.errorDetail.raw));
    QCOMPARE(big.response.statusCode, 413);
    QTRY_COMPARE(m_captured.size(), 2);
    QCOMPARE(m_captured.at(1).error, ParseError::BodyTooLarge);
}

void TestHttpExchange::staticFilesJail()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"www/sub"_s));
    auto writeFile = [&](const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    writeFile(u"www/index.html"_s, "<h1>index</h1>"_ba);
    writeFile(u"www/sub/a b.txt"_s, "spaced"_ba);
    writeFile(u"secret.txt"_s, "outside the root"_ba);
    QVERIFY(QFile::link(dir.filePath(u"secret.txt"_s), dir.filePath(u"www/link.txt"_s)));
    // relative links: one staying inside the root is served, one climbing out is not; an absolute link to a
    // file inside is served too; a link to a folder outside never lists it; a FIFO is refused without blocking
    QVERIFY(QFile::link(u"sub/a b.txt"_s, dir.filePath(u"www/inside.txt"_s)));
    QVERIFY(QFile::link(u"../secret.txt"_s, dir.filePath(u"www/up.txt"_s)));
    QVERIFY(QFile::link(dir.filePath(u"www/index.html"_s), dir.filePath(u"www/absolute-inside.html"_s)));
    QVERIFY(QFile::link(dir.path(), dir.filePath(u"www/parent"_s)));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"www/pipe.txt"_s)).constData(), 0644), 0);
    ResponseSpec answer;
    answer.mode = AnswerMode::StaticFiles;
    answer.root = dir.filePath(u"www"_s);
    m_server->setResponse(answer);

    const QList<std::pair<QByteArray, int>> cases{
        {"/"_ba, 200}, {"/index.html"_ba, 200}, {"/sub/a%20b.txt"_ba, 200}, {"/sub"_ba, 301}, {"/sub/"_ba, 200},
        {"/missing.html"_ba, 404}, {"/../secret.txt"_ba, 403}, {"/%2e%2e/secret.txt"_ba, 403},
        {"/sub/../../secret.txt"_ba, 403}, {"/link.txt"_ba, 403}, {"/favicon.ico"_ba, 404},
        {"/inside.txt"_ba, 200}, {"/up.txt"_ba, 403}, {"/absolute-inside.html"_ba, 200}, {"/parent/"_ba, 403},
        {"/parent/secret.txt"_ba, 403}, {"/pipe.txt"_ba, 403}, {"/index.html/x"_ba, 404},
    };
    for (const auto &[target, status] : cases) {
        const QByteArray raw = "GET "_ba + target + " HTTP/1.1\r\nHost: t\r\n\r\n"_ba;
        QSignalSpy finished(m_client, &HttpClient::finished);
        QVERIFY(m_client->sendRaw(url(), raw, {}));
        QVERIFY(waitFinished(finished));
        const Hop &hop = m_client->lastHop();
        QVERIFY2(hop.ok(), qPrintable(hop.errorDetail.raw));
        QVERIFY2(hop.response.statusCode == status, target.constData());
        QVERIFY(!hop.response.body.contains("outside the root"));
        if (target == "/")
            QCOMPARE(hop.response.body, "<h1>index</h1>"_ba);
        if (target == "/sub/a%20b.txt") {
            QCOMPARE(hop.response.body, "spaced"_ba);
            QCOMPARE(hop.response.headerValue("Content-Type"), "text/plain; charset=utf-8"_ba);
        }
        if (target == "/sub/")
            QVERIFY(hop.response.body.contains("a%20b.txt"));
        if (target == "/inside.txt")
            QCOMPARE(hop.response.body, "spaced"_ba);
        if (target == "/absolute-inside.html")
            QCOMPARE(hop.response.body, "<h1>index</h1>"_ba);
        QVERIFY(!hop.response.body.contains("secret.txt"));   // no listing of the folder above
    }
}

void TestHttpExchange::rawModeSendsExactBytes()
{
    // a request with bare LFs: the client must not "fix" it, the server shows it as it came
    const QByteArray raw = "GET /raw HTTP/1.1\nHost: x\n\n"_ba;
    QSignalSpy finished(m_client, &HttpClient::finished);
    QVERIFY(m_client->sendRaw(url(), raw, {}));
    QVERIFY(waitFinished(finished));
    QTRY_COMPARE(m_captured.size(), 1);
    QCOMPARE(m_captured.first().request.raw(), raw);
    QCOMPARE(m_client->lastHop().requestBytes, raw);
    // llhttp refuses a bare LF after a header value: the capture says where, the client gets the 400
    QCOMPARE(m_captured.first().error, ParseError::Malformed);
    QCOMPARE(m_captured.first().errorOffset, raw.indexOf("\n\n"));
    QCOMPARE(m_client->lastHop().response.statusCode, 400);
}

void TestHttpExchange::connectRefusedAndBadUrl()
{
    const quint16 port = m_server->serverPort();
    m_server->stop();
    RequestSpec spec;
    spec.url = QUrl(u"http://127.0.0.1:%1/"_s.arg(port));
    QSignalSpy errors(m_client, &HttpClient::errorOccurred);
    QCOMPARE(exchange(spec).error, ExchangeError::ConnectFailed);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().first().value<HttpClient::Error>(), ExchangeError::ConnectFailed);
    QVERIFY(!m_client->errorDetail().raw.isEmpty());   // the socket's words, as data
    QVERIFY(hasEvent(Event::ExchangeFailed, {QString::number(int(ExchangeError::ConnectFailed)), m_client->errorDetail().raw}));
    spec.url = QUrl(u"ftp://127.0.0.1/"_s);
    QCOMPARE(exchange(spec).error, ExchangeError::InvalidUrl);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.last().first().value<HttpClient::Error>(), ExchangeError::InvalidUrl);
}

void TestHttpExchange::staleKeepAliveIsRetriedOnce()
{
    // A server that promises keep-alive but drops a connection when a second request comes on it, without
    // answering: what a client sees when the server's idle timeout and its next request cross.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int accepted = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        ++accepted;
        auto answered = std::make_shared<bool>(false);
        connect(socket, &QTcpSocket::readyRead, socket, [socket, answered] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            if (*answered) {
                socket->abort();
                socket->deleteLater();
                return;
            }
            *answered = true;
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba);
        });
    });
    RequestSpec spec;
    spec.url = QUrl(u"http://127.0.0.1:%1/"_s.arg(server.serverPort()));
    QVERIFY(exchange(spec).ok());
    QVERIFY(m_client->hasConnection());
    const Hop second = exchange(spec);
    QVERIFY2(second.ok(), qPrintable(second.errorDetail.raw));
    QCOMPARE(second.response.body, "ok"_ba);
    QCOMPARE(accepted, 2);
    QCOMPARE(m_client->hops().size(), 1);
    QVERIFY(!second.reusedConnection);
    QCOMPARE(second.connectionNumber, 2);
    QVERIFY(hasEvent(Event::RetryingStaleConnection, {u"1"_s}));
    // each exchange may retry once: the next one is dropped on connection 2 and answered on connection 3
    const Hop third = exchange(spec);
    QVERIFY(third.ok());
    QCOMPARE(accepted, 3);
}

void TestHttpExchange::clientEventsAreTyped()
{
    RequestSpec spec;
    spec.url = url(u"/typed"_s);
    const Hop first = exchange(spec);
    QVERIFY(first.ok());
    QVERIFY(exchange(spec).ok());
    const QString id = QString::number(m_server->clients().constFirst().id);
    QVERIFY(hasEvent(netcore::common::Event::Listening, {first.peer}));
    QVERIFY(hasEvent(netcore::common::Event::ClientConnected, {id}));
    QVERIFY(hasEvent(Event::Resolving, {u"127.0.0.1"_s}));
    QVERIFY(hasEvent(Event::Resolved, {u"127.0.0.1"_s, u"127.0.0.1"_s}));
    QVERIFY(hasEvent(netcore::common::Event::Connecting, {first.peer}));
    QVERIFY(hasEvent(Event::ConnectionOpened, {QString::number(first.connectionNumber)}));
    QVERIFY(hasEvent(Event::ResponseComplete, {u"200"_s, QString::number(first.receivedBytes.size())}));
    QVERIFY(hasEvent(Event::ReusingConnection, {QString::number(first.connectionNumber), first.peer}));
    // no event carries a sentence: every one is typed, none is free text
    for (const auto &entry : m_transcript->entries()) {
        if (entry.direction == netcore::common::Direction::Event)
            QVERIFY(entry.event.area != netcore::common::EventArea::Common || entry.event.code != quint16(netcore::common::Event::Text));
    }
}

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "tst_httpexchange.moc"

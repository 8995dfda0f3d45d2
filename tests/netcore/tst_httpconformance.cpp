// The capture server's conformance (docs/protocols/http.md, "Conformance"): raw request bytes on a socket, the exact
// answer — readable-but-malformed requests flagged, ones the parser rejects answered 400, CONNECT 405, HTTP/1.0
// keep-alive, Expect: 100-continue within the body cap, absolute-form targets, hidden names never served.
#include "netcore/http/events.h"
#include "netcore/http/responsespec.h"
#include "tests/netcore/http_fixture.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace netcore::http;
using httptest::connectFrom;
using httptest::headerOf;
using httptest::kWaitMs;
using httptest::roundTrip;

class TestHttpConformance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_fixture.setUp(this));
        m_server = m_fixture.server;
    }
    void cleanup() { m_fixture.tearDown(); }
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
    httptest::Fixture m_fixture;
    CaptureServer *m_server = nullptr;
    QList<CapturedRequest> &m_captured = m_fixture.captured;
};

void TestHttpConformance::malformedButReadable_data()
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

void TestHttpConformance::malformedButReadable()
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
void TestHttpConformance::rejectedByTheParser_data()
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

void TestHttpConformance::rejectedByTheParser()
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
void TestHttpConformance::connectIs405()
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
void TestHttpConformance::http10KeepAliveIsHonoured()
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
void TestHttpConformance::expectContinueWithinTheLimit()
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
void TestHttpConformance::absoluteFormServesTheFile()
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
void TestHttpConformance::hiddenNamesAreNotServed()
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

QTEST_GUILESS_MAIN(TestHttpConformance)
#include "tst_httpconformance.moc"

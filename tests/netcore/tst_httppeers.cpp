// The HTTP client against real servers from Debian, started by the test on loopback ports the OS chose:
// python3 -m http.server (the course's world: HTTP/1.0, closes after each answer), nginx (keep-alive,
// gzip + chunked, 304 from ETag, 204, redirects) and openssl s_server with a self-signed certificate
// made here (chain shown, verification errors named, the explicit ignore choice).
#include "netcore/common/transcript.h"
#include "netcore/http/httpclient.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace netcore::http;

namespace {

constexpr int kWaitMs = 15'000;

quint16 portFromOs()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool accepting(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

// Reads the process's output until `marker` shows up; returns the rest of that line.
QByteArray waitForLine(QProcess &process, const QByteArray &marker)
{
    QByteArray seen;
    while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
        seen += process.readAll();
        const qsizetype at = seen.indexOf(marker);
        if (at >= 0 && seen.indexOf('\n', at) > at)
            return seen.mid(at + marker.size(), seen.indexOf('\n', at) - at - marker.size());
        if (!process.waitForReadyRead(kWaitMs))
            break;
    }
    return {};
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

class TestHttpPeers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pythonHttpServer();
    void nginxKeepAliveGzipChunked();
    void nginxConditionalAndNoBody();
    void nginxRedirect();
    void tlsSelfSigned();

private:
    Hop exchange(HttpClient &client, const RequestSpec &spec, const ClientOptions &options = {});
    void startNginx();

    QTemporaryDir m_dir;
    QProcess m_python;
    QProcess m_nginx;
    QProcess m_tls;
    quint16 m_pythonPort = 0;
    quint16 m_nginxPort = 0;
    QByteArray m_big;
};

Hop TestHttpPeers::exchange(HttpClient &client, const RequestSpec &spec, const ClientOptions &options)
{
    QSignalSpy finished(&client, &HttpClient::finished);
    netcore::common::Transcript transcript;
    client.setTranscript(&transcript);
    if (!client.send(spec, options) || (finished.isEmpty() && !finished.wait(kWaitMs))) {
        Hop timedOut;
        timedOut.error = ExchangeError::Timeout;
        timedOut.errorDetail.raw = u"the test gave up waiting"_s;
        for (const auto &entry : transcript.entries())   // what happened, for the failure message
            qWarning() << int(entry.direction) << entry.bytes.left(200) << int(entry.event.area) << entry.event.code
                       << entry.event.args;
        client.setTranscript(nullptr);
        return timedOut;
    }
    client.setTranscript(nullptr);
    return client.lastHop();
}

void TestHttpPeers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(u"www"_s));
    m_big = QByteArray("nginx compresses this text and sends it in chunks. ").repeated(400);
    writeFile(m_dir.filePath(u"www/hello.txt"_s), "hello from the course\n"_ba);
    writeFile(m_dir.filePath(u"www/big.txt"_s), m_big);
    writeFile(m_dir.filePath(u"www/index.html"_s), "<h1>index</h1>\n"_ba);

    QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(), "python3 is in scripts/deps/test.txt");
    m_python.setProcessChannelMode(QProcess::MergedChannels);
    m_python.start(u"python3"_s, {u"-u"_s, u"-m"_s, u"http.server"_s, u"0"_s, u"--bind"_s, u"127.0.0.1"_s,
                                  u"--directory"_s, m_dir.filePath(u"www"_s)});
    QVERIFY(m_python.waitForStarted(kWaitMs));
    const QByteArray rest = waitForLine(m_python, " port "_ba);
    m_pythonPort = quint16(rest.left(rest.indexOf(' ')).toUInt());
    QVERIFY2(m_pythonPort != 0, rest.constData());

    startNginx();
}

void TestHttpPeers::startNginx()
{
    const QString nginx = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/usr/bin"_s});
    QVERIFY2(!nginx.isEmpty(), "nginx is in scripts/deps/test.txt");
    m_nginxPort = portFromOs();
    QVERIFY(m_nginxPort != 0);
    const QByteArray prefix = m_dir.path().toUtf8();
    QByteArray conf = "worker_processes 1;\ndaemon off;\npid " + prefix + "/nginx.pid;\nerror_log " + prefix
                      + "/error.log;\n";
    if (geteuid() == 0)
        conf += "user root;\n";   // the worker must read the test's private folder
    conf += "events { worker_connections 64; }\nhttp {\n  access_log off;\n"
            "  client_body_temp_path " + prefix + "/body;\n  proxy_temp_path " + prefix + "/proxy;\n"
            "  fastcgi_temp_path " + prefix + "/fastcgi;\n  uwsgi_temp_path " + prefix + "/uwsgi;\n"
            "  scgi_temp_path " + prefix + "/scgi;\n"
            "  types { text/html html; text/plain txt; }\n"
            "  gzip on; gzip_min_length 1; gzip_types text/plain;\n"
            "  server {\n    listen 127.0.0.1:" + QByteArray::number(m_nginxPort) + ";\n"
            "    root " + prefix + "/www;\n"
            "    location = /moved { return 302 /hello.txt; }\n"
            "    location = /empty { return 204; }\n"
            "  }\n}\n";
    writeFile(m_dir.filePath(u"nginx.conf"_s), conf);
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.start(nginx, {u"-p"_s, m_dir.path(), u"-e"_s, m_dir.filePath(u"error.log"_s), u"-c"_s,
                          m_dir.filePath(u"nginx.conf"_s)});
    QVERIFY(m_nginx.waitForStarted(kWaitMs));
    QTRY_VERIFY2_WITH_TIMEOUT(accepting(m_nginxPort) || m_nginx.state() == QProcess::NotRunning, "nginx starts", kWaitMs);
    QVERIFY2(m_nginx.state() == QProcess::Running, m_nginx.readAll().constData());
}

void TestHttpPeers::cleanupTestCase()
{
    stop(m_python);
    stop(m_nginx);
    stop(m_tls);
}

void TestHttpPeers::pythonHttpServer()
{
    HttpClient client;
    RequestSpec spec;
    spec.url = QUrl(u"http://127.0.0.1:%1/hello.txt"_s.arg(m_pythonPort));
    const Hop get = exchange(client, spec);
    QVERIFY2(get.ok(), qPrintable(get.errorDetail.raw));
    QCOMPARE(get.response.statusCode, 200);
    QVERIFY(get.response.headerValue("Server").startsWith("SimpleHTTP"));
    QCOMPARE(get.response.body, "hello from the course\n"_ba);
    QCOMPARE(get.response.framing, BodyFraming::ContentLength);
    QVERIFY(!get.response.keepAlive);   // HTTP/1.0 answer: one request per connection

    spec.method = "HEAD";
    const Hop head = exchange(client, spec);
    QVERIFY(head.ok());
    QVERIFY(!head.reusedConnection);
    QVERIFY(head.connectionNumber > get.connectionNumber);
    QCOMPARE(head.response.headerValue("Content-Length"), "22"_ba);
    QVERIFY(head.response.body.isEmpty());

    spec.method = "GET";
    spec.url = QUrl(u"http://127.0.0.1:%1/missing"_s.arg(m_pythonPort));
    QCOMPARE(exchange(client, spec).response.statusCode, 404);
}

void TestHttpPeers::nginxKeepAliveGzipChunked()
{
    HttpClient client;
    RequestSpec spec;
    spec.url = QUrl(u"http://127.0.0.1:%1/big.txt"_s.arg(m_nginxPort));
    spec.headers.append({"Accept-Encoding"_ba, "gzip"_ba});
    const Hop first = exchange(client, spec);
    QVERIFY2(first.ok(), qPrintable(first.errorDetail.raw));
    QCOMPARE(first.response.statusCode, 200);
    QCOMPARE(first.response.headerValue("Content-Encoding"), "gzip"_ba);
    QCOMPARE(first.response.framing, BodyFraming::Chunked);
    QCOMPARE(first.decoded.error, DecodeError::None);
    QCOMPARE(first.decoded.bytes, m_big);
    QVERIFY(first.response.body.size() < m_big.size() / 5);
    QVERIFY(first.response.keepAlive);

    spec.headers.clear();
    spec.url = QUrl(u"http://127.0.0.1:%1/hello.txt"_s.arg(m_nginxPort));
    const Hop second = exchange(client, spec);
    QVERIFY(second.ok());
    QVERIFY(second.reusedConnection);
    QCOMPARE(second.connectionNumber, first.connectionNumber);
    QCOMPARE(second.local, first.local);
    QCOMPARE(second.decoded.coding, Coding::Identity);
    QCOMPARE(second.response.body, "hello from the course\n"_ba);

    spec.url = QUrl(u"http://127.0.0.1:%1/nothing-here"_s.arg(m_nginxPort));
    const Hop missing = exchange(client, spec);
    QCOMPARE(missing.response.statusCode, 404);
    QVERIFY(missing.reusedConnection);
}

void TestHttpPeers::nginxConditionalAndNoBody()
{
    HttpClient client;
    RequestSpec spec;
    spec.url = QUrl(u"http://127.0.0.1:%1/index.html"_s.arg(m_nginxPort));
    const Hop first = exchange(client, spec);
    QVERIFY(first.ok());
    const QByteArray etag = first.response.headerValue("ETag");
    QVERIFY(!etag.isEmpty());

    spec.headers.append({"If-None-Match"_ba, etag});
    const Hop notModified = exchange(client, spec);
    QVERIFY(notModified.ok());
    QCOMPARE(notModified.response.statusCode, 304);
    QVERIFY(notModified.response.wireBody.isEmpty());

    spec.headers.clear();
    spec.method = "HEAD";
    const Hop head = exchange(client, spec);
    QVERIFY(head.ok());
    QCOMPARE(head.response.headerValue("Content-Length"), "15"_ba);
    QCOMPARE(head.receivedBytes, head.response.headBytes);

    spec.method = "GET";
    spec.url = QUrl(u"http://127.0.0.1:%1/empty"_s.arg(m_nginxPort));
    const Hop empty = exchange(client, spec);
    QCOMPARE(empty.response.statusCode, 204);
    QVERIFY(empty.response.wireBody.isEmpty());

    // all of that went over one connection: the lengths were right every time
    spec.url = QUrl(u"http://127.0.0.1:%1/hello.txt"_s.arg(m_nginxPort));
    const Hop after = exchange(client, spec);
    QVERIFY(after.ok());
    QCOMPARE(after.connectionNumber, first.connectionNumber);
    QCOMPARE(after.response.body, "hello from the course\n"_ba);
}

void TestHttpPeers::nginxRedirect()
{
    HttpClient client;
    RequestSpec spec;
    spec.url = QUrl(u"http://127.0.0.1:%1/moved"_s.arg(m_nginxPort));
    ClientOptions options;
    options.followRedirects = true;
    const Hop last = exchange(client, spec, options);
    QVERIFY(last.ok());
    QCOMPARE(client.hops().size(), 2);
    QCOMPARE(client.hops().first().response.statusCode, 302);
    QCOMPARE(last.url.path(), u"/hello.txt"_s);
    QCOMPARE(last.response.body, "hello from the course\n"_ba);
    QVERIFY(last.reusedConnection);   // same host and port: the kept-alive connection carries the next hop
}

void TestHttpPeers::tlsSelfSigned()
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    QVERIFY2(!openssl.isEmpty(), "openssl is in scripts/deps/test.txt");
    const QString key = m_dir.filePath(u"key.pem"_s);
    const QString cert = m_dir.filePath(u"cert.pem"_s);
    QProcess make;
    make.setProcessChannelMode(QProcess::MergedChannels);
    make.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                         u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s,
                         u"/CN=localhost/O=Socketeer test"_s, u"-addext"_s, u"subjectAltName=DNS:localhost"_s});
    QVERIFY(make.waitForFinished(kWaitMs));
    QVERIFY2(make.exitCode() == 0, make.readAll().constData());
    m_tls.setProcessChannelMode(QProcess::MergedChannels);
    m_tls.start(openssl, {u"s_server"_s, u"-www"_s, u"-accept"_s, u"127.0.0.1:0"_s, u"-cert"_s, cert, u"-key"_s, key});
    QVERIFY(m_tls.waitForStarted(kWaitMs));
    const QByteArray rest = waitForLine(m_tls, "ACCEPT 127.0.0.1:"_ba);
    const quint16 port = quint16(rest.trimmed().toUInt());
    QVERIFY2(port != 0, rest.constData());

    HttpClient client;
    RequestSpec spec;
    spec.url = QUrl(u"https://localhost:%1/"_s.arg(port));   // ::1 is refused first: the next address is tried
    const Hop refused = exchange(client, spec);
    QCOMPARE(refused.error, ExchangeError::TlsVerifyFailed);
    QVERIFY(refused.tls.used);
    QVERIFY(!refused.tls.errorsIgnored);
    QVERIFY(!refused.tls.chain.isEmpty());
    QVERIFY(refused.tls.chain.first().subject.contains(u"CN=localhost"_s));
    QVERIFY(refused.tls.chain.first().selfSigned);
    QVERIFY(refused.tls.chain.first().notAfter > QDateTime::currentDateTimeUtc());
    bool selfSigned = false;
    for (const TlsErrorInfo &error : refused.tls.errors)
        selfSigned = selfSigned || error.code == QSslError::SelfSignedCertificate;
    QVERIFY(selfSigned);
    QCOMPARE(refused.elapsedUs(TimingPhase::RequestSent), -1);   // not one request byte went out

    ClientOptions insecure;
    insecure.ignoreTlsErrors = true;
    const Hop ok = exchange(client, spec, insecure);
    QVERIFY2(ok.ok(), qPrintable(ok.errorDetail.raw));
    QVERIFY(ok.tls.errorsIgnored);
    QVERIFY(!ok.tls.errors.isEmpty());
    QVERIFY(ok.tls.protocol.startsWith(u"TLS 1."_s));
    QVERIFY(!ok.tls.cipher.isEmpty());
    QVERIFY(ok.elapsedUs(TimingPhase::TlsDone) >= ok.elapsedUs(TimingPhase::Connected));
    QCOMPARE(ok.response.statusCode, 200);
    QVERIFY(ok.response.body.contains("Ciphers"));   // s_server -www's status page

    spec.url = QUrl(u"https://127.0.0.1:%1/"_s.arg(port));   // the certificate names localhost only
    const Hop mismatch = exchange(client, spec);
    QCOMPARE(mismatch.error, ExchangeError::TlsVerifyFailed);
    bool hostMismatch = false;
    for (const TlsErrorInfo &error : mismatch.tls.errors)
        hostMismatch = hostMismatch || error.code == QSslError::HostNameMismatch;
    QVERIFY(hostMismatch);
}

QTEST_GUILESS_MAIN(TestHttpPeers)
#include "tst_httppeers.moc"

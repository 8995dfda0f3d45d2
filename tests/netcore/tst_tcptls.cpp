// The TCP client's TLS toggle (netcore/tcp/tcpclient.h) against a real TLS peer: `openssl s_server` with a
// self-signed certificate made here. Without ignoring, the certificate problem fails the connection and is kept as a
// fact (the SslError code, the chain); with setIgnoreTlsErrors it connects, reports protocol and cipher, and the
// peer reads what we send.
#include "netcore/common/transcript.h"
#include "netcore/tcp/events.h"
#include "netcore/tcp/tcpclient.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::tcp::TcpClient;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class TestTcpTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
            QSKIP("openssl is not installed");
        if (!QSslSocket::supportsSsl())
            QSKIP("no TLS backend");
        QVERIFY(m_dir.isValid());
        QProcess req;
        req.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                 m_dir.filePath(u"key.pem"_s), u"-out"_s, m_dir.filePath(u"cert.pem"_s), u"-days"_s,
                                 u"1"_s, u"-subj"_s, u"/CN=localhost"_s});
        QVERIFY(req.waitForFinished(30000));
        QCOMPARE(req.exitCode(), 0);
    }

    void selfSignedIsAFactAndRefused()
    {
        QProcess server;
        const quint16 port = startServer(server);
        QVERIFY(port != 0);
        TcpClient client;
        client.setTls(true);
        QSignalSpy failed(&client, &TcpClient::errorOccurred);
        client.connectTo(u"localhost"_s, port);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), TcpClient::State::Closed, 10000);
        QCOMPARE(client.error(), TcpClient::Error::TlsVerifyFailed);
        QVERIFY(!client.closedByPeer());
        const netcore::http::TlsInfo &tls = client.tlsInfo();
        QVERIFY(tls.used);
        QVERIFY(!tls.errorsIgnored);
        bool selfSigned = false;
        for (const netcore::http::TlsErrorInfo &error : tls.errors)
            selfSigned |= error.code == QSslError::SelfSignedCertificate;
        QVERIFY(selfSigned);
        QCOMPARE(tls.chain.size(), 1);
        QVERIFY(tls.chain.constFirst().selfSigned);
        QVERIFY(tls.chain.constFirst().subject.contains(u"localhost"_s));
    }

    void insecureConnectsAndSends()
    {
        QProcess server;
        const quint16 port = startServer(server);
        QVERIFY(port != 0);
        netcore::common::Transcript transcript;
        TcpClient client(&transcript);
        client.setTls(true);
        client.setIgnoreTlsErrors(true);
        client.connectTo(u"localhost"_s, port);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), TcpClient::State::Connected, 10000);
        const netcore::http::TlsInfo &tls = client.tlsInfo();
        QVERIFY(tls.errorsIgnored);
        QVERIFY(!tls.errors.isEmpty());
        QVERIFY(tls.protocol.startsWith(u"TLS 1."_s));
        QVERIFY(!tls.cipher.isEmpty());
        QVERIFY(client.tcpFacts());   // TCP_INFO under TLS too
        QVERIFY(client.send("over tls\n"_ba));
        QByteArray said;
        QTRY_VERIFY2_WITH_TIMEOUT((said += server.readAll()).contains("over tls"), said.constData(), 10000);
        bool established = false;
        for (const netcore::common::TranscriptEntry &entry : transcript.entries())
            established |= entry.event.area == netcore::common::EventArea::Tcp
                           && entry.event.code == quint16(netcore::tcp::Event::TlsEstablished);
        QVERIFY(established);
        client.close();
    }

private:
    // `openssl s_server` on a free port, once it says it accepts; 0 when it does not start.
    quint16 startServer(QProcess &server)
    {
        const quint16 port = freePort();
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(u"openssl"_s, {u"s_server"_s, u"-accept"_s, u"127.0.0.1:"_s + QString::number(port), u"-cert"_s,
                                    m_dir.filePath(u"cert.pem"_s), u"-key"_s, m_dir.filePath(u"key.pem"_s),
                                    u"-naccept"_s, u"1"_s});
        QByteArray said;
        while (!said.contains("ACCEPT")) {
            if (!server.waitForReadyRead(10000))
                return 0;
            said += server.readAll();
        }
        return port;
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestTcpTls)
#include "tst_tcptls.moc"

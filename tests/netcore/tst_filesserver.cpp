// FileServer + FileClient over loopback: list/get/put, 20 concurrent clients, overwrite rules, verification
// failures, path tricks over the wire, abrupt disconnects, limits and write errors (RLIMIT_FSIZE). Resume is in
// tst_filesresume. Every server listens on port 0.
#include "tests/netcore/files_fixture.h"

#include "netcore/common/transcript.h"
#include "netcore/files/classicclient.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/sha256.h"

#include <QTcpServer>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace netcore::files;
using namespace files_test;

Q_DECLARE_METATYPE(netcore::files::Error)
Q_DECLARE_METATYPE(netcore::files::ClientDialect)

class TestFilesServer : public QObject
{
    Q_OBJECT

private:
    files_test::Fixture m_f;
    QByteArray m_big;

private Q_SLOTS:
    void initTestCase() { m_big = randomBytes(48 * 1024 * 1024 + 123); }
    void init() { m_f.setUp(); }
    void cleanup() { m_f.tearDown(); }

    void listGetPut()
    {
        QVERIFY(writeFile(m_f.root + u"/big file.bin"_s, m_big.left(3 * 1024 * 1024)));
        m_f.startServer();
        auto client = m_f.connectClient();
        QVERIFY(client);
        QVERIFY(!client->serverIsReadOnly());

        QSignalSpy listed(client.get(), &FileClient::listed);
        client->list();
        QVERIFY(listed.wait(kWaitMs));
        const auto files = listed.constFirst().at(0).value<QList<RemoteFileInfo>>();
        QStringList names;
        for (const RemoteFileInfo &info : files)
            names << info.name;
        QCOMPARE(names, (QStringList{u"a.txt"_s, u"big file.bin"_s, u"empty.txt"_s}));
        QCOMPARE(files.at(1).size, 3 * 1024 * 1024);
        QCOMPARE(files.at(0).modified.toSecsSinceEpoch(),
                 QFileInfo(m_f.root + u"/a.txt"_s).lastModified().toSecsSinceEpoch());

        for (const QString &name : names) {
            QCOMPARE(get(*client, name, m_f.local + u'/' + name), Error::None);
            QCOMPARE(readFile(m_f.local + u'/' + name), readFile(m_f.root + u'/' + name));
            QVERIFY(!QFile::exists(FileClient::partialPathFor(m_f.local + u'/' + name)));
        }

        QCOMPARE(get(*client, u"missing.txt"_s, m_f.local + u"/missing.txt"_s), Error::NotFound);   // ERR 404
        QCOMPARE(client->errorDetail().raw, u"no such file"_s);   // the server's words, verbatim
        QVERIFY(!QFile::exists(FileClient::partialPathFor(m_f.local + u"/missing.txt"_s)));   // no empty leftovers

        QVERIFY(writeFile(m_f.local + u"/上传.bin"_s, m_big.left(1000000)));
        QCOMPARE(put(*client, m_f.local + u"/上传.bin"_s, u"上传.bin"_s), Error::None);
        QCOMPARE(readFile(m_f.root + u"/上传.bin"_s), m_big.left(1000000));
        QCOMPARE(QDir(m_f.root).entryList(QDir::Hidden | QDir::Files).filter(u".part"_s), QStringList());

        QSignalSpy gone(client.get(), &FileClient::disconnected);
        client->quit();
        QVERIFY(gone.wait(kWaitMs));
        QCOMPARE(client->error(), Error::None);
    }

    void transcriptRecordsTheConversation()
    {
        netcore::common::Transcript serverSide;
        netcore::common::Transcript clientSide;
        m_f.startServer();
        m_f.server->setTranscript(&serverSide);
        auto client = m_f.connectClient();
        QVERIFY(client);
        client->setTranscript(&clientSide);
        QCOMPARE(get(*client, u"a.txt"_s, m_f.local + u"/a.txt"_s), Error::None);
        QByteArray clientSent;
        QByteArray serverSent;
        for (const auto &entry : clientSide.entries())
            clientSent += entry.direction == netcore::common::Direction::Sent ? entry.bytes : QByteArray();
        for (const auto &entry : serverSide.entries())
            serverSent += entry.direction == netcore::common::Direction::Sent ? entry.bytes : QByteArray();
        QCOMPARE(clientSent, "GET 0 a.txt\n"_ba);
        QVERIFY(serverSent.startsWith("HELLO socketeer-files 1 rw\nOK 6\nEND "_ba));
        QVERIFY(!serverSent.contains("alpha"));   // file data is summarised as an event, not recorded
    }

    void twentyConcurrentClients()
    {
        constexpr int kClients = 20;
        constexpr int kFiles = 3;
        QList<QByteArray> hashes;
        for (int f = 0; f < kFiles; ++f) {
            const QByteArray bytes = m_big.mid(f * 1000003, 1024 * 1024 + f);
            QVERIFY(writeFile(m_f.root + u"/f%1.bin"_s.arg(f), bytes));
            hashes << Sha256::hexOf(bytes);
        }
        m_f.startServer({}, 0, kClients);   // all from 127.0.0.1: above the default per-host cap
        std::vector<std::unique_ptr<FileClient>> clients;
        int finished = 0;
        int failures = 0;
        int peak = 0;
        connect(m_f.server.get(), &FileServer::clientAdded, this,
                [&peak, this] { peak = qMax(peak, m_f.server->clientCount()); });
        for (int c = 0; c < kClients; ++c) {
            QVERIFY(QDir().mkpath(m_f.local + u"/c%1"_s.arg(c)));
            auto client = std::make_unique<FileClient>();
            FileClient *raw = client.get();
            auto next = std::make_shared<int>(0);
            auto fetch = [raw, next, c, this] {
                raw->download(u"f%1.bin"_s.arg(*next), m_f.local + u"/c%1/f%2.bin"_s.arg(c).arg(*next));
            };
            connect(raw, &FileClient::connected, raw, fetch);
            connect(raw, &FileClient::transferFinished, raw, [&, raw, next, fetch, c](const QByteArray &sha) {
                const QString copy = m_f.local + u"/c%1/f%2.bin"_s.arg(c).arg(*next);
                if (sha != hashes.at(*next) || Sha256::hexOfFile(copy) != sha)
                    ++failures;
                if (++*next < kFiles)
                    fetch();
                else {
                    ++finished;
                    raw->quit();
                }
            });
            connect(raw, &FileClient::errorOccurred, raw, [&failures] { ++failures; });
            raw->connectToServer(u"127.0.0.1"_s, m_f.server->serverPort());
            clients.push_back(std::move(client));
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished + failures, kClients, 40000);
        QCOMPARE(failures, 0);
        QCOMPARE(finished, kClients);
        QVERIFY(peak > 1);   // they really overlapped
    }

    void overwriteIsRefusedByDefault()
    {
        m_f.startServer();
        QVERIFY(writeFile(m_f.local + u"/a.txt"_s, "replacement"_ba));
        auto client = m_f.connectClient();
        QVERIFY(client);
        QCOMPARE(put(*client, m_f.local + u"/a.txt"_s, u"a.txt"_s), Error::Exists);   // ERR 409
        QCOMPARE(client->errorDetail().raw, u"file exists and overwriting is off"_s);
        QCOMPARE(client->state(), TransferClient::State::Ready);   // a refusal keeps the connection
        QCOMPARE(readFile(m_f.root + u"/a.txt"_s), "alpha\n"_ba);

        ServerOptions options;
        options.allowOverwrite = true;
        m_f.startServer(options);
        auto second = m_f.connectClient();
        QVERIFY(second);
        QCOMPARE(put(*second, m_f.local + u"/a.txt"_s, u"a.txt"_s), Error::None);
        QCOMPARE(readFile(m_f.root + u"/a.txt"_s), "replacement"_ba);
    }

    void failedVerificationLeavesTheExistingFile()
    {
        ServerOptions options;
        options.allowOverwrite = true;
        m_f.startServer(options);
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        QCOMPARE(peer.line(), "HELLO socketeer-files 1 rw"_ba);
        peer.socket.write("PUT 5 a.txt\n");
        QCOMPARE(peer.line(), "READY 0"_ba);
        peer.socket.write("evil!END " + Sha256::hexOf("other"_ba) + '\n');
        QVERIFY(peer.line().startsWith("ERR 422 "));
        QCOMPARE(readFile(m_f.root + u"/a.txt"_s), "alpha\n"_ba);
        QVERIFY(!QFile::exists(PathJail(m_f.root).partialPath(u"a.txt"_s, 5, u"127.0.0.1"_s)));
        // the conversation goes on
        peer.socket.write("LIST\n");
        QCOMPARE(peer.line(), "OK 2"_ba);
    }

    void pathTricksOverTheWire_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("get dotdot") << "GET 0 ../secret.txt"_ba << "ERR 403 "_ba;
        QTest::newRow("get absolute") << "GET 0 /etc/passwd"_ba << "ERR 403 "_ba;
        QTest::newRow("get hidden") << "GET 0 .hidden"_ba << "ERR 403 "_ba;
        QTest::newRow("get link out") << "GET 0 link_out"_ba << "ERR 403 "_ba;
        QTest::newRow("get nested") << "GET 0 sub/x"_ba << "ERR 403 "_ba;
        QTest::newRow("get control") << "GET 0 a\x01.txt"_ba << "ERR 403 "_ba;
        QTest::newRow("get missing") << "GET 0 nope"_ba << "ERR 404 "_ba;
        QTest::newRow("get long") << "GET 0 " + QByteArray(300, 'x') << "ERR 403 "_ba;
        QTest::newRow("get past end") << "GET 7 a.txt"_ba << "ERR 416 "_ba;
        QTest::newRow("put dotdot") << "PUT 4 ../evil.txt"_ba << "ERR 403 "_ba;
        QTest::newRow("put absolute") << "PUT 4 " + QFile::encodeName(QDir::tempPath()) + "/evil.txt" << "ERR 403 "_ba;
        QTest::newRow("put hidden") << "PUT 4 .bashrc"_ba << "ERR 403 "_ba;
        QTest::newRow("put through link") << "PUT 4 link_out"_ba << "ERR 403 "_ba;
        QTest::newRow("put partial name") << "PUT 4 .socketeer-upload-x.part"_ba << "ERR 403 "_ba;
        QTest::newRow("bad utf8") << "GET 0 \xc3\x28"_ba << "ERR 400 "_ba;
        QTest::newRow("junk") << "\x00\x01\x02\xff"_ba << "ERR 400 "_ba;
    }

    void pathTricksOverTheWire()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, reply);
        m_f.startServer();
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        peer.line();
        peer.socket.write(request + '\n');
        const QByteArray answer = peer.line();
        QVERIFY2(answer.startsWith(reply), answer.constData());
        QCOMPARE(readFile(m_f.dir->filePath(u"secret.txt"_s)), "top secret"_ba);
        QCOMPARE(QDir(m_f.dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{u"local"_s, u"root"_s, u"secret.txt"_s}));
        QVERIFY(!QFile::exists(QDir::tempPath() + u"/evil.txt"_s));
        QCOMPARE(QDir(m_f.root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{u".hidden"_s, u"a.txt"_s, u"empty.txt"_s, u"link_out"_s}));
    }

    void abruptDisconnectsAndJunk()
    {
        QVERIFY(writeFile(m_f.root + u"/big.bin"_s, m_big.left(8 * 1024 * 1024)));
        m_f.startServer();
        {
            RawPeer half;   // half a line, then gone
            QVERIFY(half.open(m_f.server->serverPort()));
            half.socket.write("GET 0 a.t");
            half.socket.abort();
        }
        {
            RawPeer getter;   // asks for a big file and vanishes at once
            QVERIFY(getter.open(m_f.server->serverPort()));
            getter.socket.write("GET 0 big.bin\n");
            QVERIFY(getter.line().startsWith("HELLO"));
            getter.socket.abort();
        }
        {
            RawPeer putter;   // announces an upload and vanishes mid-data
            QVERIFY(putter.open(m_f.server->serverPort()));
            putter.line();
            putter.socket.write("PUT 1000 x.bin\n");
            QCOMPARE(putter.line(), "READY 0"_ba);
            putter.socket.write(QByteArray(10, 'x'));
            putter.socket.flush();
            putter.socket.abort();
        }
        {
            RawPeer flooder;  // a line that never ends
            QVERIFY(flooder.open(m_f.server->serverPort()));
            flooder.line();
            flooder.socket.write(QByteArray(64 * 1024, 'A'));
            QVERIFY(flooder.line().startsWith("ERR 431 "));
            QVERIFY(flooder.closedByServer());
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_f.server->clientCount(), 0, kWaitMs);
        auto client = m_f.connectClient();   // the server is still fine
        QVERIFY(client);
        QCOMPARE(get(*client, u"big.bin"_s, m_f.local + u"/big.bin"_s), Error::None);
        QVERIFY(!QFile::exists(m_f.root + u"/x.bin"_s));
    }

    void readOnlyAndLimits()
    {
        ServerOptions options;
        options.readOnly = true;
        m_f.startServer(options);
        QVERIFY(writeFile(m_f.local + u"/n.txt"_s, "12345"_ba));
        auto client = m_f.connectClient();
        QVERIFY(client);
        QVERIFY(client->serverIsReadOnly());
        QCOMPARE(put(*client, m_f.local + u"/n.txt"_s, u"n.txt"_s), Error::Forbidden);   // ERR 403

        options = {};
        options.maxUploadSize = 4;
        m_f.startServer(options, 1);
        auto limited = m_f.connectClient();
        QVERIFY(limited);
        QCOMPARE(put(*limited, m_f.local + u"/n.txt"_s, u"n.txt"_s), Error::TooLarge);   // ERR 413
        QVERIFY(!QFile::exists(m_f.root + u"/n.txt"_s));

        FileClient extra;   // over the client limit
        QSignalSpy failed(&extra, &FileClient::errorOccurred);
        extra.connectToServer(u"127.0.0.1"_s, m_f.server->serverPort());
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(extra.error(), Error::TooManyClients);   // ERR 503
    }

    void writeErrorGivesACleanError()
    {
        // RLIMIT_FSIZE makes write() fail with EFBIG past the limit (SIGXFSZ ignored): a "full disk" without root.
        m_f.startServer();
        const QString local = m_f.local + u"/huge.bin"_s;
        QVERIFY(writeFile(local, m_big.left(4 * 1024 * 1024)));
        auto client = m_f.connectClient();
        QVERIFY(client);
        rlimit old{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 1024 * 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const Error error = put(*client, local, u"huge.bin"_s);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        QCOMPARE(error, Error::NoSpace);   // ERR 507
        QVERIFY(!QFile::exists(m_f.root + u"/huge.bin"_s));
        QVERIFY(!QFile::exists(PathJail(m_f.root).partialPath(u"huge.bin"_s, 4 * 1024 * 1024, u"127.0.0.1"_s)));
    }

    void clientListAndDisconnectClient()
    {
        m_f.startServer();
        QSignalSpy added(m_f.server.get(), &FileServer::clientAdded);
        QSignalSpy removed(m_f.server.get(), &FileServer::clientRemoved);
        auto first = m_f.connectClient();
        auto second = m_f.connectClient();
        QVERIFY(first && second);
        QCOMPARE(added.size(), 2);
        QCOMPARE(m_f.server->clientCount(), 2);
        QSignalSpy listed(first.get(), &FileClient::listed);
        first->list();
        QVERIFY(listed.wait(kWaitMs));

        // The registry knows both peers (the clients' own endpoints) and counts what moved, in the server's thread.
        const QList<netcore::common::ClientInfo> clients = m_f.server->clients();
        QCOMPARE(clients.size(), 2);
        QStringList peers;
        for (const auto &info : clients) {
            QVERIFY(info.id > 0);
            QVERIFY(info.since.isValid());
            peers << info.peer;
        }
        QVERIFY(peers.at(0).startsWith(u"127.0.0.1:"_s) && peers.at(1).startsWith(u"127.0.0.1:"_s));
        QVERIFY(peers.at(0) != peers.at(1));
        const quint64 firstId = clients.at(0).id;
        // the HELLO went to both; the LIST (in) and its reply (out) only to the first
        QTRY_VERIFY_WITH_TIMEOUT(m_f.server->client(firstId)->bytesReceived == qint64("LIST\n"_ba.size())
                                     && m_f.server->client(firstId)->bytesSent > m_f.server->client(clients.at(1).id)->bytesSent,
                                 kWaitMs);
        QCOMPARE(m_f.server->client(clients.at(1).id)->bytesReceived, 0);
        QVERIFY(m_f.server->client(clients.at(1).id)->bytesSent > 0);

        // One of the two is dropped through the registry; the other keeps working.
        QVERIFY(!m_f.server->disconnectClient(9999));
        QSignalSpy gone(first.get(), &FileClient::disconnected);
        QVERIFY(m_f.server->disconnectClient(firstId));
        QVERIFY(gone.wait(kWaitMs));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kWaitMs);
        QCOMPARE(removed.constFirst().at(0).toULongLong(), firstId);
        QCOMPARE(m_f.server->clientCount(), 1);
        QCOMPARE(m_f.server->clients().constFirst().id, clients.at(1).id);
        QCOMPARE(get(*second, u"a.txt"_s, m_f.local + u"/a.txt"_s), Error::None);

        m_f.server->stop();   // stopping empties the list
        QCOMPARE(m_f.server->clientCount(), 0);
        QCOMPARE(m_f.server->state(), FileServer::State::Stopped);
    }

    void errorReplyBecomesAnError_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<Error>("error");
        QTest::addColumn<QString>("raw");
        QTest::newRow("404") << "ERR 404 no such file here"_ba << Error::NotFound << u"no such file here"_s;
        QTest::newRow("409") << "ERR 409 已存在"_ba << Error::Exists << u"已存在"_s;
        QTest::newRow("423") << "ERR 423 busy, busy"_ba << Error::Busy << u"busy, busy"_s;
        QTest::newRow("507") << "ERR 507 disk full"_ba << Error::NoSpace << u"disk full"_s;
        QTest::newRow("unknown code") << "ERR 499 something new"_ba << Error::Refused << u"something new"_s;
    }

    // A hand-played server answers GET with an ERR line: the client maps the code to its Error and keeps the
    // server's words verbatim in errorDetail().raw (never as our sentence).
    void errorReplyBecomesAnError()
    {
        QFETCH(QByteArray, reply);
        QFETCH(Error, error);
        QFETCH(QString, raw);
        QTcpServer fake;
        QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
        connect(&fake, &QTcpServer::newConnection, this, [&fake, reply] {
            QTcpSocket *peer = fake.nextPendingConnection();
            peer->write("HELLO socketeer-files 1 rw\n");
            connect(peer, &QTcpSocket::readyRead, peer, [peer, reply] {
                if (peer->readAll().startsWith("GET "))
                    peer->write(reply + '\n');
            });
        });
        FileClient client;
        QSignalSpy connected(&client, &FileClient::connected);
        client.connectToServer(u"127.0.0.1"_s, fake.serverPort());
        QVERIFY(connected.wait(kWaitMs));
        QCOMPARE(get(client, u"x.bin"_s, m_f.local + u"/x.bin"_s), error);
        QCOMPARE(client.errorDetail().raw, raw);
        QCOMPARE(client.errorDetail().path, u"x.bin"_s);
        QCOMPARE(client.state(), TransferClient::State::Ready);   // a refusal keeps the connection
    }

    void dialectFactory_data()
    {
        QTest::addColumn<ClientDialect>("dialect");
        QTest::addColumn<bool>("classic");
        QTest::newRow("native") << ClientDialect::Native << false;
        QTest::newRow("classic 2018") << ClientDialect::Classic2018 << true;
        QTest::newRow("classic 2020") << ClientDialect::Classic2020 << true;
    }

    // The dialect is chosen once, by the factory; callers drive every client through TransferClient.
    void dialectFactory()
    {
        QFETCH(ClientDialect, dialect);
        QFETCH(bool, classic);
        ServerOptions options;
        options.dialect = classic ? ServerDialect::Classic : ServerDialect::Native;
        m_f.startServer(options);
        std::unique_ptr<TransferClient> client(createClient(dialect));
        QCOMPARE(qobject_cast<ClassicClient *>(client.get()) != nullptr, classic);
        QCOMPARE(qobject_cast<FileClient *>(client.get()) != nullptr, !classic);
        if (auto *old = qobject_cast<ClassicClient *>(client.get()))
            QCOMPARE(old->dialect(), dialect == ClientDialect::Classic2018 ? ClassicDialect::Course2018 : ClassicDialect::Course2020);
        QCOMPARE(client->canResume(), !classic);
        QCOMPARE(client->verifies(), !classic);
        QCOMPARE(dialectCanResume(dialect), !classic);

        QSignalSpy connected(client.get(), &TransferClient::connected);
        QSignalSpy listed(client.get(), &TransferClient::listed);
        client->connectToServer(u"127.0.0.1"_s, m_f.server->serverPort());
        QVERIFY(connected.wait(kWaitMs));
        client->list();
        QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, kWaitMs);
        QStringList names;
        for (const RemoteFileInfo &file : listed.constFirst().at(0).value<QList<RemoteFileInfo>>())
            names << file.name;
        QCOMPARE(names, (QStringList{u"a.txt"_s, u"empty.txt"_s}));
        QSignalSpy done(client.get(), &TransferClient::transferFinished);
        client->download(u"a.txt"_s, m_f.local + u"/a.txt"_s);
        QVERIFY(done.wait(kWaitMs));
        QCOMPARE(readFile(m_f.local + u"/a.txt"_s), "alpha\n"_ba);
        QCOMPARE(done.constFirst().at(0).toByteArray(), Sha256::hexOf("alpha\n"_ba));

        QSignalSpy failed(client.get(), &TransferClient::errorOccurred);
        client->download(u"missing.txt"_s, m_f.local + u"/missing.txt"_s);
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(client->error(), classic ? Error::Refused : Error::NotFound);
        QVERIFY(!client->errorDetail().raw.isEmpty());   // "ERR 404 no such file", "文件不存在" or "FAIL"
    }

    void connectFailuresAreReported()
    {
        m_f.startServer();
        const quint16 port = m_f.server->serverPort();
        m_f.server->stop();
        FileClient client;
        QSignalSpy failed(&client, &FileClient::errorOccurred);
        client.connectToServer(u"127.0.0.1"_s, port);
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(client.error(), Error::ConnectFailed);
        QCOMPARE(client.state(), TransferClient::State::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestFilesServer)
#include "tst_filesserver.moc"

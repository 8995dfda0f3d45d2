// FileServer + FileClient over loopback: list/get/put, 20 concurrent clients, overwrite rules, verification
// failures, path tricks over the wire, abrupt disconnects, limits and write errors (RLIMIT_FSIZE). Resume is in
// tst_filesresume. Every server listens on port 0.
#include "tests/netcore/files_fixture.h"

#include "netcore/common/transcript.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/sha256.h"

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace netcore::files;
using namespace files_test;

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
            QCOMPARE(get(*client, name, m_f.local + u'/' + name), FileClient::Error::None);
            QCOMPARE(readFile(m_f.local + u'/' + name), readFile(m_f.root + u'/' + name));
            QVERIFY(!QFile::exists(FileClient::partialPathFor(m_f.local + u'/' + name)));
        }

        QCOMPARE(get(*client, u"missing.txt"_s, m_f.local + u"/missing.txt"_s), FileClient::Error::Refused);
        QCOMPARE(client->serverErrorCode(), 404);
        QVERIFY(!QFile::exists(FileClient::partialPathFor(m_f.local + u"/missing.txt"_s)));   // no empty leftovers

        QVERIFY(writeFile(m_f.local + u"/上传.bin"_s, m_big.left(1000000)));
        QCOMPARE(put(*client, m_f.local + u"/上传.bin"_s, u"上传.bin"_s), FileClient::Error::None);
        QCOMPARE(readFile(m_f.root + u"/上传.bin"_s), m_big.left(1000000));
        QCOMPARE(QDir(m_f.root).entryList(QDir::Hidden | QDir::Files).filter(u".part"_s), QStringList());

        QSignalSpy gone(client.get(), &FileClient::disconnected);
        client->quit();
        QVERIFY(gone.wait(kWaitMs));
        QCOMPARE(client->error(), FileClient::Error::None);
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
        QCOMPARE(get(*client, u"a.txt"_s, m_f.local + u"/a.txt"_s), FileClient::Error::None);
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
        m_f.startServer();
        std::vector<std::unique_ptr<FileClient>> clients;
        int finished = 0;
        int failures = 0;
        int peak = 0;
        connect(m_f.server.get(), &FileServer::clientCountChanged, this,
                [&peak](int count) { peak = qMax(peak, count); });
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
        QCOMPARE(put(*client, m_f.local + u"/a.txt"_s, u"a.txt"_s), FileClient::Error::Refused);
        QCOMPARE(client->serverErrorCode(), 409);
        QCOMPARE(client->state(), FileClient::State::Ready);   // a refusal keeps the connection
        QCOMPARE(readFile(m_f.root + u"/a.txt"_s), "alpha\n"_ba);

        ServerOptions options;
        options.allowOverwrite = true;
        m_f.startServer(options);
        auto second = m_f.connectClient();
        QVERIFY(second);
        QCOMPARE(put(*second, m_f.local + u"/a.txt"_s, u"a.txt"_s), FileClient::Error::None);
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
        QVERIFY(!QFile::exists(PathJail(m_f.root).partialPath(u"a.txt"_s, 5)));
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
        QCOMPARE(get(*client, u"big.bin"_s, m_f.local + u"/big.bin"_s), FileClient::Error::None);
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
        QCOMPARE(put(*client, m_f.local + u"/n.txt"_s, u"n.txt"_s), FileClient::Error::Refused);
        QCOMPARE(client->serverErrorCode(), 403);

        options = {};
        options.maxUploadSize = 4;
        options.maxClients = 1;
        m_f.startServer(options);
        auto limited = m_f.connectClient();
        QVERIFY(limited);
        QCOMPARE(put(*limited, m_f.local + u"/n.txt"_s, u"n.txt"_s), FileClient::Error::Refused);
        QCOMPARE(limited->serverErrorCode(), 413);
        QVERIFY(!QFile::exists(m_f.root + u"/n.txt"_s));

        FileClient extra;   // over the client limit
        QSignalSpy failed(&extra, &FileClient::errorOccurred);
        extra.connectToServer(u"127.0.0.1"_s, m_f.server->serverPort());
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(extra.error(), FileClient::Error::Refused);
        QCOMPARE(extra.serverErrorCode(), 503);
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
        const FileClient::Error error = put(*client, local, u"huge.bin"_s);
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previous);
        QCOMPARE(error, FileClient::Error::Refused);
        QCOMPARE(client->serverErrorCode(), 507);
        QVERIFY(!QFile::exists(m_f.root + u"/huge.bin"_s));
        QVERIFY(!QFile::exists(PathJail(m_f.root).partialPath(u"huge.bin"_s, 4 * 1024 * 1024)));
    }

    void connectFailuresAreReported()
    {
        m_f.startServer();
        const quint16 port = m_f.server->serverPort();
        m_f.server->close();
        FileClient client;
        QSignalSpy failed(&client, &FileClient::errorOccurred);
        client.connectToServer(u"127.0.0.1"_s, port);
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(client.error(), FileClient::Error::ConnectFailed);
        QCOMPARE(client.state(), FileClient::State::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestFilesServer)
#include "tst_filesserver.moc"

// FileServer + FileClient over loopback: list/get/put, resume after a kill in both directions, 20 concurrent
// clients, overwrite rules, verification failures, path tricks over the wire, abrupt disconnects, limits and
// write errors (RLIMIT_FSIZE). Every server listens on port 0.
#include "common/transcript.h"
#include "files/fileclient.h"
#include "files/fileserver.h"
#include "files/pathjail.h"
#include "files/sha256.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <memory>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace netcore::files;

namespace {

constexpr int kWaitMs = 20000;

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    auto *words = reinterpret_cast<quint32 *>(bytes.data());
    QRandomGenerator::global()->fillRange(words, size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        bytes[i] = char(i);
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

// A raw peer for speaking the protocol by hand (malformed input, wrong hashes).
struct RawPeer {
    QTcpSocket socket;
    QByteArray buffer;

    bool open(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, kWaitMs);
    }
    QByteArray line()
    {
        const bool settled = QTest::qWaitFor([this] {
            buffer += socket.readAll();
            return buffer.contains('\n') || socket.state() == QAbstractSocket::UnconnectedState;
        }, kWaitMs);
        Q_UNUSED(settled)
        buffer += socket.readAll();
        const qsizetype end = buffer.indexOf('\n');
        if (end < 0)
            return "<closed>"_ba;
        const QByteArray result = buffer.left(end);
        buffer.remove(0, end + 1);
        return result;
    }
    bool closedByServer()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::UnconnectedState; }, kWaitMs);
    }
};

} // namespace

class TestFilesServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FileServer> m_server;
    QString m_root;
    QString m_local;   // the client's folder
    QByteArray m_big;

    void startServer(ServerOptions options = {})
    {
        options.root = m_root;
        m_server = std::make_unique<FileServer>();
        m_server->setOptions(options);
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
        QVERIFY(m_server->serverPort() != 0);
    }

    std::unique_ptr<FileClient> connectClient()
    {
        auto client = std::make_unique<FileClient>();
        QSignalSpy connected(client.get(), &FileClient::connected);
        client->connectToServer(u"127.0.0.1"_s, m_server->serverPort());
        if (!connected.wait(kWaitMs))
            return nullptr;
        return client;
    }

    // Runs one download; returns the error (None on success) and the resume offset.
    FileClient::Error get(FileClient &client, const QString &remote, const QString &local, qint64 *resumedFrom = nullptr)
    {
        QSignalSpy done(&client, &FileClient::transferFinished);
        QSignalSpy failed(&client, &FileClient::errorOccurred);
        client.download(remote, local);
        const bool settled = QTest::qWaitFor([&] {
            return !done.isEmpty() || !failed.isEmpty() || client.state() == FileClient::State::Disconnected;
        }, kWaitMs);
        if (!settled)
            return FileClient::Error::Timeout;
        if (!done.isEmpty() && resumedFrom)
            *resumedFrom = done.constFirst().at(1).toLongLong();
        return done.isEmpty() ? client.error() : FileClient::Error::None;
    }

    FileClient::Error put(FileClient &client, const QString &local, const QString &remote, qint64 *resumedFrom = nullptr)
    {
        QSignalSpy done(&client, &FileClient::transferFinished);
        QSignalSpy failed(&client, &FileClient::errorOccurred);
        client.upload(local, remote);
        const bool settled = QTest::qWaitFor([&] {
            return !done.isEmpty() || !failed.isEmpty() || client.state() == FileClient::State::Disconnected;
        }, kWaitMs);
        if (!settled)
            return FileClient::Error::Timeout;
        if (!done.isEmpty() && resumedFrom)
            *resumedFrom = done.constFirst().at(1).toLongLong();
        return done.isEmpty() ? client.error() : FileClient::Error::None;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_big = randomBytes(48 * 1024 * 1024 + 123);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_root = m_dir->filePath(u"root"_s);
        m_local = m_dir->filePath(u"local"_s);
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(QDir().mkpath(m_local));
        QVERIFY(writeFile(m_root + u"/a.txt"_s, "alpha\n"_ba));
        QVERIFY(writeFile(m_root + u"/empty.txt"_s, {}));
        QVERIFY(writeFile(m_root + u"/.hidden"_s, "hidden"_ba));
        QVERIFY(writeFile(m_dir->filePath(u"secret.txt"_s), "top secret"_ba));
        QVERIFY(QFile::link(u"../secret.txt"_s, m_root + u"/link_out"_s));
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void listGetPut()
    {
        QVERIFY(writeFile(m_root + u"/big file.bin"_s, m_big.left(3 * 1024 * 1024)));
        startServer();
        auto client = connectClient();
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
        QCOMPARE(files.at(0).modified.toSecsSinceEpoch(), QFileInfo(m_root + u"/a.txt"_s).lastModified().toSecsSinceEpoch());

        for (const QString &name : names) {
            QCOMPARE(get(*client, name, m_local + u'/' + name), FileClient::Error::None);
            QCOMPARE(readFile(m_local + u'/' + name), readFile(m_root + u'/' + name));
            QVERIFY(!QFile::exists(FileClient::partialPathFor(m_local + u'/' + name)));
        }

        QCOMPARE(get(*client, u"missing.txt"_s, m_local + u"/missing.txt"_s), FileClient::Error::Refused);
        QCOMPARE(client->serverErrorCode(), 404);
        QVERIFY(!QFile::exists(FileClient::partialPathFor(m_local + u"/missing.txt"_s)));   // no empty leftovers

        QVERIFY(writeFile(m_local + u"/上传.bin"_s, m_big.left(1000000)));
        QCOMPARE(put(*client, m_local + u"/上传.bin"_s, u"上传.bin"_s), FileClient::Error::None);
        QCOMPARE(readFile(m_root + u"/上传.bin"_s), m_big.left(1000000));
        QCOMPARE(QDir(m_root).entryList(QDir::Hidden | QDir::Files).filter(u".part"_s), QStringList());

        QSignalSpy gone(client.get(), &FileClient::disconnected);
        client->quit();
        QVERIFY(gone.wait(kWaitMs));
        QCOMPARE(client->error(), FileClient::Error::None);
    }

    void transcriptRecordsTheConversation()
    {
        netcore::common::Transcript serverSide;
        netcore::common::Transcript clientSide;
        startServer();
        m_server->setTranscript(&serverSide);
        auto client = connectClient();
        QVERIFY(client);
        client->setTranscript(&clientSide);
        QCOMPARE(get(*client, u"a.txt"_s, m_local + u"/a.txt"_s), FileClient::Error::None);
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

    void resumeDownloadAfterClientKill()
    {
        QVERIFY(writeFile(m_root + u"/big.bin"_s, m_big));
        startServer();
        auto client = connectClient();
        QVERIFY(client);
        connect(client.get(), &FileClient::progress, client.get(), [&client](qint64 done, qint64) {
            if (done > 0)
                client->abort();
        });
        const QString local = m_local + u"/big.bin"_s;
        QCOMPARE(get(*client, u"big.bin"_s, local), FileClient::Error::None);   // aborted: a pause, not an error
        QCOMPARE(client->state(), FileClient::State::Disconnected);
        const qint64 partial = QFileInfo(FileClient::partialPathFor(local)).size();
        QVERIFY(partial > 0);
        QVERIFY(partial < m_big.size());
        QVERIFY(!QFile::exists(local));

        auto second = connectClient();
        QVERIFY(second);
        qint64 resumedFrom = -1;
        QCOMPARE(get(*second, u"big.bin"_s, local, &resumedFrom), FileClient::Error::None);
        QCOMPARE(resumedFrom, partial);
        QVERIFY(readFile(local) == m_big);
    }

    void resumeDownloadAfterServerKill()
    {
        QVERIFY(writeFile(m_root + u"/big.bin"_s, m_big));
        startServer();
        auto client = connectClient();
        QVERIFY(client);
        bool killed = false;
        connect(client.get(), &FileClient::progress, this, [this, &killed](qint64 done, qint64) {
            if (done > 0 && !killed) {
                killed = true;
                m_server->close();
            }
        });
        const QString local = m_local + u"/big.bin"_s;
        QCOMPARE(get(*client, u"big.bin"_s, local), FileClient::Error::ConnectionLost);
        const qint64 partial = QFileInfo(FileClient::partialPathFor(local)).size();
        QVERIFY(partial > 0 && partial < m_big.size());

        startServer();
        auto second = connectClient();
        QVERIFY(second);
        qint64 resumedFrom = -1;
        QCOMPARE(get(*second, u"big.bin"_s, local, &resumedFrom), FileClient::Error::None);
        QCOMPARE(resumedFrom, partial);
        QVERIFY(readFile(local) == m_big);
    }

    void resumeHashesThePrefixWithoutBlocking()
    {
        // the client lives on the tab's GUI thread: hashing the 48 MiB already here must leave the event loop running
        QVERIFY(writeFile(m_root + u"/big.bin"_s, m_big));
        const QString local = m_local + u"/big.bin"_s;
        const qint64 prefix = m_big.size() - 1000;
        QVERIFY(writeFile(FileClient::partialPathFor(local), m_big.left(prefix)));
        startServer();
        auto client = connectClient();
        QVERIFY(client);
        netcore::common::Transcript transcript;
        client->setTranscript(&transcript);
        const auto sentGet = [&transcript] {
            const auto entries = transcript.entries();
            return std::any_of(entries.cbegin(), entries.cend(), [](const auto &entry) {
                return entry.direction == netcore::common::Direction::Sent && entry.bytes.startsWith("GET ");
            });
        };
        int turns = 0;   // event-loop passes while the prefix was hashed
        QTimer turn;
        connect(&turn, &QTimer::timeout, this, [&] { turns += sentGet() ? 0 : 1; });
        turn.start(0);
        QSignalSpy done(client.get(), &FileClient::transferFinished);
        client->download(u"big.bin"_s, local);
        QVERIFY(!sentGet());
        QVERIFY(done.wait(kWaitMs));
        turn.stop();
        QVERIFY2(turns >= 2, qPrintable(QString::number(turns)));
        QCOMPARE(done.constFirst().at(1).toLongLong(), prefix);
        QVERIFY(readFile(local) == m_big);

        // an abort while hashing drops the rest of the work and keeps the partial file as it was
        QVERIFY(QFile::remove(local));
        QVERIFY(writeFile(FileClient::partialPathFor(local), m_big.left(prefix)));
        auto second = connectClient();
        QVERIFY(second);
        second->download(u"big.bin"_s, local);
        second->abort();
        QCoreApplication::processEvents();   // runs the slice queued before the abort
        QCOMPARE(second->state(), FileClient::State::Disconnected);
        QCOMPARE(QFileInfo(FileClient::partialPathFor(local)).size(), prefix);
        QVERIFY(!QFile::exists(local));
    }

    void resumedDownloadOfAChangedFileStartsOver()
    {
        QVERIFY(writeFile(m_root + u"/c.bin"_s, m_big.left(100000)));
        const QString local = m_local + u"/c.bin"_s;
        QVERIFY(writeFile(FileClient::partialPathFor(local), "not the same prefix"_ba));
        startServer();
        auto client = connectClient();
        QVERIFY(client);
        qint64 resumedFrom = -1;
        QCOMPARE(get(*client, u"c.bin"_s, local, &resumedFrom), FileClient::Error::None);
        QCOMPARE(resumedFrom, 0);   // the resume did not verify, so it fetched the whole file again
        QCOMPARE(readFile(local), m_big.left(100000));
    }

    void resumeUploadAfterClientKill()
    {
        startServer();
        const QString local = m_local + u"/up.bin"_s;
        QVERIFY(writeFile(local, m_big));
        const QString partial = PathJail(m_root).partialPath(u"up.bin"_s, m_big.size());
        auto client = connectClient();
        QVERIFY(client);
        QSignalSpy serverSaw(m_server.get(), &FileServer::transferFinished);
        client->upload(local, u"up.bin"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() > 0, kWaitMs);
        client->abort();
        QVERIFY(serverSaw.wait(kWaitMs));
        QCOMPARE(serverSaw.constFirst().at(0).value<TransferRecord>().ok, false);
        const qint64 stored = QFileInfo(partial).size();
        QVERIFY(stored > 0 && stored < m_big.size());
        QVERIFY(!QFile::exists(m_root + u"/up.bin"_s));

        auto second = connectClient();
        QVERIFY(second);
        // the partial upload is invisible to listings
        QSignalSpy listed(second.get(), &FileClient::listed);
        second->list();
        QVERIFY(listed.wait(kWaitMs));
        QCOMPARE(listed.constFirst().at(0).value<QList<RemoteFileInfo>>().size(), 2);
        qint64 resumedFrom = -1;
        QCOMPARE(put(*second, local, u"up.bin"_s, &resumedFrom), FileClient::Error::None);
        QCOMPARE(resumedFrom, stored);
        QVERIFY(readFile(m_root + u"/up.bin"_s) == m_big);
        QVERIFY(!QFile::exists(partial));
    }

    void resumeUploadAfterServerKill()
    {
        startServer();
        const QString local = m_local + u"/up.bin"_s;
        QVERIFY(writeFile(local, m_big));
        const QString partial = PathJail(m_root).partialPath(u"up.bin"_s, m_big.size());
        auto client = connectClient();
        QVERIFY(client);
        QSignalSpy failed(client.get(), &FileClient::errorOccurred);
        client->upload(local, u"up.bin"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() > 0, kWaitMs);
        m_server->close();
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(client->error(), FileClient::Error::ConnectionLost);
        const qint64 stored = QFileInfo(partial).size();
        QVERIFY(stored > 0 && stored < m_big.size());

        startServer();
        auto second = connectClient();
        QVERIFY(second);
        qint64 resumedFrom = -1;
        QCOMPARE(put(*second, local, u"up.bin"_s, &resumedFrom), FileClient::Error::None);
        QCOMPARE(resumedFrom, stored);
        QVERIFY(readFile(m_root + u"/up.bin"_s) == m_big);
    }

    void twentyConcurrentClients()
    {
        constexpr int kClients = 20;
        constexpr int kFiles = 3;
        QList<QByteArray> hashes;
        for (int f = 0; f < kFiles; ++f) {
            const QByteArray bytes = m_big.mid(f * 1000003, 1024 * 1024 + f);
            QVERIFY(writeFile(m_root + u"/f%1.bin"_s.arg(f), bytes));
            hashes << Sha256::hexOf(bytes);
        }
        startServer();
        std::vector<std::unique_ptr<FileClient>> clients;
        int finished = 0;
        int failures = 0;
        int peak = 0;
        connect(m_server.get(), &FileServer::clientCountChanged, this, [&peak](int count) { peak = qMax(peak, count); });
        for (int c = 0; c < kClients; ++c) {
            QVERIFY(QDir().mkpath(m_local + u"/c%1"_s.arg(c)));
            auto client = std::make_unique<FileClient>();
            FileClient *raw = client.get();
            auto next = std::make_shared<int>(0);
            auto fetch = [raw, next, c, this] {
                raw->download(u"f%1.bin"_s.arg(*next), m_local + u"/c%1/f%2.bin"_s.arg(c).arg(*next));
            };
            connect(raw, &FileClient::connected, raw, fetch);
            connect(raw, &FileClient::transferFinished, raw, [&, raw, next, fetch, c](const QByteArray &sha) {
                if (sha != hashes.at(*next) || Sha256::hexOfFile(m_local + u"/c%1/f%2.bin"_s.arg(c).arg(*next)) != sha)
                    ++failures;
                if (++*next < kFiles)
                    fetch();
                else {
                    ++finished;
                    raw->quit();
                }
            });
            connect(raw, &FileClient::errorOccurred, raw, [&failures] { ++failures; });
            raw->connectToServer(u"127.0.0.1"_s, m_server->serverPort());
            clients.push_back(std::move(client));
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished + failures, kClients, 40000);
        QCOMPARE(failures, 0);
        QCOMPARE(finished, kClients);
        QVERIFY(peak > 1);   // they really overlapped
    }

    void overwriteIsRefusedByDefault()
    {
        startServer();
        QVERIFY(writeFile(m_local + u"/a.txt"_s, "replacement"_ba));
        auto client = connectClient();
        QVERIFY(client);
        QCOMPARE(put(*client, m_local + u"/a.txt"_s, u"a.txt"_s), FileClient::Error::Refused);
        QCOMPARE(client->serverErrorCode(), 409);
        QCOMPARE(client->state(), FileClient::State::Ready);   // a refusal keeps the connection
        QCOMPARE(readFile(m_root + u"/a.txt"_s), "alpha\n"_ba);

        ServerOptions options;
        options.allowOverwrite = true;
        startServer(options);
        auto second = connectClient();
        QVERIFY(second);
        QCOMPARE(put(*second, m_local + u"/a.txt"_s, u"a.txt"_s), FileClient::Error::None);
        QCOMPARE(readFile(m_root + u"/a.txt"_s), "replacement"_ba);
    }

    void failedVerificationLeavesTheExistingFile()
    {
        ServerOptions options;
        options.allowOverwrite = true;
        startServer(options);
        RawPeer peer;
        QVERIFY(peer.open(m_server->serverPort()));
        QCOMPARE(peer.line(), "HELLO socketeer-files 1 rw"_ba);
        peer.socket.write("PUT 5 a.txt\n");
        QCOMPARE(peer.line(), "READY 0"_ba);
        peer.socket.write("evil!END " + Sha256::hexOf("other"_ba) + '\n');
        QVERIFY(peer.line().startsWith("ERR 422 "));
        QCOMPARE(readFile(m_root + u"/a.txt"_s), "alpha\n"_ba);
        QVERIFY(!QFile::exists(PathJail(m_root).partialPath(u"a.txt"_s, 5)));
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
        startServer();
        RawPeer peer;
        QVERIFY(peer.open(m_server->serverPort()));
        peer.line();
        peer.socket.write(request + '\n');
        const QByteArray answer = peer.line();
        QVERIFY2(answer.startsWith(reply), answer.constData());
        QCOMPARE(readFile(m_dir->filePath(u"secret.txt"_s)), "top secret"_ba);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{u"local"_s, u"root"_s, u"secret.txt"_s}));
        QVERIFY(!QFile::exists(QDir::tempPath() + u"/evil.txt"_s));
        QCOMPARE(QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 (QStringList{u".hidden"_s, u"a.txt"_s, u"empty.txt"_s, u"link_out"_s}));
    }

    void abruptDisconnectsAndJunk()
    {
        QVERIFY(writeFile(m_root + u"/big.bin"_s, m_big.left(8 * 1024 * 1024)));
        startServer();
        {
            RawPeer half;   // half a line, then gone
            QVERIFY(half.open(m_server->serverPort()));
            half.socket.write("GET 0 a.t");
            half.socket.abort();
        }
        {
            RawPeer getter;   // asks for a big file and vanishes at once
            QVERIFY(getter.open(m_server->serverPort()));
            getter.socket.write("GET 0 big.bin\n");
            QVERIFY(getter.line().startsWith("HELLO"));
            getter.socket.abort();
        }
        {
            RawPeer putter;   // announces an upload and vanishes mid-data
            QVERIFY(putter.open(m_server->serverPort()));
            putter.line();
            putter.socket.write("PUT 1000 x.bin\n");
            QCOMPARE(putter.line(), "READY 0"_ba);
            putter.socket.write(QByteArray(10, 'x'));
            putter.socket.flush();
            putter.socket.abort();
        }
        {
            RawPeer flooder;  // a line that never ends
            QVERIFY(flooder.open(m_server->serverPort()));
            flooder.line();
            flooder.socket.write(QByteArray(64 * 1024, 'A'));
            QVERIFY(flooder.line().startsWith("ERR 431 "));
            QVERIFY(flooder.closedByServer());
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->clientCount(), 0, kWaitMs);
        auto client = connectClient();   // the server is still fine
        QVERIFY(client);
        QCOMPARE(get(*client, u"big.bin"_s, m_local + u"/big.bin"_s), FileClient::Error::None);
        QVERIFY(!QFile::exists(m_root + u"/x.bin"_s));
    }

    void readOnlyAndLimits()
    {
        ServerOptions options;
        options.readOnly = true;
        startServer(options);
        QVERIFY(writeFile(m_local + u"/n.txt"_s, "12345"_ba));
        auto client = connectClient();
        QVERIFY(client);
        QVERIFY(client->serverIsReadOnly());
        QCOMPARE(put(*client, m_local + u"/n.txt"_s, u"n.txt"_s), FileClient::Error::Refused);
        QCOMPARE(client->serverErrorCode(), 403);

        options = {};
        options.maxUploadSize = 4;
        options.maxClients = 1;
        startServer(options);
        auto limited = connectClient();
        QVERIFY(limited);
        QCOMPARE(put(*limited, m_local + u"/n.txt"_s, u"n.txt"_s), FileClient::Error::Refused);
        QCOMPARE(limited->serverErrorCode(), 413);
        QVERIFY(!QFile::exists(m_root + u"/n.txt"_s));

        FileClient extra;   // over the client limit
        QSignalSpy failed(&extra, &FileClient::errorOccurred);
        extra.connectToServer(u"127.0.0.1"_s, m_server->serverPort());
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(extra.error(), FileClient::Error::Refused);
        QCOMPARE(extra.serverErrorCode(), 503);
    }

    void writeErrorGivesACleanError()
    {
        // RLIMIT_FSIZE makes write() fail with EFBIG past the limit (SIGXFSZ ignored): a "full disk" without root.
        startServer();
        const QString local = m_local + u"/huge.bin"_s;
        QVERIFY(writeFile(local, m_big.left(4 * 1024 * 1024)));
        auto client = connectClient();
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
        QVERIFY(!QFile::exists(m_root + u"/huge.bin"_s));
        QVERIFY(!QFile::exists(PathJail(m_root).partialPath(u"huge.bin"_s, 4 * 1024 * 1024)));
    }

    void connectFailuresAreReported()
    {
        startServer();
        const quint16 port = m_server->serverPort();
        m_server->close();
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

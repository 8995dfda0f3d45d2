// Resume over loopback with FileServer + FileClient: downloads and uploads killed from either side and
// continued, a resumed download of a changed file starting over, the prefix hashed without blocking the thread.
// Every server listens on port 0.
#include "tests/netcore/files_fixture.h"

#include "netcore/common/transcript.h"
#include "netcore/files/pathjail.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace netcore::files;
using namespace files_test;

class TestFilesResume : public QObject
{
    Q_OBJECT

private:
    files_test::Fixture m_f;
    QByteArray m_big;

private Q_SLOTS:
    void initTestCase() { m_big = randomBytes(48 * 1024 * 1024 + 123); }
    void init() { m_f.setUp(); }
    void cleanup() { m_f.tearDown(); }

    void resumeDownloadAfterClientKill()
    {
        QVERIFY(writeFile(m_f.root + u"/big.bin"_s, m_big));
        m_f.startServer();
        auto client = m_f.connectClient();
        QVERIFY(client);
        connect(client.get(), &FileClient::progress, client.get(), [&client](qint64 done, qint64) {
            if (done > 0)
                client->abort();
        });
        const QString local = m_f.local + u"/big.bin"_s;
        QCOMPARE(get(*client, u"big.bin"_s, local), Error::None);   // aborted: a pause, not an error
        QCOMPARE(client->state(), TransferClient::State::Disconnected);
        const qint64 partial = QFileInfo(FileClient::partialPathFor(local)).size();
        QVERIFY(partial > 0);
        QVERIFY(partial < m_big.size());
        QVERIFY(!QFile::exists(local));

        auto second = m_f.connectClient();
        QVERIFY(second);
        qint64 resumedFrom = -1;
        QCOMPARE(get(*second, u"big.bin"_s, local, &resumedFrom), Error::None);
        QCOMPARE(resumedFrom, partial);
        QVERIFY(readFile(local) == m_big);
    }

    void resumeDownloadAfterServerKill()
    {
        QVERIFY(writeFile(m_f.root + u"/big.bin"_s, m_big));
        m_f.startServer();
        auto client = m_f.connectClient();
        QVERIFY(client);
        bool killed = false;
        connect(client.get(), &FileClient::progress, this, [this, &killed](qint64 done, qint64) {
            if (done > 0 && !killed) {
                killed = true;
                m_f.server->stop();
            }
        });
        const QString local = m_f.local + u"/big.bin"_s;
        QCOMPARE(get(*client, u"big.bin"_s, local), Error::ConnectionLost);
        const qint64 partial = QFileInfo(FileClient::partialPathFor(local)).size();
        QVERIFY(partial > 0 && partial < m_big.size());

        m_f.startServer();
        auto second = m_f.connectClient();
        QVERIFY(second);
        qint64 resumedFrom = -1;
        QCOMPARE(get(*second, u"big.bin"_s, local, &resumedFrom), Error::None);
        QCOMPARE(resumedFrom, partial);
        QVERIFY(readFile(local) == m_big);
    }

    void resumeHashesThePrefixWithoutBlocking()
    {
        // the client lives on the tab's GUI thread: hashing the 48 MiB already here must leave the event loop running
        QVERIFY(writeFile(m_f.root + u"/big.bin"_s, m_big));
        const QString local = m_f.local + u"/big.bin"_s;
        const qint64 prefix = m_big.size() - 1000;
        QVERIFY(writeFile(FileClient::partialPathFor(local), m_big.left(prefix)));
        m_f.startServer();
        auto client = m_f.connectClient();
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
        auto second = m_f.connectClient();
        QVERIFY(second);
        second->download(u"big.bin"_s, local);
        second->abort();
        QCoreApplication::processEvents();   // runs the slice queued before the abort
        QCOMPARE(second->state(), TransferClient::State::Disconnected);
        QCOMPARE(QFileInfo(FileClient::partialPathFor(local)).size(), prefix);
        QVERIFY(!QFile::exists(local));
    }

    void resumedDownloadOfAChangedFileStartsOver()
    {
        QVERIFY(writeFile(m_f.root + u"/c.bin"_s, m_big.left(100000)));
        const QString local = m_f.local + u"/c.bin"_s;
        QVERIFY(writeFile(FileClient::partialPathFor(local), "not the same prefix"_ba));
        m_f.startServer();
        auto client = m_f.connectClient();
        QVERIFY(client);
        qint64 resumedFrom = -1;
        QCOMPARE(get(*client, u"c.bin"_s, local, &resumedFrom), Error::None);
        QCOMPARE(resumedFrom, 0);   // the resume did not verify, so it fetched the whole file again
        QCOMPARE(readFile(local), m_big.left(100000));
    }

    void resumeUploadAfterClientKill()
    {
        m_f.startServer();
        const QString local = m_f.local + u"/up.bin"_s;
        QVERIFY(writeFile(local, m_big));
        const QString partial = PathJail(m_f.root).partialPath(u"up.bin"_s, m_big.size(), u"127.0.0.1"_s);
        auto client = m_f.connectClient();
        QVERIFY(client);
        QSignalSpy serverSaw(m_f.server.get(), &FileServer::transferFinished);
        client->upload(local, u"up.bin"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() > 0, kWaitMs);
        client->abort();
        QVERIFY(serverSaw.wait(kWaitMs));
        QCOMPARE(serverSaw.constFirst().at(0).value<TransferRecord>().ok(), false);
        QCOMPARE(serverSaw.constFirst().at(0).value<TransferRecord>().error, Error::ClientLeft);
        const qint64 stored = QFileInfo(partial).size();
        QVERIFY(stored > 0 && stored < m_big.size());
        QVERIFY(!QFile::exists(m_f.root + u"/up.bin"_s));

        auto second = m_f.connectClient();
        QVERIFY(second);
        // the partial upload is invisible to listings
        QSignalSpy listed(second.get(), &FileClient::listed);
        second->list();
        QVERIFY(listed.wait(kWaitMs));
        QCOMPARE(listed.constFirst().at(0).value<QList<RemoteFileInfo>>().size(), 2);
        qint64 resumedFrom = -1;
        QCOMPARE(put(*second, local, u"up.bin"_s, &resumedFrom), Error::None);
        QCOMPARE(resumedFrom, stored);
        QVERIFY(readFile(m_f.root + u"/up.bin"_s) == m_big);
        QVERIFY(!QFile::exists(partial));
    }

    void resumeUploadAfterServerKill()
    {
        m_f.startServer();
        const QString local = m_f.local + u"/up.bin"_s;
        QVERIFY(writeFile(local, m_big));
        const QString partial = PathJail(m_f.root).partialPath(u"up.bin"_s, m_big.size(), u"127.0.0.1"_s);
        auto client = m_f.connectClient();
        QVERIFY(client);
        QSignalSpy failed(client.get(), &FileClient::errorOccurred);
        client->upload(local, u"up.bin"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(partial).size() > 0, kWaitMs);
        m_f.server->stop();
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(client->error(), Error::ConnectionLost);
        const qint64 stored = QFileInfo(partial).size();
        QVERIFY(stored > 0 && stored < m_big.size());

        m_f.startServer();
        auto second = m_f.connectClient();
        QVERIFY(second);
        qint64 resumedFrom = -1;
        QCOMPARE(put(*second, local, u"up.bin"_s, &resumedFrom), Error::None);
        QCOMPARE(resumedFrom, stored);
        QVERIFY(readFile(m_f.root + u"/up.bin"_s) == m_big);
    }
};

QTEST_GUILESS_MAIN(TestFilesResume)
#include "tst_filesresume.moc"

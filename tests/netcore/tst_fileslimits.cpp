// The file server under hostile clients (issue #12, docs/reliability.md "Files"): every bound asserted through
// the server's own counters (Server::load(), requestsHandled()), on raw loopback sockets, with short limits.
// 127.0.0.2 and 127.0.0.3 are two hosts.
#include "tests/netcore/files_fixture.h"

#include "netcore/common/serverload.h"
#include "netcore/files/partials.h"
#include "netcore/files/protocol.h"
#include "netcore/files/sha256.h"

#include <QDir>
#include <QTimer>

#include <sys/resource.h>

using namespace files_test;
using netcore::common::Deadline;
using netcore::common::ServerLimits;
using netcore::files::ServerDialect;
using netcore::files::PathJail;
using netcore::files::Sha256;

namespace {

const QHostAddress kHostA(u"127.0.0.2"_s);
const QHostAddress kHostB(u"127.0.0.3"_s);

int partialCount(const QString &root, const QString &suffix = u".part"_s)
{
    return int(QDir(root).entryList({u".socketeer-upload-*"_s + suffix}, QDir::Files | QDir::Hidden).size());
}

} // namespace

class TestFilesLimits : public QObject
{
    Q_OBJECT

private:
    Fixture m_f;

    // A server with the given limits on top of the defaults (no per-host cap unless asked).
    void startWith(const std::function<void(ServerLimits &)> &tune, ServerOptions options = {})
    {
        options.root = m_f.root;
        m_f.server = std::make_unique<FileServer>();
        m_f.server->setOptions(options);
        ServerLimits limits = m_f.server->limits();
        limits.maxPerHost = 0;
        tune(limits);
        m_f.server->setLimits(limits);
        QVERIFY(m_f.server->start(QHostAddress::LocalHost, 0));
    }

    // PUT on a raw peer up to READY; returns the READY line.
    static QByteArray put(RawPeer &peer, qint64 size, const QByteArray &name)
    {
        peer.send("PUT " + QByteArray::number(size) + ' ' + name + '\n');
        return peer.line();
    }

private Q_SLOTS:
    void init() { m_f.setUp(); }
    void cleanup() { m_f.tearDown(); }

    // 1 MiB of pipelined LIST over 1,000 files, never read: the replies wait for the reader (one LIST reply past
    // the bound at most), and when the client leaves the session ends at once with the rest unanswered.
    void pipelinedListWaitsForTheReader()
    {
        for (int i = 0; i < 1000; ++i)
            QVERIFY(writeFile(m_f.root + u"/file-%1.txt"_s.arg(i, 4, 10, QChar(u'0')), "x"_ba));
        startWith([](ServerLimits &l) { l.maxQueuedOutput = 256 * 1024; });
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        QCOMPARE(peer.line(), "HELLO socketeer-files 1 rw"_ba);
        peer.socket.setReadBufferSize(1);   // a client that never reads
        QByteArray burst;
        while (burst.size() < 1024 * 1024)
            burst += "LIST\n";
        const qint64 requests = burst.size() / 5;
        peer.send(burst);
        netcore::common::ServerLoad &load = m_f.server->load();
        QTRY_VERIFY_WITH_TIMEOUT(load.pausedReading() >= 1, kWaitMs);
        // One LIST reply: "OK 1000\n" + 1000 x "FILE 1 <mtime> file-NNNN.txt\n".
        const qint64 listReply = 8 + 1000 * 35;
        QVERIFY2(load.peakConnectionQueued() <= 256 * 1024 + listReply,
                 qPrintable(QString::number(load.peakConnectionQueued())));
        const qint64 handledWhileOpen = m_f.server->requestsHandled();
        QVERIFY2(handledWhileOpen < requests / 20, qPrintable(QString::number(handledWhileOpen)));
        peer.socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_f.server->clientCount(), 0, 5000);   // not 40 s of answers for nobody
        const qint64 handledAtEnd = m_f.server->requestsHandled();
        QVERIFY2(handledAtEnd < requests / 20, qPrintable(QString::number(handledAtEnd)));
        QTRY_COMPARE(load.queued(), qint64(0));
        QCOMPARE(m_f.server->requestsHandled(), handledAtEnd);   // the session is gone: nothing more is answered
    }

    // A download to a client that does not read: the file is read from disk as the socket drains, never whole.
    void downloadsStreamFromDisk()
    {
        const QByteArray big = randomBytes(16 * 1024 * 1024);
        QVERIFY(writeFile(m_f.root + u"/big.bin"_s, big));
        startWith([](ServerLimits &) {});
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        QCOMPARE(peer.line(), "HELLO socketeer-files 1 rw"_ba);
        peer.socket.setReadBufferSize(1);
        peer.send("GET 0 big.bin\n");
        netcore::common::ServerLoad &load = m_f.server->load();
        QTRY_VERIFY_WITH_TIMEOUT(load.queued() >= netcore::files::kSendHighWater - netcore::files::kChunkSize, kWaitMs);
        QVERIFY2(load.peakConnectionQueued() <= netcore::files::kSendHighWater + netcore::files::kChunkSize + 64,
                 qPrintable(QString::number(load.peakConnectionQueued())));
        // Now read it all: it arrives whole and verified.
        peer.socket.setReadBufferSize(0);
        const QByteArray head = "OK " + QByteArray::number(big.size()) + '\n';
        QByteArray got;
        QVERIFY(QTest::qWaitFor([&] {
            got += peer.socket.readAll();
            return got.size() >= head.size() + big.size() + 69;
        }, kWaitMs));
        QCOMPARE(got.left(head.size()), head);
        QVERIFY(got.mid(head.size(), big.size()) == big);
        QCOMPARE(got.mid(head.size() + big.size()), "END " + Sha256::hexOf(big) + '\n');
    }

    // Slowloris: one byte every 50 ms never completes a request; the request deadline closes it while a client
    // from another host is served.
    void trickleIsClosedByTheRequestDeadline()
    {
        startWith([](ServerLimits &l) { l.requestTimeout = std::chrono::milliseconds(400); });
        RawPeer slow;
        QVERIFY(slow.open(m_f.server->serverPort(), kHostA));
        QCOMPARE(slow.line(), "HELLO socketeer-files 1 rw"_ba);
        QTimer drip;
        drip.setInterval(50);
        connect(&drip, &QTimer::timeout, &slow.socket, [&slow] { slow.send("L"_ba); });
        drip.start();
        RawPeer legit;
        QVERIFY(legit.open(m_f.server->serverPort(), kHostB));
        QCOMPARE(legit.line(), "HELLO socketeer-files 1 rw"_ba);
        legit.send("LIST\n");
        QCOMPARE(legit.line(), "OK 2"_ba);
        // Each byte would reset a naive idle timer; the request deadline closes it regardless (counted below).
        QVERIFY(slow.closedByServer());
        QCOMPARE(m_f.server->load().expired(Deadline::Request), qint64(1));
        QVERIFY(legit.line().startsWith("FILE 6 "));
        QVERIFY(legit.line().startsWith("FILE 0 "));
        legit.send("QUIT\n");
        QCOMPARE(legit.line(), "BYE"_ba);
    }

    // No complete request since connecting (a blank line is none): closed by the hello deadline; a client that
    // asked something and then says nothing: closed by the idle deadline.
    void helloAndIdleDeadlines()
    {
        startWith([](ServerLimits &l) {
            l.helloTimeout = std::chrono::milliseconds(300);
            l.idleTimeout = std::chrono::milliseconds(600);
        });
        RawPeer mute;
        QVERIFY(mute.open(m_f.server->serverPort()));
        QCOMPARE(mute.line(), "HELLO socketeer-files 1 rw"_ba);
        mute.send("\n"_ba);
        QVERIFY(mute.closedByServer());
        QCOMPARE(m_f.server->load().expired(Deadline::Hello), qint64(1));
        RawPeer quiet;
        QVERIFY(quiet.open(m_f.server->serverPort()));
        QCOMPARE(quiet.line(), "HELLO socketeer-files 1 rw"_ba);
        quiet.send("LIST\n");
        QCOMPARE(quiet.line(), "OK 2"_ba);
        QVERIFY(quiet.closedByServer());
        QCOMPARE(m_f.server->load().expired(Deadline::Idle), qint64(1));
        QCOMPARE(m_f.server->load().expired(Deadline::Hello), qint64(1));
    }

    // --classic sessions follow the same rules: no request -> hello deadline; a trickle of bytes that are no
    // request does not reset the idle deadline.
    void classicSessionsHaveDeadlines()
    {
        ServerOptions options;
        options.dialect = ServerDialect::Classic;
        startWith([](ServerLimits &l) {
            l.helloTimeout = std::chrono::milliseconds(300);
            l.idleTimeout = std::chrono::milliseconds(600);
        }, options);
        RawPeer mute;
        QVERIFY(mute.open(m_f.server->serverPort()));
        QVERIFY(mute.closedByServer());
        QCOMPARE(m_f.server->load().expired(Deadline::Hello), qint64(1));
        RawPeer drip;
        QVERIFY(drip.open(m_f.server->serverPort()));
        drip.send("LIST"_ba);   // a request: hello done
        QTimer timer;
        timer.setInterval(50);
        connect(&timer, &QTimer::timeout, &drip.socket, [&drip] { drip.send("x"_ba); });
        timer.start();
        QVERIFY(drip.closedByServer());
        QCOMPARE(m_f.server->load().expired(Deadline::Idle), qint64(1));
    }

    // An upload slower than minRate over the window: closed (the partial is kept for a resume).
    void slowUploadIsClosedByTheMinimumRate()
    {
        startWith([](ServerLimits &l) {
            l.minRate = 100000;
            l.rateWindow = std::chrono::milliseconds(300);
        });
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        QCOMPARE(peer.line(), "HELLO socketeer-files 1 rw"_ba);
        QCOMPARE(put(peer, 1000000, "slow.bin"), "READY 0"_ba);
        peer.send(QByteArray(10, 'x'));
        QVERIFY(peer.closedByServer());
        QCOMPARE(m_f.server->load().expired(Deadline::Rate), qint64(1));
        QTRY_COMPARE(m_f.server->clientCount(), 0);
        QCOMPARE(QFileInfo(PathJail(m_f.root).partialPath(u"slow.bin"_s, 1000000, u"127.0.0.1"_s)).size(), qint64(10));
    }

    // Per-host cap: the third connection from one address is refused in the protocol's words; another host is not.
    void perHostCap()
    {
        startWith([](ServerLimits &l) { l.maxPerHost = 2; });
        RawPeer a1, a2, a3, b1;
        QVERIFY(a1.open(m_f.server->serverPort(), kHostA));
        QCOMPARE(a1.line(), "HELLO socketeer-files 1 rw"_ba);
        QVERIFY(a2.open(m_f.server->serverPort(), kHostA));
        QCOMPARE(a2.line(), "HELLO socketeer-files 1 rw"_ba);
        QVERIFY(a3.open(m_f.server->serverPort(), kHostA));
        QCOMPARE(a3.line(), "ERR 503 too many connections from your address (limit 2)"_ba);
        QVERIFY(a3.closedByServer());
        QVERIFY(b1.open(m_f.server->serverPort(), kHostB));
        QCOMPARE(b1.line(), "HELLO socketeer-files 1 rw"_ba);
        QCOMPARE(m_f.server->load().refusedHostFull(), qint64(1));
        QCOMPARE(m_f.server->clientCount(), 3);
    }

    // A resume is offered only to the same address for the same name and size, and the owner record survives a
    // restart of the server.
    void strangerIsNotOfferedTheResume()
    {
        startWith([](ServerLimits &) {});
        const QString partialA = PathJail(m_f.root).partialPath(u"doc.bin"_s, 10, u"127.0.0.2"_s);
        {
            RawPeer owner;
            QVERIFY(owner.open(m_f.server->serverPort(), kHostA));
            owner.line();
            QCOMPARE(put(owner, 10, "doc.bin"), "READY 0"_ba);
            owner.send("abcd"_ba);
            QTRY_COMPARE(QFileInfo(partialA).size(), qint64(4));
            owner.socket.abort();
            QTRY_COMPARE(m_f.server->clientCount(), 0);
        }
        const netcore::files::PartialRecord record = netcore::files::partials::readRecord(partialA);
        QCOMPARE(record.name, u"doc.bin"_s);
        QCOMPARE(record.size, qint64(10));
        QCOMPARE(record.owner, u"127.0.0.2"_s);
        {
            RawPeer stranger;
            QVERIFY(stranger.open(m_f.server->serverPort(), kHostB));
            stranger.line();
            QCOMPARE(put(stranger, 10, "doc.bin"), "READY 0"_ba);
            stranger.socket.abort();
            QTRY_COMPARE(m_f.server->clientCount(), 0);
        }
        QCOMPARE(QFileInfo(partialA).size(), qint64(4));   // untouched
        startWith([](ServerLimits &) {});                   // a restart: a new server on the same folder
        RawPeer again;
        QVERIFY(again.open(m_f.server->serverPort(), kHostA));
        again.line();
        QCOMPARE(put(again, 10, "doc.bin"), "READY 4"_ba);
        again.send("efghij"_ba);
        again.send("END " + Sha256::hexOf("abcdefghij"_ba) + '\n');
        QCOMPARE(again.line(), "DONE " + Sha256::hexOf("abcdefghij"_ba));
        QCOMPARE(readFile(m_f.root + u"/doc.bin"_s), "abcdefghij"_ba);
        QVERIFY(!QFile::exists(partialA));
        QVERIFY(!QFile::exists(netcore::files::partials::recordPath(partialA)));
    }

    // 50 abandoned uploads: the quota refuses the next with 507 and the reason; expired partials are swept.
    void abandonedUploadsExpireAndCountTowardTheQuota()
    {
        ServerOptions options;
        options.maxPartialBytes = 50 * 1000;
        options.maxPartials = 0;
        startWith([](ServerLimits &) {}, options);
        for (int i = 0; i < 50; ++i) {
            RawPeer peer;
            QVERIFY(peer.open(m_f.server->serverPort()));
            peer.line();
            QCOMPARE(put(peer, 1000, "n" + QByteArray::number(i)), "READY 0"_ba);
            peer.send(QByteArray(10, 'x'));
            peer.socket.abort();
            QTRY_COMPARE(m_f.server->clientCount(), 0);
        }
        QCOMPARE(partialCount(m_f.root), 50);
        QCOMPARE(partialCount(m_f.root, u".owner"_s), 50);
        RawPeer late;
        QVERIFY(late.open(m_f.server->serverPort()));
        late.line();
        QCOMPARE(put(late, 1000, "n50"),
                 "ERR 507 unfinished uploads quota reached (50000 bytes held, 1000 more asked, limit 50000)"_ba);
        late.send("LIST\n");
        QCOMPARE(late.line(), "OK 2"_ba);   // still usable; the partials are never listed
        QCOMPARE(m_f.server->sweepPartials(), 0);   // 24 h have not passed
        // A server whose partials expire after 200 ms, swept every 50 ms.
        options.partialLifetime = std::chrono::milliseconds(200);
        options.partialSweepInterval = std::chrono::milliseconds(50);
        startWith([](ServerLimits &) {}, options);
        QTRY_COMPARE_WITH_TIMEOUT(partialCount(m_f.root), 0, kWaitMs);
        QCOMPARE(partialCount(m_f.root, u".owner"_s), 0);
        RawPeer fresh;
        QVERIFY(fresh.open(m_f.server->serverPort()));
        fresh.line();
        QCOMPARE(put(fresh, 1000, "n50"), "READY 0"_ba);
    }

    // Too little free space for the announced size: 507 with the numbers, before any byte moves.
    void minimumFreeSpace()
    {
        ServerOptions options;
        options.minFreeBytes = std::numeric_limits<qint64>::max() / 4;
        startWith([](ServerLimits &) {}, options);
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        peer.line();
        const QByteArray answer = put(peer, 10, "x.bin");
        QVERIFY2(answer.startsWith("ERR 507 not enough free space on the server ("), answer.constData());
        QVERIFY(answer.endsWith(QByteArray(" bytes free, 10 needed, " + QByteArray::number(options.minFreeBytes) + " kept free)")));
        QCOMPARE(partialCount(m_f.root), 0);
    }

    // A write past RLIMIT_FSIZE: EFBIG, not SIGXFSZ; 507 says "File too large", the partial is removed (a 507
    // keeps no partial) and the server goes on.
    void fileSizeLimitGivesTheRealReason()
    {
        startWith([](ServerLimits &) {});
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        peer.line();
        rlimit old{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &old) == 0);
        rlimit small = old;
        small.rlim_cur = 64 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &small) == 0);
        QCOMPARE(put(peer, 200000, "big.bin"), "READY 0"_ba);
        peer.send(QByteArray(200000, 'y'));
        const QByteArray answer = peer.line();
        setrlimit(RLIMIT_FSIZE, &old);
        QCOMPARE(answer, "ERR 507 write failed: File too large"_ba);
        peer.send("END " + Sha256::hexOf(QByteArray(200000, 'y')) + '\n');
        peer.send("LIST\n");
        QCOMPARE(peer.line(), "OK 2"_ba);
        QCOMPARE(partialCount(m_f.root), 0);
        QCOMPARE(partialCount(m_f.root, u".owner"_s), 0);
    }

    // stop() ends every session before it returns; an upload in progress keeps its partial and owner record.
    void stopKeepsPartialUploads()
    {
        startWith([](ServerLimits &) {});
        RawPeer peer;
        QVERIFY(peer.open(m_f.server->serverPort()));
        peer.line();
        QCOMPARE(put(peer, 100000, "keep.bin"), "READY 0"_ba);
        peer.send(QByteArray(1000, 'k'));
        const QString partial = PathJail(m_f.root).partialPath(u"keep.bin"_s, 100000, u"127.0.0.1"_s);
        QTRY_COMPARE(QFileInfo(partial).size(), qint64(1000));
        m_f.server->stop();   // synchronous: every session is gone when it returns
        QCOMPARE(m_f.server->clientCount(), 0);
        QVERIFY(peer.closedByServer());
        QCOMPARE(QFileInfo(partial).size(), qint64(1000));
        QCOMPARE(netcore::files::partials::readRecord(partial).owner, u"127.0.0.1"_s);
    }
};

QTEST_GUILESS_MAIN(TestFilesLimits)
#include "tst_fileslimits.moc"

// The TCP tab offscreen over real loopback: its own server (echo) and a client session of the same tab exchange GBK
// text and the received view shows it decoded; 粘包 and 拆包 on demand as a Python recv(1024) server sees them; the
// framing view cuts a##b##c; the chunk bound holds (and says how many reads it dropped); receive-to-file writes
// exactly the bytes; an unencodable character is a message and nothing is sent; the classroom panel's card starts
// the TCP echo server. Port 0 everywhere, QTRY_* for every wait.
#include "widgets/classroom/classroomtab.h"
#include "widgets/classroom/servercard.h"
#include "widgets/tcp/factspage.h"
#include "widgets/tcp/framingview.h"
#include "widgets/tcp/probepage.h"
#include "widgets/tcp/probetimeline.h"
#include "widgets/tcp/receivedview.h"
#include "widgets/tcp/receivelog.h"
#include "widgets/tcp/sendbox.h"
#include "widgets/tcp/tcptab.h"

#include "netcore/tcp/encoding.h"
#include "presentation/tcp/tcptext.h"
#include "tests/widgets/screenshot.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QMessageBox>
#include <QLabel>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::tcp::TcpClient;
using netcore::tcp::TextEncoding;
using widgets::tcp::PieceMode;
using widgets::tcp::TcpTab;

namespace {

constexpr int kTimeoutMs = 10'000;

// The course's recv(1024) server: prints its port, then one line per recv() with what it got.
const char *const kRecvServer = R"(
import socket, sys
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
print(srv.getsockname()[1], flush=True)
conn, _ = srv.accept()
while True:
    data = conn.recv(1024)
    if not data:
        break
    print("READ", len(data), data.hex(), flush=True)
)";

// The course's loop server (循环服务器): one client at a time, served until it leaves, a moment of work per message.
const char *const kLoopServer = R"(
import socket, time
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(5)
print(srv.getsockname()[1], flush=True)
while True:
    conn, _ = srv.accept()
    while True:
        data = conn.recv(1024)
        if not data:
            break
        time.sleep(0.03)
        conn.sendall(data)
    conn.close()
)";

// Starts the tab's server on loopback (port 0) and a client session to it; returns the session once connected.
TcpClient *connectToOwnServer(TcpTab &tab)
{
    if (!tab.listen(QHostAddress::LocalHost, 0))
        return nullptr;
    TcpClient *client = tab.openSession(u"127.0.0.1"_s, tab.server()->serverPort());
    if (!QTest::qWaitFor([&] { return client->state() == TcpClient::State::Connected && tab.server()->clientCount() == 1; }, kTimeoutMs))
        return nullptr;
    tab.selectSession(client);
    return client;
}

} // namespace

class TestTcpTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"SocketeerTest"_s);
        QCoreApplication::setApplicationName(u"tst_tcptab"_s);
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void gbkTextThroughTheTabsOwnEchoServer()
    {
        TcpTab tab;
        TcpClient *client = connectToOwnServer(tab);
        QVERIFY(client);
        QCOMPARE(tab.currentSession(), client);
        tab.findChild<QComboBox *>(u"receiveEncoding"_s)->setCurrentIndex(int(TextEncoding::Gbk));
        tab.sendBox()->setEncoding(TextEncoding::Gbk);
        tab.sendBox()->setText(u"你好，世界\\n"_s);
        QVERIFY(tab.sendBox()->send());
        const QByteArray gbk = netcore::tcp::encodeText(u"你好，世界\n"_s, TextEncoding::Gbk).bytes;
        QCOMPARE(gbk.size(), 11);   // two bytes a character in GBK: the wire carried GBK, not UTF-8
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(gbk.size()), kTimeoutMs);
        tab.receivedView()->renderNow();
        const QString shown = tab.receivedView()->textPane()->toPlainText();
        QVERIFY2(shown.contains(u"你好，世界"_s), qPrintable(shown));
        QVERIFY2(shown.contains(u"── read 1"_s), qPrintable(shown));   // the recv() boundary is marked
        QVERIFY(tab.receivedView()->hexPane()->toPlainText().contains(u"c4 e3 ba c3"_s));   // 你好 in GBK

        // The server's client row holds the same bytes, and the server row says who sent them.
        const quint64 id = tab.server()->clients().constFirst().id;
        tab.selectServerClient(id);
        QCOMPARE(tab.currentServerClient(), std::optional<quint64>(id));
        QCOMPARE(tab.currentLog()->keptBytes(), gbk);
        tab.selectServer();
        QVERIFY(tab.serverRowSelected());
        QCOMPARE(tab.currentLog()->chunks().front().from, client->localEndpoint());

        // Send to all, from the server row: the session receives it.
        tab.sendBox()->setEncoding(TextEncoding::Utf8);
        tab.sendBox()->setText(u"to all"_s);
        QVERIFY(tab.sendBox()->send());
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(gbk.size() + 6), kTimeoutMs);
        saveScreenshotIfAsked(tab, u"tcp-tab"_s);
    }

    // The server's limit fields are the engine's limits: a third client over "2 clients at most" is refused, an idle
    // one is aborted, a change applies while it runs, and the fields come back on the next start.
    void limitFieldsBoundTheTabsServer()
    {
        TcpTab tab;
        auto *maxClients = tab.findChild<QSpinBox *>(u"maxClients"_s);
        auto *maxPerHost = tab.findChild<QSpinBox *>(u"maxPerHost"_s);
        auto *idle = tab.findChild<QSpinBox *>(u"idleSeconds"_s);
        QVERIFY(maxClients && maxPerHost && idle);
        QCOMPARE(maxClients->value(), netcore::tcp::TcpServer::defaultLimits().maxClients);
        QCOMPARE(idle->value(), 0);   // off by default, as in serve tcp
        maxClients->setValue(2);
        idle->setValue(1);
        QVERIFY(tab.listen(QHostAddress::LocalHost, 0));
        netcore::tcp::TcpServer *server = tab.server();
        QCOMPARE(server->limits().maxClients, 2);
        QCOMPARE(server->limits().idleTimeout, std::chrono::milliseconds(1000));

        QTcpSocket first, second, third;
        for (QTcpSocket *socket : {&first, &second}) {
            socket->connectToHost(QHostAddress::LocalHost, server->serverPort());
            QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::ConnectedState, kTimeoutMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(server->clientCount(), 2, kTimeoutMs);
        third.connectToHost(QHostAddress::LocalHost, server->serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(server->load().refusedServerFull(), qint64(1), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(third.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
        QCOMPARE(third.bytesAvailable(), qint64(0));   // closed without a byte
        // Neither sends a byte: both are aborted by the idle deadline.
        QTRY_COMPARE_WITH_TIMEOUT(server->clientCount(), 0, kTimeoutMs);
        QCOMPARE(server->load().expired(netcore::common::Deadline::Idle), qint64(2));

        maxPerHost->setValue(0);
        idle->setValue(0);
        QCOMPARE(server->limits().maxPerHost, 0);
        QCOMPARE(server->limits().idleTimeout, std::chrono::milliseconds(0));
        QSettings settings;
        tab.saveSettings(settings);
        TcpTab next;
        next.restoreSettings(settings);
        QCOMPARE(next.findChild<QSpinBox *>(u"maxClients"_s)->value(), 2);
        QCOMPARE(next.findChild<QSpinBox *>(u"maxPerHost"_s)->value(), 0);
        QCOMPARE(next.findChild<QSpinBox *>(u"idleSeconds"_s)->value(), 0);
        settings.clear();
    }

    // TCP_NODELAY for one of the server's clients, from the same check box as a session's: the kernel's option follows.
    void noDelayForAServerClient()
    {
        TcpTab tab;
        QVERIFY(connectToOwnServer(tab));
        const quint64 id = tab.server()->clients().constFirst().id;
        tab.selectServerClient(id);
        auto *box = tab.findChild<QCheckBox *>(u"noDelay"_s);
        QVERIFY(box);
        QVERIFY(box->isEnabled());
        QCOMPARE(tab.server()->noDelay(id), std::optional<bool>(false));   // Nagle on, as accepted
        QVERIFY(!box->isChecked());
        box->click();
        QCOMPARE(tab.server()->noDelay(id), std::optional<bool>(true));
        box->click();
        QCOMPARE(tab.server()->noDelay(id), std::optional<bool>(false));
        QVERIFY(!tab.server()->setNoDelay(id + 1000, true));   // an unknown client
        QCOMPARE(tab.server()->noDelay(id + 1000), std::nullopt);
        tab.selectServer();
        QVERIFY(!box->isEnabled());   // the server row: nothing to set
    }

    void factsPageShowsTheSelectedConnection()
    {
        TcpTab tab;
        auto *facts = tab.findChild<widgets::tcp::FactsPage *>(u"tcpFactsPage"_s);
        QVERIFY(facts);
        QVERIFY(tab.sidePages()->indexOf(facts) >= 0);   // a page beside text, hex, frames and the wire view
        facts->refresh();
        QCOMPARE(facts->table()->rowCount(), 0);          // nothing selected: no facts, a note says what to do
        QVERIFY(!facts->noteText().isEmpty());
        TcpClient *client = connectToOwnServer(tab);
        QVERIFY(client);
        const auto rowText = [facts] {
            QStringList rows;
            for (int r = 0; r < facts->table()->rowCount(); ++r)
                rows.append(facts->table()->item(r, 0)->text() + u'=' + facts->table()->item(r, 1)->text());
            return rows.join(u'\n');
        };
        // The selection changed to the session: its kernel facts, ESTABLISHED on loopback.
        QTRY_VERIFY_WITH_TIMEOUT(rowText().contains(u"ESTABLISHED"_s), kTimeoutMs);
        // The server's side of the same connection, selected in the tree: its own facts.
        tab.selectServerClient(tab.server()->clients().constFirst().id);
        facts->refresh();
        QVERIFY2(rowText().contains(u"ESTABLISHED"_s), qPrintable(rowText()));
        // Closed: no facts, and the note says why.
        tab.selectSession(client);
        client->abort();
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), TcpClient::State::Closed, kTimeoutMs);
        facts->refresh();
        QCOMPARE(facts->table()->rowCount(), 0);
    }

    void probePageTellsALoopServerFromAConcurrentOne()
    {
        TcpTab tab;
        widgets::tcp::ProbePage *page = tab.probePage();
        QVERIFY(page);
        QVERIFY(tab.sidePages()->indexOf(page) >= 0);
        page->findChild<QSpinBox *>(u"probeClients"_s)->setValue(5);

        // The tab's own echo server: every client answered together.
        QVERIFY(tab.listen(QHostAddress::LocalHost, 0));
        page->setTarget(u"127.0.0.1"_s, tab.server()->serverPort());
        QSignalSpy done(page, &widgets::tcp::ProbePage::finished);
        QVERIFY(page->start());
        QVERIFY(done.wait(kTimeoutMs));
        QCOMPARE(page->probe()->verdict().kind, netcore::tcp::ProbeVerdict::Kind::Concurrent);
        QCOMPARE(page->verdictText(), presentation::tcp::probeVerdictText(page->probe()->verdict()));
        QCOMPARE(page->timeline()->order().size(), 5);

        // The course's loop server: a staircase, one client after the other.
        QProcess python;
        python.start(u"python3"_s, {u"-c"_s, QString::fromUtf8(kLoopServer)});
        QVERIFY(python.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(python.canReadLine(), kTimeoutMs);
        const quint16 port = quint16(python.readLine().trimmed().toUInt());
        page->setTarget(u"127.0.0.1"_s, port);
        done.clear();
        QVERIFY(page->start());
        QVERIFY(done.wait(kTimeoutMs));
        python.kill();
        python.waitForFinished();
        const netcore::tcp::ProbeVerdict verdict = page->probe()->verdict();
        QCOMPARE(verdict.kind, netcore::tcp::ProbeVerdict::Kind::Sequential);
        QCOMPARE(verdict.done, 5);
        // The timeline draws the staircase: rows in first-byte order, each later than the one before.
        const QList<int> order = page->timeline()->order();
        for (qsizetype r = 1; r < order.size(); ++r)
            QVERIFY(page->probe()->clients().at(order.at(r)).firstByteUs > page->probe()->clients().at(order.at(r - 1)).firstByteUs);
        tab.sidePages()->setCurrentWidget(page);
        saveScreenshotIfAsked(tab, u"tcp-probe"_s);

        // Bad input is a sentence, and nothing runs.
        page->findChild<QLineEdit *>(u"probeMessage"_s)->setText(u"bad \\q"_s);
        QVERIFY(!page->start());
        QVERIFY(!page->statusText().isEmpty());
    }

    void unixSocketBothEnds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"echo.sock"_s);
        TcpTab tab;
        // The server box's third choice: a Unix-domain socket at a path.
        auto *where = tab.findChild<QComboBox *>(u"listenAddress"_s);
        where->setCurrentIndex(2);
        auto *unixPath = tab.findChild<QLineEdit *>(u"listenUnixPath"_s);
        QVERIFY(!unixPath->isHidden());
        unixPath->setText(path);
        tab.findChild<QPushButton *>(u"listenButton"_s)->click();
        QVERIFY(tab.server() && tab.server()->isListening() && tab.server()->isUnix());
        QVERIFY(tab.findChild<QLabel *>(u"serverHandout"_s)->text().contains(path));
        // A client session to a path (the host field takes it; the port is not used).
        TcpClient *client = tab.openSession(path, 0);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), TcpClient::State::Connected, kTimeoutMs);
        QVERIFY(client->isUnix());
        tab.selectSession(client);
        tab.sendBox()->setText(u"over AF_UNIX"_s);
        QVERIFY(tab.sendBox()->send());
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(12), kTimeoutMs);
        // No TCP state on a Unix socket, and the facts page says so rather than showing nothing.
        auto *facts = tab.findChild<widgets::tcp::FactsPage *>(u"tcpFactsPage"_s);
        facts->refresh();
        QCOMPARE(facts->table()->rowCount(), 0);
        QVERIFY2(facts->noteText().contains(u"Unix"_s), qPrintable(facts->noteText()));
        tab.stopServer();
        QVERIFY(!QFileInfo::exists(path));   // the server removes the socket file it made
    }

    void tlsToggleReachesTheSession()
    {
        TcpTab tab;
        QVERIFY(tab.listen(QHostAddress::LocalHost, 0));   // a plain echo server: no TLS on the other end
        auto *tls = tab.findChild<QCheckBox *>(u"clientTls"_s);
        auto *insecure = tab.findChild<QCheckBox *>(u"clientTlsInsecure"_s);
        QVERIFY(!insecure->isEnabled());
        tls->setChecked(true);
        QVERIFY(insecure->isEnabled());
        TcpClient *client = tab.openSession(u"127.0.0.1"_s, tab.server()->serverPort());
        QVERIFY(client->tls());
        // The handshake cannot succeed against a plain server: the session ends with the TLS error, never "connected".
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), TcpClient::State::Closed, kTimeoutMs);
        QCOMPARE(client->error(), TcpClient::Error::TlsHandshakeFailed);
        tls->setChecked(false);
        TcpClient *plain = tab.openSession(u"127.0.0.1"_s, tab.server()->serverPort());
        QVERIFY(!plain->tls());
        QTRY_COMPARE_WITH_TIMEOUT(plain->state(), TcpClient::State::Connected, kTimeoutMs);
    }

    void stickyAndSplitAsAPythonRecvServerSeesThem()
    {
        QProcess python;
        python.start(u"python3"_s, {u"-c"_s, QString::fromUtf8(kRecvServer)});
        QVERIFY(python.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(python.canReadLine(), kTimeoutMs);
        const quint16 port = quint16(python.readLine().trimmed().toUInt());
        QVERIFY(port > 0);
        TcpTab tab;
        TcpClient *client = tab.openSession(u"127.0.0.1"_s, port);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), TcpClient::State::Connected, kTimeoutMs);
        client->setNoDelay(true);
        QStringList reads;
        const auto collect = [&] {
            while (python.canReadLine())
                reads.append(QString::fromUtf8(python.readLine().trimmed()));
            return reads.size();
        };

        // 粘包 on demand: three messages in one write arrive as one recv().
        tab.sendBox()->setText(u"msg\\n"_s);
        tab.sendBox()->setPieces(PieceMode::Batch, 3, 0);
        QVERIFY(tab.sendBox()->send());
        QTRY_COMPARE_WITH_TIMEOUT(collect(), 1, kTimeoutMs);
        QCOMPARE(reads.at(0), u"READ 12 6d73670a6d73670a6d73670a"_s);

        // 拆包 on demand: one message in three writes with a gap arrives as three recv()s.
        tab.sendBox()->setText(u"abcdef"_s);
        tab.sendBox()->setPieces(PieceMode::Split, 3, 150);
        QVERIFY(tab.sendBox()->send());
        QTRY_COMPARE_WITH_TIMEOUT(collect(), 4, kTimeoutMs);
        QCOMPARE(reads.mid(1), (QStringList{u"READ 2 6162"_s, u"READ 2 6364"_s, u"READ 2 6566"_s}));
        client->close();
        QVERIFY(python.waitForFinished(kTimeoutMs));
    }

    void framingViewCutsDelimitedFrames()
    {
        TcpTab tab;
        TcpClient *client = connectToOwnServer(tab);
        QVERIFY(client);
        auto *framing = tab.receivedView()->framingView();
        framing->findChild<QComboBox *>(u"framingKind"_s)->setCurrentIndex(int(netcore::tcp::FramingKind::Delimiter));
        framing->findChild<QLineEdit *>(u"framingDelimiter"_s)->setText(u"##"_s);
        tab.sendBox()->setText(u"a##b##c"_s);
        QVERIFY(tab.sendBox()->send());
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(7), kTimeoutMs);
        tab.receivedView()->pages()->setCurrentWidget(framing);
        tab.receivedView()->renderNow();
        QCOMPARE(framing->frames(), (QList<QByteArray>{"a"_ba, "b"_ba}));
        QCOMPARE(framing->frameList()->topLevelItemCount(), 2);
        const QString incomplete = presentation::tcp::frameStatusText(netcore::common::FrameStatus::Incomplete, 0);
        QVERIFY2(framing->status().contains(incomplete), qPrintable(framing->status()));   // "c" waits for its ##
        QCOMPARE(tab.currentLog()->messages(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(tab.findChild<QLabel *>(u"counters"_s)->text().contains(u"2 message"_s), kTimeoutMs);

        tab.sendBox()->setText(u"##"_s);
        QVERIFY(tab.sendBox()->send());
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(9), kTimeoutMs);
        tab.receivedView()->renderNow();
        QCOMPARE(framing->frames(), (QList<QByteArray>{"a"_ba, "b"_ba, "c"_ba}));
        QCOMPARE(tab.currentLog()->messages(), 3);
    }

    void theViewKeepsTheNewestReadsAndCountsTheRest()
    {
        TcpTab tab;
        TcpClient *client = connectToOwnServer(tab);
        QVERIFY(client);
        client->setNoDelay(true);
        tab.findChild<QSpinBox *>(u"keepChunks"_s)->setValue(5);
        tab.sendBox()->setText(u"x"_s);
        tab.sendBox()->setRepeat(12, 40);   // 12 writes 40 ms apart: 12 echoed reads
        QVERIFY(tab.sendBox()->send());
        // Another client arriving at the server meanwhile changes the list, not where the run sends.
        QTcpSocket other;
        other.connectToHost(QHostAddress::LocalHost, tab.server()->serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(tab.server()->clientCount(), 2, kTimeoutMs);
        QVERIFY(tab.sendBox()->isSending());
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(12), kTimeoutMs);
        const widgets::tcp::ReceiveLog *log = tab.currentLog();
        QVERIFY2(log->totalChunks() > 5, "the reads were merged: nothing to drop");
        QCOMPARE(qsizetype(log->chunks().size()), qsizetype(5));
        QCOMPARE(log->droppedChunks(), log->totalChunks() - 5);
        QCOMPARE(log->chunks().back().number, quint64(log->totalChunks()));
        tab.receivedView()->renderNow();
        QCOMPARE(tab.receivedView()->textPane()->toPlainText().count(u"── read "_s), 5);
        const QString dropped = tab.receivedView()->droppedText();
        QVERIFY2(dropped.contains(QString::number(log->droppedChunks()) + u" older read"_s), qPrintable(dropped));
    }

    void receiveToFileWritesExactlyTheBytes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"received.bin"_s);
        TcpTab tab;
        TcpClient *client = connectToOwnServer(tab);
        QVERIFY(client);
        QVERIFY(tab.receiveToFile(path));
        tab.sendBox()->setFormat(widgets::tcp::PayloadFormat::Hex);
        tab.sendBox()->setText(u"00 ff 41 0d 0a e4 bd a0"_s);
        QVERIFY(tab.sendBox()->send());
        QTRY_COMPARE_WITH_TIMEOUT(client->bytesReceived(), qint64(8), kTimeoutMs);
        tab.stopReceiveToFile();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray::fromHex("00ff410d0ae4bda0"));
    }

    void anUnencodableCharacterIsAMessageAndNothingIsSent()
    {
        TcpTab tab;
        TcpClient *client = connectToOwnServer(tab);
        QVERIFY(client);
        tab.sendBox()->setEncoding(TextEncoding::Latin1);
        tab.sendBox()->setText(u"abc你d"_s);
        QVERIFY(!tab.sendBox()->send());
        const QString message = tab.sendBox()->message();
        QVERIFY2(message.contains(u"你"_s) && message.contains(u"U+4F60"_s) && message.contains(u"Character 4"_s),
                 qPrintable(message));
        QCOMPARE(client->bytesSent(), qint64(0));
        QCOMPARE(tab.findChild<QLabel *>(u"sendMessage"_s)->text(), message);
        // After an escape, positions still count characters of the text as typed.
        tab.sendBox()->setText(u"\\x41€"_s);
        QVERIFY(!tab.sendBox()->send());
        QVERIFY2(tab.sendBox()->message().contains(u"Character 5"_s), qPrintable(tab.sendBox()->message()));
        QCOMPARE(client->bytesSent(), qint64(0));
    }

    void halfCloseAndAbortFromTheButtons()
    {
        TcpTab tab;
        TcpClient *client = connectToOwnServer(tab);
        QVERIFY(client);
        auto *halfClose = tab.findChild<QPushButton *>(u"halfCloseButton"_s);
        QVERIFY(halfClose->isEnabled());
        halfClose->click();
        QCOMPARE(client->state(), TcpClient::State::HalfClosed);
        // The server (ours) closes after our FIN; the session ends closed by the peer, the row says so.
        const quint64 id = tab.server()->clients().constFirst().id;
        tab.server()->disconnectClient(id);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), TcpClient::State::Closed, kTimeoutMs);
        QVERIFY(tab.findChild<QPushButton *>(u"removeButton"_s)->isEnabled());
        QVERIFY(!tab.findChild<QPushButton *>(u"abortButton"_s)->isEnabled());
        tab.findChild<QPushButton *>(u"removeButton"_s)->click();
        QCOMPARE(tab.currentSession(), nullptr);

        // Abort: RST; the server's client row goes, the session row says closed.
        TcpClient *second = tab.openSession(u"127.0.0.1"_s, tab.server()->serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(second->state(), TcpClient::State::Connected, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(tab.server()->clientCount(), 1, kTimeoutMs);
        tab.selectSession(second);
        tab.findChild<QPushButton *>(u"abortButton"_s)->click();
        QCOMPARE(second->state(), TcpClient::State::Closed);
        QTRY_COMPARE_WITH_TIMEOUT(tab.server()->clientCount(), 0, kTimeoutMs);

        // Stopping the server from its button with a client connected asks first; Cancel keeps it running.
        TcpClient *third = tab.openSession(u"127.0.0.1"_s, tab.server()->serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(tab.server()->clientCount(), 1, kTimeoutMs);
        bool asked = false;
        QTimer::singleShot(0, &tab, [&asked] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == u"confirmStopDialog"_s) {
                    asked = true;
                    box->button(QMessageBox::Cancel)->click();
                }
        });
        tab.findChild<QPushButton *>(u"listenButton"_s)->click();
        QVERIFY(asked);
        QVERIFY(tab.server() && tab.server()->isListening());
        tab.stopServer();
        QCOMPARE(tab.hostedServer(), nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(third->state(), TcpClient::State::Closed, kTimeoutMs);
    }

    void theClassroomCardStartsTheTcpEchoServer()
    {
        TcpTab tab;
        tab.findChild<QSpinBox *>(u"listenPort"_s)->setValue(0);
        tab.setServerMode(netcore::tcp::ServerMode::Show);
        widgets::classroom::ClassroomTab panel;
        panel.setHosts({&tab});
        widgets::classroom::ServerCard *card = panel.card(widgets::common::ServerKind::Tcp);
        QVERIFY(card);
        QCOMPARE(card->kindName(), u"TCP echo server"_s);
        card->start();
        QVERIFY(card->isRunning());
        QCOMPARE(tab.server()->mode(), netcore::tcp::ServerMode::Echo);
        QCOMPARE(tab.server()->serverAddress(), QHostAddress(QHostAddress::Any));
        const QString port = QString::number(tab.server()->serverPort());
        QVERIFY2(card->commandsText().contains(u"nc "_s) && card->commandsText().contains(port)
                     && card->commandsText().contains(u"socket.create_connection"_s),
                 qPrintable(card->commandsText()));
        const QString instructions = panel.studentInstructions();
        QVERIFY2(instructions.contains(u"TCP echo server"_s) && instructions.contains(u"nc "_s)
                     && instructions.contains(u" "_s + port) && instructions.contains(u"socket.create_connection"_s),
                 qPrintable(instructions));

        QTcpSocket student;
        student.connectToHost(QHostAddress::LocalHost, tab.server()->serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(student.state(), QAbstractSocket::ConnectedState, kTimeoutMs);
        student.write("echo?\n");
        QTRY_COMPARE_WITH_TIMEOUT(student.bytesAvailable(), qint64(6), kTimeoutMs);
        QCOMPARE(student.readAll(), "echo?\n"_ba);
        QTRY_COMPARE_WITH_TIMEOUT(card->clientsView()->topLevelItemCount(), 1, kTimeoutMs);
        card->stop();
        QVERIFY(!card->isRunning());
        QCOMPARE(tab.hostedServer(), nullptr);
    }
};

QTEST_MAIN(TestTcpTab)
#include "tst_tcptab.moc"

// The TCP tab's send box and its plans: what a plan makes of a message (pure), and a file larger than one plan
// streamed through the tab to a real loopback receiver with Qt's buffer for the connection bounded. Port 0, QTRY_*
// for every wait. (The tab's connections, views and server: tst_tcptab.)
#include "widgets/tcp/sendbox.h"
#include "widgets/tcp/sendplan.h"
#include "widgets/tcp/tcptab.h"

#include "netcore/tcp/encoding.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using netcore::tcp::TcpClient;
using netcore::tcp::TextEncoding;
using widgets::tcp::TcpTab;

namespace {
constexpr int kTimeoutMs = 10'000;
}

class TestTcpSendBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"SocketeerTest"_s);
        QCoreApplication::setApplicationName(u"tst_tcpsendbox"_s);
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void plansArePure()
    {
        using namespace widgets::tcp;
        QCOMPARE(splitPieces("abcdefg"_ba, 3), (QList<QByteArray>{"ab"_ba, "cd"_ba, "efg"_ba}));
        QCOMPARE(splitPieces("ab"_ba, 5).size(), 2);   // never an empty piece
        PlanOptions options;
        options.repeat = 2;
        options.mode = PieceMode::Batch;
        options.pieces = 3;
        const QList<PlannedWrite> batch = buildPlan("m;"_ba, options);
        QCOMPARE(batch.size(), 2);
        QCOMPARE(batch.at(0).bytes, "m;m;m;"_ba);
        QCOMPARE(plannedBytes(2, options), qint64(12));
        ComposeOptions compose;
        compose.encoding = TextEncoding::Gbk;
        compose.ending = netcore::tcp::LineEnding::CrLf;
        QString error;
        QCOMPARE(composePayload(u"中\\x00"_s, compose, &error), std::optional<QByteArray>("\xd6\xd0\x00\r\n"_ba));
        QVERIFY(!composePayload(u"ok\\q"_s, compose, &error));
        QVERIFY2(error.contains(u"Character 3"_s), qPrintable(error));
    }

    // A file larger than one plan (64 MiB) is streamed, not loaded: it arrives whole and once (the repeat field does not
    // apply), and what Qt held for the connection never passed the streamer's high water plus one read. Stop stops.
    void aLargeFileIsStreamedWithBoundedMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.bin"_s);
        const qint64 size = widgets::tcp::SendBox::kMaxPlanBytes + 3 * 1024 * 1024 + 123;
        QCryptographicHash expected(QCryptographicHash::Sha256);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QRandomGenerator random(7);
            QByteArray block(1 << 20, Qt::Uninitialized);
            for (qint64 left = size; left > 0; left -= block.size()) {
                random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
                if (left < block.size())
                    block.truncate(left);
                QCOMPARE(file.write(block), qint64(block.size()));
                expected.addData(block);
            }
        }
        // The receiver: a real socket in this thread, hashing what comes.
        QTcpServer receiver;
        QVERIFY(receiver.listen(QHostAddress::LocalHost, 0));
        QCryptographicHash got(QCryptographicHash::Sha256);
        qint64 received = 0;
        connect(&receiver, &QTcpServer::newConnection, &receiver, [&] {
            QTcpSocket *socket = receiver.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                const QByteArray bytes = socket->readAll();
                received += bytes.size();
                got.addData(bytes);
            });
        });
        TcpTab tab;
        TcpClient *client = tab.openSession(u"127.0.0.1"_s, receiver.serverPort());
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), TcpClient::State::Connected, kTimeoutMs);
        tab.selectSession(client);
        widgets::tcp::SendBox *box = tab.sendBox();
        box->setRepeat(2, 0);

        QVERIFY(box->sendFile(path));
        QVERIFY(box->isSending());
        QTRY_COMPARE_WITH_TIMEOUT(received, size, 120'000);
        QCOMPARE(got.result(), expected.result());
        QVERIFY(!box->isSending());
        QCOMPARE(box->streamer()->bytesSent(), size);
        const qint64 bound = widgets::tcp::FileStreamer::kHighWater + widgets::tcp::FileStreamer::kChunk;
        QVERIFY2(box->streamer()->peakUnsent() <= bound, qPrintable(QString::number(box->streamer()->peakUnsent())));
        QVERIFY(box->message().contains(QString::number(size)));

        // Stopped at once: well short of the file, and the box can send again.
        QVERIFY(box->sendFile(path));
        box->stop();
        QVERIFY(!box->isSending());
        QVERIFY(box->streamer()->bytesSent() < size);
        QVERIFY(box->message().contains(QString::number(box->streamer()->bytesSent())));
    }
};

QTEST_MAIN(TestTcpSendBox)
#include "tst_tcpsendbox.moc"

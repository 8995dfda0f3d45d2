// Classic mode: the course's L/G/P/Q (2018/19) and LIST/RETR/STOR/EXIT (2020) protocols.
// ClassicClient against our classic server, and against a scripted course-style server that plays every
// reply variant in the course brief (status glued to data, Y/N, Chinese refusals, "##" glued or missing).
#include "netcore/common/transcript.h"
#include "netcore/files/classicclient.h"
#include "netcore/files/classicprotocol.h"
#include "netcore/files/fileserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace netcore::files;

Q_DECLARE_METATYPE(netcore::files::ClassicDialect)

namespace {

constexpr int kWaitMs = 20000;

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

// One step of a scripted course server: wait, then send bytes (or close).
struct Step {
    int delayMs = 0;
    QByteArray bytes;
    bool close = false;
};

// A course-style server on port 0: reads one request, checks it, plays the steps.
class ScriptedServer final : public QObject
{
public:
    QTcpServer server;
    QByteArray request;
    QList<QByteArray> reads;   // each read as it came, as the course's server would see them
    QList<Step> steps;
    QTcpSocket *peer = nullptr;

    quint16 start()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            peer = server.nextPendingConnection();
            connect(peer, &QTcpSocket::readyRead, this, [this] {
                reads << peer->peek(1 << 20);
                request += peer->readAll();
                if (!request.isEmpty() && !steps.isEmpty())
                    play(0);
            });
        });
        return server.serverPort();
    }

    void play(int index)
    {
        if (index == 0 && m_started)
            return;   // later reads do not restart the script
        m_started = true;
        if (index >= steps.size())
            return;
        const Step step = steps.at(index);
        QTimer::singleShot(step.delayMs, this, [this, step, index] {
            if (step.close) {
                peer->disconnectFromHost();
                return;
            }
            peer->write(step.bytes);
            play(index + 1);
        });
    }

private:
    bool m_started = false;
};

} // namespace

class TestFilesClassic : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_local;

    std::unique_ptr<ClassicClient> connectTo(quint16 port, ClassicDialect dialect)
    {
        auto client = std::make_unique<ClassicClient>(dialect);
        client->setReplyTimeout(std::chrono::milliseconds(3000));
        QSignalSpy connected(client.get(), &ClassicClient::connected);
        client->connectToServer(u"127.0.0.1"_s, port);
        if (!connected.wait(kWaitMs))
            return nullptr;
        return client;
    }

    // Waits for the end of the operation: returns the error (None on success).
    static Error settle(ClassicClient &client, QSignalSpy &done)
    {
        QSignalSpy failed(&client, &ClassicClient::errorOccurred);
        if (!QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, kWaitMs))
            return Error::Timeout;
        return done.isEmpty() ? client.error() : Error::None;
    }

    // The names a listed() signal carried (the classic protocols say names only: sizes are -1).
    static QStringList names(const QSignalSpy &listed)
    {
        QStringList result;
        for (const RemoteFileInfo &file : listed.constFirst().at(0).value<QList<RemoteFileInfo>>()) {
            if (file.size != -1)
                return {u"<a size>"_s};
            result << file.name;
        }
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"root"_s);
        m_local = m_dir->filePath(u"local"_s);
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(QDir().mkpath(m_local));
        QVERIFY(writeFile(m_dir->filePath(u"secret.txt"_s), "top secret"_ba));
    }

    void cleanup() { m_dir.reset(); }

    void statusParsing()
    {
        QCOMPARE(parseClassicStatus("OK"_ba).status, ClassicStatus::Ok);
        QCOMPARE(parseClassicStatus("OKa.txt#"_ba).rest, "a.txt#"_ba);
        QCOMPARE(parseClassicStatus("ok"_ba).status, ClassicStatus::Ok);
        QCOMPARE(parseClassicStatus("Yb#"_ba).rest, "b#"_ba);
        QCOMPARE(parseClassicStatus("O"_ba).status, ClassicStatus::Incomplete);
        QCOMPARE(parseClassicStatus("FA"_ba).status, ClassicStatus::Incomplete);
        QCOMPARE(parseClassicStatus("FAIL"_ba).status, ClassicStatus::Refused);
        QCOMPARE(parseClassicStatus("N"_ba).status, ClassicStatus::Empty);
        QCOMPARE(parseClassicStatus("文件库为空"_ba).status, ClassicStatus::Empty);
        QCOMPARE(parseClassicStatus("文件库"_ba).status, ClassicStatus::Incomplete);
        QCOMPARE(parseClassicStatus("文件不存在"_ba).status, ClassicStatus::Refused);
        QCOMPARE(parseClassicStatus("文件不存在"_ba).text, u"文件不存在"_s);
        QCOMPARE(parseClassicStatus("无法上传"_ba).status, ClassicStatus::Refused);
        QCOMPARE(parseClassicList(ClassicDialect::Course2018, "a.txt#b c.txt#"_ba), (QStringList{u"a.txt"_s, u"b c.txt"_s}));
        QCOMPARE(parseClassicList(ClassicDialect::Course2020, "a.txt\nb.txt"_ba), (QStringList{u"a.txt"_s, u"b.txt"_s}));
        QVERIFY(classicListComplete(ClassicDialect::Course2018, "a#"_ba));
        QVERIFY(!classicListComplete(ClassicDialect::Course2018, "a#b"_ba));
        QCOMPARE(classicRequest(ClassicDialect::Course2018, ClassicOperation::Get, u"a.txt"_s), "G a.txt"_ba);
        QCOMPARE(classicRequest(ClassicDialect::Course2020, ClassicOperation::Put, u"a.txt"_s), "STOR a.txt"_ba);
        QCOMPARE(classicRequest(ClassicDialect::Course2020, ClassicOperation::Quit), "EXIT"_ba);
    }

    void againstOurClassicServer_data()
    {
        QTest::addColumn<ClassicDialect>("dialect");
        QTest::newRow("2018") << ClassicDialect::Course2018;
        QTest::newRow("2020") << ClassicDialect::Course2020;
    }

    void againstOurClassicServer()
    {
        QFETCH(ClassicDialect, dialect);
        const QByteArray content = QByteArray("line ## with markers\n").repeated(5000) + "##";
        QVERIFY(writeFile(m_root + u"/a.txt"_s, content));
        QVERIFY(writeFile(m_root + u"/.hidden"_s, "x"_ba));
        QVERIFY(QFile::link(u"../secret.txt"_s, m_root + u"/link_out"_s));
        netcore::common::Transcript transcript;
        FileServer server;
        ServerOptions options;
        options.root = m_root;
        options.dialect = ServerDialect::Classic;
        server.setOptions(options);
        server.setTranscript(&transcript);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        auto client = connectTo(server.serverPort(), dialect);
        QVERIFY(client);

        QSignalSpy listed(client.get(), &ClassicClient::listed);
        client->list();
        QCOMPARE(settle(*client, listed), Error::None);
        QCOMPARE(names(listed), QStringList{u"a.txt"_s});

        QSignalSpy got(client.get(), &ClassicClient::transferFinished);
        client->download(u"a.txt"_s, m_local + u"/a.txt"_s);
        QCOMPARE(settle(*client, got), Error::None);
        QCOMPARE(readFile(m_local + u"/a.txt"_s), content);   // a file that itself ends in "##" survives
        QVERIFY(client->endWasMarked());

        for (const QString &trick : {u"../secret.txt"_s, u"link_out"_s, u".hidden"_s, u"missing"_s}) {
            QSignalSpy refused(client.get(), &ClassicClient::transferFinished);
            client->download(trick, m_local + u"/trick"_s);
            QCOMPARE(settle(*client, refused), Error::Refused);
            QCOMPARE(client->errorDetail().raw, dialect == ClassicDialect::Course2018 ? u"文件不存在"_s : u"FAIL"_s);
        }

        QVERIFY(writeFile(m_local + u"/up.bin"_s, content.left(70000)));
        QSignalSpy put(client.get(), &ClassicClient::transferFinished);
        client->upload(m_local + u"/up.bin"_s, u"up.bin"_s);
        QCOMPARE(settle(*client, put), Error::None);
        QTRY_COMPARE_WITH_TIMEOUT(readFile(m_root + u"/up.bin"_s), content.left(70000), kWaitMs);

        QSignalSpy again(client.get(), &ClassicClient::transferFinished);   // exists: refused, untouched
        client->upload(m_local + u"/a.txt"_s, u"up.bin"_s);
        QCOMPARE(settle(*client, again), Error::Refused);
        QCOMPARE(client->errorDetail().raw, dialect == ClassicDialect::Course2018 ? u"无法上传"_s : u"FAIL"_s);
        QSignalSpy escape(client.get(), &ClassicClient::transferFinished);
        client->upload(m_local + u"/a.txt"_s, u"../evil.txt"_s);
        QCOMPARE(settle(*client, escape), Error::Refused);
        QVERIFY(!QFile::exists(m_dir->filePath(u"evil.txt"_s)));
        QCOMPARE(readFile(m_root + u"/up.bin"_s), content.left(70000));
        QCOMPARE(readFile(m_dir->filePath(u"secret.txt"_s)), "top secret"_ba);

        // the server's wire record shows "OK" and the data as separate writes (the pause between them)
        QList<QByteArray> sent;
        for (const auto &entry : transcript.entries()) {
            if (entry.direction == netcore::common::Direction::Sent)
                sent << entry.bytes;
        }
        QVERIFY(sent.size() >= 2);
        QCOMPARE(sent.at(0), "OK"_ba);
        QCOMPARE(sent.at(1), dialect == ClassicDialect::Course2018 ? "a.txt#"_ba : "a.txt"_ba);
    }

    void emptyFolderLists_data() { againstOurClassicServer_data(); }

    void emptyFolderLists()
    {
        QFETCH(ClassicDialect, dialect);
        FileServer server;
        ServerOptions options;
        options.root = m_root;
        options.dialect = ServerDialect::Classic;
        server.setOptions(options);
        QVERIFY(server.start(QHostAddress::LocalHost, 0));
        auto client = connectTo(server.serverPort(), dialect);
        QVERIFY(client);
        QSignalSpy listed(client.get(), &ClassicClient::listed);
        client->list();
        QCOMPARE(settle(*client, listed), Error::None);
        QVERIFY(names(listed).isEmpty());
    }

    void courseServerVariants_data()
    {
        QTest::addColumn<ClassicDialect>("dialect");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QList<Step>>("steps");
        QTest::addColumn<int>("error");
        QTest::addColumn<QByteArray>("result");   // list joined by '|', or the file content
        const auto d18 = ClassicDialect::Course2018;
        const auto d20 = ClassicDialect::Course2020;
        const int ok = int(Error::None);
        const int refused = int(Error::Refused);
        QTest::newRow("L: OK, pause, names#") << d18 << "L"_ba
            << QList<Step>{{0, "OK"}, {100, "a.txt#b.txt#"}} << ok << "a.txt|b.txt"_ba;
        QTest::newRow("L: Y glued to names") << d18 << "L"_ba << QList<Step>{{0, "Ya.txt#"}} << ok << "a.txt"_ba;
        QTest::newRow("L: 文件库为空") << d18 << "L"_ba << QList<Step>{{0, "文件库为空"}} << ok << ""_ba;
        QTest::newRow("L: N") << d18 << "L"_ba << QList<Step>{{0, "N"}} << ok << ""_ba;
        QTest::newRow("L: names cut in two reads") << d18 << "L"_ba
            << QList<Step>{{0, "OKa.t"}, {50, "xt#b#"}} << ok << "a.txt|b"_ba;
        QTest::newRow("LIST: OK, pause, lines") << d20 << "LIST"_ba
            << QList<Step>{{0, "OK"}, {100, "a.txt\nb.txt"}} << ok << "a.txt|b.txt"_ba;
        QTest::newRow("G: OK, data, pause, ##") << d18 << "G a.txt"_ba
            << QList<Step>{{0, "OK"}, {100, "hello "}, {0, "world"}, {100, "##"}} << ok << "hello world"_ba;
        QTest::newRow("G: all glued") << d18 << "G a.txt"_ba << QList<Step>{{0, "OKhello##"}} << ok << "hello"_ba;
        QTest::newRow("G: ## inside the data") << d18 << "G a.txt"_ba
            << QList<Step>{{0, "OK"}, {50, "a##"}, {50, "b##"}, {100, "##"}} << ok << "a##b##"_ba;
        QTest::newRow("G: no ##, server closes") << d18 << "G a.txt"_ba
            << QList<Step>{{0, "OK"}, {50, "data"}, {50, {}, true}} << ok << "data"_ba;
        QTest::newRow("G: no ##, server goes quiet") << d18 << "G a.txt"_ba
            << QList<Step>{{0, "OK"}, {50, "data"}} << ok << "data"_ba;
        QTest::newRow("G: 文件不存在") << d18 << "G a.txt"_ba << QList<Step>{{0, "文件不存在"}} << refused << ""_ba;
        QTest::newRow("RETR: FAIL") << d20 << "RETR a.txt"_ba << QList<Step>{{0, "FAIL"}} << refused << ""_ba;
        QTest::newRow("RETR: OK, data, ##") << d20 << "RETR a.txt"_ba
            << QList<Step>{{0, "OK"}, {100, "x"}, {100, "##"}} << ok << "x"_ba;
        QTest::newRow("no answer") << d18 << "G a.txt"_ba << QList<Step>{{0, {}}} << int(Error::Timeout)
                                   << ""_ba;
    }

    void courseServerVariants()
    {
        QFETCH(ClassicDialect, dialect);
        QFETCH(QByteArray, request);
        QFETCH(QList<Step>, steps);
        QFETCH(int, error);
        QFETCH(QByteArray, result);
        ScriptedServer server;
        server.steps = steps;
        auto client = connectTo(server.start(), dialect);
        QVERIFY(client);
        QSignalSpy listed(client.get(), &ClassicClient::listed);
        QSignalSpy got(client.get(), &ClassicClient::transferFinished);
        const bool isList = request == "L" || request == "LIST";
        if (isList)
            client->list();
        else
            client->download(u"a.txt"_s, m_local + u"/a.txt"_s);
        QCOMPARE(int(settle(*client, isList ? listed : got)), error);
        QCOMPARE(server.request, request);
        if (error != int(Error::None))
            return;
        if (isList)
            QCOMPARE(names(listed).join(u'|').toUtf8(), result);
        else
            QCOMPARE(readFile(m_local + u"/a.txt"_s), result);
    }

    void courseStyleUpload()
    {
        ScriptedServer server;
        server.steps = {{0, "OK"}};
        auto client = connectTo(server.start(), ClassicDialect::Course2018);
        QVERIFY(client);
        QVERIFY(writeFile(m_local + u"/u.txt"_s, "payload"_ba));
        QSignalSpy done(client.get(), &ClassicClient::transferFinished);
        client->upload(m_local + u"/u.txt"_s, u"u.txt"_s);
        QCOMPARE(settle(*client, done), Error::None);
        QTRY_VERIFY_WITH_TIMEOUT(server.request.endsWith("##"), kWaitMs);
        QCOMPARE(server.request, "P u.txtpayload##"_ba);
        QCOMPARE(server.reads.constLast(), "##"_ba);   // "##" came alone, after a pause
    }
};

QTEST_GUILESS_MAIN(TestFilesClassic)
#include "tst_filesclassic.moc"

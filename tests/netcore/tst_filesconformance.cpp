// docs/protocols/files.md, "Conformance": every row of that table, as raw bytes to a running server and the
// exact answer back.
#include "tests/netcore/files_fixture.h"

#include "netcore/files/sha256.h"

using namespace files_test;
using netcore::files::PathJail;
using netcore::files::ServerDialect;
using netcore::files::Sha256;

class TestFilesConformance : public QObject
{
    Q_OBJECT

private:
    Fixture m_f;
    RawPeer *m_peer = nullptr;
    std::unique_ptr<RawPeer> m_owned;

    void connectRaw(ServerOptions options = {})
    {
        m_f.startServer(options);
        m_owned = std::make_unique<RawPeer>();
        m_peer = m_owned.get();
        QVERIFY(m_peer->open(m_f.server->serverPort()));
        if (options.dialect == ServerDialect::Native)
            QCOMPARE(m_peer->line(), "HELLO socketeer-files 1 rw"_ba);
    }

    QByteArray ask(const QByteArray &bytes)
    {
        m_peer->send(bytes);
        return m_peer->line();
    }

private Q_SLOTS:
    void init() { m_f.setUp(); }
    void cleanup()
    {
        m_owned.reset();
        m_f.tearDown();
    }

    void commandWordsAreCaseInsensitive()
    {
        connectRaw();
        QCOMPARE(ask("list\n"), "OK 2"_ba);
        m_peer->line();
        m_peer->line();
        QCOMPARE(ask("get 0 a.txt\n"), "OK 6"_ba);
        QCOMPARE(m_peer->line(), "alpha"_ba);
        QCOMPARE(m_peer->line(), "END " + Sha256::hexOf("alpha\n"_ba));
        QCOMPARE(ask("Quit\n"), "BYE"_ba);
    }

    void blankLinesAreIgnored()
    {
        connectRaw();
        QCOMPARE(ask("\n \r\n\t\nLIST\n"), "OK 2"_ba);   // no answer to the three blank lines
    }

    void unknownCommandAndMalformedLines()
    {
        connectRaw();
        QCOMPARE(ask("DELETE a.txt\n"), "ERR 400 unknown command; expected LIST, GET, PUT or QUIT"_ba);
        QCOMPARE(ask("LIST x\n"), "ERR 400 LIST takes no arguments"_ba);
        QCOMPARE(ask("END " + QByteArray(64, 'a') + '\n'), "ERR 400 END without an upload"_ba);
        QCOMPARE(ask("GET 0 " + QByteArray(5000, 'n') + '\n'), "ERR 431 control line longer than 4096 bytes"_ba);
        QVERIFY(m_peer->closedByServer());
    }

    // LIST order: by name in code point order (UTF-8 byte order): upper case before lower case, U+FF5E before
    // U+1F600 (UTF-16 order would put the emoji first).
    void listOrderIsCodePointOrder()
    {
        QFile::remove(m_f.root + u"/a.txt"_s);
        QFile::remove(m_f.root + u"/empty.txt"_s);
        const QStringList names{u"b"_s, u"B"_s, u"a"_s, u"\u00e9"_s, u"\uff5e"_s, QString::fromUcs4(U"\U0001F600"), u"Z"_s};
        for (const QString &name : names)
            QVERIFY(writeFile(m_f.root + u'/' + name, "1"_ba));
        connectRaw();
        QCOMPARE(ask("LIST\n"), "OK 7"_ba);
        QByteArrayList got;
        for (int i = 0; i < 7; ++i)
            got << m_peer->line().split(' ').last();
        const QByteArrayList expected{"B", "Z", "a", "b", "\xc3\xa9", "\xef\xbd\x9e", "\xf0\x9f\x98\x80"};
        QCOMPARE(got, expected);
    }

    void upperCaseDigestIsAccepted()
    {
        connectRaw();
        QCOMPARE(ask("PUT 5 up.txt\n"), "READY 0"_ba);
        m_peer->send("hello"_ba);
        QCOMPARE(ask("END " + Sha256::hexOf("hello"_ba).toUpper() + '\n'), "DONE " + Sha256::hexOf("hello"_ba));
        QCOMPARE(readFile(m_f.root + u"/up.txt"_s), "hello"_ba);
    }

    // A wrong digest: 422 and the partial is deleted; a malformed END: 400, the upload ends, the partial is kept.
    void digestMismatchAndMalformedEnd()
    {
        connectRaw();
        const QString partial = PathJail(m_f.root).partialPath(u"m.txt"_s, 5, u"127.0.0.1"_s);
        QCOMPARE(ask("PUT 5 m.txt\n"), "READY 0"_ba);
        m_peer->send("hello"_ba);
        QCOMPARE(ask("END " + QByteArray(64, '0') + '\n'),
                 "ERR 422 SHA-256 mismatch: received data hashes to " + Sha256::hexOf("hello"_ba));
        QVERIFY(!QFile::exists(partial));
        QCOMPARE(ask("PUT 5 m.txt\n"), "READY 0"_ba);
        m_peer->send("hello"_ba);
        QCOMPARE(ask("END xyz\n"), "ERR 400 expected END <sha256 as 64 hex digits>"_ba);
        QCOMPARE(QFileInfo(partial).size(), qint64(5));
        QCOMPARE(ask("PUT 5 m.txt\n"), "READY 5"_ba);
    }

    void linksAreReportedAsWhatTheyAre()
    {
        QVERIFY(QFile::link(u"nowhere"_s, m_f.root + u"/dangling"_s));
        QVERIFY(QFile::link(u".hidden"_s, m_f.root + u"/to_hidden"_s));
        connectRaw();
        QCOMPARE(ask("GET 0 dangling\n"), "ERR 404 symbolic link leads to a file that does not exist"_ba);
        QCOMPARE(ask("GET 0 to_hidden\n"), "ERR 403 symbolic link leads to a hidden file"_ba);
        QCOMPARE(ask("GET 0 link_out\n"), "ERR 403 symbolic link leads outside the shared folder"_ba);
    }

    // Uploaded names: NFC-normalised; invisible and direction-changing characters refused.
    void uploadedNamesAreNormalisedAndVisible()
    {
        connectRaw();
        QCOMPARE(ask("PUT 1 a\xe2\x80\x8b" "b\n"),
                 "ERR 403 file name contains an invisible or direction-changing character (U+200B at character 1)"_ba);
        QCOMPARE(ask("PUT 1 x\xe2\x80\xaetxt.exe\n"),
                 "ERR 403 file name contains an invisible or direction-changing character (U+202E at character 1)"_ba);
        QCOMPARE(ask("PUT 1 e\xcc\x81.txt\n"), "READY 0"_ba);   // e + U+0301 (NFD)
        m_peer->send("1"_ba);
        QCOMPARE(ask("END " + Sha256::hexOf("1"_ba) + '\n'), "DONE " + Sha256::hexOf("1"_ba));
        QVERIFY(QFile::exists(m_f.root + u"/\u00e9.txt"_s));   // stored as NFC
        QVERIFY(!QFile::exists(m_f.root + u"/e\u0301.txt"_s));
    }

    // Classic: command words are case-insensitive too.
    void classicCommandWordsIgnoreCase()
    {
        ServerOptions options;
        options.dialect = ServerDialect::Classic;
        connectRaw(options);
        m_peer->send("list"_ba);
        QVERIFY(QTest::qWaitFor([this] {
            m_peer->buffer += m_peer->socket.readAll();
            return m_peer->buffer.contains("a.txt\nempty.txt");
        }, kWaitMs));
        QVERIFY(m_peer->buffer.startsWith("OK"));
    }
};

QTEST_GUILESS_MAIN(TestFilesConformance)
#include "tst_filesconformance.moc"

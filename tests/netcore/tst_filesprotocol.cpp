// socketeer-files/1 framing and codec: pure functions, no sockets.
#include "netcore/files/protocol.h"
#include "netcore/files/sha256.h"
#include "netcore/files/transferrate.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace netcore::files;

class TestFilesProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takeLineFindsCompleteLines()
    {
        const LineFrame frame = takeLine("LIST\nGET 0 a"_ba);
        QCOMPARE(frame.status, netcore::common::FrameStatus::Ok);
        QCOMPARE(frame.line, "LIST"_ba);
        QCOMPARE(frame.frameSize, 5);
        QCOMPARE(takeLine("GET 0 a"_ba).status, netcore::common::FrameStatus::Incomplete);
        QCOMPARE(takeLine(""_ba).status, netcore::common::FrameStatus::Incomplete);
        const LineFrame crlf = takeLine("QUIT\r\n"_ba);
        QCOMPARE(crlf.line, "QUIT"_ba);
        QCOMPARE(crlf.frameSize, 6);
    }

    void takeLineEnforcesTheLimit()
    {
        QCOMPARE(takeLine(QByteArray(kMaxLineLength, 'a')).status, netcore::common::FrameStatus::Incomplete);
        QCOMPARE(takeLine(QByteArray(kMaxLineLength + 1, 'a')).status, netcore::common::FrameStatus::TooLarge);
        QCOMPARE(takeLine(QByteArray(kMaxLineLength + 5, 'a') + '\n').status, netcore::common::FrameStatus::TooLarge);
        QCOMPARE(takeLine(QByteArray(kMaxLineLength, 'a') + '\n').status, netcore::common::FrameStatus::Ok);
        QCOMPARE(takeLine("ab\ncd"_ba, 1).status, netcore::common::FrameStatus::TooLarge);
    }

    void requestsRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("command");
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("number");
        QTest::newRow("list") << "LIST\n"_ba << int(Command::List) << QString() << qint64(0);
        QTest::newRow("quit") << "QUIT\n"_ba << int(Command::Quit) << QString() << qint64(0);
        QTest::newRow("get") << "GET 0 a.txt\n"_ba << int(Command::Get) << u"a.txt"_s << qint64(0);
        QTest::newRow("get offset, spaces") << "GET 1048576 my big file.bin\n"_ba << int(Command::Get)
                                            << u"my big file.bin"_s << qint64(1048576);
        QTest::newRow("put chinese") << "PUT 12 \xe7\xac\x94\xe8\xae\xb0.txt\n"_ba << int(Command::Put) << u"笔记.txt"_s
                                     << qint64(12);
        QTest::newRow("put max") << "PUT 999999999999999999 x\n"_ba << int(Command::Put) << u"x"_s
                                 << qint64(999999999999999999);
    }

    void requestsRoundTrip()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, command);
        QFETCH(QString, name);
        QFETCH(qint64, number);
        const RequestParse parsed = parseRequest(takeLine(wire).line);
        QVERIFY2(parsed.request.has_value(), qPrintable(parsed.reason));
        QCOMPARE(int(parsed.request->command), command);
        QCOMPARE(parsed.request->name, name);
        QCOMPARE(parsed.request->command == Command::Put ? parsed.request->size : parsed.request->offset, number);
        QCOMPARE(formatRequest(*parsed.request), wire);
    }

    void endCarriesAHash()
    {
        const QByteArray sha = Sha256::hexOf("hello"_ba);
        const RequestParse parsed = parseRequest("END " + sha);
        QVERIFY(parsed.request);
        QCOMPARE(parsed.request->sha256, sha);
        QCOMPARE(formatRequest(*parsed.request), "END " + sha + '\n');
    }

    // docs/protocols/files.md, Conformance: command words are case-insensitive, END takes upper-case hex,
    // a blank line is ignored by the server.
    void commandWordsIgnoreCase()
    {
        QCOMPARE(int(parseRequest("list"_ba).request->command), int(Command::List));
        QCOMPARE(int(parseRequest("Quit"_ba).request->command), int(Command::Quit));
        const RequestParse get = parseRequest("get 3 Name.TXT"_ba);
        QVERIFY(get.request);
        QCOMPARE(get.request->name, u"Name.TXT"_s);   // the name keeps its case
        const QByteArray sha = Sha256::hexOf("x"_ba);
        const RequestParse end = parseRequest("end " + sha.toUpper());
        QVERIFY(end.request);
        QCOMPARE(end.request->sha256, sha);
        QVERIFY(isBlankLine(""_ba));
        QVERIFY(isBlankLine(" \t "_ba));
        QVERIFY(!isBlankLine(" LIST"_ba));
    }

    void malformedRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << ""_ba;
        QTest::newRow("list with args") << "LIST x"_ba;
        QTest::newRow("quit trailing space") << "QUIT "_ba;
        QTest::newRow("get no name") << "GET 0"_ba;
        QTest::newRow("get empty name") << "GET 0 "_ba;
        QTest::newRow("get negative") << "GET -1 a"_ba;
        QTest::newRow("get plus") << "GET +1 a"_ba;
        QTest::newRow("get hex") << "GET 0x10 a"_ba;
        QTest::newRow("get overflow") << "GET 9999999999999999999 a"_ba;
        QTest::newRow("put no size") << "PUT a.txt"_ba;
        QTest::newRow("put double space") << "PUT  5 a"_ba;
        QTest::newRow("bad utf8 name") << "GET 0 \xff\xfe"_ba;
        QTest::newRow("end short") << "END abc"_ba;
        QTest::newRow("end not hex") << "END " + QByteArray(64, 'g');
        QTest::newRow("unknown") << "DELETE a"_ba;
        QTest::newRow("classic G") << "G a.txt"_ba;
    }

    void malformedRequestsAreRefused()
    {
        QFETCH(QByteArray, line);
        const RequestParse parsed = parseRequest(line);
        QVERIFY(!parsed.request.has_value());
        QCOMPARE(parsed.error, ErrorCode::BadRequest);
        QVERIFY(!parsed.reason.isEmpty());
    }

    void repliesRoundTrip_data()
    {
        const QByteArray sha = Sha256::hexOf("abc"_ba);
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("hello rw") << "HELLO socketeer-files 1 rw\n"_ba;
        QTest::newRow("hello ro") << "HELLO socketeer-files 1 ro\n"_ba;
        QTest::newRow("ok") << "OK 42\n"_ba;
        QTest::newRow("ready") << "READY 1024\n"_ba;
        QTest::newRow("file") << "FILE 5 1700000000 a b c.txt\n"_ba;
        QTest::newRow("end") << "END " + sha + '\n';
        QTest::newRow("done") << "DONE " + sha + '\n';
        QTest::newRow("err") << "ERR 404 no such file\n"_ba;
        QTest::newRow("bye") << "BYE\n"_ba;
    }

    void repliesRoundTrip()
    {
        QFETCH(QByteArray, wire);
        const std::optional<Reply> reply = parseReply(takeLine(wire).line);
        QVERIFY(reply);
        QCOMPARE(formatReply(*reply), wire);
    }

    void replyFieldsAreDecoded()
    {
        const std::optional<Reply> file = parseReply("FILE 5 1700000000 a b.txt"_ba);
        QVERIFY(file);
        QCOMPARE(file->kind, ReplyKind::File);
        QCOMPARE(file->number, 5);
        QCOMPARE(file->mtime, 1700000000);
        QCOMPARE(file->text, u"a b.txt"_s);
        const std::optional<Reply> error = parseReply("ERR 409 file exists"_ba);
        QVERIFY(error);
        QCOMPARE(error->number, 409);
        QCOMPARE(error->text, u"file exists"_s);
        QVERIFY(isKnownErrorCode(int(error->number)));
        QVERIFY(!isKnownErrorCode(299));
        QCOMPARE(parseReply("HELLO socketeer-files 1 ro"_ba)->readOnly, true);
    }

    void malformedRepliesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << ""_ba;
        QTest::newRow("classic OK") << "OK"_ba;
        QTest::newRow("ok text") << "OK fine"_ba;
        QTest::newRow("hello other") << "HELLO ftp 1 rw"_ba;
        QTest::newRow("hello flag") << "HELLO socketeer-files 1 rx"_ba;
        QTest::newRow("file no name") << "FILE 5 17"_ba;
        QTest::newRow("file neg") << "FILE -5 17 a"_ba;
        QTest::newRow("end bad") << "END zz"_ba;
        QTest::newRow("err code") << "ERR 40 x"_ba;
        QTest::newRow("bye args") << "BYE now"_ba;
        QTest::newRow("sticky classic") << "OKa.txt#b.txt#"_ba;
    }

    void malformedRepliesAreRefused()
    {
        QFETCH(QByteArray, line);
        QVERIFY(!parseReply(line).has_value());
    }

    void errorReasonStaysOnOneLine()
    {
        QCOMPARE(errorLine(ErrorCode::IoError, u"a\nb\rc"_s), "ERR 500 a b c\n"_ba);
    }

    void sha256MatchesKnownVectors()
    {
        QCOMPARE(Sha256::hexOf(""_ba), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba);
        QCOMPARE(Sha256::hexOf("abc"_ba), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba);
        Sha256 incremental;
        incremental.addData("a"_ba);
        incremental.addData("bc"_ba);
        QCOMPARE(incremental.hexDigest(), Sha256::hexOf("abc"_ba));
        QVERIFY(isSha256Hex(Sha256::hexOf("abc"_ba)));
    }

    void transferRateSmoothsAndEstimates()
    {
        TransferRate rate;
        rate.start(0, 0);
        QVERIFY(!rate.secondsLeft(1000).has_value());
        rate.update(500, 100);   // too close: merged into the next sample
        QVERIFY(!rate.secondsLeft(1000).has_value());
        rate.update(1000, 1000); // 1000 B/s
        QCOMPARE(rate.bytesPerSecond(), 1000.0);
        QCOMPARE(rate.secondsLeft(11000), 10);
        QVERIFY(!rate.secondsLeft(-1).has_value());
        rate.update(4000, 2000); // 3000 B/s instant: the average moves towards it, not all the way
        QVERIFY(rate.bytesPerSecond() > 1000.0 && rate.bytesPerSecond() < 3000.0);
        QCOMPARE(rate.secondsLeft(4000), 0);
    }
};

QTEST_APPLESS_MAIN(TestFilesProtocol)
#include "tst_filesprotocol.moc"

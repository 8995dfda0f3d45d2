// The chat line codec and the classic datagram codec, without sockets.

#include "netcore/chat/classic.h"
#include "netcore/chat/protocol.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace netcore::chat;
using netcore::common::FrameStatus;

Q_DECLARE_METATYPE(netcore::chat::Message)
Q_DECLARE_METATYPE(netcore::chat::Origin)
Q_DECLARE_METATYPE(netcore::chat::DecodeStatus)

namespace {

Message make(Command command, const QString &name = {}, const QString &text = {}, const QString &code = {},
             const QString &target = {}, const QStringList &names = {})
{
    Message m;
    m.command = command;
    m.name = name;
    m.text = text;
    m.code = code;
    m.target = target;
    m.names = names;
    return m;
}

} // namespace

class TestChatProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownWordIsQuotedSafely()
    {
        // Garbage whose first word holds an ANSI escape and control bytes: the ERR that quotes it is itself a valid
        // server line (the encoder checks that in debug builds; the soak under ASan found it did not).
        const Decoded decoded = decode("\x1b[31mEVIL\x01\x07 x"_ba, Origin::Client);
        QCOMPARE(decoded.status, DecodeStatus::UnknownCommand);
        QVERIFY(!decoded.detail.contains(QChar(0x1b)));
        QVERIFY(decoded.detail.contains(u"U+001B"_s));
        Message err;
        err.command = Command::Err;
        err.code = u"unknown-command"_s;
        err.text = decoded.detail;
        const QByteArray line = encode(err, Origin::Server);
        QCOMPARE(decode(line.chopped(1), Origin::Server).status, DecodeStatus::Ok);
    }

    void leaveReasonsAreTheDocumentedWords();
    void decodesEveryCommand_data();
    void decodesEveryCommand();
    void encodeRoundTrips_data();
    void encodeRoundTrips();
    void rejectsMalformed_data();
    void rejectsMalformed();
    void nameRules_data();
    void nameRules();
    void namesCompareRegardlessOfCase();
    void malformedReasonsNameTheForm_data();
    void malformedReasonsNameTheForm();
    void safeLinesNeutraliseControls_data();
    void safeLinesNeutraliseControls();
    void lineBufferSplitsAndCaps();
    void lineBufferSkipsOverlongLineAcrossChunks();
    void lineBufferAcceptsExactlyTheCap();
    void classicRequests_data();
    void classicRequests();
    void classicRejects();
    void classicLoginReplies_data();
    void classicLoginReplies();
    void classicNotices_data();
    void classicNotices();
    void classicServerTextsParseBack();
};

void TestChatProtocol::decodesEveryCommand_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<Origin>("origin");
    QTest::addColumn<Message>("expected");
    const auto C = Origin::Client;
    const auto S = Origin::Server;
    QTest::newRow("NICK") << "NICK alice"_ba << C << make(Command::Nick, u"alice"_s);
    QTest::newRow("nick lower case, CRLF") << "nick alice\r"_ba << C << make(Command::Nick, u"alice"_s);
    QTest::newRow("NICK chinese") << "NICK 小明"_ba << C << make(Command::Nick, u"小明"_s);
    QTest::newRow("MSG client") << "MSG hello  world"_ba << C << make(Command::Msg, {}, u"hello  world"_s);
    QTest::newRow("MSG keeps tabs") << "MSG a\tb"_ba << C << make(Command::Msg, {}, u"a\tb"_s);
    QTest::newRow("MSG chinese") << "MSG 大家好"_ba << C << make(Command::Msg, {}, u"大家好"_s);
    QTest::newRow("TO") << "TO bob hi there"_ba << C << make(Command::To, u"bob"_s, u"hi there"_s);
    QTest::newRow("WHO") << "WHO"_ba << C << make(Command::Who);
    QTest::newRow("PING client") << "PING 42"_ba << C << make(Command::Ping, {}, u"42"_s);
    QTest::newRow("PING bare") << "PING"_ba << C << make(Command::Ping);
    QTest::newRow("PONG client") << "PONG 7"_ba << C << make(Command::Pong, {}, u"7"_s);
    QTest::newRow("QUIT") << "QUIT"_ba << C << make(Command::Quit);
    QTest::newRow("QUIT reason") << "QUIT bye all"_ba << C << make(Command::Quit, {}, u"bye all"_s);
    QTest::newRow("OK") << "OK alice"_ba << S << make(Command::Ok, u"alice"_s);
    QTest::newRow("ERR") << "ERR name-taken someone has it"_ba << S
                         << make(Command::Err, {}, u"someone has it"_s, u"name-taken"_s);
    QTest::newRow("ERR code only") << "ERR server-full"_ba << S << make(Command::Err, {}, {}, u"server-full"_s);
    QTest::newRow("MSG server") << "MSG alice hi"_ba << S << make(Command::Msg, u"alice"_s, u"hi"_s);
    QTest::newRow("PRIV") << "PRIV alice bob psst"_ba << S << make(Command::Priv, u"alice"_s, u"psst"_s, {}, u"bob"_s);
    QTest::newRow("USERS") << "USERS alice 小明 Bob"_ba << S
                           << make(Command::Users, {}, {}, {}, {}, {u"alice"_s, u"小明"_s, u"Bob"_s});
    QTest::newRow("USERS empty") << "USERS"_ba << S << make(Command::Users);
    QTest::newRow("JOIN") << "JOIN 小红"_ba << S << make(Command::Join, u"小红"_s);
    QTest::newRow("LEAVE") << "LEAVE bob too-slow"_ba << S << make(Command::Leave, u"bob"_s, {}, u"too-slow"_s);
    QTest::newRow("SYS") << "SYS server restarts at noon"_ba << S << make(Command::Sys, {}, u"server restarts at noon"_s);
    QTest::newRow("PING server") << "PING 123"_ba << S << make(Command::Ping, {}, u"123"_s);
    QTest::newRow("PONG server") << "PONG"_ba << S << make(Command::Pong);
}

void TestChatProtocol::decodesEveryCommand()
{
    QFETCH(QByteArray, line);
    QFETCH(Origin, origin);
    QFETCH(Message, expected);
    const Decoded decoded = decode(line, origin);
    QCOMPARE(decoded.status, DecodeStatus::Ok);
    QCOMPARE(decoded.message.command, expected.command);
    QCOMPARE(decoded.message.name, expected.name);
    QCOMPARE(decoded.message.target, expected.target);
    QCOMPARE(decoded.message.code, expected.code);
    QCOMPARE(decoded.message.text, expected.text);
    QCOMPARE(decoded.message.names, expected.names);
}

void TestChatProtocol::encodeRoundTrips_data()
{
    decodesEveryCommand_data();
}

void TestChatProtocol::encodeRoundTrips()
{
    QFETCH(QByteArray, line);
    QFETCH(Origin, origin);
    QFETCH(Message, expected);
    const QByteArray encoded = encode(expected, origin);
    QVERIFY(encoded.endsWith('\n'));
    QVERIFY(!encoded.chopped(1).contains('\n'));
    const Decoded back = decode(encoded.chopped(1), origin);
    QCOMPARE(back.status, DecodeStatus::Ok);
    QCOMPARE(back.message, expected);
    // The canonical spelling: upper-case command word, single spaces, no CR.
    if (!line.endsWith('\r') && !line.startsWith("nick"))
        QCOMPARE(encoded, line + '\n');
}

void TestChatProtocol::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<Origin>("origin");
    QTest::addColumn<DecodeStatus>("status");
    const auto C = Origin::Client;
    const auto S = Origin::Server;
    QTest::newRow("empty") << ""_ba << C << DecodeStatus::Empty;
    QTest::newRow("blank") << "   \r"_ba << C << DecodeStatus::Empty;
    QTest::newRow("unknown") << "HELLO there"_ba << C << DecodeStatus::UnknownCommand;
    QTest::newRow("server word from client") << "JOIN bob"_ba << C << DecodeStatus::UnknownCommand;
    QTest::newRow("client word from server") << "NICK bob"_ba << S << DecodeStatus::UnknownCommand;
    QTest::newRow("NICK no name") << "NICK"_ba << C << DecodeStatus::InvalidName;
    QTest::newRow("NICK empty name") << "NICK "_ba << C << DecodeStatus::InvalidName;
    QTest::newRow("NICK with space") << "NICK a b"_ba << C << DecodeStatus::InvalidName;
    QTest::newRow("NICK too long") << QByteArray("NICK " + QByteArray(33, 'x')) << C << DecodeStatus::InvalidName;
    QTest::newRow("NICK admin") << "NICK 我是管理员"_ba << C << DecodeStatus::InvalidName;
    QTest::newRow("MSG no text") << "MSG"_ba << C << DecodeStatus::Malformed;
    QTest::newRow("MSG empty text") << "MSG "_ba << C << DecodeStatus::Malformed;
    QTest::newRow("MSG control char") << "MSG a\x01z"_ba << C << DecodeStatus::Malformed;
    QTest::newRow("MSG embedded CR") << "MSG a\rb"_ba << C << DecodeStatus::Malformed;
    QTest::newRow("MSG NUL") << QByteArray("MSG a\0b", 7) << C << DecodeStatus::Malformed;
    QTest::newRow("TO no text") << "TO bob"_ba << C << DecodeStatus::Malformed;
    QTest::newRow("TO no name") << "TO"_ba << C << DecodeStatus::InvalidName;
    QTest::newRow("WHO args") << "WHO everyone"_ba << C << DecodeStatus::Malformed;
    QTest::newRow("invalid utf8") << "MSG \xff\xfe"_ba << C << DecodeStatus::InvalidUtf8;
    QTest::newRow("truncated utf8") << "MSG \xe4\xbd"_ba << C << DecodeStatus::InvalidUtf8;
    QTest::newRow("overlong utf8 slash") << "MSG \xc0\xaf"_ba << C << DecodeStatus::InvalidUtf8;
    QTest::newRow("utf8 surrogate") << "MSG \xed\xa0\x80"_ba << C << DecodeStatus::InvalidUtf8;
    QTest::newRow("overlong line") << QByteArray("MSG " + QByteArray(kMaxLineBytes, 'a')) << C << DecodeStatus::TooLong;
    QTest::newRow("LEAVE no reason") << "LEAVE bob"_ba << S << DecodeStatus::Malformed;
    QTest::newRow("LEAVE two words") << "LEAVE bob went away"_ba << S << DecodeStatus::Malformed;
    QTest::newRow("ERR bare") << "ERR"_ba << S << DecodeStatus::Malformed;
    QTest::newRow("PRIV missing text") << "PRIV a b"_ba << S << DecodeStatus::Malformed;
    QTest::newRow("USERS bad name") << "USERS a 管理员"_ba << S << DecodeStatus::InvalidName;
    QTest::newRow("SYS empty") << "SYS"_ba << S << DecodeStatus::Malformed;
}

void TestChatProtocol::rejectsMalformed()
{
    QFETCH(QByteArray, line);
    QFETCH(Origin, origin);
    QFETCH(DecodeStatus, status);
    const Decoded decoded = decode(line, origin);
    QCOMPARE(decoded.status, status);
    if (status != DecodeStatus::Empty) {
        QVERIFY(!decoded.detail.isEmpty());
        QVERIFY(qstrlen(errorCode(status)) > 0);
    }
}

void TestChatProtocol::nameRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("problem");
    QTest::newRow("ascii") << u"alice"_s << int(NameProblem::None);
    QTest::newRow("chinese") << u"小明"_s << int(NameProblem::None);
    QTest::newRow("punctuation") << u"a.b-c_d:e"_s << int(NameProblem::None);
    QTest::newRow("32 chinese") << QString(32, QChar(0x4e2d)) << int(NameProblem::None);
    QTest::newRow("33 chars") << QString(33, u'a') << int(NameProblem::TooLong);
    QTest::newRow("emoji counts once") << QString(16, u'x') + u"😀"_s.repeated(16) << int(NameProblem::None);
    QTest::newRow("empty") << QString() << int(NameProblem::Empty);
    QTest::newRow("space") << u"a b"_s << int(NameProblem::Whitespace);
    QTest::newRow("ideographic space") << u"a\u3000b"_s << int(NameProblem::Whitespace);
    QTest::newRow("tab") << u"a\tb"_s << int(NameProblem::Control);
    QTest::newRow("control") << u"a\u0007"_s << int(NameProblem::Control);
    QTest::newRow("zero width") << u"a\u200bb"_s << int(NameProblem::Invisible);
    QTest::newRow("bom") << u"\ufeffbob"_s << int(NameProblem::Invisible);
    QTest::newRow("right-to-left override") << u"evil\u202etxt"_s << int(NameProblem::Bidi);
    QTest::newRow("private use") << u"a\ue000"_s << int(NameProblem::Unassigned);
    QTest::newRow("escape") << u"a\u001b[31m"_s << int(NameProblem::Control);
    QTest::newRow("nfd is fine") << u"Jose\u0301"_s << int(NameProblem::None);
    QTest::newRow("admin") << u"管理员"_s << int(NameProblem::Reserved);
    QTest::newRow("admin inside") << u"超级管理员2"_s << int(NameProblem::Reserved);
}

void TestChatProtocol::nameRules()
{
    QFETCH(QString, name);
    QFETCH(int, problem);
    QCOMPARE(int(checkName(name)), problem);
}

void TestChatProtocol::namesCompareRegardlessOfCase()
{
    QCOMPARE(nameKey(u"Bob"_s), nameKey(u"bOB"_s));
    QCOMPARE(nameKey(u"STRASSE"_s), nameKey(u"straße"_s).toUpper().toCaseFolded());
    QCOMPARE(nameKey(u"ΣΊΣΥΦΟΣ"_s), nameKey(u"σίσυφος"_s));
    QVERIFY(nameKey(u"小明"_s) != nameKey(u"小红"_s));
    QCOMPARE(nameKey(u"Jos\u00e9"_s), nameKey(u"JOSE\u0301"_s));   // NFC and NFD twins are one name
    // A name decodes in NFC, whatever form it came in.
    const Decoded nick = decode("NICK Jose\xcc\x81", Origin::Client);
    QCOMPARE(nick.status, DecodeStatus::Ok);
    QCOMPARE(nick.message.name, u"Jos\u00e9"_s);
    const Decoded invisible = decode("NICK bo\xe2\x80\x8b" "b", Origin::Client);
    QCOMPARE(invisible.status, DecodeStatus::InvalidName);
    QCOMPARE(invisible.detail, u"names cannot contain invisible characters (U+200B at character 3)"_s);
}

void TestChatProtocol::malformedReasonsNameTheForm_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("detail");
    QTest::newRow("MSG empty") << "MSG "_ba << u"MSG <text>: the text is missing"_s;
    QTest::newRow("MSG bare") << "MSG"_ba << u"MSG <text>: the text is missing"_s;
    QTest::newRow("MSG spaces") << "MSG   "_ba << u"MSG <text>: the text is only spaces"_s;
    QTest::newRow("TO no text") << "TO bob"_ba << u"TO <name> <text>: the text is missing"_s;
    QTest::newRow("WHO args") << "WHO all"_ba << u"WHO: this command takes no arguments"_s;
    QTest::newRow("control") << "MSG a\x1b[31mred"_ba << u"control character U+001B is not allowed (only TAB is)"_s;
}

void TestChatProtocol::malformedReasonsNameTheForm()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, detail);
    const Decoded decoded = decode(line, Origin::Client);
    QCOMPARE(decoded.status, DecodeStatus::Malformed);
    QCOMPARE(decoded.detail, detail);
}

void TestChatProtocol::safeLinesNeutraliseControls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("plain") << u"hi there"_s << QStringList{u"hi there"_s};
    QTest::newRow("lf") << u"a\nb"_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("crlf leaves no space") << u"a\r\nb"_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("lone cr") << u"a\rb"_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("forged operator line") << u"hi\n管理员 : 下课了"_s << QStringList{u"hi"_s, u"管理员 : 下课了"_s};
    QTest::newRow("blank lines dropped") << u"\n\n a\n  \n"_s << QStringList{u" a"_s};
    QTest::newRow("ansi colour") << u"\u001b[31mred\u001b[0m"_s << QStringList{u"red"_s};
    QTest::newRow("cursor up and erase") << u"x\u001b[1A\u001b[2Ky"_s << QStringList{u"xy"_s};
    QTest::newRow("osc title") << u"a\u001b]0;pwned\u0007b"_s << QStringList{u"ab"_s};
    QTest::newRow("c1 csi") << u"a\u009b31mb"_s << QStringList{u"ab"_s};
    QTest::newRow("bell and nul") << u"a\u0007\u0000b"_s << QStringList{u"ab"_s};
    QTest::newRow("tab kept") << u"a\tb"_s << QStringList{u"a\tb"_s};
    QTest::newRow("line separator") << u"a\u2028b"_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("only controls") << u"\u001b[2J"_s << QStringList{};
}

void TestChatProtocol::safeLinesNeutraliseControls()
{
    QFETCH(QString, text);
    QFETCH(QStringList, lines);
    QCOMPARE(safeLines(text), lines);
}

void TestChatProtocol::lineBufferSplitsAndCaps()
{
    LineBuffer buffer(16);
    buffer.append("MSG a\r\nMS");
    LineBuffer::Result r = buffer.next();
    QCOMPARE(r.status, FrameStatus::Ok);
    QCOMPARE(r.line, "MSG a"_ba);
    QCOMPARE(buffer.next().status, FrameStatus::Incomplete);
    buffer.append("G b\n\n");
    r = buffer.next();
    QCOMPARE(r.line, "MSG b"_ba);
    r = buffer.next();
    QCOMPARE(r.status, FrameStatus::Ok);
    QCOMPARE(r.line, QByteArray());
    buffer.append(QByteArray(QByteArray(17, 'x') + "\nMSG c\n"));
    QCOMPARE(buffer.next().status, FrameStatus::TooLarge);
    r = buffer.next();
    QCOMPARE(r.status, FrameStatus::Ok);
    QCOMPARE(r.line, "MSG c"_ba);
    QCOMPARE(buffer.next().status, FrameStatus::Incomplete);
    QCOMPARE(buffer.buffered(), 0);
}

void TestChatProtocol::lineBufferSkipsOverlongLineAcrossChunks()
{
    LineBuffer buffer(100);
    int tooLong = 0;
    QList<QByteArray> lines;
    const auto drain = [&] {
        for (;;) {
            const LineBuffer::Result r = buffer.next();
            if (r.status == FrameStatus::Incomplete)
                return;
            if (r.status == FrameStatus::TooLarge)
                ++tooLong;
            else
                lines.append(r.line);
        }
    };
    for (int i = 0; i < 1000; ++i) {   // 64 KB of one line, arriving in pieces: memory stays bounded
        buffer.append(QByteArray(64, 'z'));
        drain();
        QVERIFY(buffer.buffered() <= 102);
    }
    buffer.append("zzz\nafter\n");
    drain();
    QCOMPARE(tooLong, 1);
    QCOMPARE(lines, QList<QByteArray>{"after"_ba});
}

void TestChatProtocol::lineBufferAcceptsExactlyTheCap()
{
    LineBuffer buffer(10);
    buffer.append(QByteArray(10, 'a'));
    QCOMPARE(buffer.next().status, FrameStatus::Incomplete);
    buffer.append("\r");
    QCOMPARE(buffer.next().status, FrameStatus::Incomplete);
    buffer.append("\n");
    const LineBuffer::Result r = buffer.next();
    QCOMPARE(r.status, FrameStatus::Ok);
    QCOMPARE(r.line, QByteArray(10, 'a'));
    buffer.append(QByteArray(QByteArray(11, 'b') + '\n'));
    QCOMPARE(buffer.next().status, FrameStatus::TooLarge);
}

void TestChatProtocol::classicRequests_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::newRow("login") << "L 小明"_ba << int(classic::RequestKind::Login) << u"小明"_s << QString();
    QTest::newRow("chat") << "C 小明 大家好 我来了"_ba << int(classic::RequestKind::Chat) << u"小明"_s << u"大家好 我来了"_s;
    QTest::newRow("chat keeps newlines") << "C bob a\nb"_ba << int(classic::RequestKind::Chat) << u"bob"_s << u"a\nb"_s;
    QTest::newRow("quit 2019") << "Q bob"_ba << int(classic::RequestKind::Quit) << u"bob"_s << QString();
    QTest::newRow("quit 2020") << "E bob"_ba << int(classic::RequestKind::Quit) << u"bob"_s << QString();
    QTest::newRow("quit bare") << "Q"_ba << int(classic::RequestKind::Quit) << QString() << QString();
    QTest::newRow("trailing newline") << "L bob\n"_ba << int(classic::RequestKind::Login) << u"bob"_s << QString();
    QTest::newRow("lower-case login") << "l bob"_ba << int(classic::RequestKind::Login) << u"bob"_s << QString();
    QTest::newRow("lower-case chat") << "c bob hi"_ba << int(classic::RequestKind::Chat) << u"bob"_s << u"hi"_s;
    QTest::newRow("lower-case quit") << "q bob"_ba << int(classic::RequestKind::Quit) << u"bob"_s << QString();
    QTest::newRow("lower-case quit 2020") << "e bob"_ba << int(classic::RequestKind::Quit) << u"bob"_s << QString();
}

void TestChatProtocol::classicRequests()
{
    QFETCH(QByteArray, datagram);
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, text);
    classic::ParseError error = classic::ParseError::TooLong;
    const std::optional<classic::Request> request = classic::parseRequest(datagram, &error);
    QVERIFY(request);
    QCOMPARE(error, classic::ParseError::None);
    QCOMPARE(int(request->kind), kind);
    QCOMPARE(request->name, name);
    QCOMPARE(request->text, text);
}

void TestChatProtocol::classicRejects()
{
    const QList<std::pair<QByteArray, classic::ParseError>> cases{
        {""_ba, classic::ParseError::Empty},
        {"X bob"_ba, classic::ParseError::UnknownKind},
        {"Lbob"_ba, classic::ParseError::UnknownKind},
        {"L"_ba, classic::ParseError::MissingName},
        {"C"_ba, classic::ParseError::MissingName},
        {"L \xff"_ba, classic::ParseError::InvalidUtf8},
        {QByteArray(classic::kMaxDatagramBytes + 1, 'C'), classic::ParseError::TooLong},
    };
    for (const auto &[datagram, expected] : cases) {
        classic::ParseError error = classic::ParseError::None;
        QVERIFY2(!classic::parseRequest(datagram, &error), datagram.left(20).constData());
        QCOMPARE(error, expected);
    }
    QCOMPARE(classic::loginRequest(u"小明"_s), "L 小明"_ba);
    QCOMPARE(classic::chatRequest(u"bob"_s, u"hi you"_s), "C bob hi you"_ba);
    QCOMPARE(classic::quitRequest(u"bob"_s, classic::QuitWord::Q), "Q bob"_ba);
    QCOMPARE(classic::quitRequest(u"bob"_s, classic::QuitWord::E), "E bob"_ba);
}

void TestChatProtocol::classicLoginReplies_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<int>("answer");
    QTest::newRow("OK") << u"OK"_s << int(classic::LoginAnswer::Accepted);
    QTest::newRow("ok") << u"ok"_s << int(classic::LoginAnswer::Accepted);
    QTest::newRow("Ok") << u"Ok"_s << int(classic::LoginAnswer::Accepted);
    QTest::newRow("OK newline") << u"OK\n"_s << int(classic::LoginAnswer::Accepted);
    QTest::newRow("FAIL") << u"FAIL"_s << int(classic::LoginAnswer::NameTaken);
    QTest::newRow("该用户已存在") << u"该用户已存在"_s << int(classic::LoginAnswer::NameTaken);
    QTest::newRow("用户名存在") << u"用户名存在"_s << int(classic::LoginAnswer::NameTaken);
    QTest::newRow("free text") << u"不能用管理员"_s << int(classic::LoginAnswer::Refused);
    QTest::newRow("OKAY is not OK") << u"OKAY"_s << int(classic::LoginAnswer::Refused);
}

void TestChatProtocol::classicLoginReplies()
{
    QFETCH(QString, reply);
    QFETCH(int, answer);
    QCOMPARE(int(classic::classifyLoginReply(reply)), answer);
}

void TestChatProtocol::classicNotices_data()
{
    using K = classic::Notice::Kind;
    QTest::addColumn<QString>("datagram");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::newRow("welcome") << u"\n欢迎 小明 进入聊天室"_s << int(K::Join) << u"小明"_s << QString();
    QTest::newRow("welcome tight") << u"欢迎小明进入聊天室"_s << int(K::Join) << u"小明"_s << QString();
    QTest::newRow("welcome 了") << u"欢迎 bob 进入了聊天室"_s << int(K::Join) << u"bob"_s << QString();
    QTest::newRow("quit") << u"\n小明 退出了聊天室"_s << int(K::Leave) << u"小明"_s << QString();
    QTest::newRow("left") << u"\nbob 离开了聊天室"_s << int(K::Leave) << u"bob"_s << QString();
    QTest::newRow("chat spaced") << u"\nbob : hello: world"_s << int(K::Chat) << u"bob"_s << u"hello: world"_s;
    QTest::newRow("chat 说") << u"bob 说: 你好"_s << int(K::Chat) << u"bob"_s << u"你好"_s;
    QTest::newRow("chat fullwidth") << u"bob说：你好"_s << int(K::Chat) << u"bob"_s << u"你好"_s;
    QTest::newRow("chat multi-line") << u"\nbob : a\nb"_s << int(K::Chat) << u"bob"_s << u"a\nb"_s;
    QTest::newRow("colon in name") << u"\na:b : hi"_s << int(K::Chat) << u"a:b"_s << u"hi"_s;
    QTest::newRow("operator") << u"\n管理员 : 下课了"_s << int(K::Operator) << u"管理员"_s << u"下课了"_s;
    QTest::newRow("private") << u"\nbob 私聊: psst"_s << int(K::Private) << u"bob"_s << u"psst"_s;
    QTest::newRow("EXIT") << u"EXIT"_s << int(K::Exit) << QString() << QString();
    QTest::newRow("other") << u"something else entirely"_s << int(K::Text) << QString() << u"something else entirely"_s;
}

void TestChatProtocol::classicNotices()
{
    QFETCH(QString, datagram);
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, text);
    const classic::Notice notice = classic::parseNotice(datagram);
    QCOMPARE(int(notice.kind), kind);
    QCOMPARE(notice.name, name);
    QCOMPARE(notice.text, text);
}

void TestChatProtocol::classicServerTextsParseBack()
{
    using K = classic::Notice::Kind;
    const auto parse = [](const QByteArray &bytes) { return classic::parseNotice(QString::fromUtf8(bytes)); };
    QCOMPARE(parse(classic::welcomeNotice(u"小明"_s)).kind, K::Join);
    QCOMPARE(parse(classic::leaveNotice(u"小明"_s)).name, u"小明"_s);
    const classic::Notice chat = parse(classic::chatNotice(u"bob"_s, u"1 : 2"_s));
    QCOMPARE(chat.kind, K::Chat);
    QCOMPARE(chat.text, u"1 : 2"_s);
    QCOMPARE(parse(classic::privateNotice(u"bob"_s, u"x"_s)).kind, K::Private);
    QCOMPARE(parse(classic::chatNotice(operatorName(), u"x"_s)).kind, K::Operator);
    QCOMPARE(classic::welcomeNotice(u"bob"_s), "\n欢迎 bob 进入聊天室"_ba);
    QCOMPARE(classic::chatNotice(u"bob"_s, u"hi"_s), "\nbob : hi"_ba);
    QCOMPARE(classic::leaveNotice(u"bob"_s), "\nbob 退出了聊天室"_ba);
}

void TestChatProtocol::leaveReasonsAreTheDocumentedWords()
{
    const QStringList words{u"quit"_s, u"lost"_s, u"timeout"_s, u"too-slow"_s, u"shutdown"_s};
    QCOMPARE(int(LeaveReason::Count), int(words.size()));
    for (int i = 0; i < int(LeaveReason::Count); ++i) {
        QCOMPARE(QString::fromLatin1(leaveReasonToken(LeaveReason(i))), words.at(i));
        QCOMPARE(leaveReasonFromToken(words.at(i)), std::optional<LeaveReason>(LeaveReason(i)));
    }
    QCOMPARE(leaveReasonFromToken(u"kicked"), std::nullopt);
}

QTEST_APPLESS_MAIN(TestChatProtocol)
#include "tst_chatprotocol.moc"

// Pure HTTP decoders: llhttp framing (lengths for HEAD/1xx/204/304/CONNECT, chunked, Content-Length,
// close-delimited, caps), content coding (gzip/deflate), the raw-request checker and the request builder.
#include "netcore/http/contentcoding.h"
#include "netcore/http/messageparser.h"
#include "netcore/http/requestbuilder.h"
#include "netcore/http/requestchecker.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace netcore::http;

class TestHttpParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentLengthResponse();
    void chunkedResponseByteByByte();
    void closeDelimitedResponse();
    void truncatedResponse();
    void noBodyRules_data();
    void noBodyRules();
    void connectTunnel();
    void pipelinedRequests();
    void feedOneStopsAfterFirst();
    void headersDoneBeforeBody();
    void bareLineFeedRequestKeepsRest();
    void malformedNamesOffset();
    void headersTooLarge();
    void bodyTooLarge();
    void gzipRoundTrip();
    void deflateBothForms();
    void corruptAndBomb();
    void checkerCleanRequest();
    void checkerBareLf();
    void checkerLengthMismatchAndFix();
    void checkerMissingHost();
    void checkerRequestLine();
    void checkerReceivedHead();
    void fixLineEndingsMakesValid();
    void builderAndCurl();
    void randomSplitsGiveTheSameMessages();
    void mutatedInputNeverBreaksInvariants();
};

void TestHttpParser::contentLengthResponse()
{
    MessageParser parser(MessageKind::Response);
    const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello"_ba;
    QVERIFY(parser.feed(wire));
    const QList<HttpMessage> done = parser.take();
    QCOMPARE(done.size(), 1);
    const HttpMessage &m = done.first();
    QCOMPARE(m.statusCode, 200);
    QCOMPARE(m.reason, "OK"_ba);
    QCOMPARE(m.framing, BodyFraming::ContentLength);
    QCOMPARE(m.declaredLength, 5);
    QCOMPARE(m.body, "hello"_ba);
    QCOMPARE(m.raw(), wire);
    QCOMPARE(m.headBytes.size(), wire.size() - 5);
    QCOMPARE(m.headerValue("x-a"), "1"_ba);
    QVERIFY(m.keepAlive);
    QCOMPARE(m.startLine(), "HTTP/1.1 200 OK"_ba);
}

void TestHttpParser::chunkedResponseByteByByte()
{
    MessageParser parser(MessageKind::Response);
    const QByteArray wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "4\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: yes\r\n\r\n"_ba;
    for (char c : wire)
        QVERIFY(parser.feed(QByteArrayView(&c, 1)));
    const QList<HttpMessage> done = parser.take();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().framing, BodyFraming::Chunked);
    QCOMPARE(done.first().body, "Wikipedia"_ba);
    QCOMPARE(done.first().chunkCount, 2);
    QCOMPARE(done.first().raw(), wire);
    QCOMPARE(done.first().trailers.size(), 1);
    QCOMPARE(done.first().trailers.first().name, "X-Trailer"_ba);
}

void TestHttpParser::closeDelimitedResponse()
{
    MessageParser parser(MessageKind::Response);
    QVERIFY(parser.feed("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil "_ba));
    QVERIFY(parser.feed("close"_ba));
    QVERIFY(!parser.hasCompleted());
    QVERIFY(parser.finish());
    const QList<HttpMessage> done = parser.take();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().framing, BodyFraming::UntilClose);
    QCOMPARE(done.first().body, "until close"_ba);
    QVERIFY(!done.first().keepAlive);
}

void TestHttpParser::truncatedResponse()
{
    MessageParser parser(MessageKind::Response);
    QVERIFY(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"_ba));
    QVERIFY(!parser.finish());
    QCOMPARE(parser.error(), ParseError::TruncatedMessage);
    QCOMPARE(parser.errorOffset(), 42);  // after the 3 body bytes that came
}

void TestHttpParser::noBodyRules_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("head");
    QTest::addRow("HEAD with length") << "HEAD"_ba << "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"_ba;
    QTest::addRow("204") << "GET"_ba << "HTTP/1.1 204 No Content\r\n\r\n"_ba;
    QTest::addRow("304 with length") << "GET"_ba << "HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n"_ba;
    QTest::addRow("HEAD chunked") << "HEAD"_ba << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"_ba;
}

void TestHttpParser::noBodyRules()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, head);
    MessageParser parser(MessageKind::Response);
    parser.setRequestMethod(method);
    const QByteArray next = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba;
    parser.setRequestMethod(method);
    QVERIFY(parser.feed(head));
    QList<HttpMessage> done = parser.take();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().framing, BodyFraming::None);
    QVERIFY(done.first().body.isEmpty());
    QCOMPARE(done.first().raw(), head);
    // the next response on the same connection starts right after the head
    parser.setRequestMethod("GET"_ba);
    QVERIFY(parser.feed(next));
    done = parser.take();
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().body, "ok"_ba);
    QCOMPARE(done.first().streamOffset, head.size());
}

void TestHttpParser::connectTunnel()
{
    MessageParser parser(MessageKind::Response);
    parser.setRequestMethod("CONNECT"_ba);
    QVERIFY(parser.feed("HTTP/1.1 200 Connection established\r\n\r\n\x16\x03\x01 tls bytes"_ba));
    QVERIFY(parser.tunnelled());
    QCOMPARE(parser.take().size(), 1);
    QCOMPARE(parser.tunnelBytes(), "\x16\x03\x01 tls bytes"_ba);

    MessageParser interim(MessageKind::Response);
    QVERIFY(interim.feed("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n"_ba));
    const QList<HttpMessage> done = interim.take();
    QCOMPARE(done.size(), 2);
    QCOMPARE(done.at(0).statusCode, 100);
    QCOMPARE(done.at(1).statusCode, 201);
}

void TestHttpParser::pipelinedRequests()
{
    MessageParser parser(MessageKind::Request);
    const QByteArray a = "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nx=1"_ba;
    const QByteArray b = "GET /favicon.ico HTTP/1.1\r\nHost: h\r\n\r\n"_ba;
    QVERIFY(parser.feed(QByteArray(a + b)));
    const QList<HttpMessage> done = parser.take();
    QCOMPARE(done.size(), 2);
    QCOMPARE(done.at(0).method, "POST"_ba);
    QCOMPARE(done.at(0).target, "/form"_ba);
    QCOMPARE(done.at(0).body, "x=1"_ba);
    QCOMPARE(done.at(0).raw(), a);
    QCOMPARE(done.at(1).target, "/favicon.ico"_ba);
    QCOMPARE(done.at(1).streamOffset, a.size());
    QCOMPARE(done.at(1).raw(), b);
}

void TestHttpParser::feedOneStopsAfterFirst()
{
    MessageParser parser(MessageKind::Request);
    const QByteArray a = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"_ba;
    const QByteArray b = "GET /b HTTP/1.1\r\nHost: h\r\n\r\n"_ba;
    QCOMPARE(parser.feedOne(QByteArray(a + b)), a.size());
    QCOMPARE(parser.take().size(), 1);
    QCOMPARE(parser.feedOne(b), b.size());
    QCOMPARE(parser.take().first().target, "/b"_ba);
}

void TestHttpParser::headersDoneBeforeBody()
{
    MessageParser parser(MessageKind::Request);
    const QByteArray head = "POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"_ba;
    for (char c : head) {
        QVERIFY(!parser.headersDone());
        QVERIFY(parser.feed(QByteArrayView(&c, 1)));
    }
    QVERIFY(parser.headersDone());
    QVERIFY(parser.inMessage());
    QCOMPARE(parser.current().headerValue("expect"), "100-continue"_ba);
    QCOMPARE(parser.current().headBytes, head);
    QVERIFY(parser.feed("abc"_ba));
    QCOMPARE(parser.take().first().body, "abc"_ba);
}

void TestHttpParser::bareLineFeedRequestKeepsRest()
{
    MessageParser parser(MessageKind::Request);
    const QByteArray raw = "GET /raw HTTP/1.1\nHost: x\n\n"_ba;
    QVERIFY(!parser.feed(raw));
    QCOMPARE(parser.error(), ParseError::Malformed);
    QCOMPARE(parser.errorOffset(), raw.indexOf("\n\n"));
    QCOMPARE(parser.current().raw() + parser.unparsed(), raw);
}

void TestHttpParser::malformedNamesOffset()
{
    MessageParser parser(MessageKind::Response);
    const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n"_ba;
    QVERIFY(!parser.feed(wire));
    QCOMPARE(parser.error(), ParseError::Malformed);
    QCOMPARE(parser.errorOffset(), wire.indexOf('x'));
    QVERIFY(parser.llhttpName().startsWith("HPE_"));
    QVERIFY(!parser.llhttpReason().isEmpty());
    QCOMPARE(parseErrorKey(parser.error()), "malformed"_ba);
    // everything after an error is ignored
    QVERIFY(!parser.feed("HTTP/1.1 200 OK\r\n\r\n"_ba));
    QVERIFY(!parser.hasCompleted());
}

void TestHttpParser::headersTooLarge()
{
    MessageParser parser(MessageKind::Request);
    parser.setMaxHeaderBytes(100);
    QByteArray wire = "GET / HTTP/1.1\r\nX-Big: "_ba + QByteArray(200, 'a');
    QVERIFY(!parser.feed(wire));
    QCOMPARE(parser.error(), ParseError::HeadersTooLarge);
    QCOMPARE(parser.errorOffset(), 100);

    MessageParser fits(MessageKind::Request);
    fits.setMaxHeaderBytes(100);
    QVERIFY(fits.feed("GET / HTTP/1.1\r\nHost: h\r\n\r\n"_ba));
    QCOMPARE(fits.take().size(), 1);
}

void TestHttpParser::bodyTooLarge()
{
    MessageParser parser(MessageKind::Response);
    parser.setMaxBodyBytes(10);
    QVERIFY(!parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n0123456789abcdefghij"_ba));
    QCOMPARE(parser.error(), ParseError::BodyTooLarge);
}

void TestHttpParser::gzipRoundTrip()
{
    const QByteArray text = QByteArray("The course's httpserver v2 serves files. ").repeated(200);
    const QByteArray packed = gzipCompress(text);
    QVERIFY(packed.startsWith("\x1f\x8b"));
    QVERIFY(packed.size() < text.size() / 10);
    const DecodeResult result = decodeContent(packed, "gzip", 1 << 20);
    QCOMPARE(result.error, DecodeError::None);
    QCOMPARE(result.coding, Coding::Gzip);
    QCOMPARE(result.bytes, text);
    QCOMPARE(decodeContent(packed, "x-gzip", 1 << 20).bytes, text);
    const DecodeResult identity = decodeContent(text, "", 1 << 20);
    QCOMPARE(identity.coding, Coding::Identity);
    QCOMPARE(identity.bytes, text);
    QCOMPARE(decodeContent(text, "br", 1 << 20).error, DecodeError::UnsupportedCoding);
}

void TestHttpParser::deflateBothForms()
{
    const QByteArray text = "deflate, as servers really send it"_ba;
    const QByteArray zlibForm = deflateCompress(text);
    QCOMPARE(decodeContent(zlibForm, "deflate", 1024).bytes, text);
    // raw deflate: strip the 2-byte zlib header and the 4-byte Adler-32 trailer
    const QByteArray rawForm = zlibForm.mid(2, zlibForm.size() - 6);
    const DecodeResult raw = decodeContent(rawForm, "deflate", 1024);
    QCOMPARE(raw.error, DecodeError::None);
    QCOMPARE(raw.bytes, text);
}

void TestHttpParser::corruptAndBomb()
{
    const QByteArray packed = gzipCompress(QByteArray(1 << 20, 'z'));
    QVERIFY(packed.size() < 5000);
    const DecodeResult bomb = decodeContent(packed, "gzip", 64 * 1024);
    QCOMPARE(bomb.error, DecodeError::TooLarge);
    QVERIFY(bomb.bytes.size() <= 64 * 1024);

    QByteArray broken = gzipCompress("hello hello hello"_ba);
    broken[12] = char(0xff);
    broken[13] = char(0xff);
    QVERIFY(decodeContent(broken, "gzip", 1024).error != DecodeError::None);

    const QByteArray cut = gzipCompress(QByteArray("abcdefgh").repeated(100)).left(10);
    QCOMPARE(decodeContent(cut, "gzip", 1 << 20).error, DecodeError::Truncated);
    QCOMPARE(decodeContent("not gzip at all"_ba, "gzip", 1024).error, DecodeError::Corrupt);
}

static QList<QByteArray> keys(const QList<RequestIssue> &issues)
{
    QList<QByteArray> list;
    for (const RequestIssue &issue : issues)
        list.append(issueKey(issue.kind));
    return list;
}

void TestHttpParser::checkerCleanRequest()
{
    QVERIFY(checkRequest("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"_ba).isEmpty());
    QVERIFY(checkRequest("POST /f HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\na=1"_ba).isEmpty());
    QVERIFY(checkRequest("GET / HTTP/1.0\r\n\r\n"_ba).isEmpty());
    QCOMPARE(keys(checkRequest({})), QList<QByteArray>{"empty"_ba});
}

void TestHttpParser::checkerBareLf()
{
    const QByteArray raw = "GET / HTTP/1.1\r\nHost: h\nAccept: */*\r\n\r\n"_ba;
    const QList<RequestIssue> issues = checkRequest(raw);
    QVERIFY(keys(issues).contains("bare-lf"_ba));
    const RequestIssue &first = issues.first();
    QCOMPARE(first.kind, IssueKind::BareLineFeed);
    QCOMPARE(first.offset, raw.indexOf("\nAccept"));
}

void TestHttpParser::checkerLengthMismatchAndFix()
{
    const QByteArray raw = "POST /login HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nuser=bob"_ba;
    const QList<RequestIssue> issues = checkRequest(raw);
    QVERIFY(keys(issues).contains("content-length-mismatch"_ba));
    for (const RequestIssue &issue : issues) {
        if (issue.kind == IssueKind::ContentLengthMismatch) {
            QCOMPARE(issue.offset, raw.indexOf("4\r\n\r\n"));
            QCOMPARE(issue.expected, 4);
            QCOMPARE(issue.actual, 8);
        }
    }
    const QByteArray fixed = fixContentLength(raw);
    QCOMPARE(fixed, "POST /login HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\nuser=bob"_ba);
    QVERIFY(checkRequest(fixed).isEmpty());

    const QByteArray missing = "POST / HTTP/1.1\r\nHost: h\r\n\r\nabc"_ba;
    QVERIFY(keys(checkRequest(missing)).contains("body-without-length"_ba));
    QCOMPARE(fixContentLength(missing), "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"_ba);
}

void TestHttpParser::checkerMissingHost()
{
    const QByteArray raw = "GET /index.html HTTP/1.1\r\nAccept: */*\r\n\r\n"_ba;
    const QList<RequestIssue> issues = checkRequest(raw);
    QCOMPARE(keys(issues), QList<QByteArray>{"missing-host"_ba});
    QCOMPARE(issues.first().offset, raw.size() - 2);
    QVERIFY(keys(checkRequest("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba)).contains("duplicate-host"_ba));
}

// What a server checks on a head it received: errors only, no body rules, offsets at the offending byte.
void TestHttpParser::checkerReceivedHead()
{
    QVERIFY(checkReceivedHead("GET / HTTP/1.1\r\nHost: t\r\n\r\n"_ba).isEmpty());
    QVERIFY(checkReceivedHead("GET / HTTP/1.0\r\n\r\n"_ba).isEmpty());   // 1.0 needs no Host
    QVERIFY(checkReceivedHead("BREW / HTTP/1.1\r\nHost: t\r\n\r\n"_ba).isEmpty());   // unusual method: a warning only
    // the body is the parser's business: no mismatch, no body-without-length
    QVERIFY(checkReceivedHead("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 9\r\n\r\n"_ba).isEmpty());
    const QList<RequestIssue> name = checkReceivedHead("GET / HTTP/1.1\r\nHost: t\r\nX-Y Z: 1\r\n\r\n"_ba);
    QCOMPARE(name.size(), 1);
    QCOMPARE(name.first().kind, IssueKind::InvalidHeaderName);
    QCOMPARE(name.first().offset, 28);   // the space
    const QList<RequestIssue> doubled = checkReceivedHead("GET /  HTTP/1.1\r\nHost: t\r\n\r\n"_ba);
    QCOMPARE(doubled.first().kind, IssueKind::BadRequestLine);
    QCOMPARE(doubled.first().offset, 6);   // the second space
    const QList<RequestIssue> noVersion = checkReceivedHead("GET /abc\r\n\r\n"_ba);
    QCOMPARE(noVersion.first().kind, IssueKind::BadRequestLine);
    QCOMPARE(noVersion.first().offset, 8);   // where the version should be
    const QList<RequestIssue> several = checkReceivedHead("GET / HTTP/1.1\r\nX : 1\r\n\tfold\r\n\r\n"_ba);
    QCOMPARE(several.size(), 3);   // space before colon, folding, no Host
    QCOMPARE(issueWireLine(several.at(0)), "offset 17: whitespace before colon"_ba);
    QCOMPARE(several.at(1).kind, IssueKind::FoldedHeader);
    QCOMPARE(several.at(2).kind, IssueKind::MissingHost);
}

void TestHttpParser::checkerRequestLine()
{
    QVERIFY(keys(checkRequest("GET /\r\nHost: h\r\n\r\n"_ba)).contains("bad-request-line"_ba));
    QVERIFY(keys(checkRequest("GET / HTTP/2.0\r\nHost: h\r\n\r\n"_ba)).contains("bad-version"_ba));
    QVERIFY(keys(checkRequest("GET index.html HTTP/1.1\r\nHost: h\r\n\r\n"_ba)).contains("bad-target"_ba));
    QVERIFY(keys(checkRequest("G(T / HTTP/1.1\r\nHost: h\r\n\r\n"_ba)).contains("invalid-method"_ba));
    const QByteArray colon = "GET / HTTP/1.1\r\nHost : h\r\n\r\n"_ba;
    const QList<RequestIssue> issues = checkRequest(colon);
    QVERIFY(keys(issues).contains("space-before-colon"_ba));
    QCOMPARE(issues.first().offset, colon.indexOf(" :"));
    QVERIFY(keys(checkRequest("GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n"_ba)).contains("header-without-colon"_ba));
    QVERIFY(keys(checkRequest("GET / HTTP/1.1\r\nHost: h\r\n"_ba)).contains("missing-blank-line"_ba));
    QVERIFY(keys(checkRequest("BREW / HTTP/1.1\r\nHost: h\r\n\r\n"_ba)).contains("unusual-method"_ba));
}

void TestHttpParser::fixLineEndingsMakesValid()
{
    const QByteArray raw = "GET / HTTP/1.1\nHost: h\n\nbody\nstays"_ba;
    const QByteArray fixed = fixLineEndings(raw);
    QCOMPARE(fixed, "GET / HTTP/1.1\r\nHost: h\r\n\r\nbody\nstays"_ba);
    QCOMPARE(headEnd(raw), raw.indexOf("body"));
}

void TestHttpParser::builderAndCurl()
{
    RequestSpec spec;
    spec.method = "POST";
    spec.url = QUrl(u"http://127.0.0.1:8080/a%20b?q=1"_s);
    spec.headers.append({"Content-Type"_ba, "application/json"_ba});
    spec.body = R"({"it's":1})"_ba;
    spec.omitted.append("accept"_ba);
    const QByteArray bytes = buildRequest(spec);
    QVERIFY(bytes.startsWith("POST /a%20b?q=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: Socketeer/"));
    QVERIFY(bytes.contains("\r\nContent-Length: 10\r\n"));
    QVERIFY(!bytes.contains("Accept:"));
    QVERIFY(bytes.endsWith("\r\n\r\n{\"it's\":1}"));
    QVERIFY(checkRequest(bytes).isEmpty());
    QCOMPARE(hostHeaderValue(QUrl(u"https://[::1]:443/"_s)), "[::1]"_ba);
    QCOMPARE(requestTarget(QUrl(u"http://h"_s)), "/"_ba);
    const QString curl = curlCommand(spec);
    QVERIFY2(curl.contains(uR"('{"it'\''s":1}')"_s), qPrintable(curl));
    QVERIFY(curl.contains(u"-H 'accept:'"_s));
    QVERIFY(isValidMethodToken("PROPFIND"));
    QVERIFY(!isValidMethodToken("GET /"));
    QCOMPARE(courseMethods().size(), 8);
}

static const QList<std::pair<MessageKind, QByteArray>> &seeds()
{
    static const QList<std::pair<MessageKind, QByteArray>> list{
        {MessageKind::Response, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"
                                "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"_ba},
        {MessageKind::Request, "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /favicon.ico HTTP/1.1\r\n"
                               "Host: h\r\n\r\nPUT /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n"_ba},
    };
    return list;
}

static QList<QByteArray> raws(MessageParser &parser)
{
    QList<QByteArray> list;
    for (const HttpMessage &m : parser.take())
        list.append(m.raw());
    return list;
}

void TestHttpParser::randomSplitsGiveTheSameMessages()
{
    QRandomGenerator rng(20261123);
    for (const auto &[kind, input] : seeds()) {
        MessageParser whole(kind);
        QVERIFY(whole.feed(input));
        const QList<QByteArray> expected = raws(whole);
        QCOMPARE(expected.size(), 3);
        QCOMPARE(expected.join(), input);
        for (int round = 0; round < 500; ++round) {
            MessageParser pieces(kind);
            qsizetype at = 0;
            while (at < input.size()) {
                const qsizetype n = qMin<qsizetype>(input.size() - at, 1 + rng.bounded(12));
                QVERIFY(pieces.feed(QByteArrayView(input).sliced(at, n)));
                at += n;
            }
            QCOMPARE(raws(pieces), expected);
        }
    }
}

void TestHttpParser::mutatedInputNeverBreaksInvariants()
{
    QRandomGenerator rng(42);
    for (int round = 0; round < 4000; ++round) {
        const auto &[kind, seed] = seeds().at(rng.bounded(int(seeds().size())));
        QByteArray input = seed;
        for (int m = 1 + rng.bounded(4); m > 0; --m) {
            const qsizetype at = rng.bounded(int(input.size()));
            switch (rng.bounded(3)) {
            case 0: input[at] = char(rng.bounded(256)); break;
            case 1: input.insert(at, char(rng.bounded(256))); break;
            default: input.remove(at, 1); break;
            }
        }
        MessageParser parser(kind);
        parser.setMaxHeaderBytes(64);
        parser.setMaxBodyBytes(16);
        qsizetype at = 0;
        while (at < input.size()) {
            const qsizetype n = qMin<qsizetype>(input.size() - at, 1 + rng.bounded(20));
            parser.feed(QByteArrayView(input).sliced(at, n));
            at += n;
        }
        parser.finish();
        QByteArray seen;
        for (const QByteArray &raw : raws(parser))
            seen += raw;
        // what was parsed is a prefix of the input, and an error's offset lies inside it
        QVERIFY(input.startsWith(seen));
        QVERIFY(parser.consumed() <= input.size());
        if (parser.error() != ParseError::None)
            QVERIFY(parser.errorOffset() >= 0 && parser.errorOffset() <= input.size());
        if (parser.error() == ParseError::None && !parser.tunnelled())
            QCOMPARE(seen + parser.current().raw(), input);
    }
}

QTEST_APPLESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"

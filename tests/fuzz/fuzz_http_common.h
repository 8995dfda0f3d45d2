#pragma once

// What the HTTP request and response targets share: run MessageParser over the input whole and in pieces,
// and check what any stream must satisfy.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/http/messageparser.h"

namespace fuzz {

struct HttpRun {
    QList<QByteArray> raws;       // raw() of each completed message
    netcore::http::ParseError error = netcore::http::ParseError::None;
    bool tunnelled = false;
};

inline HttpRun runHttp(netcore::http::MessageKind kind, const QByteArray &input, const QList<QByteArrayView> &chunks,
                       const QByteArray &requestMethod, qsizetype maxHeader, qint64 maxBody, bool finish)
{
    using namespace netcore::http;
    MessageParser parser(kind);
    parser.setRequestMethod(requestMethod);
    parser.setMaxHeaderBytes(maxHeader);
    parser.setMaxBodyBytes(maxBody);
    qint64 fed = 0;
    for (const QByteArrayView chunk : chunks) {
        parser.feed(chunk);
        fed += chunk.size();
        FUZZ_CHECK(parser.consumed() <= fed);
    }
    if (finish)
        parser.finish();
    HttpRun run;
    QByteArray seen;
    qint64 expectedOffset = 0;
    for (const HttpMessage &m : parser.take()) {
        FUZZ_CHECK(m.complete && m.kind == kind);
        FUZZ_CHECK(m.streamOffset == expectedOffset);
        FUZZ_CHECK(m.headBytes.size() <= maxHeader);
        FUZZ_CHECK(m.body.size() <= maxBody);
        FUZZ_CHECK(m.body.size() <= m.wireBody.size());
        if (m.framing == BodyFraming::ContentLength)
            FUZZ_CHECK(m.body.size() == m.declaredLength && m.wireBody == m.body);
        if (m.framing == BodyFraming::None)
            FUZZ_CHECK(m.body.isEmpty());
        expectedOffset += m.raw().size();
        seen += m.raw();
        run.raws.append(m.raw());
    }
    // what was parsed is a prefix of the input; an error's offset lies inside it
    FUZZ_CHECK(input.startsWith(seen));
    FUZZ_CHECK(parser.consumed() <= input.size());
    run.error = parser.error();
    run.tunnelled = parser.tunnelled();
    if (parser.error() != ParseError::None) {
        FUZZ_CHECK(parser.errorOffset() >= 0 && parser.errorOffset() <= input.size());
        FUZZ_CHECK(parser.unparsed().size() <= MessageParser::kMaxUnparsedBytes);
    } else if (parser.tunnelled()) {
        FUZZ_CHECK(seen + parser.current().raw() + parser.tunnelBytes() == input);
    } else {
        FUZZ_CHECK(seen + parser.current().raw() == input);
    }
    return run;
}

// The whole input, then the same input in pieces (same messages when the whole parse succeeded), then in pieces
// with small limits (only the invariants).
inline void fuzzHttp(netcore::http::MessageKind kind, const QByteArray &input, const QByteArray &requestMethod)
{
    using netcore::http::MessageParser;
    using netcore::http::ParseError;
    const qsizetype header = MessageParser::kDefaultMaxHeaderBytes;
    const qint64 body = MessageParser::kDefaultMaxBodyBytes;
    const HttpRun whole = runHttp(kind, input, {QByteArrayView(input)}, requestMethod, header, body, false);
    const HttpRun split = runHttp(kind, input, pieces(input, 1), requestMethod, header, body, false);
    if (whole.error == ParseError::None) {
        FUZZ_CHECK(split.error == ParseError::None);
        FUZZ_CHECK(split.raws == whole.raws);
        FUZZ_CHECK(split.tunnelled == whole.tunnelled);
    }
    runHttp(kind, input, pieces(input, 2), requestMethod, header, body, true);
    runHttp(kind, input, pieces(input, 3), requestMethod, 64, 16, true);
}

} // namespace fuzz

// Fuzz target: HTTP/1.x responses through the project's parser (netcore/http/messageparser.h, on llhttp), as
// the HTTP client reads them: whole, in random pieces, with small limits, and finish() at the end (a body read
// until close). The request's method (GET, HEAD, CONNECT, POST) is derived from the input, since HEAD and
// CONNECT change where a response ends.
#include "tests/fuzz/fuzz_http_common.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    static const QByteArray methods[] = {"GET"_ba, "HEAD"_ba, "CONNECT"_ba, "POST"_ba};
    const QByteArray &method = methods[fuzz::Splitter(input, 4).next() % 4];
    fuzz::fuzzHttp(netcore::http::MessageKind::Response, input, method);
    return 0;
}

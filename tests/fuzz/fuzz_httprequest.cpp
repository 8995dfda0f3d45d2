// Fuzz target: HTTP/1.x requests through the project's parser (netcore/http/messageparser.h, on llhttp), as the
// capture server reads a connection: whole, in random pieces, and with small header/body limits.
//
// Invariants (fuzz_http_common.h): the messages parsed are a prefix of the stream, each starting where the last
// ended, within the limits; pieces give the same messages as the whole stream; error offsets lie in the stream.
#include "tests/fuzz/fuzz_http_common.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::fuzzHttp(netcore::http::MessageKind::Request, fuzz::bytesOf(data, size), "GET"_ba);
    return 0;
}

// Fuzz target: the HTTP tab's pretty printers (presentation/http/wiretext.h): prettyHtml() on any text a server
// may send, and prettyJson().
//
// Invariants: the output is empty or whole lines; it grows at most by the bounded indentation per token (so a
// hostile page cannot make it explode); printing the printed page again is still bounded.
#include "tests/fuzz/fuzz_common.h"

#include "presentation/http/wiretext.h"

using presentation::http::prettyHtml;
using presentation::http::prettyJson;

namespace {

void check(const QString &text, const QString &pretty)
{
    FUZZ_CHECK(pretty.isEmpty() || pretty.endsWith(u'\n'));
    // each token is at least one character of the input and gets at most 64 spaces and a line break
    FUZZ_CHECK(pretty.size() <= text.size() * 66);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    const QString text = QString::fromUtf8(input);
    const QString pretty = prettyHtml(text);
    check(text, pretty);
    if (!pretty.isEmpty())
        check(pretty, prettyHtml(pretty));
    prettyJson(input);
    return 0;
}

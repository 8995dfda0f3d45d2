// Fuzz target: the request linter of the HTTP tab's Raw editor (netcore/http/requestchecker.h) — checkRequest(),
// the two fixes it offers, and headEnd().
//
// Invariants: every issue points inside the bytes; headEnd() ends on a line feed; fixLineEndings() leaves no
// bare LF in the head and is idempotent; fixContentLength() leaves no Content-Length mismatch.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/http/requestchecker.h"

#include <algorithm>

using namespace netcore::http;

namespace {

bool has(const QList<RequestIssue> &issues, IssueKind kind)
{
    return std::any_of(issues.cbegin(), issues.cend(), [kind](const RequestIssue &i) { return i.kind == kind; });
}

void checkIssues(const QByteArray &raw, const QList<RequestIssue> &issues)
{
    FUZZ_CHECK(!issues.isEmpty() || !raw.isEmpty());
    for (const RequestIssue &issue : issues) {
        FUZZ_CHECK(issue.offset >= 0 && issue.offset <= raw.size());
        FUZZ_CHECK(issue.length >= 0);
        // llhttp's verdict points at one byte, which may be the end of the bytes (it wanted more)
        if (issue.kind != IssueKind::ParserRejected)
            FUZZ_CHECK(issue.offset + issue.length <= raw.size());
        FUZZ_CHECK(!issueKey(issue.kind).isEmpty() && issueKey(issue.kind) != "unknown");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = fuzz::bytesOf(data, size);
    const QList<RequestIssue> issues = checkRequest(raw);
    checkIssues(raw, issues);

    const qsizetype end = headEnd(raw);
    FUZZ_CHECK(end == -1 || (end >= 2 && end <= raw.size() && raw.at(end - 1) == '\n'));

    const QByteArray lineEndings = fixLineEndings(raw);
    FUZZ_CHECK(fixLineEndings(lineEndings) == lineEndings);
    FUZZ_CHECK(lineEndings.size() >= raw.size());
    const QList<RequestIssue> afterLineEndings = checkRequest(lineEndings);
    checkIssues(lineEndings, afterLineEndings);
    FUZZ_CHECK(!has(afterLineEndings, IssueKind::BareLineFeed));

    const QByteArray length = fixContentLength(raw);
    FUZZ_CHECK(end >= 0 || length == raw);
    const QList<RequestIssue> afterLength = checkRequest(length);
    checkIssues(length, afterLength);
    FUZZ_CHECK(!has(afterLength, IssueKind::ContentLengthMismatch));
    return 0;
}

// Fuzz target: the native file protocol (netcore/files/protocol.h) — takeLine() framing of a stream fed in
// random pieces, every line read as a request (the server's side) and as a reply (the client's side).
//
// Invariants: pieces frame like the whole stream; a frame never passes the buffer or the line limit;
// format(parse(line)) parses to the same request / reply.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/files/protocol.h"

using namespace netcore::files;
using netcore::common::FrameStatus;

namespace {

// A session's loop: append, take every whole line, stop at a line that is too long (the session closes).
QList<QByteArray> frame(const QList<QByteArrayView> &chunks, qsizetype maxLength, bool *tooLarge)
{
    QByteArray buffer;
    QList<QByteArray> lines;
    *tooLarge = false;
    for (const QByteArrayView chunk : chunks) {
        buffer.append(chunk);
        for (;;) {
            const LineFrame frame = takeLine(buffer, maxLength);
            FUZZ_CHECK(frame.status != FrameStatus::Malformed);
            if (frame.status == FrameStatus::TooLarge) {
                *tooLarge = true;
                return lines;
            }
            if (frame.status == FrameStatus::Incomplete) {
                FUZZ_CHECK(!buffer.contains('\n') && buffer.size() <= maxLength);
                break;
            }
            FUZZ_CHECK(frame.frameSize > 0 && frame.frameSize <= buffer.size());
            FUZZ_CHECK(frame.frameSize <= maxLength + 1);
            FUZZ_CHECK(frame.line.size() < frame.frameSize && !frame.line.contains('\n'));
            FUZZ_CHECK(buffer.startsWith(frame.line));
            lines.append(frame.line);
            buffer.remove(0, frame.frameSize);
        }
    }
    return lines;
}

void checkRequest(const QByteArray &line)
{
    const RequestParse parsed = parseRequest(line);
    if (!parsed.request) {
        FUZZ_CHECK(!parsed.reason.isEmpty());
        FUZZ_CHECK(isKnownErrorCode(int(parsed.error)));
        return;
    }
    const Request &request = *parsed.request;
    FUZZ_CHECK(request.offset >= 0 && request.size >= 0);
    if (request.command == Command::End)
        FUZZ_CHECK(isSha256Hex(request.sha256));
    const QByteArray formatted = formatRequest(request);
    FUZZ_CHECK(formatted.endsWith('\n'));
    const RequestParse again = parseRequest(formatted.chopped(1));
    FUZZ_CHECK(again.request.has_value());
    FUZZ_CHECK(*again.request == request);
}

void checkReply(const QByteArray &line)
{
    const std::optional<Reply> reply = parseReply(line);
    if (!reply)
        return;
    FUZZ_CHECK(reply->number >= 0 && reply->mtime >= 0);
    // "ERR 000 x" reads as code 0, which formats as "ERR 0 x": only three-digit codes round-trip
    if (reply->kind == ReplyKind::Error && reply->number < 100)
        return;
    const QByteArray formatted = formatReply(*reply);
    FUZZ_CHECK(formatted.endsWith('\n') && formatted.count('\n') == 1);
    const std::optional<Reply> again = parseReply(formatted.chopped(1));
    FUZZ_CHECK(again.has_value());
    Reply expected = *reply;
    if (expected.kind == ReplyKind::Error)
        expected.text.replace(u'\r', u' ');   // an ERR line is one line whatever its reason says
    FUZZ_CHECK(*again == expected);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    for (const qsizetype maxLength : {qsizetype(32), kMaxLineLength}) {
        bool wholeTooLarge = false;
        bool splitTooLarge = false;
        const QList<QByteArray> whole = frame({QByteArrayView(input)}, maxLength, &wholeTooLarge);
        const QList<QByteArray> split = frame(fuzz::pieces(input, quint64(maxLength)), maxLength, &splitTooLarge);
        FUZZ_CHECK(whole == split && wholeTooLarge == splitTooLarge);
        if (maxLength != kMaxLineLength)
            continue;
        for (const QByteArray &line : whole) {
            checkRequest(line);
            checkReply(line);
        }
    }
    return 0;
}

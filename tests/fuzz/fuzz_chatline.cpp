// Fuzz target: the native chat line codec (netcore/chat/protocol.h) — LineBuffer framing fed in random pieces,
// and decode()/encode() of every line, from both origins.
//
// Invariants: pieces frame exactly like the whole stream; a framed line has no LF and fits the limit;
// encode(decode(line)) decodes to the same message.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/chat/protocol.h"

using namespace netcore::chat;
using netcore::common::FrameStatus;

namespace {

struct Framed {
    QList<FrameStatus> statuses;
    QList<QByteArray> lines;
};

void drain(LineBuffer &buffer, Framed &out, qsizetype maxLine)
{
    for (;;) {
        LineBuffer::Result result = buffer.next();
        if (result.status == FrameStatus::Incomplete)
            break;
        FUZZ_CHECK(result.status == FrameStatus::Ok || result.status == FrameStatus::TooLarge);
        if (result.status == FrameStatus::Ok) {
            FUZZ_CHECK(!result.line.contains('\n'));
            FUZZ_CHECK(result.line.size() <= maxLine);
        }
        out.statuses.append(result.status);
        out.lines.append(result.line);
    }
    FUZZ_CHECK(buffer.buffered() >= 0);
}

Framed frame(const QList<QByteArrayView> &chunks, qsizetype maxLine)
{
    LineBuffer buffer(maxLine);
    Framed out;
    for (const QByteArrayView chunk : chunks) {
        buffer.append(chunk);
        drain(buffer, out, maxLine);
        // a line longer than the limit is never held whole (one extra byte: the "\r" of a line at the limit)
        FUZZ_CHECK(buffer.buffered() <= maxLine + 1);
    }
    return out;
}

void roundTrip(const QByteArray &line, Origin origin)
{
    const Decoded decoded = decode(line, origin);
    if (decoded.status != DecodeStatus::Ok) {
        FUZZ_CHECK(decoded.status == DecodeStatus::Empty || !decoded.detail.isEmpty());
        FUZZ_CHECK(decoded.status == DecodeStatus::Empty || *errorCode(decoded.status) != '\0');
        return;
    }
    const QByteArray encoded = encode(decoded.message, origin);
    FUZZ_CHECK(encoded.endsWith('\n') && encoded.count('\n') == 1);
    const Decoded again = decode(QByteArrayView(encoded).chopped(1), origin);
    FUZZ_CHECK(again.status == DecodeStatus::Ok);
    FUZZ_CHECK(again.message == decoded.message);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    // A small limit, so short inputs reach the overlong-line paths; the real limit on the whole input.
    for (const qsizetype maxLine : {qsizetype(24), kMaxLineBytes}) {
        const Framed whole = frame({QByteArrayView(input)}, maxLine);
        const Framed split = frame(fuzz::pieces(input, quint64(maxLine)), maxLine);
        FUZZ_CHECK(whole.statuses == split.statuses);
        FUZZ_CHECK(whole.lines == split.lines);
        if (maxLine != kMaxLineBytes)
            continue;
        for (const QByteArray &line : whole.lines) {
            roundTrip(line, Origin::Client);
            roundTrip(line, Origin::Server);
        }
    }
    // The input as one line (a datagram-sized line with LFs inside, too): decode must refuse or round-trip.
    roundTrip(input, Origin::Client);
    roundTrip(input, Origin::Server);
    return 0;
}

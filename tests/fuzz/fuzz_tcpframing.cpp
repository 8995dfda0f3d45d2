// Fuzz target: the TCP workbench's framings (netcore/tcp/framing.h). The first input byte chooses a framing (kind,
// prefix width, byte order, inclusive length, a small or large limit); the rest is the stream.
//
// Invariants: every framing cuts the stream in pieces exactly as it cuts it whole (None excepted: it frames what
// is there); an Ok frame fits the limit and is a prefix-consumer (frameSize within the buffer); recut() ends where
// its frames end; the Reframer holds at most the limit plus one piece; encodeFrame(payload) decodes back to it.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/tcp/framing.h"

using netcore::common::FrameStatus;
using namespace netcore::tcp;

namespace {

FramingSpec specFrom(quint8 selector)
{
    FramingSpec spec;
    spec.kind = FramingKind(selector % 5);
    static constexpr int kWidths[] = {1, 2, 4, 8};
    spec.prefixBytes = kWidths[(selector >> 3) & 3];
    spec.byteOrder = (selector & 0x20) ? ByteOrder::LittleEndian : ByteOrder::BigEndian;
    spec.lengthIncludesHeader = (selector & 0x40) != 0;
    spec.maxFrame = (selector & 0x80) ? 16 : FramingSpec::kDefaultMaxFrame;
    spec.fixedLength = 1 + (selector % 7);
    spec.delimiter = (selector & 0x08) ? QByteArray("##") : QByteArray("\r\n");
    return spec;
}

struct Cut {
    QList<QByteArray> frames;
    FrameStatus end = FrameStatus::Incomplete;
};

Cut feed(const FramingSpec &spec, const QList<QByteArrayView> &pieces)
{
    Reframer reframer(spec);
    Cut cut;
    for (const QByteArrayView piece : pieces) {
        reframer.append(piece);
        FUZZ_CHECK(reframer.buffered() <= spec.maxFrame + piece.size());
        for (;;) {
            const Frame frame = reframer.next();
            if (frame.status != FrameStatus::Ok) {
                cut.end = frame.status;
                break;
            }
            cut.frames.append(frame.payload);
        }
    }
    return cut;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const FramingSpec spec = specFrom(data[0]);
    const QByteArray stream = fuzz::bytesOf(data + 1, size - 1);
    const Recut whole = recut(spec, stream);
    qsizetype consumed = 0;
    {
        qsizetype at = 0;
        for (;;) {
            const Frame frame = decodeFrame(spec, QByteArrayView(stream).sliced(at));
            if (frame.status != FrameStatus::Ok)
                break;
            FUZZ_CHECK(frame.frameSize > 0 && frame.frameSize <= stream.size() - at);
            FUZZ_CHECK(frame.frameSize <= spec.maxFrame);
            FUZZ_CHECK(frame.payload.size() <= frame.frameSize);
            at += frame.frameSize;
        }
        consumed = at;
    }
    FUZZ_CHECK(whole.restOffset == consumed);
    FUZZ_CHECK(whole.end != FrameStatus::Ok);
    const Cut split = feed(spec, fuzz::pieces(stream, data[0]));
    if (spec.kind != FramingKind::None) {
        FUZZ_CHECK(split.frames == whole.frames);
        FUZZ_CHECK(split.end == whole.end);
    } else {
        FUZZ_CHECK(split.frames.join() == stream);
    }
    for (const QByteArray &payload : whole.frames) {
        const QByteArray encoded = encodeFrame(spec, payload);
        if (encoded.isEmpty() || qint64(encoded.size()) > spec.maxFrame)
            continue;
        const Frame again = decodeFrame(spec, encoded);
        FUZZ_CHECK(again.status == FrameStatus::Ok);
        FUZZ_CHECK(again.payload == payload);
        FUZZ_CHECK(again.frameSize == encoded.size());
    }
    return 0;
}

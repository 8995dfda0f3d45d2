// Fuzz target: payload text a person types (netcore/common/escapes.h: Python-style escapes; netcore/udp/payload.h:
// hex digits), and the one byte escaper that writes it back (netcore/common/bytesformat.h).
//
// Invariants: an escape error points at a backslash of the text; any bytes, escaped the Python way (or as
// Python's repr), parse back to the same bytes; hex written by QByteArray::toHex reads back.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/common/bytesformat.h"
#include "netcore/common/escapes.h"
#include "netcore/udp/payload.h"

using namespace netcore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    const QString text = QString::fromUtf8(input);

    common::EscapeParseError error;
    if (const std::optional<QByteArray> bytes = common::parseEscapes(text, &error)) {
        FUZZ_CHECK(bytes->size() <= text.size() * 3);
    } else {
        FUZZ_CHECK(error.code != common::EscapeError::Count);
        FUZZ_CHECK(error.position >= 0 && error.position < text.size() && text.at(error.position) == u'\\');
    }

    // the input as bytes: what the escaper writes for them parses back to them
    for (const common::Escaping escaping : {common::Escaping::Python, common::Escaping::PythonBytes}) {
        const QString escaped = common::visibleText(input, common::LineMode::SingleLine, -1, escaping);
        FUZZ_CHECK(!escaped.contains(u'\n') && !escaped.contains(u'\r'));
        const std::optional<QByteArray> back = common::parseEscapes(escaped);
        FUZZ_CHECK(back.has_value() && *back == input);
    }
    // the other renderings only need to finish, and a cut one to stay within its budget
    common::visibleText(input, common::LineMode::MultiLine, -1, common::Escaping::Glyphs);
    const QString cut = common::visibleText(input, common::LineMode::SingleLine, 16, common::Escaping::Python);
    FUZZ_CHECK(cut.size() <= 16 * 4 + 1);
    common::hexDump(input, 64);

    // hex payloads
    udp::PayloadError hexError;
    if (const std::optional<QByteArray> bytes = udp::Payload::fromHex(text, &hexError)) {
        FUZZ_CHECK(bytes->size() * 2 <= text.size());
    } else {
        FUZZ_CHECK(hexError.position >= 0 && hexError.position <= text.size());
    }
    const std::optional<QByteArray> hex = udp::Payload::fromHex(QString::fromLatin1(input.toHex(' ')));
    FUZZ_CHECK(hex.has_value() && *hex == input);
    return 0;
}

// Fuzz target: Python-struct formats and values (netcore/udp/structformat.h) — the UDP tab's format box, value
// line and received datagrams. The input is "<format>\n<value line>\n<datagram bytes>" (missing parts empty).
//
// Invariants: a parsed format's items fit its size; a datagram of size() bytes unpacks to valueCount() values
// that pack back (and unpack again to the same values); values typed in that pack, pack to size() bytes; the
// Python text of unpacked values, typed back in, packs to the same bytes.
#include "tests/fuzz/fuzz_common.h"

#include "netcore/udp/structformat.h"

using namespace netcore::udp;

namespace {

QStringList texts(const QList<StructValue> &values)
{
    QStringList list;
    for (const StructValue &value : values)
        list.append(structValueText(value));
    return list;
}

void checkFormat(const StructFormat &format)
{
    FUZZ_CHECK(format.size() >= 0 && format.size() <= StructFormat::kMaxPackedSize);
    FUZZ_CHECK(format.valueCodes().size() == format.valueCount());
    for (const StructItem &item : format.items()) {
        FUZZ_CHECK(item.count >= 0 && item.size >= 1 && item.offset >= 0);
        FUZZ_CHECK(item.offset + item.count * item.size <= format.size());
        FUZZ_CHECK(item.position >= 0 && item.position < format.format().size());
    }
}

void checkUnpack(const StructFormat &format, const QByteArray &datagram)
{
    StructError error;
    const std::optional<QList<StructValue>> values = format.unpack(datagram, &error);
    FUZZ_CHECK(values.has_value() == (datagram.size() == format.size()));
    if (!values) {
        FUZZ_CHECK(error.code == StructErrorCode::UnpackSize);
        return;
    }
    FUZZ_CHECK(values->size() == format.valueCount());
    // whatever unpacks, packs: and packs to bytes that unpack to the same values
    const std::optional<QByteArray> packed = format.pack(*values, &error);
    FUZZ_CHECK(packed.has_value() && packed->size() == format.size());
    const std::optional<QList<StructValue>> again = format.unpack(*packed);
    FUZZ_CHECK(again.has_value() && texts(*again) == texts(*values));
    // the values as Python prints them, typed back in, pack to the same bytes
    const std::optional<QList<StructValue>> typed = format.valuesFromText(texts(*values), &error);
    FUZZ_CHECK(typed.has_value());
    const std::optional<QByteArray> repacked = format.pack(*typed, &error);
    FUZZ_CHECK(repacked.has_value() && texts(*format.unpack(*repacked)) == texts(*values));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytesOf(data, size);
    const qsizetype firstBreak = input.indexOf('\n');
    const qsizetype secondBreak = firstBreak < 0 ? -1 : input.indexOf('\n', firstBreak + 1);
    const QString formatText = QString::fromUtf8(firstBreak < 0 ? input : input.left(firstBreak));
    const QString valueLine = firstBreak < 0 ? QString()
        : QString::fromUtf8(input.mid(firstBreak + 1, secondBreak < 0 ? -1 : secondBreak - firstBreak - 1));
    const QByteArray datagram = secondBreak < 0 ? QByteArray() : input.mid(secondBreak + 1);

    StructError error;
    const std::optional<StructFormat> format = StructFormat::parse(formatText, &error);
    if (!format) {
        FUZZ_CHECK(error.code != StructErrorCode::Count);
        FUZZ_CHECK(error.position >= 0 && error.position < formatText.size());
    } else {
        checkFormat(*format);
    }

    // the value line, whatever the format
    const std::optional<QStringList> tokens = StructFormat::splitValueLine(valueLine, &error);
    if (!tokens) {
        FUZZ_CHECK(error.position >= 0 && error.position < valueLine.size());
    }
    if (!format)
        return 0;
    if (tokens) {
        if (const std::optional<QList<StructValue>> values = format->valuesFromText(*tokens, &error)) {
            FUZZ_CHECK(values->size() == format->valueCount());
            if (const std::optional<QByteArray> packed = format->pack(*values, &error))
                FUZZ_CHECK(packed->size() == format->size());
            else
                FUZZ_CHECK(error.valueIndex >= 0 && error.valueIndex < values->size());
        }
    }
    // the datagram as received, and cut or padded to the format's size
    checkUnpack(*format, datagram);
    if (format->size() <= 65536) {
        QByteArray fitted = datagram.left(format->size());
        fitted.append(QByteArray(format->size() - fitted.size(), '\x5a'));
        checkUnpack(*format, fitted);
    }
    return 0;
}

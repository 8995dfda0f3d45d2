#include "netcore/tcp/framing.h"

#include <limits>

using netcore::common::FrameStatus;

namespace netcore::tcp {
namespace {

Frame ok(QByteArrayView payload, qsizetype frameSize)
{
    return Frame{FrameStatus::Ok, payload.toByteArray(), frameSize};
}

Frame status(FrameStatus s)
{
    return Frame{s, {}, 0};
}

// A frame ended by `terminator` found at `at` (or not found: -1). Without a terminator yet, the shortest frame the
// bytes can still become is size + 1 bytes (the terminator may already have begun): past maxFrame it never fits.
Frame terminated(QByteArrayView bytes, qsizetype at, qsizetype terminatorSize, qint64 maxFrame)
{
    if (at < 0)
        return status(qint64(bytes.size()) + 1 > maxFrame ? FrameStatus::TooLarge : FrameStatus::Incomplete);
    const qsizetype frameSize = at + terminatorSize;
    if (qint64(frameSize) > maxFrame)
        return status(FrameStatus::TooLarge);
    return ok(bytes.first(at), frameSize);
}

quint64 readLength(QByteArrayView header, ByteOrder order)
{
    quint64 value = 0;
    const qsizetype n = header.size();
    for (qsizetype i = 0; i < n; ++i) {
        const quint8 byte = quint8(header.at(order == ByteOrder::BigEndian ? i : n - 1 - i));
        value = (value << 8) | byte;
    }
    return value;
}

QByteArray writeLength(quint64 value, int bytes, ByteOrder order)
{
    QByteArray header(bytes, '\0');
    for (int i = 0; i < bytes; ++i) {
        const char byte = char(quint8(value >> (8 * i)));
        header[order == ByteOrder::BigEndian ? bytes - 1 - i : i] = byte;
    }
    return header;
}

quint64 maxLengthOf(int bytes)
{
    return bytes >= 8 ? std::numeric_limits<quint64>::max() : (quint64(1) << (8 * bytes)) - 1;
}

} // namespace

bool FramingSpec::isValid() const
{
    if (maxFrame < 1)
        return false;
    switch (kind) {
    case FramingKind::None:
    case FramingKind::Line:
        return true;
    case FramingKind::Delimiter:
        return !delimiter.isEmpty();
    case FramingKind::FixedLength:
        return fixedLength >= 1;
    case FramingKind::LengthPrefix:
        return prefixBytes == 1 || prefixBytes == 2 || prefixBytes == 4 || prefixBytes == 8;
    case FramingKind::Count:
        break;
    }
    return false;
}

Frame decodeFrame(const FramingSpec &spec, QByteArrayView bytes)
{
    if (!spec.isValid())
        return status(FrameStatus::Malformed);
    switch (spec.kind) {
    case FramingKind::None: {
        if (bytes.isEmpty())
            return status(FrameStatus::Incomplete);
        const qsizetype n = qsizetype(qMin(qint64(bytes.size()), spec.maxFrame));
        return ok(bytes.first(n), n);
    }
    case FramingKind::Line: {
        const Frame frame = terminated(bytes, bytes.indexOf('\n'), 1, spec.maxFrame);
        if (frame.status == FrameStatus::Ok && frame.payload.endsWith('\r'))
            return Frame{FrameStatus::Ok, frame.payload.chopped(1), frame.frameSize};
        return frame;
    }
    case FramingKind::Delimiter:
        return terminated(bytes, bytes.indexOf(spec.delimiter), spec.delimiter.size(), spec.maxFrame);
    case FramingKind::FixedLength:
        if (spec.fixedLength > spec.maxFrame)
            return status(FrameStatus::TooLarge);
        if (qint64(bytes.size()) < spec.fixedLength)
            return status(FrameStatus::Incomplete);
        return ok(bytes.first(qsizetype(spec.fixedLength)), qsizetype(spec.fixedLength));
    case FramingKind::LengthPrefix: {
        const qsizetype header = spec.prefixBytes;
        if (qint64(header) > spec.maxFrame)
            return status(FrameStatus::TooLarge);
        if (bytes.size() < header)
            return status(FrameStatus::Incomplete);
        const quint64 length = readLength(bytes.first(header), spec.byteOrder);
        if (spec.lengthIncludesHeader && length < quint64(header))
            return status(FrameStatus::Malformed);
        // Compared before adding: an 8-byte length near 2^64 must not wrap around.
        const quint64 limit = quint64(spec.maxFrame);
        if (length > limit)
            return status(FrameStatus::TooLarge);
        const quint64 total = spec.lengthIncludesHeader ? length : length + quint64(header);
        if (total > limit)
            return status(FrameStatus::TooLarge);
        if (quint64(bytes.size()) < total)
            return status(FrameStatus::Incomplete);
        return ok(bytes.sliced(header, qsizetype(total) - header), qsizetype(total));
    }
    case FramingKind::Count:
        break;
    }
    return status(FrameStatus::Malformed);
}

QByteArray encodeFrame(const FramingSpec &spec, QByteArrayView payload)
{
    if (!spec.isValid())
        return {};
    switch (spec.kind) {
    case FramingKind::None:
        return payload.toByteArray();
    case FramingKind::Line:
        if (payload.contains('\n') || payload.endsWith('\r'))
            return {};
        return payload.toByteArray() + '\n';
    case FramingKind::Delimiter:
        // The payload followed by the delimiter must not hold the delimiter earlier.
        if (QByteArray(payload.toByteArray() + spec.delimiter).indexOf(spec.delimiter) != payload.size())
            return {};
        return payload.toByteArray() + spec.delimiter;
    case FramingKind::FixedLength:
        return qint64(payload.size()) == spec.fixedLength ? payload.toByteArray() : QByteArray();
    case FramingKind::LengthPrefix: {
        const quint64 length = quint64(payload.size()) + (spec.lengthIncludesHeader ? quint64(spec.prefixBytes) : 0);
        if (length > maxLengthOf(spec.prefixBytes))
            return {};
        return writeLength(length, spec.prefixBytes, spec.byteOrder) + payload.toByteArray();
    }
    case FramingKind::Count:
        break;
    }
    return {};
}

Recut recut(const FramingSpec &spec, QByteArrayView bytes)
{
    Recut result;
    qsizetype at = 0;
    for (;;) {
        const Frame frame = decodeFrame(spec, bytes.sliced(at));
        if (frame.status != FrameStatus::Ok) {
            result.end = frame.status;
            break;
        }
        result.frames.append(frame.payload);
        at += frame.frameSize;
    }
    result.restOffset = at;
    return result;
}

Reframer::Reframer(const FramingSpec &spec)
    : m_spec(spec)
{
}

void Reframer::append(QByteArrayView bytes)
{
    if (m_stuck != FrameStatus::Incomplete)
        return;   // nothing after a broken frame can be framed: not kept
    if (m_pos > 0 && m_pos >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes);
}

Frame Reframer::next()
{
    if (m_stuck != FrameStatus::Incomplete)
        return status(m_stuck);
    const Frame frame = decodeFrame(m_spec, QByteArrayView(m_buffer).sliced(m_pos));
    switch (frame.status) {
    case FrameStatus::Ok:
        m_pos += frame.frameSize;
        if (m_pos == m_buffer.size()) {
            m_buffer.clear();
            m_pos = 0;
        }
        break;
    case FrameStatus::Incomplete:
        break;
    case FrameStatus::Malformed:
    case FrameStatus::TooLarge:
        m_stuck = frame.status;
        m_buffer.clear();
        m_pos = 0;
        break;
    }
    return frame;
}

void Reframer::clear()
{
    m_buffer.clear();
    m_pos = 0;
    m_stuck = FrameStatus::Incomplete;
}

} // namespace netcore::tcp

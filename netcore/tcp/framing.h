#pragma once

#include "netcore/common/framing.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// The TCP workbench's framings: the same received bytes re-cut into messages by a rule the user chooses (the
// lesson "a byte stream has no message boundaries; framing is the fix"). Pure functions of the bytes, no socket.
// docs/protocols/tcp.md draws each layout. Every size limit below counts the whole frame: header, payload and
// terminator or delimiter.
//
//   None          every byte that is there is one frame, at most maxFrame bytes (never TooLarge)
//   Line          payload "\n", a "\r" before the "\n" is dropped from the payload (so "\n" and "\r\n" both end a line)
//   Delimiter     payload DELIM (e.g. "##"); the payload is everything before the first DELIM
//   FixedLength   exactly `fixedLength` bytes
//   LengthPrefix  an unsigned N-byte length (N = 1, 2, 4, 8; big or little endian), then the payload; the length
//                 counts the payload alone, or header + payload (`lengthIncludesHeader`: a length smaller than
//                 the header is Malformed)
namespace netcore::tcp {

enum class FramingKind : quint8 { None, Line, Delimiter, FixedLength, LengthPrefix, Count };
enum class ByteOrder : quint8 { BigEndian, LittleEndian };

struct FramingSpec {
    static constexpr qint64 kDefaultMaxFrame = qint64(1) << 20;

    FramingKind kind = FramingKind::None;
    QByteArray delimiter = QByteArrayLiteral("##");   // Delimiter: not empty
    qint64 fixedLength = 0;                           // FixedLength: >= 1
    int prefixBytes = 4;                              // LengthPrefix: 1, 2, 4 or 8
    ByteOrder byteOrder = ByteOrder::BigEndian;       // LengthPrefix
    bool lengthIncludesHeader = false;                // LengthPrefix
    qint64 maxFrame = kDefaultMaxFrame;               // >= 1

    // Whether the fields the kind uses hold values a decoder can work with.
    bool isValid() const;

    friend bool operator==(const FramingSpec &, const FramingSpec &) = default;
};

struct Frame {
    common::FrameStatus status = common::FrameStatus::Incomplete;
    QByteArray payload;       // Ok: the message without header, terminator or delimiter
    qsizetype frameSize = 0;  // Ok: bytes to remove from the front of the buffer
};

// The first frame at the front of `bytes` (an invalid spec: Malformed).
Frame decodeFrame(const FramingSpec &spec, QByteArrayView bytes);

// The framing's bytes around one payload (the sender's side; None: the payload as is). Empty for an invalid spec
// or a payload the framing cannot carry (a delimiter or "\n" inside it, a wrong fixed length, a length the
// prefix cannot hold).
QByteArray encodeFrame(const FramingSpec &spec, QByteArrayView payload);

// All of `bytes` re-cut: every whole frame, then how it ended (Incomplete: `rest` bytes wait for more;
// Malformed/TooLarge: the stream cannot be re-synchronised, the remaining bytes from `restOffset` are not framed).
struct Recut {
    QList<QByteArray> frames;
    common::FrameStatus end = common::FrameStatus::Incomplete;
    qsizetype restOffset = 0;
};
Recut recut(const FramingSpec &spec, QByteArrayView bytes);

// A stream re-cut as it arrives: append every read, take frames while next() says Ok. After Malformed or
// TooLarge it stays there (the rest of the stream cannot be framed). Holds at most maxFrame bytes plus one read.
class Reframer
{
public:
    explicit Reframer(const FramingSpec &spec);

    void append(QByteArrayView bytes);
    Frame next();
    qsizetype buffered() const { return m_buffer.size() - m_pos; }
    const FramingSpec &spec() const { return m_spec; }
    void clear();

private:
    FramingSpec m_spec;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    common::FrameStatus m_stuck = common::FrameStatus::Incomplete;   // Malformed/TooLarge once hit
};

} // namespace netcore::tcp

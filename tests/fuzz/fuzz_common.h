#pragma once

// Shared by every libFuzzer target in tests/fuzz (docs/fuzzing.md): how to cut one input into the pieces a
// socket might deliver, and a check that aborts (libFuzzer and the replay program both report an abort as a
// crash, with the input that caused it).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Aborts with the failed condition when an invariant of a decoder does not hold.
#define FUZZ_CHECK(condition)                                                                                      \
    do {                                                                                                           \
        if (!(condition)) {                                                                                        \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition);                \
            std::abort();                                                                                          \
        }                                                                                                          \
    } while (false)

namespace fuzz {

// The input as a QByteArray that does not copy it (libFuzzer owns the bytes for the call).
inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A small deterministic generator seeded by the input itself (FNV-1a of the bytes), so the same input always
// splits the same way and a reproducer reproduces.
class Splitter
{
public:
    explicit Splitter(QByteArrayView bytes, quint64 salt = 0)
    {
        quint64 h = 0xcbf29ce484222325ULL ^ salt;
        for (const char c : bytes)
            h = (h ^ quint8(c)) * 0x100000001b3ULL;
        m_state = h | 1;
    }
    quint64 next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }
    // Piece sizes: mostly 1..16 bytes (every boundary gets hit), now and then up to 512.
    qsizetype pieceSize()
    {
        const quint64 r = next();
        return (r & 7) == 0 ? qsizetype(1 + (r >> 8) % 512) : qsizetype(1 + (r >> 8) % 16);
    }

private:
    quint64 m_state = 1;
};

// The input cut into consecutive pieces whose sizes come from Splitter.
inline QList<QByteArrayView> pieces(QByteArrayView bytes, quint64 salt = 0)
{
    Splitter splitter(bytes, salt);
    QList<QByteArrayView> list;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype n = qMin(bytes.size() - at, splitter.pieceSize());
        list.append(bytes.sliced(at, n));
        at += n;
    }
    return list;
}

} // namespace fuzz

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>

#include <deque>
#include <optional>

// One received datagram as the listener keeps it, and a bounded store of the newest of them.
namespace netcore::udp {

struct Datagram {
    quint64 index = 0;            // 0, 1, 2 ... over the listener's life (survives eviction)
    qint64 wallUs = 0;            // arrival, microseconds since the Unix epoch (UTC)
    QHostAddress source;
    quint16 sourcePort = 0;
    QHostAddress destination;     // the address it was sent to (broadcast, group, ours), null if unknown
    quint16 destinationPort = 0;
    QByteArray payload;
    std::optional<quint64> sequence;   // sequenced header's number (the full unsigned 64 bits), none without one
};

// The newest `capacity` datagrams (oldest evicted first). Not thread-safe: one owner.
class DatagramStore
{
public:
    static constexpr qsizetype kDefaultCapacity = 100'000;

    explicit DatagramStore(qsizetype capacity = kDefaultCapacity) : m_capacity(std::max<qsizetype>(1, capacity)) {}

    // Appends, then evicts from the front; returns how many were evicted.
    qsizetype append(const QList<Datagram> &batch);
    // Drops the n oldest (for models that announce removals before they happen).
    void removeFront(qsizetype n);
    void setCapacity(qsizetype capacity); // evicts at once when shrinking
    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return qsizetype(m_items.size()); }
    const Datagram &at(qsizetype row) const { return m_items[size_t(row)]; }
    qsizetype payloadBytes() const { return m_bytes; }
    void clear();

private:
    qsizetype evict();

    std::deque<Datagram> m_items;
    qsizetype m_capacity;
    qsizetype m_bytes = 0;
};

} // namespace netcore::udp

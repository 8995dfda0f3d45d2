#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>

// The senders a UDP listener has heard from: UDP has no connections, so "who is there" is who sent. The classroom
// panel lists them like a TCP server's clients (address, since when, bytes), without a way to disconnect one.
namespace netcore::udp {

struct UdpPeer {
    quint64 id = 0;             // unique for the listener's life, from 1, in first-seen order
    QHostAddress address;
    quint16 port = 0;
    qint64 firstSeenUs = 0;     // wall clock, µs since the epoch (UTC)
    qint64 lastSeenUs = 0;
    quint64 datagrams = 0;      // from the peer
    quint64 bytes = 0;          // payload bytes from the peer
    quint64 repliedBytes = 0;   // payload bytes of the listener's replies to it
};

// Bounded: a flood from spoofed sources cannot grow it past kMaxPeers (later senders are counted in untracked()).
class PeerTable
{
public:
    static constexpr qsizetype kMaxPeers = 1024;

    void add(const QHostAddress &address, quint16 port, qint64 bytes, qint64 wallUs, qint64 repliedBytes = 0);
    QList<UdpPeer> peers() const;   // in first-seen order
    qsizetype size() const { return m_peers.size(); }
    quint64 untracked() const { return m_untracked; }
    void clear();

private:
    struct Key {
        QHostAddress address;
        quint16 port = 0;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept { return qHashMulti(seed, key.address, key.port); }
    };
    QHash<Key, UdpPeer> m_peers;
    quint64 m_nextId = 1;
    quint64 m_untracked = 0;
};

} // namespace netcore::udp

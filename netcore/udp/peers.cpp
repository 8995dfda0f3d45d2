#include "netcore/udp/peers.h"

#include <algorithm>

namespace netcore::udp {

void PeerTable::add(const QHostAddress &address, quint16 port, qint64 bytes, qint64 wallUs, qint64 repliedBytes)
{
    const Key key{address, port};
    auto it = m_peers.find(key);
    if (it == m_peers.end()) {
        if (m_peers.size() >= kMaxPeers) {
            ++m_untracked;
            return;
        }
        UdpPeer peer;
        peer.id = m_nextId++;
        peer.address = address;
        peer.port = port;
        peer.firstSeenUs = wallUs;
        it = m_peers.insert(key, peer);
    }
    it->lastSeenUs = wallUs;
    ++it->datagrams;
    it->bytes += quint64(std::max<qint64>(0, bytes));
    it->repliedBytes += quint64(std::max<qint64>(0, repliedBytes));
}

QList<UdpPeer> PeerTable::peers() const
{
    QList<UdpPeer> list = m_peers.values();
    std::sort(list.begin(), list.end(), [](const UdpPeer &a, const UdpPeer &b) { return a.id < b.id; });
    return list;
}

void PeerTable::clear()
{
    m_peers.clear();
    m_untracked = 0;
}

} // namespace netcore::udp

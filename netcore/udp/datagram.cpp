#include "netcore/udp/datagram.h"

namespace netcore::udp {

qsizetype DatagramStore::append(const QList<Datagram> &batch)
{
    // Only the newest `capacity` of a huge batch can stay: skip the rest without copying them.
    const qsizetype skip = std::max<qsizetype>(0, batch.size() - m_capacity);
    for (qsizetype i = skip; i < batch.size(); ++i) {
        m_items.push_back(batch.at(i));
        m_bytes += batch.at(i).payload.size();
    }
    return skip + evict();
}

void DatagramStore::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    evict();
}

void DatagramStore::removeFront(qsizetype n)
{
    for (qsizetype i = 0; i < n && !m_items.empty(); ++i) {
        m_bytes -= m_items.front().payload.size();
        m_items.pop_front();
    }
}

void DatagramStore::clear()
{
    m_items.clear();
    m_bytes = 0;
}

qsizetype DatagramStore::evict()
{
    qsizetype evicted = 0;
    while (size() > m_capacity) {
        m_bytes -= m_items.front().payload.size();
        m_items.pop_front();
        ++evicted;
    }
    return evicted;
}

} // namespace netcore::udp

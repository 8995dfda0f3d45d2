#pragma once

#include "netcore/udp/datagram.h"

#include <QIODevice>
#include <QString>

// Writing received datagrams to files other tools read.
//
// CSV (RFC 4180, UTF-8, header row): index,time_utc,source,source_port,destination,destination_port,size,sequence,hex,text
//   time_utc is ISO 8601 with microseconds; sequence is empty without a sequenced header; text is the payload as
//   visible text (control bytes escaped, see common/bytesformat.h).
// pcap (libpcap classic format, microsecond timestamps, LINKTYPE_RAW = 101): each datagram becomes one packet with a
//   synthesized IPv4 (or IPv6) header and a UDP header around the exact payload, so tshark/Wireshark decode it as
//   UDP. The IPv4 header checksum is computed; the UDP checksum is computed as well (IPv6 requires it).
//   Unknown destinations (no IP_PKTINFO) use `fallbackDestination` (the listener's address).
namespace netcore::udp {

class DatagramExport
{
public:
    static constexpr quint32 kLinkTypeRaw = 101;

    static bool writeCsv(QIODevice &device, const DatagramStore &store, QString *error);
    static bool writePcap(QIODevice &device, const DatagramStore &store, const QHostAddress &fallbackDestination,
                          quint16 fallbackPort, QString *error);
    // One packet (IP + UDP + payload) as written into the pcap file.
    static QByteArray ipPacket(const Datagram &datagram, const QHostAddress &fallbackDestination, quint16 fallbackPort);
};

} // namespace netcore::udp

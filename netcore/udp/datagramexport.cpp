#include "netcore/udp/datagramexport.h"

#include "netcore/common/bytesformat.h"

#include <QDateTime>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString isoTime(qint64 wallUs)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(wallUs / 1000, Qt::UTC);
    return time.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'.' + QString::number(wallUs % 1'000'000).rightJustified(6, u'0') + u'Z';
}

// One's-complement sum of 16-bit big-endian words (RFC 1071).
quint32 sum16(const QByteArray &bytes, quint32 sum = 0)
{
    const auto *p = reinterpret_cast<const quint8 *>(bytes.constData());
    qsizetype i = 0;
    for (; i + 1 < bytes.size(); i += 2)
        sum += quint32(p[i] << 8 | p[i + 1]);
    if (i < bytes.size())
        sum += quint32(p[i] << 8);
    return sum;
}

quint16 foldChecksum(quint32 sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum & 0xffff);
}

void put16(QByteArray &out, qsizetype at, quint16 value) { qToBigEndian(value, out.data() + at); }

QByteArray addressBytes(const QHostAddress &address, bool ipv6)
{
    if (!ipv6) {
        QByteArray bytes(4, '\0');
        qToBigEndian(address.toIPv4Address(), bytes.data());
        return bytes;
    }
    const Q_IPV6ADDR a = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(a.c), 16);
}

} // namespace

bool DatagramExport::writeCsv(QIODevice &device, const DatagramStore &store, QString *error)
{
    QByteArray text = "index,time_utc,source,source_port,destination,destination_port,size,sequence,hex,text\r\n"_ba;
    for (qsizetype row = 0; row < store.size(); ++row) {
        const Datagram &d = store.at(row);
        const QStringList fields{QString::number(d.index), isoTime(d.wallUs), d.source.toString(), QString::number(d.sourcePort),
                                 d.destination.toString(), d.destination.isNull() ? QString() : QString::number(d.destinationPort),
                                 QString::number(d.payload.size()), d.sequence ? QString::number(*d.sequence) : QString(),
                                 QString::fromLatin1(d.payload.toHex()), csvField(common::visibleText(d.payload))};
        text += fields.join(u',').toUtf8() + "\r\n";
        if (text.size() > (1 << 20) || row + 1 == store.size()) {
            if (device.write(text) != text.size()) {
                *error = device.errorString();
                return false;
            }
            text.clear();
        }
    }
    if (!text.isEmpty() && device.write(text) != text.size()) {
        *error = device.errorString();
        return false;
    }
    return true;
}

QByteArray DatagramExport::ipPacket(const Datagram &datagram, const QHostAddress &fallbackDestination, quint16 fallbackPort)
{
    QHostAddress source = datagram.source;
    QHostAddress destination = datagram.destination.isNull() ? fallbackDestination : datagram.destination;
    const quint16 destinationPort = datagram.destination.isNull() ? fallbackPort : datagram.destinationPort;
    // IPv4-mapped IPv6 (a dual-stack socket) is written as plain IPv4.
    bool ok = false;
    if (const quint32 v4 = source.toIPv4Address(&ok); ok)
        source = QHostAddress(v4);
    if (const quint32 v4 = destination.toIPv4Address(&ok); ok)
        destination = QHostAddress(v4);
    const bool ipv6 = source.protocol() == QAbstractSocket::IPv6Protocol || destination.protocol() == QAbstractSocket::IPv6Protocol;
    const QByteArray src = addressBytes(source, ipv6);
    const QByteArray dst = addressBytes(destination, ipv6);
    const auto udpLength = quint16(8 + datagram.payload.size());

    QByteArray udp(8, '\0');
    put16(udp, 0, datagram.sourcePort);
    put16(udp, 2, destinationPort);
    put16(udp, 4, udpLength);
    udp += datagram.payload;
    // Pseudo-header: addresses, protocol 17, UDP length.
    quint32 sum = sum16(src) + sum16(dst) + 17 + udpLength;
    sum = sum16(udp, sum);
    quint16 checksum = foldChecksum(sum);
    put16(udp, 6, checksum == 0 ? 0xffff : checksum);

    QByteArray ip;
    if (ipv6) {
        ip = QByteArray(8, '\0');
        ip[0] = char(0x60);
        put16(ip, 4, udpLength);
        ip[6] = char(17);   // next header: UDP
        ip[7] = char(64);   // hop limit
        ip += src + dst;
    } else {
        ip = QByteArray(12, '\0');
        ip[0] = char(0x45); // version 4, 5 words
        put16(ip, 2, quint16(20 + udpLength));
        put16(ip, 4, quint16(datagram.index & 0xffff)); // identification
        ip[6] = char(0x40); // don't fragment
        ip[8] = char(64);   // TTL
        ip[9] = char(17);   // protocol: UDP
        ip += src + dst;
        put16(ip, 10, foldChecksum(sum16(ip)));
    }
    return ip + udp;
}

bool DatagramExport::writePcap(QIODevice &device, const DatagramStore &store, const QHostAddress &fallbackDestination,
                               quint16 fallbackPort, QString *error)
{
    QByteArray out(24, '\0');
    qToLittleEndian<quint32>(0xa1b2c3d4, out.data());      // microsecond timestamps
    qToLittleEndian<quint16>(2, out.data() + 4);           // version 2.4
    qToLittleEndian<quint16>(4, out.data() + 6);
    qToLittleEndian<quint32>(65535 + 48, out.data() + 16); // snaplen: any datagram + headers
    qToLittleEndian<quint32>(kLinkTypeRaw, out.data() + 20);
    for (qsizetype row = 0; row < store.size(); ++row) {
        const Datagram &d = store.at(row);
        const QByteArray packet = ipPacket(d, fallbackDestination, fallbackPort);
        QByteArray record(16, '\0');
        qToLittleEndian<quint32>(quint32(d.wallUs / 1'000'000), record.data());
        qToLittleEndian<quint32>(quint32(d.wallUs % 1'000'000), record.data() + 4);
        qToLittleEndian<quint32>(quint32(packet.size()), record.data() + 8);
        qToLittleEndian<quint32>(quint32(packet.size()), record.data() + 12);
        out += record + packet;
        if (out.size() > (1 << 20)) {
            if (device.write(out) != out.size()) {
                *error = device.errorString();
                return false;
            }
            out.clear();
        }
    }
    if (!out.isEmpty() && device.write(out) != out.size()) {
        *error = device.errorString();
        return false;
    }
    return true;
}

} // namespace netcore::udp

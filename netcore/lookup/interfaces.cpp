#include "netcore/lookup/interfaces.h"

#include <array>

using namespace Qt::StringLiterals;

namespace netcore::lookup {

QList<InterfaceInfo> localInterfaces()
{
    QList<InterfaceInfo> result;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        InterfaceInfo info;
        info.name = interface.name();
        info.humanReadableName = interface.humanReadableName();
        info.index = interface.index();
        info.hardwareAddress = interface.hardwareAddress();
        info.mtu = interface.maximumTransmissionUnit();
        info.type = interface.type();
        info.flags = interface.flags();
        const QList<QNetworkAddressEntry> entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            InterfaceAddress address;
            address.address = entry.ip();
            address.netmask = entry.netmask();
            address.prefixLength = entry.prefixLength();
            address.broadcast = entry.broadcast();
            info.addresses.append(address);
        }
        result.append(info);
    }
    std::sort(result.begin(), result.end(),
              [](const InterfaceInfo &a, const InterfaceInfo &b) { return a.index < b.index; });
    return result;
}

QList<QHostAddress> broadcastAddresses()
{
    QList<QHostAddress> result;
    const QList<InterfaceInfo> interfaces = localInterfaces();
    for (const InterfaceInfo &info : interfaces) {
        if (!info.flags.testFlag(QNetworkInterface::IsUp) || !info.flags.testFlag(QNetworkInterface::CanBroadcast))
            continue;
        for (const InterfaceAddress &address : info.addresses) {
            if (address.address.protocol() == QAbstractSocket::IPv4Protocol && !address.broadcast.isNull()
                && !result.contains(address.broadcast))
                result.append(address.broadcast);
        }
    }
    return result;
}

QStringList interfaceFlagKeys(QNetworkInterface::InterfaceFlags flags)
{
    static constexpr std::array<std::pair<QNetworkInterface::InterfaceFlag, const char *>, 6> kFlags{{
        {QNetworkInterface::IsUp, "up"},
        {QNetworkInterface::IsRunning, "running"},
        {QNetworkInterface::CanBroadcast, "broadcast"},
        {QNetworkInterface::IsLoopBack, "loopback"},
        {QNetworkInterface::IsPointToPoint, "point-to-point"},
        {QNetworkInterface::CanMulticast, "multicast"},
    }};
    QStringList keys;
    for (const auto &[flag, key] : kFlags) {
        if (flags.testFlag(flag))
            keys.append(QString::fromLatin1(key));
    }
    return keys;
}

QString interfaceTypeKey(QNetworkInterface::InterfaceType type)
{
    switch (type) {
    case QNetworkInterface::Loopback: return u"loopback"_s;
    case QNetworkInterface::Virtual: return u"virtual"_s;
    case QNetworkInterface::Ethernet: return u"ethernet"_s;
    case QNetworkInterface::Slip: return u"slip"_s;
    case QNetworkInterface::CanBus: return u"can"_s;
    case QNetworkInterface::Ppp: return u"ppp"_s;
    case QNetworkInterface::Fddi: return u"fddi"_s;
    case QNetworkInterface::Wifi: return u"wifi"_s;
    case QNetworkInterface::Phonet: return u"phonet"_s;
    case QNetworkInterface::Ieee802154: return u"ieee802154"_s;
    case QNetworkInterface::SixLoWPAN: return u"6lowpan"_s;
    case QNetworkInterface::Ieee80216: return u"ieee80216"_s;
    case QNetworkInterface::Ieee1394: return u"ieee1394"_s;
    case QNetworkInterface::Unknown: return u"unknown"_s;
    }
    return u"unknown"_s;
}

} // namespace netcore::lookup

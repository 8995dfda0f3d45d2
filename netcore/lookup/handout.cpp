#include "netcore/lookup/handout.h"

#include <QStringList>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

// Prefixes of the names container and VM runtimes give their interfaces.
const QStringList kVirtualPrefixes{u"docker"_s, u"veth"_s, u"br-"_s, u"virbr"_s, u"ifb"_s, u"vboxnet"_s, u"vmnet"_s,
                                   u"lxcbr"_s, u"lxdbr"_s, u"cni"_s, u"flannel"_s, u"cali"_s, u"podman"_s, u"kube"_s,
                                   u"dummy"_s};

bool isLinkLocal(const QHostAddress &address)
{
    return address.isLinkLocal();
}

} // namespace

bool isVirtualInterfaceName(const QString &name)
{
    return std::any_of(kVirtualPrefixes.cbegin(), kVirtualPrefixes.cend(),
                       [&name](const QString &prefix) { return name.startsWith(prefix); });
}

QList<HandoutAddress> handoutAddresses(const QList<InterfaceInfo> &interfaces)
{
    QList<HandoutAddress> list;
    for (const InterfaceInfo &info : interfaces) {
        if (!(info.flags & QNetworkInterface::IsUp) || (info.flags & QNetworkInterface::IsLoopBack))
            continue;
        const bool isVirtual = isVirtualInterfaceName(info.name) || info.type == QNetworkInterface::Virtual;
        for (const InterfaceAddress &entry : info.addresses) {
            if (entry.address.isNull() || entry.address.isLoopback())
                continue;
            list.append({entry.address, info.name, isVirtual, isLinkLocal(entry.address)});
        }
    }
    // Stable: within one rank the system's order stays.
    std::stable_sort(list.begin(), list.end(), [](const HandoutAddress &a, const HandoutAddress &b) {
        const auto rank = [](const HandoutAddress &h) {
            return std::tuple(h.isVirtual, h.isLinkLocal, h.address.protocol() != QAbstractSocket::IPv4Protocol);
        };
        return rank(a) < rank(b);
    });
    return list;
}

QString handoutEndpoint(const QHostAddress &address, quint16 port)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return u'[' + address.toString() + u"]:"_s + QString::number(port);
    return address.toString() + u':' + QString::number(port);
}

} // namespace netcore::lookup

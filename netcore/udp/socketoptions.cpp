#include "netcore/udp/socketoptions.h"

#include <QtGlobal>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

#ifdef Q_OS_UNIX
std::optional<int> intOption(qintptr descriptor, int level, int name)
{
    int value = 0;
    socklen_t length = sizeof value;
    if (::getsockopt(int(descriptor), level, name, &value, &length) != 0)
        return std::nullopt;
    if (length == 1) // IP_MULTICAST_TTL / IP_MULTICAST_LOOP may answer with one byte
        value = int(*reinterpret_cast<unsigned char *>(&value));
    return value;
}

void addInt(QList<SocketOption> &options, qintptr descriptor, int level, int name, const char *label)
{
    if (const std::optional<int> value = intOption(descriptor, level, name))
        options.append({QString::fromLatin1(label), QString::number(*value)});
}
#endif

} // namespace

QList<SocketOption> readSocketOptions(qintptr descriptor, QAbstractSocket::NetworkLayerProtocol protocol)
{
    QList<SocketOption> options;
#ifdef Q_OS_UNIX
    if (descriptor < 0)
        return options;
    addInt(options, descriptor, SOL_SOCKET, SO_REUSEADDR, "SO_REUSEADDR");
    addInt(options, descriptor, SOL_SOCKET, SO_BROADCAST, "SO_BROADCAST");
    addInt(options, descriptor, SOL_SOCKET, SO_RCVBUF, "SO_RCVBUF");
    addInt(options, descriptor, SOL_SOCKET, SO_SNDBUF, "SO_SNDBUF");
    if (protocol == QAbstractSocket::IPv6Protocol) {
        addInt(options, descriptor, IPPROTO_IPV6, IPV6_UNICAST_HOPS, "IPV6_UNICAST_HOPS");
        addInt(options, descriptor, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, "IPV6_MULTICAST_HOPS");
        addInt(options, descriptor, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, "IPV6_MULTICAST_LOOP");
        if (const std::optional<int> index = intOption(descriptor, IPPROTO_IPV6, IPV6_MULTICAST_IF)) {
            const QString name = *index ? QNetworkInterface::interfaceNameFromIndex(*index) : QString();
            options.append({u"IPV6_MULTICAST_IF"_s, name.isEmpty() ? u"default"_s : name});
        }
    } else {
        addInt(options, descriptor, IPPROTO_IP, IP_TTL, "IP_TTL");
        addInt(options, descriptor, IPPROTO_IP, IP_MULTICAST_TTL, "IP_MULTICAST_TTL");
        addInt(options, descriptor, IPPROTO_IP, IP_MULTICAST_LOOP, "IP_MULTICAST_LOOP");
#ifdef Q_OS_LINUX
        addInt(options, descriptor, IPPROTO_IP, IP_MULTICAST_ALL, "IP_MULTICAST_ALL");
#endif
        ip_mreqn request{};
        socklen_t length = sizeof request;
        if (::getsockopt(int(descriptor), IPPROTO_IP, IP_MULTICAST_IF, &request, &length) == 0) {
            QString value = u"default"_s;
            if (length >= socklen_t(sizeof request) && request.imr_ifindex)
                value = QNetworkInterface::interfaceNameFromIndex(request.imr_ifindex);
            else if (request.imr_multiaddr.s_addr) // the kernel answers with an in_addr when given one
                value = QHostAddress(ntohl(request.imr_multiaddr.s_addr)).toString();
            options.append({u"IP_MULTICAST_IF"_s, value});
        }
    }
#else
    Q_UNUSED(descriptor);
    Q_UNUSED(protocol);
#endif
    return options;
}

bool setBroadcast(qintptr descriptor, bool enabled, int *sysError)
{
#ifdef Q_OS_UNIX
    const int value = enabled ? 1 : 0;
    if (::setsockopt(int(descriptor), SOL_SOCKET, SO_BROADCAST, &value, sizeof value) != 0) {
        if (sysError)
            *sysError = errno;
        return false;
    }
    return true;
#else
    Q_UNUSED(descriptor);
    Q_UNUSED(enabled);
    Q_UNUSED(sysError);
    return true;
#endif
}

bool setUnicastTtl(qintptr descriptor, bool ipv6, int ttl, int *sysError)
{
#ifdef Q_OS_UNIX
    const int result = ipv6 ? ::setsockopt(int(descriptor), IPPROTO_IPV6, IPV6_UNICAST_HOPS, &ttl, sizeof ttl)
                            : ::setsockopt(int(descriptor), IPPROTO_IP, IP_TTL, &ttl, sizeof ttl);
    if (result != 0) {
        if (sysError)
            *sysError = errno;
        return false;
    }
    return true;
#else
    Q_UNUSED(descriptor);
    Q_UNUSED(ipv6);
    Q_UNUSED(ttl);
    Q_UNUSED(sysError);
    return true;
#endif
}

bool setMulticastAll(qintptr descriptor, bool ipv6, bool enabled)
{
#if defined(Q_OS_LINUX)
    const int value = enabled ? 1 : 0;
#ifndef IPV6_MULTICAST_ALL
    constexpr int IPV6_MULTICAST_ALL = 29;
#endif
    return ipv6 ? ::setsockopt(int(descriptor), IPPROTO_IPV6, IPV6_MULTICAST_ALL, &value, sizeof value) == 0
                : ::setsockopt(int(descriptor), IPPROTO_IP, IP_MULTICAST_ALL, &value, sizeof value) == 0;
#else
    Q_UNUSED(descriptor);
    Q_UNUSED(ipv6);
    Q_UNUSED(enabled);
    return false;
#endif
}

int sysErrorOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::AddressInUseError: return EADDRINUSE;
    case QAbstractSocket::SocketAccessError: return EACCES;
    case QAbstractSocket::SocketAddressNotAvailableError: return EADDRNOTAVAIL;
    case QAbstractSocket::SocketResourceError: return ENOBUFS;
    case QAbstractSocket::UnsupportedSocketOperationError: return EAFNOSUPPORT;
    case QAbstractSocket::DatagramTooLargeError: return EMSGSIZE;
    case QAbstractSocket::NetworkError: return ENETUNREACH;
    case QAbstractSocket::ConnectionRefusedError: return ECONNREFUSED;
    case QAbstractSocket::HostNotFoundError: return EHOSTUNREACH;
    default: return 0;
    }
}

} // namespace netcore::udp

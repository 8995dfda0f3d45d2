#include "netcore/tcp/tcpinfo.h"

#ifdef Q_OS_LINUX
#include <linux/sockios.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#endif

namespace netcore::tcp {

#ifdef Q_OS_LINUX
namespace {
qint64 socketInt(int fd, int option)
{
    int value = 0;
    socklen_t size = sizeof value;
    return ::getsockopt(fd, SOL_SOCKET, option, &value, &size) == 0 ? qint64(value) : -1;
}

qint64 queued(int fd, unsigned long request)
{
    int value = 0;
    return ::ioctl(fd, request, &value) == 0 ? qint64(value) : -1;
}
} // namespace

std::optional<TcpFacts> readTcpFacts(qintptr descriptor)
{
    if (descriptor < 0)
        return std::nullopt;
    const int fd = int(descriptor);
    tcp_info info{};
    socklen_t size = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) != 0 || size < offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received)
        return std::nullopt;
    TcpFacts facts;
    facts.state = info.tcpi_state >= quint8(TcpState::Established) && info.tcpi_state < quint8(TcpState::Count)
                      ? TcpState(info.tcpi_state)
                      : TcpState::Unknown;
    facts.rttUs = info.tcpi_rtt;
    facts.rttVarUs = info.tcpi_rttvar;
    facts.sndCwnd = info.tcpi_snd_cwnd;
    facts.sndMss = info.tcpi_snd_mss;
    facts.retransmits = info.tcpi_retransmits;
    facts.totalRetrans = info.tcpi_total_retrans;
    facts.unacked = info.tcpi_unacked;
    facts.bytesAcked = info.tcpi_bytes_acked;
    facts.bytesReceived = info.tcpi_bytes_received;
    facts.sendQueue = queued(fd, SIOCOUTQ);
    facts.receiveQueue = queued(fd, SIOCINQ);
    facts.sendBuffer = socketInt(fd, SO_SNDBUF);
    facts.receiveBuffer = socketInt(fd, SO_RCVBUF);
    return facts;
}
#else
std::optional<TcpFacts> readTcpFacts(qintptr descriptor)
{
    Q_UNUSED(descriptor)
    return std::nullopt;
}
#endif

} // namespace netcore::tcp

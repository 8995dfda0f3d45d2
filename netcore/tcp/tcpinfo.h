#pragma once

#include <QtGlobal>

#include <optional>

// What the kernel knows about one TCP connection right now (Linux: getsockopt TCP_INFO, the ioctls SIOCOUTQ and
// SIOCINQ, SO_SNDBUF and SO_RCVBUF): the TCP workbench's facts panel and `tcp connect --info`.
// presentation/tcp/tcptext.h factsRows() says each field in words.
namespace netcore::tcp {

// The kernel's TCP states (include/net/tcp_states.h), in its numbering from 1.
enum class TcpState : quint8 {
    Unknown = 0,
    Established = 1,
    SynSent,
    SynRecv,
    FinWait1,
    FinWait2,
    TimeWait,
    Close,
    CloseWait,
    LastAck,
    Listen,
    Closing,
    NewSynRecv,
    Count
};

struct TcpFacts {
    TcpState state = TcpState::Unknown;
    quint32 rttUs = 0;            // smoothed round-trip time, µs
    quint32 rttVarUs = 0;         // its mean deviation, µs
    quint32 sndCwnd = 0;          // congestion window, in segments
    quint32 sndMss = 0;           // largest segment we send, bytes
    quint32 retransmits = 0;      // retransmissions of the segment now unacknowledged (timeouts in a row)
    quint32 totalRetrans = 0;     // segments retransmitted over the connection's life
    quint32 unacked = 0;          // segments sent and not yet acknowledged
    quint64 bytesAcked = 0;       // bytes of ours the peer acknowledged
    quint64 bytesReceived = 0;    // bytes received from the peer (acknowledged by us)
    qint64 sendQueue = -1;        // bytes in the kernel's send queue not yet acknowledged (SIOCOUTQ); -1 unknown
    qint64 receiveQueue = -1;     // bytes received that the program has not read yet (SIOCINQ); -1 unknown
    qint64 sendBuffer = -1;       // SO_SNDBUF, bytes
    qint64 receiveBuffer = -1;    // SO_RCVBUF, bytes

    friend bool operator==(const TcpFacts &, const TcpFacts &) = default;
};

// The facts of the TCP socket `descriptor`; nullopt when it is not a TCP socket, the call fails, or not on Linux.
std::optional<TcpFacts> readTcpFacts(qintptr descriptor);

} // namespace netcore::tcp

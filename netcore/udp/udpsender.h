#pragma once

#include "netcore/common/error.h"
#include "netcore/common/transcript.h"
#include "netcore/udp/socketoptions.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <chrono>

class QTimer;
class QUdpSocket;

namespace netcore::udp {

// What kind of destination an address is; decides which socket options the sender sets: 255.255.255.255 ->
// LimitedBroadcast, 224/4 and ff00::/8 -> Multicast, a broadcast address of a local interface (or any address
// when SenderOptions::broadcast) -> SubnetBroadcast, else Unicast.
enum class DestinationKind { Unicast, LimitedBroadcast, SubnetBroadcast, Multicast };

struct SenderOptions {
    QHostAddress destination;
    quint16 port = 0;
    bool broadcast = false;        // set SO_BROADCAST even when the address does not look like a broadcast
    int ttl = -1;                  // IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS for groups, IP_TTL otherwise; -1 = system default
    QString multicastInterface;    // outgoing interface for multicast (IP_MULTICAST_IF), empty = routing table
    bool multicastLoopback = true; // IP_MULTICAST_LOOP: deliver our own multicast to local listeners
    QHostAddress bindAddress;      // null = any address of the destination's family
    quint16 bindPort = 0;
    QByteArray payload;
    qint64 count = 1;              // datagrams to send; 0 = until stop()
    std::chrono::microseconds interval{0}; // between datagrams (>= 1 ms honoured by a precise timer)
    double rate = 0;               // datagrams per second instead of interval (0 = use interval)
    bool sequenced = false;        // prefix a sequenced header (sequenced.h)
    qsizetype sequencedSize = -1;  // datagram size in sequenced mode; -1 = header + payload
};

struct SenderStats {
    quint64 sent = 0;
    quint64 bytes = 0;
    quint64 retries = 0;          // sends the kernel deferred (buffer full), retried on the next tick
    qint64 elapsedUs = 0;
    double achievedRate() const { return elapsedUs > 0 ? double(sent) * 1e6 / double(elapsedUs) : 0; }
};

// Sends datagrams on a schedule: `count` of them, `interval` apart or at `rate` per second. The schedule is
// kept against a monotonic clock: each tick of a Qt::PreciseTimer sends every datagram that is due (so 1 ms
// intervals and 100,000 datagrams/s both hold on average). Usable headless (CLI, benchmark) and from the tab.
class UdpSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpSender)

public:
    enum class State { Idle, Sending };
    Q_ENUM(State)

    // Why start() refused or sending stopped; the detail (errorDetail()) holds the data.
    enum class Error : quint8 {
        NoDestination,         // no destination address or port 0
        DatagramTooLarge,      // more than kMaxDatagramSize bytes (the datagram's size is not kept: the options know it)
        NegativeSchedule,      // count, interval or rate below zero
        BindFailed,            // peer = the local address:port asked for; sysError, raw = Qt's words
        BroadcastRefused,      // setsockopt(SO_BROADCAST) failed: sysError
        NoSuchInterface,       // raw = the interface name as given
        TtlRefused,            // setsockopt(IP_TTL / IPV6_UNICAST_HOPS) failed: sysError
        SendFailed,            // peer = the destination; sysError when known, raw = Qt's words
        Count
    };
    Q_ENUM(Error)

    static constexpr std::chrono::milliseconds kMinTick{1};
    static constexpr int kMaxBurst = 4096;           // datagrams per tick at most (then the event loop runs)
    static constexpr std::chrono::milliseconds kProgressInterval{100};

    explicit UdpSender(QObject *parent = nullptr);
    ~UdpSender() override;

    void setTranscript(common::Transcript *transcript) { m_transcript = transcript; }

    // Opens the socket, sets the options and schedules the datagrams (the first as soon as the event loop runs).
    // false (and error() + errorDetail()) when the options are invalid or the socket cannot be set up.
    bool start(const SenderOptions &options);
    void stop();

    State state() const { return m_state; }
    // The last error (Error::Count when none since start()) and its detail.
    Error error() const { return m_error; }
    common::ErrorDetail errorDetail() const { return m_errorDetail; }
    SenderStats stats() const;
    QList<SocketOption> socketOptions() const { return m_socketOptions; }
    quint16 localPort() const;
    DestinationKind destinationKind() const { return m_kind; }

Q_SIGNALS:
    void stateChanged(netcore::udp::UdpSender::State state);
    void progress(quint64 sent, quint64 bytes);  // at most every kProgressInterval, and once at the end
    void finished();                             // count reached (not after stop())
    void errorOccurred(netcore::udp::UdpSender::Error error);  // sending stopped on an error (after stateChanged)

private:
    void onTick();
    bool sendOne();
    bool setUpSocket();
    void finish(bool completed);
    bool fail(Error error, common::ErrorDetail detail = {});
    qint64 dueCount() const;

    SenderOptions m_options;
    DestinationKind m_kind = DestinationKind::Unicast;
    QUdpSocket *m_socket = nullptr;
    QTimer *m_timer = nullptr;
    QPointer<common::Transcript> m_transcript;
    QElapsedTimer m_clock;
    QElapsedTimer m_progressClock;
    State m_state = State::Idle;
    Error m_error = Error::Count;
    common::ErrorDetail m_errorDetail;
    QList<SocketOption> m_socketOptions;
    double m_intervalUs = 0;       // 0 = as fast as possible
    SenderStats m_stats;
    QString m_localText;
    QString m_peerText;
};

} // namespace netcore::udp

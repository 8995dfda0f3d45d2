#pragma once

#include "netcore/common/error.h"
#include "netcore/common/transcript.h"
#include "netcore/udp/datagram.h"
#include "netcore/udp/peers.h"
#include "netcore/udp/sequenced.h"
#include "netcore/udp/socketoptions.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

class QThread;
class QTimer;

namespace netcore::udp {

class ListenerWorker;

struct ListenerOptions {
    QHostAddress bindAddress = QHostAddress(QHostAddress::AnyIPv4);
    quint16 port = 0;                 // 0 = let the system pick (see UdpListener::localPort())
    QList<QHostAddress> groups;       // multicast groups to join at start
    QString groupInterface;           // interface for the joins, empty = the system's choice
    bool replyEnabled = false;        // answer every datagram with `reply` (the course's "I am here")
    QByteArray reply;
    int receiveBufferSize = 8 * 1024 * 1024; // SO_RCVBUF asked for (the kernel may give less: see socketOptions())
    qsizetype maxPending = DatagramStore::kDefaultCapacity; // datagrams held for delivery at most (the newest)
};

// Counters over the listener's life (since start() or resetCounters()), exact even when datagrams are not shown.
struct ListenerCounters {
    quint64 datagrams = 0;
    quint64 bytes = 0;
    quint64 replies = 0;
    quint64 replyErrors = 0;
    quint64 notDelivered = 0;  // received and counted, but dropped before delivery because the consumer lagged
    quint64 sequenced = 0;     // datagrams that carried a sequenced header
    LossStats loss;            // over all sequenced sources
};

// Receives datagrams on a worker thread (so a flood never blocks the caller's event loop) and delivers them in
// batches: at most one datagramsReceived() per kBatchInterval. Binds with ShareAddress | ReuseAddressHint
// (SO_REUSEADDR), so several listeners on one port coexist (all get broadcasts and multicasts).
class UdpListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpListener)

public:
    enum class State { Idle, Listening };
    Q_ENUM(State)

    // Why start(), joinGroup() or leaveGroup() failed; the detail (errorDetail()) holds the data.
    enum class Error : quint8 {
        BindFailed,        // peer = the address:port asked for; sysError, raw = Qt's words
        NotMulticastGroup, // peer = the address given (not in 224.0.0.0/4 or ff00::/8)
        JoinFailed,        // peer = the group; sysError, raw = Qt's words
        LeaveFailed,       // peer = the group; sysError, raw = Qt's words
        NotListening,      // join or leave while not listening
        Count
    };
    Q_ENUM(Error)

    static constexpr std::chrono::milliseconds kBatchInterval{40};

    explicit UdpListener(QObject *parent = nullptr);
    ~UdpListener() override;

    // The transcript gets every received datagram and every reply (bounded by the transcript itself).
    void setTranscript(common::Transcript *transcript);

    // Binds and joins the groups (blocking until the worker has done it). false + error()/errorDetail() on failure
    // (and errorOccurred()); the same for joinGroup() and leaveGroup().
    bool start(const ListenerOptions &options);
    void stop();

    bool joinGroup(const QHostAddress &group, const QString &interfaceName = {});
    bool leaveGroup(const QHostAddress &group, const QString &interfaceName = {});
    QList<QHostAddress> joinedGroups() const { return m_groups; }
    // Changes the reply while listening.
    void setReply(bool enabled, const QByteArray &reply);

    State state() const { return m_state; }
    Error error() const { return m_error; }           // Error::Count when none
    common::ErrorDetail errorDetail() const { return m_errorDetail; }
    QHostAddress localAddress() const { return m_localAddress; }
    quint16 localPort() const { return m_localPort; }
    QList<SocketOption> socketOptions() const { return m_socketOptions; }
    ListenerCounters counters() const;
    QHash<QString, LossStats> lossPerSource() const;
    // Who sent since start() (thread-safe; kept by resetCounters(), empty while not listening).
    QList<UdpPeer> peers() const;
    void resetCounters();

Q_SIGNALS:
    void stateChanged(netcore::udp::UdpListener::State state);
    void datagramsReceived(const QList<netcore::udp::Datagram> &batch);
    void errorOccurred(netcore::udp::UdpListener::Error error);

private:
    void onBatchTimer();
    bool runOnWorker(const std::function<bool()> &job);
    bool fail(Error error, const common::ErrorDetail &detail);

    QThread *m_thread = nullptr;
    ListenerWorker *m_worker = nullptr;
    QTimer *m_batchTimer = nullptr;
    QPointer<common::Transcript> m_transcript;
    State m_state = State::Idle;
    Error m_error = Error::Count;
    common::ErrorDetail m_errorDetail;
    QHostAddress m_localAddress;
    quint16 m_localPort = 0;
    QList<SocketOption> m_socketOptions;
    QList<QHostAddress> m_groups;
};

} // namespace netcore::udp

#pragma once

#include "netcore/udp/peers.h"
#include "netcore/udp/udplistener.h"

#include <QMutex>
#include <QObject>

#include <atomic>

class QUdpSocket;

namespace netcore::udp {

// The receiving half of UdpListener, living on its worker thread. open/close/join/leave/setReply run on that
// thread (UdpListener calls them through blocking queued invocations); takePending/counters are thread-safe.
class ListenerWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenerWorker)

public:
    static constexpr qint64 kMaxRead = 65536;      // larger than any UDP payload
    static constexpr int kMaxPerWakeUp = 2048;     // then let the worker's event loop run (joins, stop)

    explicit ListenerWorker(QObject *parent = nullptr);
    ~ListenerWorker() override;

    // --- worker thread ---
    // On failure: false, *error and *detail filled.
    bool open(const ListenerOptions &options, UdpListener::Error *error, common::ErrorDetail *detail);
    void close();
    bool join(const QHostAddress &group, const QString &interfaceName, UdpListener::Error *error, common::ErrorDetail *detail);
    bool leave(const QHostAddress &group, const QString &interfaceName, UdpListener::Error *error, common::ErrorDetail *detail);
    void setReply(bool enabled, const QByteArray &reply);
    QHostAddress localAddress() const;
    quint16 localPort() const;
    QList<SocketOption> socketOptions() const;

    // --- any thread ---
    void setTranscript(common::Transcript *transcript) { m_transcript.store(transcript); }
    QList<Datagram> takePending();
    ListenerCounters counters() const;
    QHash<QString, LossStats> lossPerSource() const;
    QList<UdpPeer> peers() const;
    void resetCounters();

private:
    void onReadyRead();

    QUdpSocket *m_socket = nullptr;
    bool m_replyEnabled = false;
    QByteArray m_reply;
    qsizetype m_maxPending = DatagramStore::kDefaultCapacity;
    std::atomic<common::Transcript *> m_transcript{nullptr};

    mutable QMutex m_mutex;          // guards everything below
    QList<Datagram> m_pending;
    ListenerCounters m_counters;
    LossTable m_loss;
    PeerTable m_peers;   // since open(); not reset by resetCounters()
    quint64 m_nextIndex = 0;
};

} // namespace netcore::udp

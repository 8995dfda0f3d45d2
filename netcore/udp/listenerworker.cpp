#include "netcore/udp/listenerworker.h"

#include "netcore/common/transcript.h"

#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QUdpSocket>
#include <QVariant>

#include <chrono>

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

qint64 wallClockUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

ListenerWorker::ListenerWorker(QObject *parent) : QObject(parent) {}

ListenerWorker::~ListenerWorker() = default;

bool ListenerWorker::open(const ListenerOptions &options, UdpListener::Error *error, common::ErrorDetail *detail)
{
    close();
    m_socket = new QUdpSocket(this);
    if (!m_socket->bind(options.bindAddress, options.port, QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        *error = UdpListener::Error::BindFailed;
        *detail = {{}, common::endpointString(options.bindAddress, options.port), sysErrorOf(m_socket->error()), m_socket->errorString()};
        close();
        return false;
    }
    // Hear only the groups this listener joined (so "leave" means it), not every group joined on the host.
    setMulticastAll(m_socket->socketDescriptor(), options.bindAddress.protocol() == QAbstractSocket::IPv6Protocol, false);
    if (options.receiveBufferSize > 0)
        m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, QVariant(options.receiveBufferSize));
    m_replyEnabled = options.replyEnabled;
    m_reply = options.reply;
    m_maxPending = std::max<qsizetype>(1, options.maxPending);
    connect(m_socket, &QUdpSocket::readyRead, this, &ListenerWorker::onReadyRead);
    for (const QHostAddress &group : options.groups) {
        if (!join(group, options.groupInterface, error, detail)) {
            close();
            return false;
        }
    }
    return true;
}

void ListenerWorker::close()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        delete m_socket;
        m_socket = nullptr;
    }
}

bool ListenerWorker::join(const QHostAddress &group, const QString &interfaceName, UdpListener::Error *error,
                          common::ErrorDetail *detail)
{
    if (!m_socket) {
        *error = UdpListener::Error::NotListening;
        *detail = {};
        return false;
    }
    if (!group.isMulticast()) {
        *error = UdpListener::Error::NotMulticastGroup;
        *detail = {{}, group.toString(), 0, {}};
        return false;
    }
    const QNetworkInterface interface = QNetworkInterface::interfaceFromName(interfaceName);
    const bool ok = interfaceName.isEmpty() ? m_socket->joinMulticastGroup(group) : m_socket->joinMulticastGroup(group, interface);
    if (!ok) {
        *error = UdpListener::Error::JoinFailed;
        *detail = {{}, group.toString(), sysErrorOf(m_socket->error()), m_socket->errorString()};
    }
    return ok;
}

bool ListenerWorker::leave(const QHostAddress &group, const QString &interfaceName, UdpListener::Error *error,
                           common::ErrorDetail *detail)
{
    if (!m_socket) {
        *error = UdpListener::Error::NotListening;
        *detail = {};
        return false;
    }
    const QNetworkInterface interface = QNetworkInterface::interfaceFromName(interfaceName);
    const bool ok = interfaceName.isEmpty() ? m_socket->leaveMulticastGroup(group) : m_socket->leaveMulticastGroup(group, interface);
    if (!ok) {
        *error = UdpListener::Error::LeaveFailed;
        *detail = {{}, group.toString(), sysErrorOf(m_socket->error()), m_socket->errorString()};
    }
    return ok;
}

void ListenerWorker::setReply(bool enabled, const QByteArray &reply)
{
    m_replyEnabled = enabled;
    m_reply = reply;
}

QHostAddress ListenerWorker::localAddress() const
{
    return m_socket ? m_socket->localAddress() : QHostAddress();
}

quint16 ListenerWorker::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

QList<SocketOption> ListenerWorker::socketOptions() const
{
    return m_socket ? readSocketOptions(m_socket->socketDescriptor(), m_socket->localAddress().protocol()) : QList<SocketOption>();
}

void ListenerWorker::onReadyRead()
{
    QList<Datagram> batch;
    QList<qint64> replied;   // bytes of the reply to each datagram of the batch (0: none)
    quint64 replies = 0;
    quint64 replyErrors = 0;
    common::Transcript *transcript = m_transcript.load();
    const QString local = transcript ? common::endpointString(m_socket->localAddress(), m_socket->localPort()) : QString();
    for (int n = 0; n < kMaxPerWakeUp && m_socket->hasPendingDatagrams(); ++n) {
        const QNetworkDatagram received = m_socket->receiveDatagram(kMaxRead);
        if (!received.isValid())
            break;
        Datagram d;
        d.wallUs = wallClockUs();
        d.source = received.senderAddress();
        d.sourcePort = quint16(received.senderPort());
        d.destination = received.destinationAddress();
        d.destinationPort = quint16(received.destinationPort());
        d.payload = QByteArray(received.data().constData(), received.data().size()); // exact size, not kMaxRead
        if (const std::optional<SequencedHeader> header = parseSequencedHeader(d.payload))
            d.sequence = header->sequence;
        if (transcript)
            transcript->append(common::Direction::Received, d.payload, local, common::endpointString(d.source, d.sourcePort));
        qint64 repliedBytes = 0;
        if (m_replyEnabled) {
            if (m_socket->writeDatagram(m_reply, d.source, d.sourcePort) >= 0) {
                ++replies;
                repliedBytes = m_reply.size();
                if (transcript)
                    transcript->append(common::Direction::Sent, m_reply, local, common::endpointString(d.source, d.sourcePort));
            } else {
                ++replyErrors;
            }
        }
        batch.append(std::move(d));
        replied.append(repliedBytes);
    }
    if (batch.isEmpty())
        return;
    QMutexLocker locker(&m_mutex);
    QString sourceKey;
    QHostAddress keyAddress;
    quint16 keyPort = 0;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        Datagram &d = batch[i];
        m_peers.add(d.source, d.sourcePort, d.payload.size(), d.wallUs, replied.at(i));
        d.index = m_nextIndex++;
        ++m_counters.datagrams;
        m_counters.bytes += quint64(d.payload.size());
        if (d.sequence) {
            ++m_counters.sequenced;
            if (sourceKey.isEmpty() || d.sourcePort != keyPort || d.source != keyAddress) {
                keyAddress = d.source;
                keyPort = d.sourcePort;
                sourceKey = common::endpointString(keyAddress, keyPort);
            }
            m_loss.add(sourceKey, *parseSequencedHeader(d.payload), d.wallUs);
        }
    }
    m_counters.replies += replies;
    m_counters.replyErrors += replyErrors;
    m_pending.append(std::move(batch));
    if (m_pending.size() > m_maxPending) {
        const qsizetype excess = m_pending.size() - m_maxPending;
        m_pending.remove(0, excess);
        m_counters.notDelivered += quint64(excess);
    }
}

QList<Datagram> ListenerWorker::takePending()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_pending, {});
}

ListenerCounters ListenerWorker::counters() const
{
    QMutexLocker locker(&m_mutex);
    ListenerCounters counters = m_counters;
    counters.loss = m_loss.total();
    return counters;
}

QList<UdpPeer> ListenerWorker::peers() const
{
    QMutexLocker locker(&m_mutex);
    return m_peers.peers();
}

QHash<QString, LossStats> ListenerWorker::lossPerSource() const
{
    QMutexLocker locker(&m_mutex);
    return m_loss.perSource();
}

void ListenerWorker::resetCounters()
{
    QMutexLocker locker(&m_mutex);
    m_counters = {};
    m_loss.clear();
}

} // namespace netcore::udp

#include "netcore/udp/udpsender.h"

#include "netcore/common/transcript.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/udp/payload.h"
#include "netcore/udp/sequenced.h"

#include <QNetworkInterface>
#include <QTimer>
#include <QUdpSocket>
#include <QVariant>

#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

qint64 wallClockUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

DestinationKind classifyDestination(const QHostAddress &address, bool broadcastRequested)
{
    if (address.isBroadcast())
        return DestinationKind::LimitedBroadcast;
    if (address.isMulticast())
        return DestinationKind::Multicast;
    if (broadcastRequested || lookup::broadcastAddresses().contains(address))
        return DestinationKind::SubnetBroadcast;
    return DestinationKind::Unicast;
}

UdpSender::UdpSender(QObject *parent)
    : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &UdpSender::onTick);
}

UdpSender::~UdpSender() = default;

bool UdpSender::start(const SenderOptions &options)
{
    stop();
    m_errorString.clear();
    m_options = options;
    m_stats = {};
    if (options.destination.isNull() || options.port == 0) {
        m_errorString = tr("a destination address and a port (1-65535) are needed");
        return false;
    }
    const qsizetype size = options.sequenced ? (options.sequencedSize >= 0 ? std::max(options.sequencedSize, kSequencedHeaderSize)
                                                                           : kSequencedHeaderSize + options.payload.size())
                                             : options.payload.size();
    if (size > kMaxDatagramSize) {
        m_errorString = tr("the datagram would have %1 bytes; UDP over IPv4 carries at most %2").arg(size).arg(kMaxDatagramSize);
        return false;
    }
    if (options.rate < 0 || options.interval.count() < 0 || options.count < 0) {
        m_errorString = tr("count, interval and rate cannot be negative");
        return false;
    }
    m_intervalUs = options.rate > 0 ? 1e6 / options.rate : double(options.interval.count());
    m_kind = classifyDestination(options.destination, options.broadcast);
    if (!setUpSocket())
        return false;
    m_state = State::Sending;
    emit stateChanged(m_state);
    m_clock.start();
    m_progressClock.start();
    // Ticks: the interval itself when it is at least 1 ms, else every millisecond with bursts; 0 = as fast as possible.
    const auto tickMs = m_intervalUs <= 0 ? 0 : std::max<qint64>(kMinTick.count(), qint64(m_intervalUs / 1000.0));
    m_timer->start(int(std::min<qint64>(tickMs, 24LL * 3600 * 1000)));
    QMetaObject::invokeMethod(this, &UdpSender::onTick, Qt::QueuedConnection); // the first datagram at once, signals later
    return true;
}

bool UdpSender::setUpSocket()
{
    const bool ipv6 = m_options.destination.protocol() == QAbstractSocket::IPv6Protocol;
    m_socket = new QUdpSocket(this);
    const QHostAddress bindAddress = !m_options.bindAddress.isNull() ? m_options.bindAddress
                                                                     : ipv6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4);
    if (!m_socket->bind(bindAddress, m_options.bindPort, QAbstractSocket::ShareAddress | QAbstractSocket::ReuseAddressHint)) {
        m_errorString = tr("cannot bind %1: %2").arg(common::endpointString(bindAddress, m_options.bindPort), m_socket->errorString());
        delete m_socket;
        m_socket = nullptr;
        return false;
    }
    const bool broadcast = m_kind == DestinationKind::LimitedBroadcast || m_kind == DestinationKind::SubnetBroadcast;
    QString error;
    if (!ipv6 && !setBroadcast(m_socket->socketDescriptor(), broadcast, &error)) {
        m_errorString = tr("cannot set SO_BROADCAST: %1").arg(error);
        return false;
    }
    if (m_kind == DestinationKind::Multicast) {
        if (m_options.ttl >= 0)
            m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, QVariant(m_options.ttl));
        m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, QVariant(m_options.multicastLoopback ? 1 : 0));
        if (!m_options.multicastInterface.isEmpty()) {
            const QNetworkInterface interface = QNetworkInterface::interfaceFromName(m_options.multicastInterface);
            if (!interface.isValid()) {
                m_errorString = tr("there is no network interface named %1").arg(m_options.multicastInterface);
                return false;
            }
            m_socket->setMulticastInterface(interface);
        }
    } else if (m_options.ttl >= 0 && !setUnicastTtl(m_socket->socketDescriptor(), ipv6, m_options.ttl, &error)) {
        m_errorString = tr("cannot set the TTL to %1: %2").arg(m_options.ttl).arg(error);
        return false;
    }
    m_socketOptions = readSocketOptions(m_socket->socketDescriptor(), ipv6 ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol);
    m_localText = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peerText = common::endpointString(m_options.destination, m_options.port);
    return true;
}

void UdpSender::stop()
{
    if (m_state == State::Sending)
        finish(false);
}

quint16 UdpSender::localPort() const
{
    return m_socket ? m_socket->localPort() : 0;
}

SenderStats UdpSender::stats() const
{
    SenderStats stats = m_stats;
    if (m_state == State::Sending)
        stats.elapsedUs = m_clock.nsecsElapsed() / 1000;
    return stats;
}

qint64 UdpSender::dueCount() const
{
    if (m_intervalUs <= 0)
        return qint64(m_stats.sent) + kMaxBurst;
    return qint64(double(m_clock.nsecsElapsed()) / 1000.0 / m_intervalUs) + 1;
}

void UdpSender::onTick()
{
    if (m_state != State::Sending)
        return;
    qint64 due = dueCount();
    if (m_options.count > 0)
        due = std::min(due, m_options.count);
    for (int burst = 0; qint64(m_stats.sent) < due && burst < kMaxBurst; ++burst) {
        if (!sendOne())
            break;
        if (m_state != State::Sending)
            return;
    }
    if (m_progressClock.hasExpired(kProgressInterval.count())) {
        m_progressClock.restart();
        emit progress(m_stats.sent, m_stats.bytes);
    }
    if (m_options.count > 0 && qint64(m_stats.sent) >= m_options.count)
        finish(true);
}

bool UdpSender::sendOne()
{
    const QByteArray datagram = m_options.sequenced
                                    ? makeSequencedDatagram(m_stats.sent, wallClockUs(), m_options.payload, m_options.sequencedSize)
                                    : m_options.payload;
    const qint64 written = m_socket->writeDatagram(datagram, m_options.destination, m_options.port);
    if (written < 0) {
        if (m_socket->error() == QAbstractSocket::TemporaryError) { // ENOBUFS / EAGAIN: try again on the next tick
            ++m_stats.retries;
            return false;
        }
        const QString message = tr("sending to %1 failed: %2").arg(m_peerText, m_socket->errorString());
        if (m_transcript)
            m_transcript->appendEvent(message, m_localText, m_peerText);
        m_errorString = message;
        finish(false);
        emit errorOccurred(message);
        return false;
    }
    ++m_stats.sent;
    m_stats.bytes += quint64(written);
    if (m_transcript)
        m_transcript->append(common::Direction::Sent, datagram, m_localText, m_peerText);
    return true;
}

void UdpSender::finish(bool completed)
{
    m_timer->stop();
    m_stats.elapsedUs = m_clock.isValid() ? m_clock.nsecsElapsed() / 1000 : 0;
    m_state = State::Idle;
    if (m_socket) {
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    emit progress(m_stats.sent, m_stats.bytes);
    emit stateChanged(m_state);
    if (completed)
        emit finished();
}

} // namespace netcore::udp

#include "netcore/udp/udpsender.h"

#include "netcore/common/transcript.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/udp/events.h"
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

} // namespace

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
    m_error = Error::Count;
    m_errorDetail = {};
    m_options = options;
    m_stats = {};
    if (options.destination.isNull() || options.port == 0)
        return fail(Error::NoDestination);
    const qsizetype size = options.sequenced ? (options.sequencedSize >= 0 ? std::max(options.sequencedSize, kSequencedHeaderSize)
                                                                           : kSequencedHeaderSize + options.payload.size())
                                             : options.payload.size();
    if (size > kMaxDatagramSize)
        return fail(Error::DatagramTooLarge);
    if (options.rate < 0 || options.interval.count() < 0 || options.count < 0)
        return fail(Error::NegativeSchedule);
    m_intervalUs = options.rate > 0 ? 1e6 / options.rate : double(options.interval.count());
    m_kind = classifyDestination(options.destination, options.broadcast);
    if (!setUpSocket()) {
        delete m_socket;
        m_socket = nullptr;
        return false;
    }
    m_state = State::Sending;
    Q_EMIT stateChanged(m_state);
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
        const common::ErrorDetail detail{{}, common::endpointString(bindAddress, m_options.bindPort),
                                         sysErrorOf(m_socket->error()), m_socket->errorString()};
        delete m_socket;
        m_socket = nullptr;
        return fail(Error::BindFailed, detail);
    }
    const bool broadcast = m_kind == DestinationKind::LimitedBroadcast || m_kind == DestinationKind::SubnetBroadcast;
    int sysError = 0;
    if (!ipv6 && !setBroadcast(m_socket->socketDescriptor(), broadcast, &sysError))
        return fail(Error::BroadcastRefused, {{}, {}, sysError, {}});
    if (m_kind == DestinationKind::Multicast) {
        if (m_options.ttl >= 0)
            m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, QVariant(m_options.ttl));
        m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, QVariant(m_options.multicastLoopback ? 1 : 0));
        if (!m_options.multicastInterface.isEmpty()) {
            const QNetworkInterface interface = QNetworkInterface::interfaceFromName(m_options.multicastInterface);
            if (!interface.isValid())
                return fail(Error::NoSuchInterface, {{}, {}, 0, m_options.multicastInterface});
            m_socket->setMulticastInterface(interface);
        }
    } else if (m_options.ttl >= 0 && !setUnicastTtl(m_socket->socketDescriptor(), ipv6, m_options.ttl, &sysError)) {
        return fail(Error::TtlRefused, {{}, {}, sysError, {}});
    }
    m_socketOptions = readSocketOptions(m_socket->socketDescriptor(), ipv6 ? QAbstractSocket::IPv6Protocol : QAbstractSocket::IPv4Protocol);
    m_localText = common::endpointString(m_socket->localAddress(), m_socket->localPort());
    m_peerText = common::endpointString(m_options.destination, m_options.port);
    return true;
}

bool UdpSender::fail(Error error, common::ErrorDetail detail)
{
    m_error = error;
    m_errorDetail = std::move(detail);
    return false;
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
        Q_EMIT progress(m_stats.sent, m_stats.bytes);
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
        const common::ErrorDetail detail{{}, m_peerText, sysErrorOf(m_socket->error()), m_socket->errorString()};
        if (m_transcript)
            m_transcript->appendEvent(Event::SendFailed, {QString::number(detail.sysError), detail.raw}, m_localText, m_peerText);
        m_error = Error::SendFailed;
        m_errorDetail = detail;
        finish(false);
        Q_EMIT errorOccurred(m_error);
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
    Q_EMIT progress(m_stats.sent, m_stats.bytes);
    Q_EMIT stateChanged(m_state);
    if (completed)
        Q_EMIT finished();
}

} // namespace netcore::udp

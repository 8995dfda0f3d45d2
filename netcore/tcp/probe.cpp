#include "netcore/tcp/probe.h"

#include "netcore/common/listener.h"

#include <QHostInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace netcore::tcp {

using Outcome = ProbeClient::Outcome;

namespace {

// Segments this socket had to send again so far (SYNs included): TCP_INFO's total_retrans; 0 when unknown.
int retransmitsOf(int fd)
{
    tcp_info info{};
    socklen_t size = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) != 0)
        return 0;
    return int(info.tcpi_total_retrans);
}

} // namespace

// ---------------------------------------------------------------------------------------------- classify()

ProbeVerdict classify(const QList<ProbeClient> &clients)
{
    ProbeVerdict verdict;
    verdict.clients = int(clients.size());
    struct Answer {
        qint64 firstByte;
        qint64 connected;
        int retransmits;
    };
    QList<Answer> answers;
    qint64 service = -1;
    bool allClosedByServer = true;
    for (const ProbeClient &client : clients) {
        if (client.outcome != Outcome::Done || client.firstByteUs < 0)
            continue;
        answers.append({client.firstByteUs, client.connectedUs, client.retransmits});
        const qint64 response = client.responseUs();
        if (service < 0 || response < service)
            service = response;
        allClosedByServer = allClosedByServer && client.closedByServer;
        if (client.retransmits > 0)
            ++verdict.retransmitted;
    }
    verdict.done = int(answers.size());
    verdict.serviceUs = std::max<qint64>(service, 0);
    if (verdict.done < 2) {
        verdict.reason = ProbeVerdict::Reason::TooFewDone;
        verdict.maxAtOnce = verdict.done;
        verdict.groups = verdict.done;
        if (verdict.done == 1)
            verdict.firstBytesUs = {answers.constFirst().firstByte};
        return verdict;
    }
    std::sort(answers.begin(), answers.end(), [](const Answer &a, const Answer &b) { return a.firstByte < b.firstByte; });
    for (const Answer &answer : std::as_const(answers))
        verdict.firstBytesUs.append(answer.firstByte);
    verdict.stepUs = std::max(kProbeMinStepUs, service / 4);
    verdict.spreadUs = answers.constLast().firstByte - answers.constFirst().firstByte;

    QList<qint64> steps;   // the gaps that are steps of a staircase
    int group = 1;
    verdict.groups = 1;
    verdict.maxAtOnce = 1;
    for (qsizetype i = 1; i < answers.size(); ++i) {
        const qint64 gap = answers.at(i).firstByte - answers.at(i - 1).firstByte;
        if (gap > verdict.stepUs) {
            ++verdict.groups;
            group = 1;
            // A step only when this client was connected (waiting) before the previous answer came, and no packet of
            // its own had to be sent again (a full backlog drops handshakes and data: then the kernel made it late).
            if (answers.at(i).connected < answers.at(i - 1).firstByte && answers.at(i).retransmits == 0)
                steps.append(gap);
        } else {
            ++group;
        }
        verdict.maxAtOnce = std::max(verdict.maxAtOnce, group);
    }
    verdict.steps = int(steps.size());
    if (!steps.isEmpty()) {
        std::sort(steps.begin(), steps.end());
        verdict.medianGapUs = steps.at(steps.size() / 2);
    }

    if (verdict.maxAtOnce == 1 && verdict.steps == 0)
        verdict.reason = ProbeVerdict::Reason::NeverWaited;
    else if (verdict.maxAtOnce == 1)
        verdict.kind = ProbeVerdict::Kind::Sequential;
    else if (verdict.steps == 0 && allClosedByServer)
        verdict.reason = ProbeVerdict::Reason::TooFast;
    else if (verdict.steps == 0)
        verdict.kind = ProbeVerdict::Kind::Concurrent;
    else
        verdict.kind = ProbeVerdict::Kind::Partial;
    return verdict;
}

// ---------------------------------------------------------------------------------------------- the probe

struct ConcurrencyProbe::Slot {
    int fd = -1;
    bool connected = false;
    QByteArray pending;   // what is left of the message to send
    std::unique_ptr<QSocketNotifier> reader;
    std::unique_ptr<QSocketNotifier> writer;

    // Disables and drops the notifiers (deleteLater: we may be inside one's activated()) and closes the socket.
    void close()
    {
        for (std::unique_ptr<QSocketNotifier> *notifier : {&reader, &writer}) {
            if (*notifier) {
                (*notifier)->setEnabled(false);
                notifier->release()->deleteLater();
            }
        }
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

ConcurrencyProbe::ConcurrencyProbe(QObject *parent)
    : QObject(parent)
    , m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    m_deadline->setTimerType(Qt::PreciseTimer);   // a coarse timer may fire 5 % early
    connect(m_deadline, &QTimer::timeout, this, &ConcurrencyProbe::onDeadline);
}

ConcurrencyProbe::~ConcurrencyProbe()
{
    for (const std::unique_ptr<Slot> &slot : m_slots) {
        slot->reader.reset();
        slot->writer.reset();
        if (slot->fd >= 0)
            ::close(slot->fd);
    }
}

qint64 ConcurrencyProbe::now() const
{
    return m_clock.isValid() ? m_clock.nsecsElapsed() / 1000 : 0;
}

qint64 ConcurrencyProbe::elapsedUs() const
{
    return m_state == State::Finished ? m_finishedUs : now();
}

void ConcurrencyProbe::fail(Error error, int sysError)
{
    m_error = error;
    m_errorDetail.sysError = sysError;
    m_deadline->stop();
    for (const std::unique_ptr<Slot> &slot : m_slots)
        slot->close();
    m_finishedUs = now();
    m_state = State::Finished;
    Q_EMIT errorOccurred(error);
    Q_EMIT finished();
}

void ConcurrencyProbe::start()
{
    if (m_state != State::Idle)
        return;
    m_errorDetail.peer = m_config.host + u':' + QString::number(m_config.port);
    if (m_config.clients < 1 || m_config.clients > kMaxClients || m_config.port == 0
        || (m_config.expect == ProbeExpect::Bytes && m_config.expectBytes < 1) || m_config.expect == ProbeExpect::Count) {
        m_state = State::Resolving;   // finished() comes from the event loop, after start() returned
        QTimer::singleShot(0, this, [this] { fail(Error::BadConfig); });
        return;
    }
    m_state = State::Resolving;
    QHostAddress literal;
    if (literal.setAddress(m_config.host)) {
        QTimer::singleShot(0, this, [this, literal] { connectAll(literal); });
        return;
    }
    QHostInfo::lookupHost(m_config.host, this, [this](const QHostInfo &info) {
        if (m_state != State::Resolving)
            return;
        const QList<QHostAddress> addresses = info.addresses();
        if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
            m_errorDetail.raw = info.errorString();
            fail(Error::HostNotFound);
            return;
        }
        // Prefer IPv4 like the course's clients do; every client uses the same address.
        const auto v4 = std::find_if(addresses.cbegin(), addresses.cend(), [](const QHostAddress &a) {
            return a.protocol() == QAbstractSocket::IPv4Protocol;
        });
        connectAll(v4 != addresses.cend() ? *v4 : addresses.constFirst());
    });
}

void ConcurrencyProbe::connectAll(const QHostAddress &address)
{
    common::raiseFileLimit();
    m_address = address;
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(m_config.port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        in6->sin6_scope_id = address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(m_config.port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }

    // Create every socket first, so that the connects that follow are one burst.
    m_clients = QList<ProbeClient>(m_config.clients);
    m_slots.clear();
    for (int i = 0; i < m_config.clients; ++i) {
        auto slot = std::make_unique<Slot>();
        slot->fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (slot->fd < 0) {
            const int error = errno;
            m_slots.push_back(std::move(slot));
            fail(Error::NoSocket, error);
            return;
        }
        m_slots.push_back(std::move(slot));
    }
    m_state = State::Running;
    m_open = m_config.clients;
    m_clock.start();
    m_deadline->start(m_config.deadline);
    for (int i = 0; i < m_config.clients; ++i) {
        Slot &slot = *m_slots[size_t(i)];
        m_clients[i].connectStartUs = now();
        const int rc = ::connect(slot.fd, reinterpret_cast<const sockaddr *>(&storage), length);
        const int error = rc == 0 ? 0 : errno;
        if (rc != 0 && error != EINPROGRESS) {
            end(i, error == ECONNREFUSED ? Outcome::Refused : Outcome::Failed, error);
            continue;
        }
        slot.writer = std::make_unique<QSocketNotifier>(qintptr(slot.fd), QSocketNotifier::Write);
        connect(slot.writer.get(), &QSocketNotifier::activated, this, [this, i] { onWritable(i); });
        slot.reader = std::make_unique<QSocketNotifier>(qintptr(slot.fd), QSocketNotifier::Read);
        slot.reader->setEnabled(false);
        connect(slot.reader.get(), &QSocketNotifier::activated, this, [this, i] { onReadable(i); });
    }
    checkFinished();
}

void ConcurrencyProbe::onWritable(int index)
{
    Slot &slot = *m_slots[size_t(index)];
    if (slot.fd < 0)
        return;
    if (slot.connected) {
        sendPending(index);
        return;
    }
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(slot.fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
        error = errno;
    if (error != 0) {
        end(index, error == ECONNREFUSED  ? Outcome::Refused
                   : error == ETIMEDOUT   ? Outcome::ConnectTimedOut
                   : error == ECONNRESET  ? Outcome::Reset
                                          : Outcome::Failed,
            error);
        return;
    }
    ProbeClient &client = m_clients[index];
    slot.connected = true;
    client.connectedUs = now();
    sockaddr_storage local{};
    socklen_t localLength = sizeof local;
    if (::getsockname(slot.fd, reinterpret_cast<sockaddr *>(&local), &localLength) == 0)
        client.localPort = ntohs(local.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&local)->sin6_port
                                                             : reinterpret_cast<sockaddr_in *>(&local)->sin_port);
    slot.pending = m_config.message;
    slot.reader->setEnabled(true);
    Q_EMIT clientUpdated(index);
    sendPending(index);
}

void ConcurrencyProbe::sendPending(int index)
{
    Slot &slot = *m_slots[size_t(index)];
    while (!slot.pending.isEmpty()) {
        const ssize_t n = ::send(slot.fd, slot.pending.constData(), size_t(slot.pending.size()), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            slot.writer->setEnabled(true);
            return;
        }
        if (n < 0) {
            // The server went away while we sent: let the read side say how (reset or close), unless done.
            const int error = errno;
            slot.pending.clear();
            if (m_clients.at(index).outcome == Outcome::Pending)
                end(index, error == ECONNRESET ? Outcome::Reset : error == EPIPE ? Outcome::ClosedEarly : Outcome::Failed,
                    error);
            return;
        }
        slot.pending.remove(0, n);
    }
    slot.writer->setEnabled(false);
}

void ConcurrencyProbe::onReadable(int index)
{
    Slot &slot = *m_slots[size_t(index)];
    ProbeClient &client = m_clients[index];
    std::array<char, 64 * 1024> buffer;
    while (slot.fd >= 0) {
        const ssize_t n = ::recv(slot.fd, buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        const bool pending = client.outcome == Outcome::Pending;
        if (n > 0) {
            if (client.firstByteUs < 0) {
                client.firstByteUs = now();
                client.retransmits = retransmitsOf(slot.fd);
                if (pending)
                    Q_EMIT clientUpdated(index);
            }
            client.bytes += n;
            if (pending
                && (m_config.expect == ProbeExpect::Any
                    || (m_config.expect == ProbeExpect::Bytes && client.bytes >= m_config.expectBytes)))
                answerComplete(index);
            continue;
        }
        const int error = n == 0 ? 0 : errno;
        if (pending && n == 0 && m_config.expect == ProbeExpect::Close) {
            if (client.firstByteUs < 0)
                client.firstByteUs = now();   // the close is the answer
            client.outcome = Outcome::Done;
            client.doneUs = now();
            release(index, true);
        } else if (pending) {
            end(index, n == 0 ? Outcome::ClosedEarly : error == ECONNRESET ? Outcome::Reset : Outcome::Failed, error);
        } else {
            release(index, true);   // closed or reset during the hold
        }
        return;
    }
}

void ConcurrencyProbe::answerComplete(int index)
{
    ProbeClient &client = m_clients[index];
    client.outcome = Outcome::Done;
    client.doneUs = now();
    Q_EMIT clientUpdated(index);
    if (m_config.hold.count() <= 0) {
        release(index, false);
        return;
    }
    QTimer::singleShot(m_config.hold, Qt::PreciseTimer, this, [this, index] { release(index, false); });
}

void ConcurrencyProbe::end(int index, Outcome outcome, int sysError)
{
    ProbeClient &client = m_clients[index];
    client.outcome = outcome;
    client.sysError = sysError;
    client.doneUs = now();
    release(index, outcome == Outcome::Reset || outcome == Outcome::ClosedEarly);
}

void ConcurrencyProbe::release(int index, bool byServer)
{
    Slot &slot = *m_slots[size_t(index)];
    if (slot.fd < 0)
        return;
    slot.close();
    ProbeClient &client = m_clients[index];
    client.closedByServer = byServer;
    client.releasedUs = now();
    --m_open;
    Q_EMIT clientUpdated(index);
    checkFinished();
}

void ConcurrencyProbe::onDeadline()
{
    stop();
}

void ConcurrencyProbe::stop()
{
    if (m_state != State::Running)
        return;
    for (int i = 0; i < int(m_clients.size()); ++i) {
        if (m_slots[size_t(i)]->fd < 0)
            continue;
        if (m_clients.at(i).outcome == Outcome::Pending)
            end(i, m_clients.at(i).connectedUs < 0 ? Outcome::ConnectTimedOut : Outcome::TimedOut);
        else
            release(i, false);   // done, still holding
    }
    checkFinished();
}

void ConcurrencyProbe::checkFinished()
{
    if (m_state != State::Running || m_open > 0)
        return;
    m_finishedUs = now();
    m_state = State::Finished;
    m_deadline->stop();
    Q_EMIT finished();
}

} // namespace netcore::tcp

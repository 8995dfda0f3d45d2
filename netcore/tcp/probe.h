#pragma once

#include "netcore/common/error.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <vector>

class QTimer;

// The concurrency probe: N clients (1–1000) connect to one HOST:PORT at the same moment, from one event loop,
// each sends a message and waits for what counts as the answer; every client's timeline (connect start,
// connected, first byte, done) is recorded in microseconds since the probe started. classify() then reads the
// timelines and tells a loop server (one client at a time: the first-byte times climb a staircase, one step per
// client) from a concurrent one (everybody answered together) or a pool of N (steps of N clients).
//
// The probe drives raw non-blocking sockets (one QSocketNotifier each, no buffering of its own), so it is not
// itself the bottleneck, and it tells a reset (ECONNRESET) from an orderly close, which QTcpSocket cannot.
// After its answer a client keeps its connection open for `hold` before closing: a loop server that serves one
// client until EOF cannot answer the next one meanwhile, so even an instant loop server shows its staircase.
namespace netcore::tcp {

// What counts as a client's answer.
enum class ProbeExpect : quint8 {
    Bytes,   // at least `expectBytes` bytes
    Any,     // any byte
    Close,   // the server closing the connection (bytes before it are counted)
    Count
};

struct ProbeConfig {
    QString host;                  // a name is resolved once, before any client connects
    quint16 port = 0;
    int clients = 10;              // 1..kMaxClients
    QByteArray message;            // sent once connected (may be empty: send nothing)
    ProbeExpect expect = ProbeExpect::Bytes;
    qint64 expectBytes = 1;        // with ProbeExpect::Bytes
    std::chrono::milliseconds deadline{10'000};   // per client, from its connect start, to be done
    std::chrono::milliseconds hold{50};           // keep the connection open this long after the answer
};

struct ProbeClient {
    enum class Outcome : quint8 {
        Pending,          // still running
        Done,             // the answer came (ProbeExpect)
        Refused,          // ECONNREFUSED: nothing listens
        ConnectTimedOut,  // not connected by the deadline (the server's backlog was full, or packets dropped)
        TimedOut,         // connected, but no complete answer by the deadline
        Reset,            // the server reset the connection (ECONNRESET) before the answer
        ClosedEarly,      // the server closed the connection before the answer was complete
        Failed,           // any other socket error (sysError says which)
        Count
    };

    qint64 connectStartUs = -1;   // µs since the probe started
    qint64 connectedUs = -1;
    qint64 firstByteUs = -1;
    qint64 doneUs = -1;           // the answer complete (Done), or when the client failed
    qint64 releasedUs = -1;       // the connection closed (after the hold, or by the server)
    qint64 bytes = 0;             // received
    quint16 localPort = 0;
    int retransmits = 0;          // segments we sent again before the first byte (TCP_INFO): a full listen backlog
                                  // drops SYNs and data, so such a client was late through no choice of the server
    bool closedByServer = false;  // the server closed (FIN or RST) before we did
    int sysError = 0;             // errno of Failed / Reset
    Outcome outcome = Outcome::Pending;

    bool finished() const { return outcome != Outcome::Pending; }
    // Connect start to first byte: how long this client waited for its answer to begin (-1 without one).
    qint64 responseUs() const { return firstByteUs < 0 || connectStartUs < 0 ? -1 : firstByteUs - connectStartUs; }
};

// What the timelines say about the server.
struct ProbeVerdict {
    enum class Kind : quint8 {
        Sequential,     // one client at a time: a loop server
        Concurrent,     // every client was answered together
        Partial,        // some in parallel: groups of at most `maxAtOnce` (a pool of N)
        Inconclusive,   // too few answers, or answers too fast to tell apart
        Count
    };
    enum class Reason : quint8 {   // why Inconclusive
        None,
        TooFewDone,     // fewer than two clients were answered
        NeverWaited,    // every answer came alone, but no gap was a step (each client connected after the previous
                        // answer, or was delayed by retransmissions): nobody is seen waiting while another was served
        TooFast,        // all answers within one step, and the server closed every connection (a quick
                        // request/response server: the hold proves nothing)
        Count
    };

    Kind kind = Kind::Inconclusive;
    Reason reason = Reason::None;
    int clients = 0;          // all clients
    int done = 0;             // clients with Outcome::Done
    int maxAtOnce = 0;        // the largest group of answers that arrived together
    int groups = 0;           // how many groups of answers
    int steps = 0;            // gaps between groups that a waiting client saw (the staircase's steps)
    int retransmitted = 0;    // done clients that retransmitted before their answer (a full listen backlog)
    qint64 serviceUs = 0;     // the quickest answer: min over done clients of firstByte - connectStart
    qint64 stepUs = 0;        // the threshold: answers further apart than this are different steps
    qint64 medianGapUs = 0;   // the median of the steps (the staircase's step), 0 without steps
    qint64 spreadUs = 0;      // last first byte - first first byte
    QList<qint64> firstBytesUs;   // first-byte times of the done clients, sorted (the staircase)
};

// The smallest step classify() accepts, whatever the service time: scheduling noise on a busy machine stays
// below it.
inline constexpr qint64 kProbeMinStepUs = 5'000;

// The classification rule (docs/protocols/tcp.md, "Concurrency probe"):
//   done clients < 2                                     -> Inconclusive (TooFewDone)
//   service s = min(firstByte - connectStart) over done clients
//   step    τ = max(5 ms, s / 4)
//   sort the done clients by first-byte time; a gap > τ between two consecutive answers starts a new group;
//   the gap is a *step* when the later client was already connected before the earlier answer came (it waited
//   while the server answered someone else) and had retransmitted nothing — a gap explained by a late connect or
//   by packets a full backlog dropped is not a step
//   every group has one client, at least one step      -> Sequential
//   every group has one client, no step                -> Inconclusive (NeverWaited)
//   no step, every done client closed by the server    -> Inconclusive (TooFast)
//   no step                                             -> Concurrent
//   otherwise                                           -> Partial, N = the largest group
// A pure function: it reads only the records.
ProbeVerdict classify(const QList<ProbeClient> &clients);

class ConcurrencyProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConcurrencyProbe)

public:
    static constexpr int kMaxClients = 1000;

    enum class State : quint8 { Idle, Resolving, Running, Finished };
    Q_ENUM(State)

    enum class Error : quint8 {
        HostNotFound,      // detail: peer = host
        BadConfig,         // clients out of 1..kMaxClients, port 0, or expectBytes < 1 with ProbeExpect::Bytes
        NoSocket,          // socket() failed for a client (out of descriptors); detail: sysError
        Count
    };
    Q_ENUM(Error)

    explicit ConcurrencyProbe(QObject *parent = nullptr);
    ~ConcurrencyProbe() override;

    void setConfig(const ProbeConfig &config) { m_config = config; }
    const ProbeConfig &config() const { return m_config; }

    // Resolves the host, then connects every client at once. A probe runs once. Every signal comes from the event
    // loop after start() returned; finished() follows errorOccurred() and comes exactly once.
    void start();
    // Ends every client still running (their outcome: TimedOut / ConnectTimedOut) and finishes.
    void stop();

    State state() const { return m_state; }
    const QList<ProbeClient> &clients() const { return m_clients; }
    QHostAddress address() const { return m_address; }   // the resolved address
    ProbeVerdict verdict() const { return classify(m_clients); }
    qint64 elapsedUs() const;   // since the clients started connecting; frozen once finished
    Error error() const { return m_error; }
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }

Q_SIGNALS:
    void clientUpdated(int index);   // a client's record changed (connected, first byte, done, released)
    void errorOccurred(netcore::tcp::ConcurrencyProbe::Error error);
    void finished();

private:
    struct Slot;

    void fail(Error error, int sysError = 0);
    void connectAll(const QHostAddress &address);
    void onWritable(int index);
    void onReadable(int index);
    void onDeadline();
    void sendPending(int index);
    void answerComplete(int index);
    void end(int index, ProbeClient::Outcome outcome, int sysError = 0);
    void release(int index, bool byServer);
    void checkFinished();
    qint64 now() const;

    ProbeConfig m_config;
    State m_state = State::Idle;
    QHostAddress m_address;
    QElapsedTimer m_clock;
    QList<ProbeClient> m_clients;
    std::vector<std::unique_ptr<Slot>> m_slots;
    QTimer *m_deadline;
    qint64 m_finishedUs = 0;
    int m_open = 0;   // clients whose socket is still open
    Error m_error = Error::Count;
    common::ErrorDetail m_errorDetail;
};

} // namespace netcore::tcp

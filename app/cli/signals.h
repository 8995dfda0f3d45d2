#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QSocketNotifier;
class QTimer;

namespace netcore::common {
class Server;
}

// Clean shutdown of `socketeer serve` on SIGINT, SIGTERM and SIGHUP, the Qt way for a console program: the
// signal handler only writes the signal's number into a self-pipe (async-signal-safe); a QSocketNotifier on the
// pipe's other end brings it into the event loop, where every running server's stop() is called (each says its
// protocol's goodbye there). The loop keeps running until every server reports State::Stopped or
// kShutdownGraceMs has passed, then QCoreApplication::exit(0). A second signal ends the process at once
// (_exit(128 + signal), from the handler itself, so it works even if the event loop is stuck). Should a server's
// stop() or destructor block the event loop itself, a watchdog thread started with the first signal ends the
// process with status 0 half a second after the grace, saying so on stderr.
namespace app::cli {

constexpr int kShutdownGraceMs = 1000;

class GracefulShutdown final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GracefulShutdown)

public:
    // Installs the handlers (once per process; a second instance reuses the pipe). Construct it before the servers
    // start: a signal that comes before watch() waits in the pipe until the event loop runs.
    explicit GracefulShutdown(QObject *parent = nullptr);
    ~GracefulShutdown() override;

    // The servers to stop on a signal.
    void watch(const QList<netcore::common::Server *> &servers);

    // Name of a handled signal ("SIGTERM"), for messages.
    static const char *signalName(int number);

Q_SIGNALS:
    void signalReceived(int number);

private:
    void onReadable();
    void onServerStateChanged();
    void finish();

    QList<QPointer<netcore::common::Server>> m_servers;
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_grace = nullptr;
    bool m_stopping = false;
};

} // namespace app::cli

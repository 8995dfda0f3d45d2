#include "app/cli/signals.h"

#include "app/cli/output.h"

#include "netcore/common/server.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Signals.
struct Signals
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Signals)
};

constexpr std::array kSignals{SIGINT, SIGTERM, SIGHUP};
constexpr int kWatchdogExtraMs = 500;

// The self-pipe: [0] read by the notifier, [1] written by the handler. Set up once, kept for the process's life.
int g_pipe[2] = {-1, -1};
std::atomic<int> g_received{0};

extern "C" void onSignal(int number)
{
    if (g_received.fetch_add(1) > 0)
        ::_exit(128 + number);   // the second signal: at once
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(number);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
    errno = saved;
}

// The last resort: a server's stop() or destructor that blocks the event loop (a worker thread that does not
// finish) cannot hold the process past the grace. Started on the first signal; the process normally ends first.
void startWatchdog()
{
    const QByteArray message = Signals::tr("The servers did not finish stopping in time; exiting anyway.").toUtf8() + '\n';
    std::thread([message] {
        std::this_thread::sleep_for(std::chrono::milliseconds(kShutdownGraceMs + kWatchdogExtraMs));
        [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, message.constData(), size_t(message.size()));
        ::_exit(0);
    }).detach();
}

bool installHandlers()
{
    if (g_pipe[0] >= 0)
        return true;
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = &onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : kSignals)
        ::sigaction(number, &action, nullptr);
    return true;
}

} // namespace

GracefulShutdown::GracefulShutdown(QObject *parent)
    : QObject(parent)
{
    if (!installHandlers())
        return;   // no pipe: the default actions stay (the process dies on the signal, as before)
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &GracefulShutdown::onReadable);
    m_grace = new QTimer(this);
    m_grace->setSingleShot(true);
    m_grace->setInterval(kShutdownGraceMs);
    connect(m_grace, &QTimer::timeout, this, &GracefulShutdown::finish);
}

GracefulShutdown::~GracefulShutdown() = default;

void GracefulShutdown::watch(const QList<netcore::common::Server *> &servers)
{
    for (netcore::common::Server *server : servers) {
        m_servers.append(server);
        connect(server, &netcore::common::Server::stateChanged, this, &GracefulShutdown::onServerStateChanged);
    }
}

const char *GracefulShutdown::signalName(int number)
{
    switch (number) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    }
    return "signal";
}

void GracefulShutdown::onReadable()
{
    unsigned char byte = 0;
    int number = 0;
    while (::read(g_pipe[0], &byte, 1) == 1)
        number = byte;
    if (number == 0 || m_stopping)
        return;
    m_stopping = true;
    Q_EMIT signalReceived(number);
    err() << Signals::tr("%1 received: stopping the servers (a second signal quits at once).")
                 .arg(QLatin1StringView(signalName(number)))
          << '\n';
    err().flush();
    startWatchdog();
    m_grace->start();
    for (const QPointer<netcore::common::Server> &server : std::as_const(m_servers)) {
        if (server)
            server->stop();
    }
    onServerStateChanged();
}

void GracefulShutdown::onServerStateChanged()
{
    if (!m_stopping)
        return;
    const bool allStopped = std::all_of(m_servers.cbegin(), m_servers.cend(), [](const QPointer<netcore::common::Server> &server) {
        return !server || server->state() == netcore::common::Server::State::Stopped;
    });
    // One more turn of the event loop lets what stop() queued (the goodbyes) reach the sockets.
    if (allStopped)
        QTimer::singleShot(0, this, &GracefulShutdown::finish);
}

void GracefulShutdown::finish()
{
    if (!m_stopping)
        return;
    m_grace->stop();
    out().flush();
    QCoreApplication::exit(0);
}

} // namespace app::cli

// The TCP tab under a flood (not part of ctest; run by tests/bench/tcp_bench.py --gui or by hand):
// the tab listens on 127.0.0.1 (port 0) with its server's client row selected, so every read is shown; a plain
// POSIX thread connects and pushes 64 KiB writes at a target rate (default 200 MB/s) for a while. Meanwhile a 1 ms
// timer on the GUI thread measures how late the event loop runs it (a stall = the longest gap between two ticks).
// Prints the rate the tab took, the stalls (max, p99, how many over 50 ms), peak and final RSS, and what the view
// kept and dropped — the numbers docs/protocols/tcp.md's benchmark section records.
//
// Usage: tcp_gui_bench [--rate MBPS] [--seconds S]     (QT_QPA_PLATFORM=offscreen is set unless given)
#include "widgets/tcp/receivelog.h"
#include "widgets/tcp/tcptab.h"

#include "netcore/tcp/tcpserver.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <cerrno>
#include <poll.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

double rssMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// Connects to 127.0.0.1:port and writes 64 KiB pieces at `rate` bytes/s until `stop`; returns the bytes written.
void push(quint16 port, double rate, const std::atomic<bool> *stop, std::atomic<qint64> *written)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        std::perror("tcp_gui_bench: connect");
        ::close(fd);
        return;
    }
    std::vector<char> piece(64 * 1024);
    for (size_t i = 0; i < piece.size(); ++i)
        piece[i] = char('a' + i % 26);
    const auto start = std::chrono::steady_clock::now();
    while (!stop->load()) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (double(written->load()) > rate * elapsed) {   // ahead of the rate: wait for the clock
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            continue;
        }
        // Never block for long: once the run is over the GUI thread stops reading, and a blocked send() would
        // never return.
        pollfd writable{fd, POLLOUT, 0};
        if (::poll(&writable, 1, 10) <= 0)
            continue;
        const ssize_t n = ::send(fd, piece.data(), piece.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (n <= 0)
            break;
        written->fetch_add(n);
    }
    ::close(fd);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    double rateMBps = 200;
    double seconds = 10;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == "--rate"_L1)
            rateMBps = args.at(i + 1).toDouble();
        else if (args.at(i) == "--seconds"_L1)
            seconds = args.at(i + 1).toDouble();
    }

    widgets::tcp::TcpTab tab;
    tab.resize(1280, 800);
    tab.show();
    tab.setServerMode(netcore::tcp::ServerMode::Show);   // shown, not echoed: the pusher never reads
    if (!tab.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "tcp_gui_bench: the tab's server did not start\n");
        return 2;
    }
    const quint16 port = tab.server()->serverPort();
    std::atomic<bool> stop{false};
    std::atomic<qint64> written{0};
    std::thread pusher(push, port, rateMBps * 1e6, &stop, &written);

    // Select the client's row as soon as it appears: the view then shows every read (the heavy case).
    QObject::connect(tab.server(), &netcore::common::Server::clientAdded, &tab,
                     [&tab](const netcore::common::ClientInfo &client) { tab.selectServerClient(client.id); });

    std::vector<double> gapsMs;
    gapsMs.reserve(size_t(seconds * 1000) + 100);
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    double peakRss = rssMiB();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(1);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        gapsMs.push_back(double(now - last) / 1e6);
        last = now;
        if (gapsMs.size() % 50 == 0)
            peakRss = std::max(peakRss, rssMiB());
    });
    tick.start();
    QTimer::singleShot(int(seconds * 1000), &app, [&] {
        stop = true;
        app.quit();
    });
    app.exec();
    pusher.join();
    const double elapsed = double(clock.nsecsElapsed()) / 1e9;
    // Let the last reads in, so the counts below are whole.
    QElapsedTimer drain;
    drain.start();
    qint64 received = 0;
    while (drain.elapsed() < 3000) {
        app.processEvents(QEventLoop::AllEvents, 50);
        received = tab.currentLog() ? tab.currentLog()->totalBytes() : 0;
        if (received >= written.load())
            break;
    }

    std::sort(gapsMs.begin(), gapsMs.end());
    const double maxGap = gapsMs.empty() ? 0 : gapsMs.back();
    const double p99 = gapsMs.empty() ? 0 : gapsMs[size_t(double(gapsMs.size() - 1) * 0.99)];
    const auto over50 = std::count_if(gapsMs.begin(), gapsMs.end(), [](double g) { return g > 50; });
    const widgets::tcp::ReceiveLog *log = tab.currentLog();
    std::printf("TCP tab under a flood: %.0f MB/s asked for %.1f s, 64 KiB writes, the server's client row shown\n",
                rateMBps, seconds);
    std::printf("%-34s %12.0f\n", "pushed (MB/s)", double(written.load()) / 1e6 / elapsed);
    std::printf("%-34s %12.0f\n", "taken by the tab (MB)", double(received) / 1e6);
    std::printf("%-34s %12.1f\n", "event-loop stall, max (ms)", maxGap);
    std::printf("%-34s %12.1f\n", "event-loop stall, p99 (ms)", p99);
    std::printf("%-34s %12lld\n", "ticks later than 50 ms", qlonglong(over50));
    std::printf("%-34s %12.1f\n", "peak RSS (MiB)", std::max(peakRss, rssMiB()));
    if (log) {
        std::printf("%-34s %12lld\n", "reads kept by the view", qlonglong(log->chunks().size()));
        std::printf("%-34s %12.1f\n", "bytes kept by the view (MiB)", double(log->keptByteCount()) / 1048576.0);
        std::printf("%-34s %12lld\n", "reads dropped (oldest first)", qlonglong(log->droppedChunks()));
    }
    return maxGap < 50 ? 0 : 1;
}

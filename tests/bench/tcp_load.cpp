// tcp_load: the TCP echo benchmark's client (tests/bench/tcp_bench.py drives it). Plain POSIX + epoll, no Qt, so
// that the client is not what limits the numbers. Two loads against an echo server:
//
//   tcp_load stream HOST PORT TOTAL_BYTES CHUNK [WINDOW]
//       one connection; writes CHUNK-byte pieces (64 KiB in the bench) and reads the echo back, keeping at most
//       WINDOW bytes (default 4 MiB) sent but not yet echoed; checks every echoed byte.
//       prints: {"bytes": N, "seconds": S, "mb_per_s": X}   (MB = 10^6 bytes, each way)
//
//   tcp_load rr HOST PORT CONNECTIONS MESSAGES SIZE [THREADS]
//       CONNECTIONS connections, all connected first; each sends a SIZE-byte message, waits for the whole echo,
//       and repeats MESSAGES times (one outstanding message per connection). THREADS (default 1) event loops share
//       the connections.
//       prints: {"round_trips": N, "seconds": S, "per_s": X, "p50_us": A, "p99_us": B, "max_us": C, "errors": E}
//
// Exit code 1 on any connection error or a wrong echo.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

sockaddr_in resolve(const char *host, const char *port)
{
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *result = nullptr;
    if (getaddrinfo(host, port, &hints, &result) != 0 || !result) {
        std::fprintf(stderr, "tcp_load: cannot resolve %s\n", host);
        std::exit(2);
    }
    sockaddr_in address{};
    std::memcpy(&address, result->ai_addr, sizeof address);
    freeaddrinfo(result);
    return address;
}

int connectBlocking(const sockaddr_in &address)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        std::perror("tcp_load: connect");
        std::exit(1);
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int stream(const sockaddr_in &address, long long total, long long chunk, long long window)
{
    const int fd = connectBlocking(address);
    std::vector<char> out(static_cast<size_t>(chunk));
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = char(i * 131 + 7);
    std::vector<char> in(size_t(256 * 1024));
    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.fd = fd;
    ::epoll_ctl(ep, EPOLL_CTL_ADD, fd, &event);
    long long sent = 0;
    long long received = 0;
    long long chunkOffset = 0;   // position inside the current chunk being written
    bool wantOut = true;
    const auto start = Clock::now();
    while (received < total) {
        epoll_event events[2];
        if (::epoll_wait(ep, events, 2, 10'000) <= 0) {
            std::fprintf(stderr, "tcp_load: stalled at %lld of %lld bytes\n", received, total);
            return 1;
        }
        // write while the window allows
        while (sent < total && sent - received < window) {
            const long long n = std::min(chunk - chunkOffset, total - sent);
            const ssize_t w = ::send(fd, out.data() + chunkOffset, size_t(n), MSG_NOSIGNAL);
            if (w < 0) {
                if (errno == EAGAIN)
                    break;
                std::perror("tcp_load: send");
                return 1;
            }
            sent += w;
            chunkOffset = (chunkOffset + w) % chunk;
        }
        for (;;) {
            const ssize_t r = ::recv(fd, in.data(), in.size(), 0);
            if (r < 0 && errno == EAGAIN)
                break;
            if (r <= 0) {
                std::fprintf(stderr, "tcp_load: the server closed at %lld bytes\n", received);
                return 1;
            }
            // the sent bytes repeat with period `chunk`: compare in runs with memcmp
            for (ssize_t i = 0; i < r;) {
                const long long at = (received + i) % chunk;
                const ssize_t run = std::min<ssize_t>(r - i, ssize_t(chunk - at));
                if (std::memcmp(in.data() + i, out.data() + at, size_t(run)) != 0) {
                    std::fprintf(stderr, "tcp_load: wrong echo near byte %lld\n", received + i);
                    return 1;
                }
                i += run;
            }
            received += r;
        }
        const bool needOut = sent < total && sent - received < window;
        if (needOut != wantOut) {
            wantOut = needOut;
            event.events = EPOLLIN | (needOut ? EPOLLOUT : 0u);
            ::epoll_ctl(ep, EPOLL_CTL_MOD, fd, &event);
        }
    }
    const double seconds = secondsSince(start);
    ::close(fd);
    std::printf("{\"bytes\": %lld, \"seconds\": %.6f, \"mb_per_s\": %.1f}\n", total, seconds, double(total) / seconds / 1e6);
    return 0;
}

struct Conn {
    int fd = -1;
    int left = 0;          // messages still to send
    size_t got = 0;        // bytes of the current echo received
    Clock::time_point sentAt;
};

struct RrResult {
    std::vector<double> latenciesUs;
    long long errors = 0;
};

void rrLoop(std::vector<Conn> &conns, const std::vector<char> &message, RrResult &result)
{
    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    std::vector<char> in(64 * 1024);
    size_t active = 0;
    for (size_t i = 0; i < conns.size(); ++i) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.u64 = i;
        ::epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &event);
    }
    for (Conn &c : conns) {
        if (c.left <= 0)
            continue;
        c.sentAt = Clock::now();
        if (::send(c.fd, message.data(), message.size(), MSG_NOSIGNAL) != ssize_t(message.size()))
            ++result.errors;
        --c.left;
        ++active;
    }
    std::vector<epoll_event> events(conns.size() + 1);
    while (active > 0) {
        const int n = ::epoll_wait(ep, events.data(), int(events.size()), 10'000);
        if (n <= 0) {
            std::fprintf(stderr, "tcp_load: stalled with %zu connections waiting\n", active);
            result.errors += static_cast<long long>(active);
            return;
        }
        for (int e = 0; e < n; ++e) {
            Conn &c = conns[events[size_t(e)].data.u64];
            const ssize_t r = ::recv(c.fd, in.data(), in.size(), 0);
            if (r < 0 && errno == EAGAIN)
                continue;
            if (r <= 0) {
                ++result.errors;
                ::epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
                --active;
                continue;
            }
            c.got += size_t(r);
            if (c.got < message.size())
                continue;
            if (c.got > message.size())
                ++result.errors;   // one message outstanding: more is a wrong echo
            const auto now = Clock::now();
            result.latenciesUs.push_back(std::chrono::duration<double, std::micro>(now - c.sentAt).count());
            c.got = 0;
            if (c.left == 0) {
                --active;
                continue;
            }
            c.sentAt = now;
            if (::send(c.fd, message.data(), message.size(), MSG_NOSIGNAL) != ssize_t(message.size()))
                ++result.errors;
            --c.left;
        }
    }
    ::close(ep);
}

int roundTrips(const sockaddr_in &address, int connections, int messages, int size, int threads)
{
    std::vector<char> message(static_cast<size_t>(std::max(1, size)), 'x');
    message[message.size() - 1] = '\n';
    std::vector<std::vector<Conn>> groups(static_cast<size_t>(threads));
    for (int i = 0; i < connections; ++i) {
        Conn c;
        c.fd = connectBlocking(address);
        c.left = messages;
        groups[size_t(i % threads)].push_back(c);
    }
    std::vector<RrResult> results(static_cast<size_t>(threads));
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] { rrLoop(groups[size_t(t)], message, results[size_t(t)]); });
    for (std::thread &w : workers)
        w.join();
    const double seconds = secondsSince(start);
    std::vector<double> all;
    long long errors = 0;
    for (const RrResult &r : results) {
        all.insert(all.end(), r.latenciesUs.begin(), r.latenciesUs.end());
        errors += r.errors;
    }
    for (const std::vector<Conn> &g : groups)
        for (const Conn &c : g)
            ::close(c.fd);
    std::sort(all.begin(), all.end());
    const auto pct = [&all](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, size_t(p * double(all.size())))]; };
    std::printf("{\"round_trips\": %zu, \"seconds\": %.6f, \"per_s\": %.0f, \"p50_us\": %.0f, \"p99_us\": %.0f, "
                "\"max_us\": %.0f, \"errors\": %lld}\n",
                all.size(), seconds, double(all.size()) / seconds, pct(0.50), pct(0.99), all.empty() ? 0.0 : all.back(),
                errors);
    return errors == 0 && all.size() == size_t(connections) * size_t(messages) ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc >= 6 && std::string(argv[1]) == "stream") {
        return stream(resolve(argv[2], argv[3]), std::atoll(argv[4]), std::atoll(argv[5]),
                      argc > 6 ? std::atoll(argv[6]) : 4LL << 20);
    }
    if (argc >= 7 && std::string(argv[1]) == "rr") {
        return roundTrips(resolve(argv[2], argv[3]), std::atoi(argv[4]), std::atoi(argv[5]), std::atoi(argv[6]),
                          argc > 7 ? std::max(1, std::atoi(argv[7])) : 1);
    }
    std::fprintf(stderr, "usage: tcp_load stream HOST PORT TOTAL_BYTES CHUNK [WINDOW]\n"
                         "       tcp_load rr HOST PORT CONNECTIONS MESSAGES SIZE [THREADS]\n");
    return 2;
}

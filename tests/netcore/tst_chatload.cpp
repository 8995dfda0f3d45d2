// Load: many native clients in one room, each sending a burst; every client must receive every other
// client's messages exactly once and in each sender's order. Then a fifth of them vanish abruptly and the
// server keeps serving the rest. (Run under ASan+UBSan in CI: nothing may leak or be touched after free.)
// CHAT_LOAD_CLIENTS / CHAT_LOAD_MESSAGES override the size (defaults: 500 clients, 20 messages each).

#include "netcore/chat/chatserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using netcore::chat::ChatServer;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// One client: counts, per sender, the messages that arrive, and checks each is the next one expected.
struct Client {
    QTcpSocket socket;
    QByteArray buffer;
    std::vector<int> next;      // per sender index: the sequence number expected next
    qint64 received = 0;
    bool joined = false;
    QStringList problems;
    QList<QByteArray> leaves;

    explicit Client(int senders) : next(size_t(senders), 0)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { onReadyRead(); });
    }

    void onReadyRead()
    {
        buffer += socket.readAll();
        qsizetype start = 0;
        for (qsizetype nl = buffer.indexOf('\n', start); nl >= 0; nl = buffer.indexOf('\n', start)) {
            handle(QByteArrayView(buffer).sliced(start, nl - start));
            start = nl + 1;
        }
        buffer.remove(0, start);
    }

    void handle(QByteArrayView line)
    {
        if (line.startsWith("MSG c")) {
            // "MSG c<sender> <sequence>"
            const QByteArrayView rest = line.sliced(5);
            const qsizetype space = rest.indexOf(' ');
            const int sender = rest.first(space).toInt();
            const int sequence = rest.sliced(space + 1).toInt();
            if (sender < 0 || size_t(sender) >= next.size() || next[size_t(sender)] != sequence)
                problems.append(QString::fromUtf8(line));
            else
                ++next[size_t(sender)];
            ++received;
        } else if (line.startsWith("OK ")) {
            joined = true;
        } else if (line.startsWith("LEAVE ")) {
            leaves.append(line.toByteArray());
        }
    }
};

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

class TestChatLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyoneGetsEverythingOnceInOrder();
};

void TestChatLoad::everyoneGetsEverythingOnceInOrder()
{
    raiseFileLimit();
    const int clients = envInt("CHAT_LOAD_CLIENTS", 500);
    const int messages = envInt("CHAT_LOAD_MESSAGES", 20);
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < rlim_t(2 * clients + 64))
        QSKIP("not enough file descriptors for this many clients on both ends");

    ChatServer server;
    netcore::common::ServerLimits limits = server.limits();
    limits.maxClients = clients + 10;
    limits.maxPerHost = 0;   // every client comes from 127.0.0.1
    limits.maxQueuedOutput = 64 * 1024 * 1024;   // this test is about delivery, not about dropping slow readers
    server.setLimits(limits);
    QVERIFY2(server.start(QHostAddress(QHostAddress::LocalHost), 0), qPrintable(server.errorDetail().raw));

    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<Client>> room;
    for (int i = 0; i < clients; ++i) {
        room.push_back(std::make_unique<Client>(clients));
        room.back()->socket.connectToHost(QHostAddress::LocalHost, server.serverPort());
        room.back()->socket.write("NICK c" + QByteArray::number(i) + '\n');
    }
    QVERIFY(QTest::qWaitFor([&] { return server.users().size() == clients; }, 30'000));
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(room.cbegin(), room.cend(), [](const auto &c) { return c->joined; }), 30'000);
    const qint64 joinMs = timer.restart();

    for (int m = 0; m < messages; ++m) {
        for (int i = 0; i < clients; ++i)
            room[size_t(i)]->socket.write("MSG " + QByteArray::number(m) + '\n');
    }
    const qint64 expected = qint64(clients) * messages;
    QVERIFY(QTest::qWaitFor([&] {
        return std::all_of(room.cbegin(), room.cend(), [expected](const auto &c) { return c->received >= expected; });
    }, 45'000));
    const qint64 deliverMs = timer.restart();
    for (const auto &client : room) {
        if (!client->problems.isEmpty())
            QFAIL(qPrintable(u"out of order or unknown: "_s + client->problems.constFirst()));
        QCOMPARE(client->received, expected);   // exactly once: no more arrived
        QVERIFY(std::all_of(client->next.cbegin(), client->next.cend(), [messages](int n) { return n == messages; }));
    }

    // A fifth vanish at once, without QUIT.
    const int vanishing = clients / 5;
    for (int i = 0; i < vanishing; ++i)
        room[size_t(i)]->socket.abort();
    QVERIFY(QTest::qWaitFor([&] { return server.users().size() == clients - vanishing; }, 30'000));
    Client &last = *room.back();
    QTRY_COMPARE_WITH_TIMEOUT(last.leaves.size(), qsizetype(vanishing), 30'000);
    QVERIFY(last.leaves.contains("LEAVE c0 lost"));

    // The room goes on.
    room[size_t(vanishing)]->socket.write("MSG " + QByteArray::number(messages) + '\n');
    QTRY_COMPARE_WITH_TIMEOUT(last.next[size_t(vanishing)], messages + 1, 10'000);
    qInfo("%d clients joined in %lld ms; %lld deliveries in %lld ms", clients, joinMs,
          qint64(clients) * expected, deliverMs);
}

QTEST_GUILESS_MAIN(TestChatLoad)
#include "tst_chatload.moc"

// UdpSender and UdpListener over real sockets on loopback: unicast, IPv4 multicast (TTL 0 so nothing leaves the
// host; IPv6 multicast needs a multicast-capable interface: tst_udpnetns), several listeners on one port, the fixed reply, the schedule (1 ms interval, rate), loss
// accounting on crafted sequenced traffic (gaps, reorders, duplicates), and the CSV and pcap exports
// (the pcap read back by tshark).
#include "netcore/common/transcript.h"
#include "netcore/udp/datagramexport.h"
#include "netcore/udp/events.h"
#include "netcore/udp/peers.h"
#include "netcore/udp/sequenced.h"
#include "netcore/udp/udplistener.h"
#include "netcore/udp/udpsender.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

#include <cerrno>

using namespace Qt::StringLiterals;
using namespace netcore::udp;

namespace {

// What an engine's refusal was, for failure messages (the sentences live in presentation/udp).
template <typename Engine>
QString errorOf(const Engine &engine)
{
    const netcore::common::ErrorDetail detail = engine.errorDetail();
    return u"error %1 (peer %2, errno %3, %4)"_s.arg(int(engine.error())).arg(detail.peer).arg(detail.sysError).arg(detail.raw);
}

constexpr int kTimeoutMs = 10'000;

QString optionValue(const QList<SocketOption> &options, const QString &name)
{
    for (const SocketOption &option : options) {
        if (option.name == name)
            return option.value;
    }
    return {};
}

// Collects what a listener delivers.
struct Collector {
    explicit Collector(UdpListener &listener)
    {
        QObject::connect(&listener, &UdpListener::datagramsReceived, &context,
                         [this](const QList<Datagram> &batch) { datagrams.append(batch); });
    }
    QObject context;
    QList<Datagram> datagrams;
};

ListenerOptions loopbackListener(quint16 port = 0)
{
    ListenerOptions options;
    options.bindAddress = QHostAddress(QHostAddress::LocalHost);
    options.port = port;
    return options;
}

} // namespace

class TestUdpEngine final : public QObject
{
    Q_OBJECT

private slots:
    void unicastSequenced();
    void intervalAndRateAreHonoured();
    void senderRefusesBadOptions();
    void sendFailureIsATypedEvent();
    void listenersShareAPort();
    void multicastIPv4();
    void replyToEachSender();
    void peersSeenSinceStart();
    void peerTableIsBounded();
    void lossOnCraftedTraffic();
    void boundedDelivery();
    void csvExport();
    void pcapReadByTshark();
};

void TestUdpEngine::unicastSequenced()
{
    UdpListener listener;
    QVERIFY2(listener.start(loopbackListener()), qPrintable(errorOf(listener)));
    QVERIFY(listener.localPort() != 0);
    QCOMPARE(optionValue(listener.socketOptions(), u"SO_REUSEADDR"_s), u"1"_s);
    Collector collector(listener);

    UdpSender sender;
    SenderOptions options;
    options.destination = QHostAddress(QHostAddress::LocalHost);
    options.port = listener.localPort();
    options.payload = "hello";
    options.count = 50;
    options.rate = 5000;
    options.sequenced = true;
    options.sequencedSize = 64;
    QSignalSpy finished(&sender, &UdpSender::finished);
    QVERIFY2(sender.start(options), qPrintable(errorOf(sender)));
    QCOMPARE(sender.destinationKind(), DestinationKind::Unicast);
    QCOMPARE(optionValue(sender.socketOptions(), u"SO_BROADCAST"_s), u"0"_s);
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(sender.stats().sent, 50u);
    QCOMPARE(sender.stats().bytes, 50u * 64);
    QTRY_COMPARE_WITH_TIMEOUT(collector.datagrams.size(), 50, kTimeoutMs);
    for (int i = 0; i < 50; ++i) {
        const Datagram &d = collector.datagrams.at(i);
        QCOMPARE(d.index, quint64(i));
        QCOMPARE(d.sequence, std::optional<quint64>(i));
        QCOMPARE(d.payload.size(), 64);
        QCOMPARE(d.payload.mid(20, 5), "hello");
        QCOMPARE(d.source, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(d.sourcePort, sender.localPort() ? sender.localPort() : d.sourcePort);
    }
    const ListenerCounters counters = listener.counters();
    QCOMPARE(counters.datagrams, 50u);
    QCOMPARE(counters.bytes, 50u * 64);
    QCOMPARE(counters.sequenced, 50u);
    QCOMPARE(counters.loss.expected, 50u);
    QCOMPARE(counters.loss.lost, 0u);
    QCOMPARE(counters.loss.duplicates, 0u);
    listener.stop();
    QCOMPARE(listener.state(), UdpListener::State::Idle);
}

void TestUdpEngine::intervalAndRateAreHonoured()
{
    UdpListener listener;
    QVERIFY(listener.start(loopbackListener()));
    Collector collector(listener);
    UdpSender sender;
    SenderOptions options;
    options.destination = QHostAddress(QHostAddress::LocalHost);
    options.port = listener.localPort();
    options.payload = "tick";
    options.count = 21;
    options.interval = std::chrono::milliseconds(1);
    QSignalSpy finished(&sender, &UdpSender::finished);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(sender.start(options));
    QVERIFY(finished.wait(kTimeoutMs));
    // 21 datagrams 1 ms apart: the last leaves 20 ms after the first, not earlier.
    QVERIFY2(sender.stats().elapsedUs >= 20'000, qPrintable(QString::number(sender.stats().elapsedUs)));
    QTRY_COMPARE_WITH_TIMEOUT(collector.datagrams.size(), 21, kTimeoutMs);
    const qint64 spreadUs = collector.datagrams.back().wallUs - collector.datagrams.front().wallUs;
    QVERIFY2(spreadUs >= 19'000, qPrintable(QString::number(spreadUs)));

    // 2000 datagrams/s, 401 datagrams: at least 200 ms, and well under 2 s even on a loaded machine.
    options.count = 401;
    options.interval = {};
    options.rate = 2000;
    QVERIFY(sender.start(options));
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(sender.stats().elapsedUs >= 200'000, qPrintable(QString::number(sender.stats().elapsedUs)));
    QVERIFY2(sender.stats().elapsedUs < 2'000'000, qPrintable(QString::number(sender.stats().elapsedUs)));
    QCOMPARE(sender.stats().sent, 401u);
    QTRY_COMPARE_WITH_TIMEOUT(collector.datagrams.size(), 21 + 401, kTimeoutMs);
}

void TestUdpEngine::senderRefusesBadOptions()
{
    UdpSender sender;
    SenderOptions options;
    QVERIFY(!sender.start(options));
    QCOMPARE(sender.error(), UdpSender::Error::NoDestination);
    options.destination = QHostAddress(QHostAddress::LocalHost);
    options.port = 9;
    options.payload = QByteArray(65508, 'x');
    QVERIFY(!sender.start(options));
    QCOMPARE(sender.error(), UdpSender::Error::DatagramTooLarge);
    options.payload = QByteArray(65507, 'x'); // the largest datagram is fine
    options.count = -1;
    QVERIFY(!sender.start(options));
    QCOMPARE(sender.error(), UdpSender::Error::NegativeSchedule);
    options.count = 1;
    options.payload = "x";
    options.multicastInterface = u"no-such-interface0"_s;
    options.destination = QHostAddress(u"239.255.0.1"_s);
    QVERIFY(!sender.start(options));
    QCOMPARE(sender.error(), UdpSender::Error::NoSuchInterface);
    QCOMPARE(sender.errorDetail().raw, u"no-such-interface0"_s);
    QCOMPARE(sender.state(), UdpSender::State::Idle);
}

void TestUdpEngine::sendFailureIsATypedEvent()
{
    // An IPv4 socket cannot send to an IPv6 address: the kernel refuses the first datagram.
    UdpSender sender;
    netcore::common::Transcript transcript;
    sender.setTranscript(&transcript);
    SenderOptions options;
    options.bindAddress = QHostAddress(QHostAddress::LocalHost);
    options.destination = QHostAddress(QHostAddress::LocalHostIPv6);
    options.port = 9;
    options.payload = "x";
    QSignalSpy errors(&sender, &UdpSender::errorOccurred);
    QVERIFY2(sender.start(options), qPrintable(errorOf(sender)));
    QVERIFY(errors.wait(kTimeoutMs));
    QCOMPARE(errors.at(0).at(0).value<UdpSender::Error>(), UdpSender::Error::SendFailed);
    QCOMPARE(sender.error(), UdpSender::Error::SendFailed);
    QCOMPARE(sender.errorDetail().peer, u"[::1]:9"_s);
    QCOMPARE(sender.state(), UdpSender::State::Idle);
    QCOMPARE(sender.stats().sent, 0u);
    QCOMPARE(transcript.size(), 1);
    const netcore::common::TranscriptEntry entry = transcript.entries().at(0);
    QCOMPARE(entry.direction, netcore::common::Direction::Event);
    QCOMPARE(entry.event.area, netcore::common::EventArea::Udp);
    QCOMPARE(entry.event.code, quint16(Event::SendFailed));
    QCOMPARE(entry.event.args.size(), 2);
    QCOMPARE(entry.event.args.at(0), QString::number(sender.errorDetail().sysError));
    QCOMPARE(entry.peer, u"[::1]:9"_s);
}

void TestUdpEngine::listenersShareAPort()
{
    UdpListener first;
    QVERIFY(first.start(loopbackListener()));
    UdpListener second;
    QVERIFY2(second.start(loopbackListener(first.localPort())), qPrintable(errorOf(second)));
    QCOMPARE(second.localPort(), first.localPort());
    // Without ShareAddress a plain socket cannot take the port.
    QUdpSocket plain;
    QVERIFY(!plain.bind(QHostAddress(QHostAddress::LocalHost), first.localPort(), QAbstractSocket::DontShareAddress));
    // And a port a plain socket holds alone refuses a listener: the error says which port and the errno.
    QUdpSocket exclusive;
    QVERIFY(exclusive.bind(QHostAddress(QHostAddress::LocalHost), 0, QAbstractSocket::DontShareAddress));
    UdpListener refused;
    QSignalSpy errors(&refused, &UdpListener::errorOccurred);
    QVERIFY(!refused.start(loopbackListener(exclusive.localPort())));
    QCOMPARE(refused.error(), UdpListener::Error::BindFailed);
    QCOMPARE(refused.errorDetail().sysError, EADDRINUSE);
    QCOMPARE(refused.errorDetail().peer, u"127.0.0.1:%1"_s.arg(exclusive.localPort()));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(refused.state(), UdpListener::State::Idle);
}

void TestUdpEngine::multicastIPv4()
{
    const QHostAddress group(u"239.255.77.1"_s);
    ListenerOptions options;
    options.bindAddress = QHostAddress(QHostAddress::AnyIPv4);
    options.groups = {group};
    options.groupInterface = u"lo"_s;
    UdpListener first;
    QVERIFY2(first.start(options), qPrintable(errorOf(first)));
    options.port = first.localPort();
    UdpListener second; // a second listener on the same port and group: both get every datagram
    QVERIFY2(second.start(options), qPrintable(errorOf(second)));
    Collector a(first);
    Collector b(second);

    UdpSender sender;
    SenderOptions send;
    send.destination = group;
    send.port = first.localPort();
    send.ttl = 0; // never leaves this host
    send.multicastInterface = u"lo"_s;
    send.payload = "to the group";
    send.count = 5;
    QSignalSpy finished(&sender, &UdpSender::finished);
    QVERIFY2(sender.start(send), qPrintable(errorOf(sender)));
    QCOMPARE(sender.destinationKind(), DestinationKind::Multicast);
    QCOMPARE(optionValue(sender.socketOptions(), u"IP_MULTICAST_TTL"_s), u"0"_s);
    QCOMPARE(optionValue(sender.socketOptions(), u"IP_MULTICAST_LOOP"_s), u"1"_s);
    QCOMPARE(optionValue(sender.socketOptions(), u"IP_MULTICAST_IF"_s), u"127.0.0.1"_s);
    QCOMPARE(optionValue(first.socketOptions(), u"IP_MULTICAST_ALL"_s), u"0"_s);
    QVERIFY(finished.wait(kTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(a.datagrams.size(), 5, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(b.datagrams.size(), 5, kTimeoutMs);
    QCOMPARE(a.datagrams.at(0).payload, "to the group");
    QCOMPARE(a.datagrams.at(0).destination, group);

    // After leaving, the first listener hears nothing more; the second still does.
    QVERIFY2(first.leaveGroup(group, u"lo"_s), qPrintable(errorOf(first)));
    QVERIFY(first.joinedGroups().isEmpty());
    QVERIFY(sender.start(send));
    QVERIFY(finished.wait(kTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(b.datagrams.size(), 10, kTimeoutMs);
    QCOMPARE(first.counters().datagrams, 5u);
    QSignalSpy errors(&first, &UdpListener::errorOccurred);
    QVERIFY(!first.joinGroup(QHostAddress(u"10.1.2.3"_s)));
    QCOMPARE(first.error(), UdpListener::Error::NotMulticastGroup);
    QCOMPARE(first.errorDetail().peer, u"10.1.2.3"_s);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).value<UdpListener::Error>(), UdpListener::Error::NotMulticastGroup);
    first.stop();
    QVERIFY(!first.leaveGroup(group));
    QCOMPARE(first.error(), UdpListener::Error::NotListening);
}

void TestUdpEngine::replyToEachSender()
{
    ListenerOptions options = loopbackListener();
    options.replyEnabled = true;
    options.reply = "I am here";
    UdpListener listener;
    QVERIFY(listener.start(options));
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress(QHostAddress::LocalHost), 0));
    QSignalSpy readable(&client, &QUdpSocket::readyRead);
    client.writeDatagram("who is there?", QHostAddress(QHostAddress::LocalHost), listener.localPort());
    QVERIFY(client.hasPendingDatagrams() || readable.wait(kTimeoutMs));
    const QNetworkDatagram reply = client.receiveDatagram();
    QCOMPARE(reply.data(), "I am here");
    QCOMPARE(reply.senderPort(), int(listener.localPort()));
    QTRY_COMPARE_WITH_TIMEOUT(listener.counters().replies, 1u, kTimeoutMs);

    listener.setReply(true, "changed");
    client.writeDatagram("again", QHostAddress(QHostAddress::LocalHost), listener.localPort());
    QVERIFY(client.hasPendingDatagrams() || readable.wait(kTimeoutMs));
    QCOMPARE(client.receiveDatagram().data(), "changed");
}

// Who sent (the classroom panel's list for UDP): one row per address:port, first-seen order, bytes both ways.
void TestUdpEngine::peersSeenSinceStart()
{
    ListenerOptions options = loopbackListener();
    options.bindAddress = QHostAddress(QHostAddress::AnyIPv4);
    options.replyEnabled = true;
    options.reply = "ok";
    UdpListener listener;
    QVERIFY(listener.start(options));
    QUdpSocket first;
    QVERIFY(first.bind(QHostAddress(u"127.0.0.2"_s), 0));
    QUdpSocket second;
    QVERIFY(second.bind(QHostAddress(u"127.0.0.3"_s), 0));
    first.writeDatagram("hello", QHostAddress(QHostAddress::LocalHost), listener.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(listener.peers().size(), 1, kTimeoutMs);
    second.writeDatagram("hi", QHostAddress(QHostAddress::LocalHost), listener.localPort());
    first.writeDatagram("again!", QHostAddress(QHostAddress::LocalHost), listener.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(listener.counters().datagrams, 3u, kTimeoutMs);
    const QList<UdpPeer> peers = listener.peers();
    QCOMPARE(peers.size(), 2);
    QCOMPARE(peers.at(0).address, QHostAddress(u"127.0.0.2"_s));
    QCOMPARE(peers.at(0).port, first.localPort());
    QCOMPARE(peers.at(0).datagrams, 2u);
    QCOMPARE(peers.at(0).bytes, 11u);
    QCOMPARE(peers.at(0).repliedBytes, 4u);
    QVERIFY(peers.at(0).firstSeenUs <= peers.at(0).lastSeenUs);
    QCOMPARE(peers.at(1).address, QHostAddress(u"127.0.0.3"_s));
    QCOMPARE(peers.at(1).bytes, 2u);
    QVERIFY(peers.at(0).id < peers.at(1).id);

    listener.resetCounters();   // the tab's Clear: the class list stays
    QCOMPARE(listener.peers().size(), 2);
    listener.stop();
    QVERIFY(listener.peers().isEmpty());
}

void TestUdpEngine::peerTableIsBounded()
{
    PeerTable table;
    for (int i = 0; i < PeerTable::kMaxPeers + 10; ++i)
        table.add(QHostAddress(quint32(0x0a000000 + i)), 5000, 1, i);
    QCOMPARE(table.size(), PeerTable::kMaxPeers);
    QCOMPARE(table.untracked(), 10u);
    table.add(QHostAddress(quint32(0x0a000000)), 5000, 7, 99999);   // a known peer still counts
    QCOMPARE(table.peers().constFirst().bytes, 8u);
    QCOMPARE(table.peers().constFirst().lastSeenUs, 99999);
}

void TestUdpEngine::lossOnCraftedTraffic()
{
    UdpListener listener;
    QVERIFY(listener.start(loopbackListener()));
    Collector collector(listener);
    QUdpSocket a;
    QUdpSocket b;
    QVERIFY(a.bind(QHostAddress(QHostAddress::LocalHost), 0));
    QVERIFY(b.bind(QHostAddress(QHostAddress::LocalHost), 0));
    // Source a: 0..19 with 5 and 6 missing, 10 sent after 12, 15 twice.  Source b: 0..4 clean.
    QList<quint64> order;
    for (quint64 s = 0; s < 20; ++s) {
        if (s == 5 || s == 6 || s == 10)
            continue;
        order.append(s);
        if (s == 12)
            order.append(10);
        if (s == 15)
            order.append(15);
    }
    for (const quint64 s : order)
        a.writeDatagram(makeSequencedDatagram(s, 1000 + qint64(s), "a"), QHostAddress(QHostAddress::LocalHost), listener.localPort());
    for (quint64 s = 0; s < 5; ++s)
        b.writeDatagram(makeSequencedDatagram(s, 1000 + qint64(s), "b"), QHostAddress(QHostAddress::LocalHost), listener.localPort());
    a.writeDatagram("not sequenced", QHostAddress(QHostAddress::LocalHost), listener.localPort());
    const int total = int(order.size()) + 5 + 1;
    QTRY_COMPARE_WITH_TIMEOUT(collector.datagrams.size(), total, kTimeoutMs);
    const ListenerCounters counters = listener.counters();
    QCOMPARE(counters.datagrams, quint64(total));
    QCOMPARE(counters.sequenced, quint64(total - 1));
    QCOMPARE(counters.loss.lost, 2u);
    QCOMPARE(counters.loss.outOfOrder, 1u);
    QCOMPARE(counters.loss.duplicates, 1u);
    QCOMPARE(counters.loss.expected, 25u);
    const auto perSource = listener.lossPerSource();
    QCOMPARE(perSource.size(), 2);
    QCOMPARE(perSource.value(netcore::common::endpointString(b.localAddress(), b.localPort())).lost, 0u);
    QCOMPARE(perSource.value(netcore::common::endpointString(a.localAddress(), a.localPort())).lost, 2u);
    listener.resetCounters();
    QCOMPARE(listener.counters().datagrams, 0u);
}

void TestUdpEngine::boundedDelivery()
{
    DatagramStore store(3);
    QList<Datagram> batch(5);
    for (int i = 0; i < 5; ++i) {
        batch[i].index = quint64(i);
        batch[i].payload = QByteArray(i + 1, 'x');
    }
    QCOMPARE(store.append(batch), 2);
    QCOMPARE(store.size(), 3);
    QCOMPARE(store.at(0).index, 2u);
    QCOMPARE(store.payloadBytes(), 3 + 4 + 5);
    store.setCapacity(1);
    QCOMPARE(store.at(0).index, 4u);
    QCOMPARE(store.payloadBytes(), 5);
    store.removeFront(5);
    QCOMPARE(store.size(), 0);
    QCOMPARE(store.payloadBytes(), 0);

    // The listener holds at most maxPending undelivered datagrams and counts the rest as not delivered.
    ListenerOptions options = loopbackListener();
    options.maxPending = 10;
    UdpListener listener;
    QVERIFY(listener.start(options));
    QUdpSocket client;
    for (int i = 0; i < 100; ++i)
        client.writeDatagram(QByteArray::number(i), QHostAddress(QHostAddress::LocalHost), listener.localPort());
    // Wait for the worker to count them WITHOUT running this thread's event loop, so nothing is delivered yet.
    QElapsedTimer clock;
    clock.start();
    while (listener.counters().datagrams < 100u && !clock.hasExpired(kTimeoutMs))
        QThread::yieldCurrentThread();
    QCOMPARE(listener.counters().datagrams, 100u);
    Collector collector(listener);
    QTRY_VERIFY_WITH_TIMEOUT(listener.counters().notDelivered + quint64(collector.datagrams.size()) == 100u, kTimeoutMs);
    QVERIFY(collector.datagrams.size() >= 10);
    QCOMPARE(collector.datagrams.back().payload, "99");
}

void TestUdpEngine::csvExport()
{
    DatagramStore store;
    Datagram d;
    d.index = 7;
    d.wallUs = 1'700'000'000'123'456;
    d.source = QHostAddress(u"192.0.2.9"_s);
    d.sourcePort = 5000;
    d.destination = QHostAddress(u"192.0.2.255"_s);
    d.destinationPort = 9999;
    d.payload = "say \"hi\", bye\n";
    d.sequence = 3;
    store.append({d});
    QTemporaryDir dir;
    QFile file(dir.filePath(u"out.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(DatagramExport::writeCsv(file, store, &error));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.at(0), "index,time_utc,source,source_port,destination,destination_port,size,sequence,hex,text\r");
    QCOMPARE(lines.at(1), "7,2023-11-14T22:13:20.123456Z,192.0.2.9,5000,192.0.2.255,9999,14,3,"_ba + d.payload.toHex()
                              + ",\"say \"\"hi\"\", bye\xe2\x90\x8a\"\r");
}

void TestUdpEngine::pcapReadByTshark()
{
    const QString tshark = QStandardPaths::findExecutable(u"tshark"_s);
    if (tshark.isEmpty())
        QSKIP("tshark is not installed (scripts/deps/test.txt lists it)");
    // Real traffic, IPv4 over loopback, plus one IPv6 datagram.
    UdpListener listener;
    QVERIFY(listener.start(loopbackListener()));
    Collector collector(listener);
    QUdpSocket client;
    QVERIFY(client.bind(QHostAddress(QHostAddress::LocalHost), 0));
    const QList<QByteArray> payloads{"first", QByteArray("\x00\x01\xff binary", 10), QByteArray(1400, 'z')};
    for (const QByteArray &p : payloads)
        client.writeDatagram(p, QHostAddress(QHostAddress::LocalHost), listener.localPort());
    QTRY_COMPARE_WITH_TIMEOUT(collector.datagrams.size(), payloads.size(), kTimeoutMs);
    DatagramStore store;
    store.append(collector.datagrams);
    Datagram v6;
    v6.index = 3;
    v6.wallUs = collector.datagrams.back().wallUs + 1;
    v6.source = QHostAddress(u"2001:db8::1"_s);
    v6.sourcePort = 4000;
    v6.destination = QHostAddress(u"ff12::1"_s);
    v6.destinationPort = 4001;
    v6.payload = "six";
    store.append({v6});

    QTemporaryDir dir;
    const QString path = dir.filePath(u"capture.pcap"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(DatagramExport::writePcap(file, store, listener.localAddress(), listener.localPort(), &error));
    file.close();

    QProcess process;
    process.start(tshark, {u"-n"_s, u"-r"_s, path, u"-o"_s, u"udp.check_checksum:TRUE"_s, u"-o"_s, u"ip.check_checksum:TRUE"_s, u"-T"_s, u"fields"_s, u"-E"_s,
                           u"separator=,"_s, u"-e"_s, u"ip.src"_s, u"-e"_s, u"ipv6.src"_s, u"-e"_s, u"udp.srcport"_s,
                           u"-e"_s, u"udp.dstport"_s, u"-e"_s, u"udp.payload"_s, u"-e"_s, u"udp.checksum.status"_s,
                           u"-e"_s, u"ip.checksum.status"_s});
    QVERIFY(process.waitForFinished(30'000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    const QByteArray port = QByteArray::number(listener.localPort());
    const QByteArray clientPort = QByteArray::number(client.localPort());
    for (int i = 0; i < 3; ++i) {
        // tshark's checksum status: 1 = good (0 = bad, 2 = not checked)
        QCOMPARE(lines.at(i), "127.0.0.1,," + clientPort + ',' + port + ',' + payloads.at(i).toHex() + ",1,1");
    }
    QCOMPARE(lines.at(3), ",2001:db8::1,4000,4001," + "six"_ba.toHex() + ",1,");
}

QTEST_GUILESS_MAIN(TestUdpEngine)
#include "tst_udpengine.moc"

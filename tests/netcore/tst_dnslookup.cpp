// QDnsLookup-based DnsLookup against a real (tiny) DNS server in this test.
// Qt 6.4's QDnsLookup always asks port 53, so the server must own 127.0.0.1:53: this works as root (or with
// CAP_NET_BIND_SERVICE) when the port is free; otherwise the server tests are skipped with the reason
// (the e2e test dns_e2e runs the same scenario inside a private network namespace instead).
#include "netcore/lookup/dnslookup.h"

#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

namespace {

constexpr int kWaitMs = 20'000;
constexpr quint16 kDnsPort = 53;
constexpr quint32 kTtl = 300;

enum : quint16 { TypeA = 1, TypeNS = 2, TypeCNAME = 5, TypePTR = 12, TypeMX = 15, TypeTXT = 16, TypeAAAA = 28, TypeSRV = 33 };

QByteArray encodeName(const QByteArray &name)
{
    QByteArray out;
    for (const QByteArray &label : name.split('.')) {
        if (label.isEmpty())
            continue;
        out += char(label.size());
        out += label;
    }
    return out + '\0';
}

QByteArray u16(quint16 v) { QByteArray b(2, 0); qToBigEndian(v, b.data()); return b; }
QByteArray u32(quint32 v) { QByteArray b(4, 0); qToBigEndian(v, b.data()); return b; }

// A canned authoritative server for the zone "socketeer.test".
class TinyDnsServer final : public QObject
{
public:
    bool start()
    {
        if (!m_socket.bind(QHostAddress::LocalHost, kDnsPort))
            return false;
        connect(&m_socket, &QUdpSocket::readyRead, this, &TinyDnsServer::onReadyRead);
        return true;
    }
    QString errorString() const { return m_socket.errorString(); }
    int queries = 0;

private:
    void onReadyRead()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram datagram = m_socket.receiveDatagram();
            ++queries;
            const QByteArray reply = answer(datagram.data());
            if (!reply.isEmpty())
                m_socket.writeDatagram(datagram.makeReply(reply));
        }
    }

    static QByteArray record(quint16 type, const QByteArray &rdata)
    {
        return u16(0xc00c) + u16(type) + u16(1) + u32(kTtl) + u16(quint16(rdata.size())) + rdata;
    }

    static QByteArray answer(const QByteArray &query)
    {
        if (query.size() < 12)
            return {};
        // Question: labels from offset 12, then type and class.
        QByteArray name;
        qsizetype pos = 12;
        while (pos < query.size() && query.at(pos) != 0) {
            const int length = quint8(query.at(pos));
            name += query.mid(pos + 1, length).toLower() + '.';
            pos += length + 1;
        }
        if (pos + 5 > query.size())
            return {};
        const quint16 type = qFromBigEndian<quint16>(query.constData() + pos + 1);
        const QByteArray question = query.mid(12, pos + 5 - 12);
        name.chop(1);

        int rcode = 0;
        QList<QByteArray> answers;
        if (name == "silent.socketeer.test")
            return {}; // never answers: the client times out
        if (name == "refused.socketeer.test")
            rcode = 5;
        else if (name == "servfail.socketeer.test")
            rcode = 2;
        else if (name == "host.socketeer.test" && type == TypeA)
            answers << record(TypeA, QByteArray::fromHex("c000020a"));
        else if (name == "host.socketeer.test" && type == TypeAAAA)
            answers << record(TypeAAAA, QByteArray::fromHex("20010db8000000000000000000000010"));
        else if (name == "host.socketeer.test")
            rcode = 0; // exists, no records of that type
        else if (name == "mail.socketeer.test" && type == TypeMX)
            answers << record(TypeMX, u16(10) + encodeName("mx1.socketeer.test"))
                    << record(TypeMX, u16(20) + encodeName("mx2.socketeer.test"));
        else if (name == "alias.socketeer.test" && type == TypeCNAME)
            answers << record(TypeCNAME, encodeName("host.socketeer.test"));
        else if (name == "socketeer.test" && type == TypeNS)
            answers << record(TypeNS, encodeName("ns1.socketeer.test"));
        else if (name == "text.socketeer.test" && type == TypeTXT)
            answers << record(TypeTXT, QByteArray("\x05hello\x05world", 12));
        else if (name == "_chat._tcp.socketeer.test" && type == TypeSRV)
            answers << record(TypeSRV, u16(1) + u16(5) + u16(8888) + encodeName("host.socketeer.test"));
        else if (name == "10.2.0.192.in-addr.arpa" && type == TypePTR)
            answers << record(TypePTR, encodeName("host.socketeer.test"));
        else
            rcode = 3; // NXDOMAIN
        QByteArray reply = query.left(2); // id
        reply += u16(quint16(0x8400 | 0x0100 | rcode)); // QR, AA, RD echoed, rcode
        reply += u16(1) + u16(quint16(answers.size())) + u16(0) + u16(0);
        reply += question;
        for (const QByteArray &a : std::as_const(answers))
            reply += a;
        return reply;
    }

    QUdpSocket m_socket;
};

} // namespace

class TestDnsLookup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void records_data();
    void records();
    void errors_data();
    void errors();
    void timeout();
    void invalidName();
    void cancel();
    void closedPortFails();

private:
    DnsResult query(const QString &name, DnsRecordType type, std::chrono::milliseconds timeout = DnsLookup::kDefaultTimeout);

    std::unique_ptr<TinyDnsServer> m_server;
    QString m_skipReason;
};

DnsResult TestDnsLookup::query(const QString &name, DnsRecordType type, std::chrono::milliseconds timeout)
{
    DnsLookup engine;
    engine.setTimeout(timeout);
    QSignalSpy spy(&engine, &DnsLookup::finished);
    const quint64 id = engine.lookup(name, type, QHostAddress(QHostAddress::LocalHost));
    if (!spy.wait(kWaitMs))
        return {};
    DnsResult result = spy.constFirst().constFirst().value<DnsResult>();
    return result.id == id ? result : DnsResult{};
}

void TestDnsLookup::initTestCase()
{
    m_server = std::make_unique<TinyDnsServer>();
    if (!m_server->start()) {
        m_skipReason = u"cannot own 127.0.0.1:53 (QDnsLookup in Qt 6.4 has no port setting): "_s + m_server->errorString();
        m_server.reset();
    }
}

void TestDnsLookup::records_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<DnsRecordType>("type");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("A") << u"host.socketeer.test"_s << DnsRecordType::A << QStringList{u"192.0.2.10"_s};
    QTest::newRow("AAAA") << u"host.socketeer.test"_s << DnsRecordType::AAAA << QStringList{u"2001:db8::10"_s};
    QTest::newRow("MX") << u"mail.socketeer.test"_s << DnsRecordType::MX
                        << QStringList{u"10 mx1.socketeer.test"_s, u"20 mx2.socketeer.test"_s};
    QTest::newRow("CNAME") << u"alias.socketeer.test"_s << DnsRecordType::CNAME << QStringList{u"host.socketeer.test"_s};
    QTest::newRow("NS") << u"socketeer.test"_s << DnsRecordType::NS << QStringList{u"ns1.socketeer.test"_s};
    QTest::newRow("TXT") << u"text.socketeer.test"_s << DnsRecordType::TXT << QStringList{u"hello|world"_s};
    QTest::newRow("SRV") << u"_chat._tcp.socketeer.test"_s << DnsRecordType::SRV
                         << QStringList{u"1 5 8888 host.socketeer.test"_s};
    QTest::newRow("PTR") << reverseDnsName(QHostAddress(u"192.0.2.10"_s)) << DnsRecordType::PTR
                         << QStringList{u"host.socketeer.test"_s};
}

void TestDnsLookup::records()
{
    if (!m_server)
        QSKIP(qPrintable(m_skipReason));
    QFETCH(QString, name);
    QFETCH(DnsRecordType, type);
    QFETCH(QStringList, values);

    const DnsResult r = query(name, type);
    QVERIFY2(r.ok(), qPrintable(dnsErrorKey(r.error) + u' ' + r.systemMessage));
    QCOMPARE(r.nameServer, QHostAddress(QHostAddress::LocalHost));
    QStringList got;
    for (const DnsRecord &record : r.records) {
        QCOMPARE(record.type, type);
        QCOMPARE(record.ttl, kTtl);
        QCOMPARE(record.name, name);
        switch (record.type) {
        case DnsRecordType::A:
        case DnsRecordType::AAAA: got << record.address.toString(); break;
        case DnsRecordType::MX: got << QString::number(record.preference) + u' ' + record.target; break;
        case DnsRecordType::SRV:
            got << u"%1 %2 %3 %4"_s.arg(record.priority).arg(record.weight).arg(record.port).arg(record.target);
            break;
        case DnsRecordType::TXT: got << QString::fromUtf8(record.texts.join('|')); break;
        default: got << record.target; break;
        }
    }
    got.sort();
    QCOMPARE(got, values);
}

void TestDnsLookup::errors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<DnsError>("error");
    QTest::newRow("NXDOMAIN") << u"missing.socketeer.test"_s << DnsError::NotFound;
    QTest::newRow("REFUSED") << u"refused.socketeer.test"_s << DnsError::ServerRefused;
    QTest::newRow("SERVFAIL") << u"servfail.socketeer.test"_s << DnsError::ServerFailure;
    // NOERROR with no answers (the name exists, no record of the type): glibc's res_nquery calls that a
    // failure (NO_DATA) and Qt 6.4 reports it as an invalid reply.
    QTest::newRow("no records of the type") << u"host.socketeer.test"_s << DnsError::InvalidReply;
}

void TestDnsLookup::errors()
{
    if (!m_server)
        QSKIP(qPrintable(m_skipReason));
    QFETCH(QString, name);
    QFETCH(DnsError, error);
    const DnsResult r = query(name, name.startsWith("host."_L1) ? DnsRecordType::MX : DnsRecordType::A);
    QCOMPARE(r.error, error);
    QVERIFY(!r.systemMessage.isEmpty());
    QVERIFY(r.records.isEmpty());
}

void TestDnsLookup::timeout()
{
    if (!m_server)
        QSKIP(qPrintable(m_skipReason));
    const int before = m_server->queries;
    const DnsResult r = query(u"silent.socketeer.test"_s, DnsRecordType::A, std::chrono::milliseconds(500));
    QCOMPARE(r.error, DnsError::Timeout);
    QVERIFY(r.elapsedUs >= 500'000);
    QVERIFY(m_server->queries > before); // the query did reach the server
}

void TestDnsLookup::invalidName()
{
    DnsLookup engine;
    QSignalSpy spy(&engine, &DnsLookup::finished);
    for (const QString &name : {QString(), u"a..b"_s, QString(300, u'x'), u"."_s}) {
        engine.lookup(name, DnsRecordType::A);
        QVERIFY(spy.wait(kWaitMs));
        QCOMPARE(spy.constLast().constFirst().value<DnsResult>().error, DnsError::InvalidName);
    }
}

void TestDnsLookup::cancel()
{
    DnsLookup engine;
    QSignalSpy spy(&engine, &DnsLookup::finished);
    engine.lookup(u"host.socketeer.test"_s, DnsRecordType::A, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(engine.isRunning());
    engine.cancel();
    QVERIFY(!engine.isRunning());
    const quint64 id = engine.lookup(u""_s, DnsRecordType::A);
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.constFirst().constFirst().value<DnsResult>().id, id);
}

void TestDnsLookup::closedPortFails()
{
    if (m_server)
        QSKIP("port 53 is ours here; the closed-port case runs where it is not");
    // Nobody listens on 127.0.0.1:53: the resolver gets ICMP port unreachable and gives up.
    const DnsResult r = query(u"host.socketeer.test"_s, DnsRecordType::A);
    QVERIFY(!r.ok());
    // Qt 6.4 reports "no reply" as an invalid reply (see DnsError::InvalidReply).
    QVERIFY2(r.error == DnsError::InvalidReply || r.error == DnsError::ResolverError || r.error == DnsError::Timeout,
             qPrintable(dnsErrorKey(r.error)));
}

QTEST_GUILESS_MAIN(TestDnsLookup)
#include "tst_dnslookup.moc"

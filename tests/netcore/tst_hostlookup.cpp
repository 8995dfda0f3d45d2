// getaddrinfo/getnameinfo engines: real lookups of names this machine resolves offline (/etc/hosts),
// a reserved name that cannot exist, cancellation, and destruction while a worker thread still runs.
#include "netcore/lookup/hostlookup.h"
#include "netcore/lookup/hostsfile.h"
#include "netcore/lookup/reverselookup.h"

#include <QHostInfo>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

namespace {

constexpr int kWaitMs = 20'000;

HostLookupResult lookupAndWait(HostLookup &engine, const QString &name, FamilyFilter family = FamilyFilter::Any)
{
    QSignalSpy spy(&engine, &HostLookup::finished);
    const quint64 id = engine.lookup(name, family);
    if (!spy.wait(kWaitMs) || spy.size() != 1)
        return {};
    auto result = spy.constFirst().constFirst().value<HostLookupResult>();
    return result.id == id ? result : HostLookupResult{};
}

} // namespace

class TestHostLookup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localhost();
    void ipv4Only();
    void ownHostName();
    void noSuchHost();
    void invalidInputIsAsynchronous();
    void cancelDropsTheResult();
    void destroyWhileRunning();
    void reverseLoopback();
    void reverseInvalid();
};

void TestHostLookup::localhost()
{
    HostLookup engine;
    const HostLookupResult r = lookupAndWait(engine, u"localhost"_s);
    QVERIFY2(r.ok(), qPrintable(resolveErrorKey(r.error) + u' ' + r.systemMessage));
    QVERIFY(!r.addresses.isEmpty());
    for (const QHostAddress &address : r.addresses)
        QVERIFY2(address.isLoopback(), qPrintable(address.toString()));
    QVERIFY(!r.canonicalName.isEmpty());
    QVERIFY(r.elapsedUs > 0);
    QVERIFY(!engine.isRunning());
    // /etc/hosts lists localhost, and getaddrinfo honours it: every listed address is in the answer.
    QVERIFY(!r.hostsFileAddresses.isEmpty());
    for (const QHostAddress &listed : r.hostsFileAddresses)
        QVERIFY2(r.addresses.contains(listed), qPrintable(listed.toString()));
}

void TestHostLookup::ipv4Only()
{
    HostLookup engine;
    const HostLookupResult r = lookupAndWait(engine, u"localhost"_s, FamilyFilter::Ipv4Only);
    QVERIFY(r.ok());
    QVERIFY(r.addresses.contains(QHostAddress(QHostAddress::LocalHost)));
    for (const QHostAddress &address : r.addresses)
        QCOMPARE(address.protocol(), QAbstractSocket::IPv4Protocol);
}

void TestHostLookup::ownHostName()
{
    const QString name = QHostInfo::localHostName();
    const QList<HostsFileEntry> listed = hostsFileEntriesFor(readHostsFile(), name);
    if (listed.isEmpty())
        QSKIP("this machine's host name is not in /etc/hosts, so it may need DNS");
    HostLookup engine;
    const HostLookupResult r = lookupAndWait(engine, name);
    QVERIFY(r.ok());
    for (const HostsFileEntry &entry : listed)
        QVERIFY(r.addresses.contains(entry.address));
}

void TestHostLookup::noSuchHost()
{
    // .invalid is reserved (RFC 6761): the name server says NXDOMAIN, or, without any network, the query fails.
    HostLookup engine;
    const HostLookupResult r = lookupAndWait(engine, u"no-such-host.invalid"_s);
    QVERIFY(r.id != 0);
    QVERIFY2(r.error == ResolveError::NoSuchHost || r.error == ResolveError::TemporaryFailure,
             qPrintable(resolveErrorKey(r.error)));
    QVERIFY(r.systemCode != 0);
    QVERIFY(!r.systemMessage.isEmpty());
    QVERIFY(r.addresses.isEmpty());
}

void TestHostLookup::invalidInputIsAsynchronous()
{
    HostLookup engine;
    QSignalSpy spy(&engine, &HostLookup::finished);
    engine.lookup(QString());
    QCOMPARE(spy.size(), 0); // never from inside lookup()
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.constFirst().constFirst().value<HostLookupResult>().error, ResolveError::InvalidInput);
    engine.lookup(QString(300, u'a'));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.at(1).constFirst().value<HostLookupResult>().error, ResolveError::InvalidInput);
    engine.lookup(u"a\0b"_s);
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.at(2).constFirst().value<HostLookupResult>().error, ResolveError::InvalidInput);
}

void TestHostLookup::cancelDropsTheResult()
{
    HostLookup engine;
    QSignalSpy spy(&engine, &HostLookup::finished);
    for (int i = 0; i < 10; ++i) {
        engine.lookup(u"localhost"_s);
        QVERIFY(engine.isRunning());
        engine.cancel();
        QVERIFY(!engine.isRunning());
    }
    const quint64 last = engine.lookup(u"localhost"_s, FamilyFilter::Ipv4Only);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size() >= 1, true, kWaitMs);
    // Whatever arrived, it is only the lookup that was not cancelled.
    for (const QList<QVariant> &arguments : std::as_const(spy))
        QCOMPARE(arguments.constFirst().value<HostLookupResult>().id, last);
    // A lookup started while another runs supersedes it.
    const quint64 first = engine.lookup(u"localhost"_s);
    const quint64 second = engine.lookup(u"localhost"_s, FamilyFilter::Ipv4Only);
    QVERIFY(second > first);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size() >= 2, true, kWaitMs);
    QCOMPARE(spy.constLast().constFirst().value<HostLookupResult>().id, second);
}

void TestHostLookup::destroyWhileRunning()
{
    // The workers outlive their engines; their results must be dropped without touching freed memory
    // (this is what the ASan build of this test checks).
    for (int i = 0; i < 20; ++i) {
        auto engine = std::make_unique<HostLookup>();
        engine->lookup(u"localhost"_s);
        auto reverse = std::make_unique<ReverseLookup>();
        reverse->lookup(QHostAddress(QHostAddress::LocalHost));
    }
    HostLookup survivor;
    QVERIFY(lookupAndWait(survivor, u"localhost"_s).ok());
}

void TestHostLookup::reverseLoopback()
{
    const QHostAddress loopback(QHostAddress::LocalHost);
    const QList<HostsFileEntry> listed = hostsFileEntriesFor(readHostsFile(), loopback);
    ReverseLookup engine;
    QSignalSpy spy(&engine, &ReverseLookup::finished);
    const quint64 id = engine.lookup(loopback);
    QVERIFY(spy.wait(kWaitMs));
    const auto r = spy.constFirst().constFirst().value<ReverseLookupResult>();
    QCOMPARE(r.id, id);
    QVERIFY2(r.ok(), qPrintable(resolveErrorKey(r.error)));
    QCOMPARE(r.address, loopback);
    if (listed.isEmpty())
        QSKIP("/etc/hosts does not list 127.0.0.1");
    // gethostbyaddr reads /etc/hosts first: the first name of the first matching line.
    QCOMPARE(r.hostName, listed.constFirst().names.constFirst());
    QCOMPARE(r.hostsFileNames.constFirst(), listed.constFirst().names.constFirst());
}

void TestHostLookup::reverseInvalid()
{
    ReverseLookup engine;
    QSignalSpy spy(&engine, &ReverseLookup::finished);
    engine.lookup(QHostAddress());
    QCOMPARE(spy.size(), 0);
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.constFirst().constFirst().value<ReverseLookupResult>().error, ResolveError::InvalidInput);
}

QTEST_GUILESS_MAIN(TestHostLookup)
#include "tst_hostlookup.moc"

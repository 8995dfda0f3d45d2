// The serve verbs' limit flags (app/cli/limitoptions.h): each flag sets its ServerLimits field, a flag not given
// keeps the server's default, bad values name the flag, and serve-all passes the flags on.
#include "app/cli/limitoptions.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace app::cli;
using netcore::common::ServerLimits;

Q_DECLARE_METATYPE(netcore::common::ServerLimits)

namespace {

// A server's defaults that differ from ServerLimits{} in every field, so "kept" is visible.
ServerLimits serverDefaults()
{
    ServerLimits limits;
    limits.maxClients = 100;
    limits.maxPerHost = 7;
    limits.idleTimeout = 600s;
    limits.helloTimeout = 30s;
    limits.requestTimeout = 20s;
    limits.drainTimeout = 60s;
    limits.maxQueuedOutput = 2 << 20;
    limits.memoryBudget = 64 << 20;
    return limits;
}

struct Parsed {
    bool ok = false;
    ServerLimits limits;
    QString option;
    QString error;
};

Parsed parse(LimitFlags which, const QStringList &flags)
{
    QCommandLineParser parser;
    parser.addOptions(limitOptions(which, serverDefaults()));
    Parsed parsed;
    if (!parser.parse(QStringList{u"socketeer serve x"_s} + flags)) {
        parsed.error = parser.errorText();
        return parsed;
    }
    parsed.limits = serverDefaults();
    parsed.ok = applyLimitOptions(parser, which, &parsed.limits, &parsed.option, &parsed.error);
    return parsed;
}

} // namespace

class TestLimitOptions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsKept();
    void eachFlag_data();
    void eachFlag();
    void badValues_data();
    void badValues();
    void verbsOfferTheirFlags();
    void helpNamesDefaults();
    void passedOn();
};

void TestLimitOptions::defaultsKept()
{
    const Parsed parsed = parse(kAllLimitFlags, {});
    QVERIFY(parsed.ok);
    QCOMPARE(parsed.limits, serverDefaults());
}

void TestLimitOptions::eachFlag_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<ServerLimits>("expected");
    auto with = [](auto change) {
        ServerLimits limits = serverDefaults();
        change(limits);
        return limits;
    };
    QTest::newRow("max-clients") << QStringList{u"--max-clients"_s, u"500"_s}
                                 << with([](ServerLimits &l) { l.maxClients = 500; });
    QTest::newRow("max-per-host") << QStringList{u"--max-per-host"_s, u"64"_s}
                                  << with([](ServerLimits &l) { l.maxPerHost = 64; });
    QTest::newRow("max-per-host 0 = no bound") << QStringList{u"--max-per-host"_s, u"0"_s}
                                               << with([](ServerLimits &l) { l.maxPerHost = 0; });
    QTest::newRow("idle-timeout bare seconds") << QStringList{u"--idle-timeout"_s, u"90"_s}
                                               << with([](ServerLimits &l) { l.idleTimeout = 90s; });
    QTest::newRow("idle-timeout 0 = off") << QStringList{u"--idle-timeout"_s, u"0"_s}
                                          << with([](ServerLimits &l) { l.idleTimeout = 0ms; });
    QTest::newRow("request-timeout ms") << QStringList{u"--request-timeout"_s, u"250ms"_s}
                                        << with([](ServerLimits &l) { l.requestTimeout = 250ms; });
    QTest::newRow("request-timeout below 1ms stays on") << QStringList{u"--request-timeout"_s, u"10us"_s}
                                                        << with([](ServerLimits &l) { l.requestTimeout = 1ms; });
    QTest::newRow("hello-timeout minutes") << QStringList{u"--hello-timeout"_s, u"1.5m"_s}
                                           << with([](ServerLimits &l) { l.helloTimeout = 90s; });
    QTest::newRow("drain-timeout") << QStringList{u"--drain-timeout"_s, u"2s"_s}
                                   << with([](ServerLimits &l) { l.drainTimeout = 2s; });
    QTest::newRow("max-queued") << QStringList{u"--max-queued"_s, u"256k"_s}
                                << with([](ServerLimits &l) { l.maxQueuedOutput = 256 << 10; });
    QTest::newRow("memory-budget") << QStringList{u"--memory-budget"_s, u"1GiB"_s}
                                   << with([](ServerLimits &l) { l.memoryBudget = qint64(1) << 30; });
    QTest::newRow("several") << QStringList{u"--max-per-host"_s, u"200"_s, u"--max-clients"_s, u"2000"_s,
                                            u"--drain-timeout"_s, u"0"_s}
                             << with([](ServerLimits &l) {
                                    l.maxPerHost = 200;
                                    l.maxClients = 2000;
                                    l.drainTimeout = 0ms;
                                });
}

void TestLimitOptions::eachFlag()
{
    QFETCH(QStringList, flags);
    QFETCH(ServerLimits, expected);
    const Parsed parsed = parse(kAllLimitFlags, flags);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QCOMPARE(parsed.limits, expected);
}

void TestLimitOptions::badValues_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("option");
    QTest::newRow("max-clients 0") << QStringList{u"--max-clients"_s, u"0"_s} << u"--max-clients"_s;
    QTest::newRow("max-clients huge") << QStringList{u"--max-clients"_s, u"100001"_s} << u"--max-clients"_s;
    QTest::newRow("max-per-host negative") << QStringList{u"--max-per-host=-1"_s} << u"--max-per-host"_s;
    QTest::newRow("idle-timeout word") << QStringList{u"--idle-timeout"_s, u"soon"_s} << u"--idle-timeout"_s;
    QTest::newRow("hello-timeout > 24h") << QStringList{u"--hello-timeout"_s, u"25h"_s} << u"--hello-timeout"_s;
    QTest::newRow("max-queued unit") << QStringList{u"--max-queued"_s, u"3 apples"_s} << u"--max-queued"_s;
    QTest::newRow("memory-budget > 1TiB") << QStringList{u"--memory-budget"_s, u"2T"_s} << u"--memory-budget"_s;
}

void TestLimitOptions::badValues()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, option);
    const Parsed parsed = parse(kAllLimitFlags, flags);
    QVERIFY(!parsed.ok);
    QCOMPARE(parsed.option, option);
    QVERIFY(!parsed.error.isEmpty());
}

void TestLimitOptions::verbsOfferTheirFlags()
{
    auto names = [](LimitFlags which) {
        QStringList list;
        for (const QCommandLineOption &option : limitOptions(which, serverDefaults()))
            list += option.names();
        return list;
    };
    const QStringList common{u"max-clients"_s, u"max-per-host"_s, u"idle-timeout"_s, u"request-timeout"_s,
                             u"drain-timeout"_s, u"max-queued"_s};
    QCOMPARE(names(kCommonLimitFlags), common);
    QVERIFY(names(kCommonLimitFlags | LimitFlag::HelloTimeout).contains(u"hello-timeout"_s));
    QVERIFY(!names(kCommonLimitFlags | LimitFlag::HelloTimeout).contains(u"memory-budget"_s));
    QVERIFY(names(kCommonLimitFlags | LimitFlag::MemoryBudget).contains(u"memory-budget"_s));
    QCOMPARE(names(kAllLimitFlags).size(), 8);
    // A verb without --hello-timeout refuses it as an unknown option.
    const Parsed parsed = parse(kCommonLimitFlags | LimitFlag::MemoryBudget, {u"--hello-timeout"_s, u"5s"_s});
    QVERIFY(!parsed.ok);
    QVERIFY(parsed.error.contains(u"hello-timeout"_s));
}

void TestLimitOptions::helpNamesDefaults()
{
    QCommandLineParser parser;
    parser.addOptions(limitOptions(kAllLimitFlags, serverDefaults()));
    const QString help = parser.helpText();
    QVERIFY2(help.contains(u"(default 100)"_s), qPrintable(help));   // max-clients
    QVERIFY(help.contains(u"(default 7)"_s));                         // max-per-host
    QVERIFY(help.contains(u"(default 10m)"_s));                       // idle-timeout
    QVERIFY(help.contains(u"(default 2MiB)"_s));                      // max-queued
    QVERIFY(help.contains(u"(default 64MiB)"_s));                     // memory-budget
    ServerLimits off = serverDefaults();
    off.idleTimeout = 0ms;
    QCommandLineParser offParser;
    offParser.addOptions(limitOptions(LimitFlag::IdleTimeout, off));
    QVERIFY(offParser.helpText().contains(u"(default off)"_s));
}

void TestLimitOptions::passedOn()
{
    QCommandLineParser parser;
    parser.addOptions(limitOptions(kAllLimitFlags));
    QVERIFY(parser.parse({u"socketeer serve"_s, u"--memory-budget"_s, u"8M"_s, u"--max-per-host=64"_s,
                          u"--hello-timeout"_s, u"5s"_s}));
    // Each server gets the flags it takes, in the table's order, with the text as typed.
    QCOMPARE(limitArguments(parser, kCommonLimitFlags | LimitFlag::HelloTimeout),
             (QStringList{u"--max-per-host"_s, u"64"_s, u"--hello-timeout"_s, u"5s"_s}));
    QCOMPARE(limitArguments(parser, kCommonLimitFlags | LimitFlag::MemoryBudget),
             (QStringList{u"--max-per-host"_s, u"64"_s, u"--memory-budget"_s, u"8M"_s}));
}

QTEST_APPLESS_MAIN(TestLimitOptions)
#include "tst_limitoptions.moc"

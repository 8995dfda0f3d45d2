// The Lookup tab driven offscreen: auto-detection routes each kind of input, results come from the real
// system (getaddrinfo, getnameinfo, the services database) and are compared with independent oracles.

#include "widgets/lookup/lookuptab.h"

#include "netcore/common/transcript.h"
#include "netcore/lookup/events.h"

#include <QHostInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <netdb.h>

using namespace Qt::StringLiterals;
using widgets::lookup::LookupTab;

namespace {

constexpr int kLookupWaitMs = 15'000;

QStringList values(const QString &resultsText)
{
    QStringList list;
    const QStringList lines = resultsText.split(u'\n');
    for (const QString &line : lines) {
        const qsizetype tab = line.indexOf(u'\t');
        if (tab >= 0)
            list.append(line.mid(tab + 1));
    }
    return list;
}

bool anyContains(const QStringList &list, const QString &needle)
{
    return std::any_of(list.begin(), list.end(), [&](const QString &s) { return s.contains(needle); });
}

} // namespace

class TestLookupTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostNameResolvesLikeTheSystem();
    void addressIsConvertedThenReversed();
    void legacyFormShowsItsBytes();
    void subnetIsCalculated();
    void portIsFoundInTheServicesDatabase();
    void invalidInputIsAPlainError();
    void cancelDropsTheResult();
    void historyPersists();
};

void TestLookupTab::hostNameResolvesLikeTheSystem()
{
    LookupTab tab;
    QSignalSpy done(&tab, &LookupTab::queryFinished);
    tab.runQuery(LookupTab::Mode::Auto, u"localhost"_s);
    QVERIFY(tab.isBusy()); // the lookup runs off the GUI thread: runQuery returned before the answer
    QVERIFY(done.wait(kLookupWaitMs));
    QVERIFY2(tab.errorText().isEmpty(), qPrintable(tab.errorText()));
    const QStringList shown = values(tab.resultsText());
    // Oracle: Qt's own resolver asked the same question.
    const QHostInfo info = QHostInfo::fromName(u"localhost"_s);
    QVERIFY(!info.addresses().isEmpty());
    for (const QHostAddress &address : info.addresses())
        QVERIFY2(shown.contains(address.toString()), qPrintable(address.toString()));
    // The wire view got the bytes of each address.
    QTRY_VERIFY(tab.transcript()->size() >= 1 + info.addresses().size());
}

void TestLookupTab::addressIsConvertedThenReversed()
{
    LookupTab tab;
    QSignalSpy done(&tab, &LookupTab::queryFinished);
    tab.runQuery(LookupTab::Mode::Auto, u"127.0.0.1"_s);
    QVERIFY(done.wait(kLookupWaitMs));
    const QStringList shown = values(tab.resultsText());
    QVERIFY(anyContains(shown, u"7f 00 00 01"_s) || anyContains(shown, u"7f000001"_s));
    // Oracle: getnameinfo via Qt's reverse lookup.
    const QHostInfo info = QHostInfo::fromName(u"127.0.0.1"_s);
    if (info.error() == QHostInfo::NoError && info.hostName() != u"127.0.0.1"_s)
        QVERIFY2(shown.contains(info.hostName()), qPrintable(tab.resultsText()));
}

void TestLookupTab::legacyFormShowsItsBytes()
{
    LookupTab tab;
    tab.runQuery(LookupTab::Mode::Auto, u"0x7f.1"_s);
    QVERIFY(!tab.isBusy());
    QVERIFY(values(tab.resultsText()).contains(u"127.0.0.1"_s));
    const auto entries = tab.transcript()->entries();
    const bool bytesShown = std::any_of(entries.begin(), entries.end(), [](const netcore::common::TranscriptEntry &e) {
        return e.bytes == QByteArray::fromHex("7f000001");
    });
    QVERIFY(bytesShown);
    // The event before the bytes says which question produced them, as data.
    const netcore::common::TranscriptEvent parsed{netcore::common::EventArea::Lookup,
                                                  quint16(netcore::lookup::Event::InetAtonParsed), {u"0x7f.1"_s}};
    QVERIFY(std::any_of(entries.begin(), entries.end(), [&parsed](const netcore::common::TranscriptEntry &e) {
        return e.direction == netcore::common::Direction::Event && e.event == parsed;
    }));
}

void TestLookupTab::subnetIsCalculated()
{
    LookupTab tab;
    tab.runQuery(LookupTab::Mode::Auto, u"192.168.1.77/26"_s);
    const QStringList shown = values(tab.resultsText());
    // Independent arithmetic: /26 = blocks of 64; 77 lies in 64..127.
    const quint32 address = (192u << 24) | (168u << 16) | (1u << 8) | 77u;
    const quint32 mask = ~quint32(0) << (32 - 26);
    const QString broadcast = QHostAddress((address & mask) | ~mask).toString();
    const QString network = QHostAddress(address & mask).toString();
    QVERIFY2(shown.contains(broadcast), qPrintable(tab.resultsText()));
    QVERIFY(anyContains(shown, network + u"/26"_s));
    QVERIFY(shown.contains(u"62"_s)); // 2^6 - 2 hosts
}

void TestLookupTab::portIsFoundInTheServicesDatabase()
{
    const servent *entry = getservbyport(htons(22), "tcp");
    if (!entry)
        QSKIP("this machine's services database has no entry for 22/tcp");
    const QString expected = QString::fromLatin1(entry->s_name);
    LookupTab tab;
    tab.runQuery(LookupTab::Mode::Auto, u"22"_s);
    QVERIFY2(tab.errorText().isEmpty(), qPrintable(tab.errorText()));
    QVERIFY2(anyContains(values(tab.resultsText()), expected), qPrintable(tab.resultsText()));
}

void TestLookupTab::invalidInputIsAPlainError()
{
    LookupTab tab;
    const QStringList bad{u"%%%"_s, u"a b c"_s, QString(10'000, u'x') + u"..."_s, u"999.1.1.1/40"_s, u"\u0001"_s};
    for (const QString &input : bad) {
        tab.runQuery(LookupTab::Mode::Auto, input);
        QVERIFY2(!tab.errorText().isEmpty(), qPrintable(input.left(40)));
        QVERIFY(!tab.isBusy());
    }
    tab.runQuery(LookupTab::Mode::Subnet, u"10.0.0.0/33"_s);
    QVERIFY(!tab.errorText().isEmpty());
    tab.runQuery(LookupTab::Mode::Service, u"70000"_s);
    QVERIFY(!tab.errorText().isEmpty());
}

void TestLookupTab::cancelDropsTheResult()
{
    LookupTab tab;
    QSignalSpy done(&tab, &LookupTab::queryFinished);
    tab.runQuery(LookupTab::Mode::Host, u"localhost"_s);
    QVERIFY(tab.isBusy());
    tab.cancel();
    QVERIFY(!tab.isBusy());
    QCOMPARE(done.size(), 1);            // cancelling finishes the query at once
    QVERIFY(tab.resultsText().isEmpty()); // and the late answer is dropped
    // The tab is usable again right away.
    tab.runQuery(LookupTab::Mode::Host, u"localhost"_s);
    QVERIFY(done.wait(kLookupWaitMs));
    QVERIFY(!tab.resultsText().isEmpty());
}

void TestLookupTab::historyPersists()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    {
        LookupTab tab;
        tab.runQuery(LookupTab::Mode::Auto, u"10.0.0.0/8"_s);
        tab.runQuery(LookupTab::Mode::Convert, u"127.1"_s);
        tab.runQuery(LookupTab::Mode::Auto, u"10.0.0.0/8"_s); // moves to the top, not duplicated
        for (int i = 0; i < LookupTab::kHistoryLimit + 5; ++i)
            tab.runQuery(LookupTab::Mode::Subnet, u"10.0.%1.0/24"_s.arg(i));
        QCOMPARE(tab.history().size(), LookupTab::kHistoryLimit);
        tab.saveSettings(settings);
    }
    LookupTab restored;
    restored.restoreSettings(settings);
    QCOMPARE(restored.history().size(), LookupTab::kHistoryLimit);
    QCOMPARE(restored.history().constFirst(), u"subnet\t10.0.%1.0/24"_s.arg(LookupTab::kHistoryLimit + 4));
}

QTEST_MAIN(TestLookupTab)
#include "tst_lookuptab.moc"

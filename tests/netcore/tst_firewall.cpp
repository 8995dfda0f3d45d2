// Host firewall detection: the parsers over rule sets written by hand the way `nft list ruleset` and
// `iptables -S INPUT` print them, the front ends' files, and detectFirewall() for real inside a network namespace
// the test creates (`unshare -Urn`: a user namespace makes us root there without being root here) with a dropping
// nftables table or an iptables-legacy DROP policy.
#include "netcore/lookup/firewall.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;

namespace {

constexpr auto kChildVariable = "SOCKETEER_FIREWALL_NAMESPACE_CHILD";

// A Debian-like desktop set up by hand: established traffic, loopback and ssh in, everything else dropped.
const auto kDropPolicy = uR"(table inet filter { # handle 1
	chain input { # handle 1
		type filter hook input priority filter; policy drop;
		ct state established,related accept # handle 4
		iif "lo" accept # handle 5
		tcp dport { 22, 80 } counter packets 12 bytes 720 accept # handle 6
		ip saddr 203.0.113.7 drop # handle 7
	}
	chain forward { # handle 2
		type filter hook forward priority filter; policy drop;
	}
	chain output { # handle 3
		type filter hook output priority filter; policy accept;
	}
}
)"_s;

// A Fedora-like layout: accept policy, a final reject that catches the rest; a named set over several lines and a
// comment with braces and a '#' that must not confuse the reader.
const auto kFinalReject = uR"(table ip nat {
	chain postrouting {
		type nat hook postrouting priority srcnat; policy accept;
		oifname "eth0" masquerade
	}
}
table inet lab {
	set trusted {
		type ipv4_addr
		elements = { 192.168.1.2,
			     192.168.1.3 }
	}

	chain incoming {
		type filter hook input priority filter + 10; policy accept;
		ct state established,related accept
		ip saddr @trusted accept comment "teachers { # } machines"
		counter packets 3 bytes 180 log prefix "lab drop: " level info reject with icmpx admin-prohibited
	}
}
)"_s;

// iptables-nft's tables as nft shows them: a policy drop on INPUT (upper case) in family ip.
const auto kIptablesNft = uR"(table ip filter {
	chain INPUT {
		type filter hook input priority filter; policy drop;
		meta l4proto tcp tcp dport 22 counter packets 0 bytes 0 accept
	}
	chain FORWARD {
		type filter hook forward priority filter; policy accept;
	}
}
)"_s;

// Nothing that stops students: accept policies, a drop of invalid packets, a drop of one port, a netdev ingress
// chain with a drop policy (not the input hook), a drop policy on a chain that is not a base chain.
const auto kHarmless = uR"(table inet filter {
	chain input {
		type filter hook input priority filter; policy accept;
		ct state invalid drop
		tcp dport 23 drop
	}
	chain blocked {
		policy drop
	}
}
table netdev edge {
	chain ingress {
		type filter hook ingress device "eth0" priority -500; policy drop;
	}
}
table ip mangle {
	chain input {
		type filter hook prerouting priority mangle; policy drop;
	}
}
)"_s;

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    return path.isEmpty() ? QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/sbin"_s}) : path;
}

// Why `unshare -Urn` cannot be used here (empty: it can).
QString unshareProblem()
{
    QProcess process;
    process.start(u"unshare"_s, {u"-Urn"_s, u"true"_s});
    if (!process.waitForFinished(10'000))
        return u"unshare did not start or finish: "_s + process.errorString();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"unshare -Urn true failed (user namespaces not allowed?): "_s
            + QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    return {};
}

// Runs this test binary's `function` inside a new user + network namespace after `setup` (a shell script run there
// first). The child sees kChildVariable and does the checking; its output comes back when it fails.
bool runInNamespace(const QString &setup, const char *function, QString *output)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildVariable), u"1"_s);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"unshare"_s, {u"-Urn"_s, u"sh"_s, u"-c"_s, setup + u" && exec \"$0\" \"$@\""_s,
                                 QCoreApplication::applicationFilePath(), QString::fromLatin1(function)});
    const bool finished = process.waitForFinished(30'000);
    *output = QString::fromLocal8Bit(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool inChild()
{
    return qEnvironmentVariableIsSet(kChildVariable);
}

} // namespace

class TestFirewall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nftablesRulesets_data()
    {
        QTest::addColumn<QString>("ruleset");
        QTest::addColumn<QList<FirewallChain>>("chains");
        QTest::newRow("policy drop") << kDropPolicy << QList<FirewallChain>{{u"inet"_s, u"filter"_s, u"input"_s}};
        QTest::newRow("final reject") << kFinalReject << QList<FirewallChain>{{u"inet"_s, u"lab"_s, u"incoming"_s}};
        QTest::newRow("iptables-nft") << kIptablesNft << QList<FirewallChain>{{u"ip"_s, u"filter"_s, u"INPUT"_s}};
        QTest::newRow("both") << kIptablesNft + kDropPolicy
                              << QList<FirewallChain>{{u"ip"_s, u"filter"_s, u"INPUT"_s}, {u"inet"_s, u"filter"_s, u"input"_s}};
        QTest::newRow("harmless") << kHarmless << QList<FirewallChain>{};
        QTest::newRow("empty") << QString() << QList<FirewallChain>{};
        QTest::newRow("cut short") << kDropPolicy.left(kDropPolicy.indexOf(u"ct state"_s)) << QList<FirewallChain>{};
    }

    void nftablesRulesets()
    {
        QFETCH(QString, ruleset);
        QFETCH(QList<FirewallChain>, chains);
        QCOMPARE(nftDroppingInputChains(ruleset), chains);
    }

    void iptablesRules_data()
    {
        QTest::addColumn<QString>("rules");
        QTest::addColumn<bool>("drops");
        QTest::newRow("policy drop") << u"-P INPUT DROP\n-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n"_s << true;
        QTest::newRow("final reject") << u"-P INPUT ACCEPT\n-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT\n"
                                         "-A INPUT -j REJECT --reject-with icmp-host-prohibited\n"_s
                                      << true;
        QTest::newRow("accept") << u"-P INPUT ACCEPT\n"_s << false;
        QTest::newRow("one address dropped") << u"-P INPUT ACCEPT\n-A INPUT -s 203.0.113.7/32 -j DROP\n"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void iptablesRules()
    {
        QFETCH(QString, rules);
        QFETCH(bool, drops);
        QCOMPARE(iptablesInputDrops(rules), drops);
    }

    void frontEndsFiles()
    {
        QTemporaryDir root;
        QCOMPARE(detectFirewall(root.path(), FirewallSources::Files).kind, Firewall::None);
        QVERIFY(QDir(root.path()).mkpath(u"etc/ufw"_s));
        QFile conf(root.filePath(u"etc/ufw/ufw.conf"_s));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("# /etc/ufw/ufw.conf\nENABLED=no\nLOGLEVEL=low\n");
        conf.close();
        QCOMPARE(detectFirewall(root.path(), FirewallSources::Files).kind, Firewall::None);
        QVERIFY(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
        conf.write("ENABLED=yes\n");
        conf.close();
        QCOMPARE(detectFirewall(root.path(), FirewallSources::Files).kind, Firewall::Ufw);
        QVERIFY(conf.remove());
        QVERIFY(QDir(root.path()).mkpath(u"run"_s));
        QFile pid(root.filePath(u"run/firewalld.pid"_s));
        QVERIFY(pid.open(QIODevice::WriteOnly));
        pid.write("1234\n");
        pid.close();
        QCOMPARE(detectFirewall(root.path(), FirewallSources::Files).kind, Firewall::Firewalld);
    }

    // For real: a namespace with a table that drops what comes in (and one with nothing: no report).
    void nftablesInANetworkNamespace()
    {
        QTemporaryDir root;   // no ufw.conf, no firewalld pid: only the rule set can answer
        if (inChild()) {
            const FirewallFacts facts = detectFirewall(root.path());
            if (qEnvironmentVariableIsSet("SOCKETEER_EXPECT_NONE")) {
                QCOMPARE(facts.kind, Firewall::None);
                return;
            }
            QCOMPARE(facts.kind, Firewall::Nftables);
            QCOMPARE(facts.chains, (QList<FirewallChain>{{u"inet"_s, u"lesson"_s, u"inbound"_s}}));
            return;
        }
        if (const QString problem = unshareProblem(); !problem.isEmpty())
            QSKIP(qPrintable(problem));
        if (findTool(u"nft"_s).isEmpty())
            QSKIP("the nft program is not installed (Debian package nftables)");
        QString output;
        QVERIFY2(runInNamespace(u"nft add table inet lesson && nft add chain inet lesson inbound "
                                "'{ type filter hook input priority 0; policy drop; }' && nft add rule inet lesson inbound "
                                "iif lo accept"_s,
                                "nftablesInANetworkNamespace", &output),
                 qPrintable(output));
        qputenv("SOCKETEER_EXPECT_NONE", "1");
        const bool none = runInNamespace(u"nft add table inet lesson && nft add chain inet lesson inbound "
                                         "'{ type filter hook input priority 0; policy accept; }'"_s,
                                         "nftablesInANetworkNamespace", &output);
        qunsetenv("SOCKETEER_EXPECT_NONE");
        QVERIFY2(none, qPrintable(output));
    }

    void iptablesLegacyInANetworkNamespace()
    {
        QTemporaryDir root;
        if (inChild()) {
            const FirewallFacts facts = detectFirewall(root.path());
            QCOMPARE(facts.kind, Firewall::Iptables);
            QCOMPARE(facts.program, u"iptables-legacy"_s);
            return;
        }
        if (const QString problem = unshareProblem(); !problem.isEmpty())
            QSKIP(qPrintable(problem));
        if (findTool(u"iptables-legacy"_s).isEmpty())
            QSKIP("the iptables-legacy program is not installed (Debian package iptables)");
        QString output;
        QVERIFY2(runInNamespace(u"iptables-legacy -P INPUT DROP"_s, "iptablesLegacyInANetworkNamespace", &output),
                 qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestFirewall)
#include "tst_firewall.moc"

#include "netcore/lookup/firewall.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <chrono>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace netcore::lookup {
namespace {

constexpr std::chrono::milliseconds kToolTimeout{2000};

// The line without its comment (`# handle 4`) and with every quoted string emptied (`iif "lo"` -> `iif ""`): a brace
// or a '#' inside a comment string must not count.
QString bareLine(const QString &line)
{
    QString out;
    out.reserve(line.size());
    bool quoted = false;
    for (const QChar c : line) {
        if (c == u'"') {
            quoted = !quoted;
            out.append(c);
        } else if (quoted) {
            continue;
        } else if (c == u'#') {
            break;
        } else {
            out.append(c);
        }
    }
    return out.trimmed();
}

QStringList words(const QString &text)
{
    return text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
}

// A rule that drops or rejects whatever reaches it: nothing but a counter and/or a log statement before the verdict.
bool isCatchAllDrop(const QStringList &tokens)
{
    qsizetype i = 0;
    const auto at = [&](qsizetype k) { return k < tokens.size() ? tokens.at(k) : QString(); };
    for (;;) {
        if (at(i) == u"counter"_s) {
            ++i;
            if (at(i) == u"packets"_s && at(i + 2) == u"bytes"_s)
                i += 4;
        } else if (at(i) == u"log"_s) {
            ++i;
            static const QStringList options{u"prefix"_s, u"level"_s, u"flags"_s, u"group"_s, u"snaplen"_s, u"queue-threshold"_s};
            while (options.contains(at(i)))
                i += 2;
        } else {
            break;
        }
    }
    return at(i) == u"drop"_s || at(i) == u"reject"_s;
}

// The `type filter hook input priority filter; policy drop;` line of a base chain.
struct ChainHeader {
    bool inputFilter = false;
    bool policyDrop = false;
};

ChainHeader readHeader(const QString &line)
{
    ChainHeader header;
    for (const QString &statement : line.split(u';', Qt::SkipEmptyParts)) {
        const QStringList tokens = words(statement);
        if (tokens.size() >= 4 && tokens.at(0) == u"type"_s && tokens.at(2) == u"hook"_s)
            header.inputFilter = tokens.at(1) == u"filter"_s && tokens.at(3) == u"input"_s;
        else if (tokens.size() >= 2 && tokens.at(0) == u"policy"_s)
            header.policyDrop = tokens.at(1) == u"drop"_s;
    }
    return header;
}

QString findTool(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/sbin"_s});
    return path;
}

// The program's standard output when it ran and succeeded within the timeout; empty otherwise.
QString runTool(const QString &name, const QStringList &arguments)
{
    const QString program = findTool(name);
    if (program.isEmpty())
        return {};
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments, QIODevice::ReadOnly);
    if (!process.waitForFinished(int(kToolTimeout.count()))) {
        process.kill();
        process.waitForFinished(int(kToolTimeout.count()));
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

QList<FirewallChain> nftDroppingInputChains(const QString &ruleset)
{
    static const QStringList families{u"ip"_s, u"ip6"_s, u"inet"_s};
    QList<FirewallChain> found;
    int depth = 0;
    QString family;
    QString table;
    QString chain;
    int chainDepth = -1;   // the depth of the lines inside the chain being read
    ChainHeader header;
    bool catchAll = false;
    for (const QString &raw : ruleset.split(u'\n')) {
        const QString line = bareLine(raw);
        const int opens = int(line.count(u'{'));
        const int closes = int(line.count(u'}'));
        const QStringList tokens = words(line);
        if (depth == 0 && tokens.size() >= 3 && tokens.at(0) == u"table"_s && opens > 0) {
            family = tokens.at(1);
            table = tokens.at(2);
        } else if (depth == 1 && tokens.size() >= 2 && tokens.at(0) == u"chain"_s && opens > 0) {
            chain = tokens.at(1);
            chainDepth = 2;
            header = {};
            catchAll = false;
        } else if (depth == chainDepth && opens == closes && !line.isEmpty()) {
            if (tokens.value(0) == u"type"_s)
                header = readHeader(line);
            else
                catchAll |= isCatchAllDrop(tokens);
        }
        depth += opens - closes;
        if (chainDepth >= 0 && depth < chainDepth) {
            if (families.contains(family) && header.inputFilter && (header.policyDrop || catchAll))
                found.append({family, table, chain});
            chainDepth = -1;
        }
        if (depth <= 0) {
            depth = 0;
            family.clear();
            table.clear();
        }
    }
    return found;
}

bool iptablesInputDrops(const QString &rules)
{
    for (const QString &line : rules.split(u'\n')) {
        const QStringList tokens = words(line);
        if (tokens.size() >= 3 && tokens.at(0) == u"-P"_s && tokens.at(1) == u"INPUT"_s && tokens.at(2) == u"DROP"_s)
            return true;
        if (tokens.size() >= 4 && tokens.at(0) == u"-A"_s && tokens.at(1) == u"INPUT"_s && tokens.at(2) == u"-j"_s
            && (tokens.at(3) == u"DROP"_s || tokens.at(3) == u"REJECT"_s))
            return true;
    }
    return false;
}

FirewallFacts detectFirewall(const QString &root, FirewallSources sources)
{
    const QDir base(root);
    QFile ufw(base.filePath(u"etc/ufw/ufw.conf"_s));
    if (ufw.open(QIODevice::ReadOnly)) {
        static const QRegularExpression enabled(u"^\\s*ENABLED\\s*=\\s*\"?yes\"?\\s*$"_s,
                                                QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
        if (enabled.match(QString::fromUtf8(ufw.read(64 * 1024))).hasMatch())
            return {Firewall::Ufw, {}, {}};
    }
    for (const QString &pid : {u"run/firewalld.pid"_s, u"var/run/firewalld.pid"_s})
        if (QFileInfo::exists(base.filePath(pid)))
            return {Firewall::Firewalld, {}, {}};
    // Reading a rule set needs CAP_NET_ADMIN: without it, nothing to ask (the tools would only say "not permitted").
    if (sources == FirewallSources::Files || geteuid() != 0)
        return {};
    if (const QList<FirewallChain> chains = nftDroppingInputChains(runTool(u"nft"_s, {u"list"_s, u"ruleset"_s}));
        !chains.isEmpty())
        return {Firewall::Nftables, chains, u"nft"_s};
    if (iptablesInputDrops(runTool(u"iptables-legacy"_s, {u"-S"_s, u"INPUT"_s})))
        return {Firewall::Iptables, {{QString(), u"filter"_s, u"INPUT"_s}}, u"iptables-legacy"_s};
    return {};
}

} // namespace netcore::lookup

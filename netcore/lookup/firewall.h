#pragma once

#include <QList>
#include <QString>

// Whether a host firewall is likely to stop students reaching a server here, as facts (the classroom panel says it
// in words, with the commands that open the ports).
//
// Where it looks, in this order (the first that answers wins):
// - ufw's own switch in /etc/ufw/ufw.conf and firewalld's pid file: files, no root needed;
// - the nftables rule set (`nft list ruleset`), when the nft program exists and we may read the rule set (root, or
//   CAP_NET_ADMIN in the network namespace): a base chain on the input hook (families ip, ip6, inet) whose policy is
//   drop, or that holds a rule dropping or rejecting everything that reaches it (nothing but a counter or a log before
//   the verdict). A rule that drops one address or port is not counted;
// - the iptables-legacy rule set (`iptables-legacy -S INPUT`, rules that nft cannot see), likewise: policy DROP, or a
//   rule with nothing but `-j DROP` / `-j REJECT`.
// Without the programs or the right to read the rule sets nothing is reported (not "no firewall": unknown).
namespace netcore::lookup {

enum class Firewall : quint8 { None, Ufw, Firewalld, Nftables, Iptables, Count };

// A chain that drops what is not let in: where a rule that lets a port in must go.
struct FirewallChain {
    QString family;   // nftables: "inet", "ip", "ip6"; iptables: empty
    QString table;    // "filter"
    QString chain;    // "input", "INPUT"
    bool operator==(const FirewallChain &) const = default;
};

struct FirewallFacts {
    Firewall kind = Firewall::None;
    QList<FirewallChain> chains;   // Nftables / Iptables: every dropping input chain found
    QString program;               // Iptables: the program that showed it ("iptables-legacy")
};

enum class FirewallSources : quint8 {
    Files,           // the front ends' files only (tests that pass a root of their own)
    FilesAndTools,   // and nft / iptables-legacy
};

// `root` is "/" on a real system; tests pass a directory laid out like one. Runs nft and iptables-legacy (with a
// short timeout each) only for FilesAndTools, and only when they are installed.
FirewallFacts detectFirewall(const QString &root = QStringLiteral("/"),
                             FirewallSources sources = FirewallSources::FilesAndTools);

// Pure: the dropping input chains in the text `nft list ruleset` prints (with or without `-a` handles).
QList<FirewallChain> nftDroppingInputChains(const QString &ruleset);
// Pure: whether `iptables -S INPUT` output drops by policy or by a catch-all rule.
bool iptablesInputDrops(const QString &rules);

} // namespace netcore::lookup

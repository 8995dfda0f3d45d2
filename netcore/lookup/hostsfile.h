#pragma once

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

// /etc/hosts, read directly: gethostbyname()/getaddrinfo() consult it first ("hosts: files dns" in
// /etc/nsswitch.conf), DNS queries (QDnsLookup, dig) never do. Showing which names it lists makes that visible.
namespace netcore::lookup {

struct HostsFileEntry {
    QHostAddress address;
    QStringList names;     // canonical name first, then aliases
    int lineNumber = 0;    // 1-based
};

// Parses hosts-file text: '#' starts a comment, fields are separated by blanks; lines whose first field is
// not an address, or that have no name, are skipped. Never fails.
QList<HostsFileEntry> parseHostsFile(QByteArrayView text);

// Reads and parses a hosts file (default /etc/hosts); an unreadable file yields an empty list.
QList<HostsFileEntry> readHostsFile(const QString &path = QStringLiteral("/etc/hosts"));

// Entries that list `name` (case-insensitive; a trailing dot ignored), in file order.
QList<HostsFileEntry> hostsFileEntriesFor(const QList<HostsFileEntry> &entries, const QString &name);
// Entries for `address` (what gethostbyaddr would find in the file).
QList<HostsFileEntry> hostsFileEntriesFor(const QList<HostsFileEntry> &entries, const QHostAddress &address);

} // namespace netcore::lookup

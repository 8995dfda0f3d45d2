#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>

#include <chrono>

class QHostAddress;

// Unfinished uploads of the native file server: a hidden partial file per (name, size, source address) in the
// root, `.socketeer-upload-<key>.part`, and beside it its owner record `.socketeer-upload-<key>.owner` (JSON:
// name, size, owner address, created). A resume is offered only when the record matches the new PUT's name,
// size and source address; the record survives a restart. Partials expire (sweep) and count toward a quota.
namespace netcore::files {

inline constexpr auto kPartialPrefix = "socketeer-upload-";

struct PartialRecord {
    QString name;
    qint64 size = 0;
    QString owner;        // the uploader's address (IPv4-mapped IPv6 written as IPv4)
    QDateTime created;    // UTC
    friend bool operator==(const PartialRecord &, const PartialRecord &) = default;
};

struct PartialUsage {
    int count = 0;        // unfinished uploads in the root
    qint64 bytes = 0;     // their announced sizes together (what they grow to), at least what is on disk
};

namespace partials {

// The hidden partial file an upload of (name, size) from `owner` writes into.
QString partialPath(const QString &root, const QString &name, qint64 size, const QString &owner);
QString recordPath(const QString &partialPath);   // its owner record

bool writeRecord(const QString &partialPath, const PartialRecord &record);
// The record beside a partial; an empty name when it is missing or unreadable.
PartialRecord readRecord(const QString &partialPath);
// Removes a partial and its record.
void remove(const QString &partialPath);

// What the root's partials hold, leaving out `except` (the partial an upload is about to reuse).
PartialUsage usage(const QString &root, const QString &except = {});

// Removes partials (and records) not written to for `lifetime`, and records whose partial is gone; skips the
// partials in `active` (uploads in progress). Returns how many partials it removed.
int sweep(const QString &root, std::chrono::milliseconds lifetime, const QSet<QString> &active);

// The address as an owner record writes it ("127.0.0.2", "::1").
QString ownerOf(const QHostAddress &address);

} // namespace partials
} // namespace netcore::files

#include "netcore/lookup/hostsfile.h"

#include <QFile>

namespace netcore::lookup {
namespace {

constexpr qint64 kMaxHostsFileSize = 16 * 1024 * 1024;

QString normalizedName(const QString &name)
{
    QString result = name.toLower();
    if (result.endsWith(u'.'))
        result.chop(1);
    return result;
}

} // namespace

QList<HostsFileEntry> parseHostsFile(QByteArrayView text)
{
    QList<HostsFileEntry> entries;
    int lineNumber = 0;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        ++lineNumber;
        QByteArrayView line = text.sliced(start, end - start);
        if (const qsizetype hash = line.indexOf('#'); hash >= 0)
            line = line.first(hash);
        const QList<QByteArray> fields = line.toByteArray().simplified().split(' ');
        if (fields.size() >= 2) {
            HostsFileEntry entry;
            // QHostAddress accepts "fe80::1%eth0" like glibc does; anything else is not an address line.
            if (entry.address.setAddress(QString::fromLatin1(fields.constFirst()))) {
                entry.lineNumber = lineNumber;
                for (qsizetype i = 1; i < fields.size(); ++i)
                    entry.names.append(QString::fromUtf8(fields.at(i)));
                entries.append(entry);
            }
        }
        start = end + 1;
    }
    return entries;
}

QList<HostsFileEntry> readHostsFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parseHostsFile(file.read(kMaxHostsFileSize));
}

QList<HostsFileEntry> hostsFileEntriesFor(const QList<HostsFileEntry> &entries, const QString &name)
{
    const QString wanted = normalizedName(name);
    QList<HostsFileEntry> result;
    for (const HostsFileEntry &entry : entries) {
        for (const QString &candidate : entry.names) {
            if (normalizedName(candidate) == wanted) {
                result.append(entry);
                break;
            }
        }
    }
    return result;
}

QList<HostsFileEntry> hostsFileEntriesFor(const QList<HostsFileEntry> &entries, const QHostAddress &address)
{
    QList<HostsFileEntry> result;
    for (const HostsFileEntry &entry : entries) {
        if (entry.address.isEqual(address, QHostAddress::StrictConversion))
            result.append(entry);
    }
    return result;
}

} // namespace netcore::lookup

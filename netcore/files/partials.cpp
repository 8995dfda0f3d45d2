#include "netcore/files/partials.h"

#include "netcore/files/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace netcore::files::partials {
namespace {

constexpr qint64 kMaxRecordBytes = 4096;

QString prefix()
{
    return u'.' + QLatin1StringView(kPartialPrefix);
}

} // namespace

QString ownerOf(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4).toString() : address.toString();
}

QString partialPath(const QString &root, const QString &name, qint64 size, const QString &owner)
{
    const QByteArray key = Sha256::hexOf(name.toUtf8() + '\0' + QByteArray::number(size) + '\0' + owner.toUtf8())
                               .left(32);
    return root + u'/' + prefix() + QString::fromLatin1(key) + u".part"_s;
}

QString recordPath(const QString &partialPath)
{
    QString path = partialPath;
    if (path.endsWith(u".part"_s))
        path.chop(5);
    return path + u".owner"_s;
}

bool writeRecord(const QString &partialPath, const PartialRecord &record)
{
    const QJsonObject object{{u"name"_s, record.name},
                             {u"size"_s, QString::number(record.size)},
                             {u"owner"_s, record.owner},
                             {u"created"_s, record.created.toUTC().toString(Qt::ISODate)}};
    QSaveFile file(recordPath(partialPath));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    return file.commit();
}

PartialRecord readRecord(const QString &partialPath)
{
    QFile file(recordPath(partialPath));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.read(kMaxRecordBytes)).object();
    bool ok = false;
    PartialRecord record{object.value(u"name"_s).toString(), object.value(u"size"_s).toString().toLongLong(&ok),
                         object.value(u"owner"_s).toString(),
                         QDateTime::fromString(object.value(u"created"_s).toString(), Qt::ISODate)};
    if (!ok)
        return {};
    return record;
}

void remove(const QString &partialPath)
{
    QFile::remove(partialPath);
    QFile::remove(recordPath(partialPath));
}

PartialUsage usage(const QString &root, const QString &except)
{
    PartialUsage total;
    const QFileInfoList infos = QDir(root).entryInfoList({prefix() + u"*.part"_s}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &info : infos) {
        if (info.filePath() == except)
            continue;
        ++total.count;
        total.bytes += qMax(info.size(), readRecord(info.filePath()).size);
    }
    return total;
}

int sweep(const QString &root, std::chrono::milliseconds lifetime, const QSet<QString> &active)
{
    int removed = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDir dir(root);
    for (const QFileInfo &info : dir.entryInfoList({prefix() + u"*.part"_s}, QDir::Files | QDir::Hidden)) {
        if (active.contains(info.filePath()))
            continue;
        if (lifetime.count() > 0 && info.lastModified().toUTC().msecsTo(now) < lifetime.count())
            continue;
        remove(info.filePath());
        ++removed;
    }
    for (const QFileInfo &info : dir.entryInfoList({prefix() + u"*.owner"_s}, QDir::Files | QDir::Hidden)) {
        QString part = info.filePath();
        part.chop(6);
        part += u".part"_s;
        if (!QFileInfo::exists(part) && !active.contains(part))
            QFile::remove(info.filePath());
    }
    return removed;
}

} // namespace netcore::files::partials

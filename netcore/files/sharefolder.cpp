#include "netcore/files/sharefolder.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace netcore::files {

QString defaultShareFolder()
{
    return QDir::homePath() + u"/Socketeer 共享"_s;
}

QString oldDefaultShareFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/Socketeer shared files"_s;
}

QString migrateOldShareFolder()
{
    const QString old = oldDefaultShareFolder();
    const QString now = defaultShareFolder();
    if (!QFileInfo(old).isDir() || QFileInfo::exists(now))
        return {};
    return QDir().rename(old, now) ? old : QString();
}

} // namespace netcore::files

#include "netcore/files/pathjail.h"

#include "netcore/common/names.h"
#include "netcore/files/partials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace netcore::files {
namespace {

bool isControl(char32_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

} // namespace

QString jailErrorString(JailError error)
{
    switch (error) {
    case JailError::None: return u"ok"_s;
    case JailError::Empty: return u"empty file name"_s;
    case JailError::ControlCharacter: return u"file name contains a control character"_s;
    case JailError::TooLong: return u"file name longer than 255 bytes"_s;
    case JailError::Absolute: return u"absolute paths are not allowed"_s;
    case JailError::ParentReference: return u"'..' is not allowed"_s;
    case JailError::Separator: return u"folders are not allowed: the server shares one flat folder"_s;
    case JailError::Hidden: return u"hidden files are not served"_s;
    case JailError::NotFound: return u"no such file"_s;
    case JailError::NotRegular: return u"not a regular file"_s;
    case JailError::OutsideRoot: return u"symbolic link leads outside the shared folder"_s;
    case JailError::SymbolicLink: return u"will not replace a symbolic link"_s;
    case JailError::Exists: return u"file exists and overwriting is off"_s;
    case JailError::IoError: return u"input/output error"_s;
    case JailError::DanglingLink: return u"symbolic link leads to a file that does not exist"_s;
    case JailError::LinkToHidden: return u"symbolic link leads to a hidden file"_s;
    case JailError::NameInvisible: return u"file name contains an invisible or direction-changing character"_s;
    }
    return {};
}

JailError checkName(const QString &name)
{
    if (name.isEmpty())
        return JailError::Empty;
    for (const char32_t c : name.toUcs4()) {
        if (isControl(c))
            return JailError::ControlCharacter;
    }
    if (name.toUtf8().size() > kMaxNameBytes)
        return JailError::TooLong;
    if (name.startsWith(u'/') || name.startsWith(u'\\')
        || (name.size() >= 2 && name.at(1) == u':' && name.at(0).isLetter()))
        return JailError::Absolute;
    const QStringList parts = QString(name).replace(u'\\', u'/').split(u'/');
    if (parts.contains(u".."_s))
        return JailError::ParentReference;
    if (parts.size() > 1)
        return JailError::Separator;
    if (name.startsWith(u'.'))
        return JailError::Hidden;
    return JailError::None;
}

JailError checkNewName(const QString &name, QString *normalised, QString *detail)
{
    const common::NameCheck check = common::checkName(name);
    *normalised = check.name;
    switch (check.problem) {
    case common::NameProblem::None:
        return checkName(check.name);
    case common::NameProblem::Empty:
        return JailError::Empty;
    case common::NameProblem::Control:
        return JailError::ControlCharacter;
    case common::NameProblem::Invisible:
    case common::NameProblem::Bidi:
    case common::NameProblem::Unassigned:
    case common::NameProblem::Count:
        break;
    }
    *detail = u"U+%1 at character %2"_s.arg(QString::number(uint(check.codePoint), 16).toUpper().rightJustified(4, u'0'))
                  .arg(check.offset);
    return JailError::NameInvisible;
}

int writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;
        data += n;
        size -= n;
    }
    return 0;
}

PathJail::PathJail(const QString &root)
{
    const QFileInfo info(root);
    if (info.isDir())
        m_root = info.canonicalFilePath();
}

OpenResult PathJail::openNoFollow(const QString &path, int flags) const
{
    OpenResult result;
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        result.error = errno == ENOENT ? JailError::NotFound
            : errno == ELOOP           ? JailError::SymbolicLink
                                       : JailError::IoError;
        result.detail = QString::fromLocal8Bit(std::strerror(errno));
        return result;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        result.error = JailError::NotRegular;
        return result;
    }
    auto file = std::make_unique<QFile>();
    const QIODevice::OpenMode mode = (flags & O_ACCMODE) == O_RDONLY ? QIODevice::ReadOnly : QIODevice::ReadWrite;
    if (!file->open(fd, mode, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        result.error = JailError::IoError;
        result.detail = file->errorString();
        return result;
    }
    result.file = std::move(file);
    return result;
}

OpenResult PathJail::openForRead(const QString &name) const
{
    OpenResult result;
    result.error = checkName(name);
    if (result.error != JailError::None)
        return result;
    const QString path = m_root + u'/' + name;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = info.isSymLink() ? JailError::DanglingLink : JailError::NotFound;
        return result;
    }
    // Follow a link once, on paper: the real file must sit directly in the root under an acceptable name.
    const QFileInfo target(info.canonicalFilePath());
    if (target.absolutePath() != m_root) {
        result.error = JailError::OutsideRoot;
        return result;
    }
    if (const JailError targetName = checkName(target.fileName()); targetName != JailError::None) {
        result.error = targetName == JailError::Hidden ? JailError::LinkToHidden : JailError::OutsideRoot;
        return result;
    }
    if (!target.isFile()) {
        result.error = JailError::NotRegular;
        return result;
    }
    return openNoFollow(target.filePath(), O_RDONLY);
}

JailError PathJail::checkWritable(const QString &name, bool *exists) const
{
    *exists = false;
    if (const JailError error = checkName(name); error != JailError::None)
        return error;
    const QFileInfo info(m_root + u'/' + name);
    if (info.isSymLink())
        return JailError::SymbolicLink;
    if (!info.exists())
        return JailError::None;
    if (!info.isFile())
        return JailError::NotRegular;
    *exists = true;
    return JailError::None;
}

QString PathJail::partialPath(const QString &name, qint64 size, const QString &owner) const
{
    return partials::partialPath(m_root, name, size, owner);
}

OpenResult PathJail::openPartial(const QString &partialPath, const QString &name) const
{
    OpenResult result;
    bool exists = false;
    result.error = checkWritable(name, &exists);
    if (result.error != JailError::None)
        return result;
    return openNoFollow(partialPath, O_RDWR | O_CREAT);
}

JailError PathJail::commit(const QString &partial, const QString &name, bool overwrite, QString *detail) const
{
    bool exists = false;
    if (const JailError error = checkWritable(name, &exists); error != JailError::None)
        return error;
    if (exists && !overwrite)
        return JailError::Exists;
    const QByteArray from = QFile::encodeName(partial);
    const QByteArray to = QFile::encodeName(m_root + u'/' + name);
    const int rc = overwrite ? ::rename(from.constData(), to.constData())
                             : ::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE);
    if (rc != 0) {
        *detail = QString::fromLocal8Bit(std::strerror(errno));
        return errno == EEXIST ? JailError::Exists : JailError::IoError;
    }
    return JailError::None;
}

QList<RemoteFileInfo> PathJail::list() const
{
    QList<RemoteFileInfo> entries;
    const QDir dir(m_root);
    const QFileInfoList infos = dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : infos) {
        if (checkName(info.fileName()) != JailError::None)
            continue;
        if (info.isSymLink()) {
            const QFileInfo target(info.canonicalFilePath());
            if (target.absolutePath() != m_root || checkName(target.fileName()) != JailError::None || !target.isFile())
                continue;
        }
        entries.append(RemoteFileInfo{info.fileName(), info.size(), info.lastModified().toUTC()});
    }
    // Code point order: UTF-8 bytes compare in it (UTF-16 units do not, past U+FFFF).
    std::sort(entries.begin(), entries.end(), [](const RemoteFileInfo &a, const RemoteFileInfo &b) {
        return a.name.toUtf8() < b.name.toUtf8();
    });
    return entries;
}

} // namespace netcore::files

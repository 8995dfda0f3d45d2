#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

class QFile;

// The file server's root is a jail: one flat folder, nothing outside it is ever read or written.
namespace netcore::files {

inline constexpr qsizetype kMaxNameBytes = 255;   // NAME_MAX on Linux, counted in UTF-8 bytes

enum class JailError {
    None,
    Empty,
    ControlCharacter,   // NUL, C0/C1 control characters, DEL
    TooLong,            // more than kMaxNameBytes UTF-8 bytes
    Absolute,           // starts with / or \ or a drive letter
    ParentReference,    // "..", or a path with a ".." part
    Separator,          // any / or \: the root is flat
    Hidden,             // starts with '.' (also "."): hidden files are never served or written
    NotFound,
    NotRegular,         // a folder, device, socket...
    OutsideRoot,        // a symbolic link that leads out of the root (or to a hidden/nested file)
    SymbolicLink,       // an upload may not replace a symbolic link
    Exists,             // the name exists and overwriting is off
    IoError,
};

// A plain English fact about the problem (for ERR lines and logs; the UI translates the enum itself).
QString jailErrorString(JailError error);

// Pure: is `name` acceptable as a file name directly inside the root? (No file system access.)
JailError checkName(const QString &name);

struct RemoteFileInfo {
    QString name;
    qint64 size = 0;
    QDateTime modified;  // UTC
    friend bool operator==(const RemoteFileInfo &, const RemoteFileInfo &) = default;
};

struct OpenResult {
    JailError error = JailError::None;
    QString detail;                 // strerror text for IoError
    std::unique_ptr<QFile> file;    // open when error == None
};

class PathJail final
{
public:
    explicit PathJail(const QString &root);

    bool isValid() const { return !m_root.isEmpty(); }  // the root exists and is a folder
    QString root() const { return m_root; }             // canonical, no trailing slash

    // Opens root/name for reading: regular files only, symbolic links only when they stay inside the root
    // and point at an acceptable name; opened without following links (O_NOFOLLOW) on the checked path.
    OpenResult openForRead(const QString &name) const;

    // Checks that root/name may be created or replaced: the name is acceptable and it is not a link, folder
    // or other non-regular file. `exists` tells whether a regular file is there now.
    JailError checkWritable(const QString &name, bool *exists) const;

    // The hidden partial file an upload of (name, size) writes into, inside the root.
    QString partialPath(const QString &name, qint64 size) const;
    // Opens (creating when missing) a partial file for appending, without following links.
    OpenResult openPartial(const QString &name, qint64 size) const;

    // Moves the finished partial into place atomically; never replaces an existing file unless `overwrite`.
    JailError commit(const QString &partial, const QString &name, bool overwrite, QString *detail) const;

    // Regular, visible files directly in the root (links that stay inside included), sorted by name.
    QList<RemoteFileInfo> list() const;

private:
    OpenResult openNoFollow(const QString &path, int flags) const;
    QString m_root;
};

} // namespace netcore::files

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
    OutsideRoot,        // a symbolic link that leads out of the root (or into a folder of it)
    SymbolicLink,       // an upload may not replace a symbolic link
    Exists,             // the name exists and overwriting is off
    IoError,
    // appended
    DanglingLink,       // a symbolic link whose target does not exist (404)
    LinkToHidden,       // a symbolic link to a hidden file of the root (403)
    NameInvisible,      // an uploaded name with an invisible, bidi or unassigned character (common::checkName)
};

// A plain English fact about the problem (for ERR lines and logs; the UI translates the enum itself).
QString jailErrorString(JailError error);

// Pure: is `name` acceptable as a file name directly inside the root? (No file system access.)
JailError checkName(const QString &name);

// Pure: a name an upload may create: `*normalised` gets its NFC form; control, invisible, bidi and unassigned
// characters are refused (common::checkName), then checkName() applies. `*detail` says which character, where.
JailError checkNewName(const QString &name, QString *normalised, QString *detail);

// Writes all of `data` to the descriptor (retrying short writes); 0, or the errno of the write that failed.
int writeAll(int fd, const char *data, qint64 size);

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

    // The hidden partial file an upload of (name, size) from `owner` (partials::ownerOf) writes into.
    QString partialPath(const QString &name, qint64 size, const QString &owner) const;
    // Opens (creating when missing) the partial file `partialPath` (partials::partialPath()) of an upload of
    // `name`, without following links.
    OpenResult openPartial(const QString &partialPath, const QString &name) const;

    // Moves the finished partial into place atomically; never replaces an existing file unless `overwrite`.
    JailError commit(const QString &partial, const QString &name, bool overwrite, QString *detail) const;

    // Regular, visible files directly in the root (links that stay inside included), sorted by name in code
    // point order (the order of their UTF-8 bytes), as they are on disk (not normalised).
    QList<RemoteFileInfo> list() const;

private:
    OpenResult openNoFollow(const QString &path, int flags) const;
    QString m_root;
};

} // namespace netcore::files

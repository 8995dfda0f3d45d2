#include "netcore/http/staticfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

// Lexical clean-up of a decoded path: "/a/./b/../c" -> "a/c". Returns false when ".." would climb above
// the root or the path holds a NUL or a backslash.
bool cleanSegments(const QString &path, QStringList &segments)
{
    if (path.contains(QChar(0)) || path.contains(u'\\'))
        return false;
    for (const QString &segment : path.split(u'/', Qt::SkipEmptyParts)) {
        if (segment == "."_L1)
            continue;
        if (segment == ".."_L1) {
            if (segments.isEmpty())
                return false;
            segments.removeLast();
            continue;
        }
        segments.append(segment);
    }
    return true;
}

bool insideRoot(const QString &canonicalRoot, const QString &canonicalPath)
{
    return canonicalPath == canonicalRoot || canonicalPath.startsWith(canonicalRoot + u'/');
}

QByteArray htmlEscape(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

bool hiddenSegment(const QStringList &segments)
{
    return std::any_of(segments.cbegin(), segments.cend(), [](const QString &segment) { return segment.startsWith(u'.'); });
}

// The path of an absolute-form target ("http://host:8000/a?b" -> "/a?b"); other targets unchanged.
QByteArray originForm(const QByteArray &target)
{
    const qsizetype scheme = target.indexOf("://");
    if (scheme <= 0 || target.startsWith('/'))
        return target;
    const QByteArray name = target.left(scheme).toLower();
    if (name != "http" && name != "https")
        return target;
    const qsizetype path = target.indexOf('/', scheme + 3);
    const qsizetype query = target.indexOf('?', scheme + 3);
    if (path < 0 || (query >= 0 && query < path))
        return '/' + (query >= 0 ? target.mid(query) : QByteArray());
    return target.mid(path);
}

QByteArray listing(const QDir &dir, const QString &urlPath, bool showHidden)
{
    QByteArray html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"_ba + htmlEscape(urlPath)
                      + "</title></head>\n<body><h1>"_ba + htmlEscape(urlPath) + "</h1>\n<ul>\n"_ba;
    const QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | (showHidden ? QDir::Hidden : QDir::Filters());
    const QFileInfoList entries = dir.entryInfoList(filters, QDir::Name | QDir::DirsFirst);
    for (const QFileInfo &entry : entries) {
        const QString name = entry.fileName() + (entry.isDir() ? u"/"_s : QString());
        html += "<li><a href=\""_ba + QUrl::toPercentEncoding(name, "/") + "\">"_ba + htmlEscape(name) + "</a></li>\n"_ba;
    }
    return html + "</ul>\n</body></html>\n"_ba;
}

StaticResult status(int code, const QByteArray &text)
{
    StaticResult result;
    result.status = code;
    result.contentType = "text/html; charset=utf-8"_ba;
    result.body = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"_ba + text + "</title></head><body><h1>"_ba
                  + text + "</h1></body></html>\n"_ba;
    return result;
}

// The root folder, resolved and opened once per root and thread (a capture server serves one root for many
// requests): its canonical path for the careful path, an O_PATH descriptor for the fast one.
struct RootCache
{
    QString root;
    QString canonical;
    int fd = -1;

    RootCache() = default;
    RootCache(const RootCache &) = delete;
    RootCache &operator=(const RootCache &) = delete;
    ~RootCache()
    {
        if (fd >= 0)
            ::close(fd);
    }
    void use(const QString &newRoot)
    {
        if (newRoot == root && !canonical.isEmpty())
            return;
        if (fd >= 0)
            ::close(fd);
        root = newRoot;
        canonical = QFileInfo(newRoot).canonicalFilePath();
        fd = canonical.isEmpty() ? -1 : ::open(QFile::encodeName(canonical).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    }
};

enum class FastOutcome { Served, NotFound, Forbidden, UseCarefulPath };

// The common case in a handful of system calls: openat2 with RESOLVE_BENEATH opens `relative` (already cleaned
// lexically) under the root's descriptor and refuses, in the kernel, any resolution that would leave it; fstat
// and one read follow. Anything unusual (a folder, an absolute symbolic link, a kernel without openat2) goes to
// the careful path, which canonicalises and checks by hand.
// Without showHidden symbolic links are not followed here (ELOOP): the careful path checks where they lead.
FastOutcome serveRegularFile(int rootFd, const QString &relative, qint64 inlineBytes, bool showHidden, StaticResult &result)
{
    if (rootFd < 0 || relative.isEmpty())
        return FastOutcome::UseCarefulPath;
    open_how how{};
    how.flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;   // O_NONBLOCK: a FIFO in the folder never blocks us
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | (showHidden ? 0 : RESOLVE_NO_SYMLINKS);
    const QByteArray name = QFile::encodeName(relative);
    const int fd = int(::syscall(SYS_openat2, rootFd, name.constData(), &how, sizeof how));
    if (fd < 0) {
        switch (errno) {
        case ENOENT:
        case ENOTDIR:
            return FastOutcome::NotFound;
        case EACCES:
            return FastOutcome::Forbidden;
        default:   // EXDEV (a link that leaves or is absolute), ENOSYS, EPERM (a seccomp filter), ...
            return FastOutcome::UseCarefulPath;
        }
    }
    struct stat st{};
    FastOutcome outcome = FastOutcome::Served;
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        outcome = FastOutcome::UseCarefulPath;
    } else if (!S_ISREG(st.st_mode)) {
        outcome = FastOutcome::Forbidden;
    } else if (st.st_size > inlineBytes) {
        // Streamed: the descriptor opened beneath the root is the one served (no second lookup by name).
        auto file = std::make_shared<QFile>();
        if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return FastOutcome::Forbidden;
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        result.status = 200;
        result.contentType = contentTypeFor(relative);
        result.file = std::move(file);
        result.fileSize = st.st_size;
        return outcome;
    } else {
        QByteArray body(qsizetype(st.st_size), Qt::Uninitialized);
        qsizetype got = 0;
        while (got < body.size()) {
            const ssize_t n = ::read(fd, body.data() + got, size_t(body.size() - got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += n;
        }
        body.truncate(got);   // a file that shrank meanwhile is served as it is now
        result.status = 200;
        result.contentType = contentTypeFor(relative);
        result.body = std::move(body);
    }
    ::close(fd);
    return outcome;
}

} // namespace

QByteArray contentTypeFor(const QString &fileName)
{
    static const QList<std::pair<QLatin1StringView, QByteArray>> kTypes{
        {"html"_L1, "text/html; charset=utf-8"_ba}, {"htm"_L1, "text/html; charset=utf-8"_ba},
        {"css"_L1, "text/css; charset=utf-8"_ba}, {"js"_L1, "text/javascript; charset=utf-8"_ba},
        {"json"_L1, "application/json"_ba}, {"txt"_L1, "text/plain; charset=utf-8"_ba},
        {"py"_L1, "text/plain; charset=utf-8"_ba}, {"md"_L1, "text/plain; charset=utf-8"_ba},
        {"xml"_L1, "application/xml"_ba}, {"svg"_L1, "image/svg+xml"_ba}, {"png"_L1, "image/png"_ba},
        {"jpg"_L1, "image/jpeg"_ba}, {"jpeg"_L1, "image/jpeg"_ba}, {"gif"_L1, "image/gif"_ba},
        {"webp"_L1, "image/webp"_ba}, {"ico"_L1, "image/x-icon"_ba}, {"pdf"_L1, "application/pdf"_ba},
        {"wasm"_L1, "application/wasm"_ba}, {"zip"_L1, "application/zip"_ba}, {"gz"_L1, "application/gzip"_ba},
    };
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const auto &[extension, type] : kTypes) {
        if (suffix == extension)
            return type;
    }
    return "application/octet-stream"_ba;
}

StaticResult serveStatic(const QString &root, const QByteArray &target, qint64 inlineBytes, bool showHidden)
{
    thread_local RootCache cache;
    cache.use(root);
    const QString canonicalRoot = cache.canonical;
    if (canonicalRoot.isEmpty())
        return status(404, "404 Not Found"_ba);
    QByteArray rawPath = originForm(target);
    const qsizetype query = rawPath.indexOf('?');
    if (query >= 0)
        rawPath.truncate(query);
    if (!rawPath.startsWith('/'))
        return status(404, "404 Not Found"_ba);
    const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    QStringList segments;
    if (!cleanSegments(decoded, segments))
        return status(403, "403 Forbidden"_ba);
    if (!showHidden && hiddenSegment(segments))
        return status(404, "404 Not Found"_ba);
    const QString relative = segments.join(u'/');
    StaticResult fast;
    switch (serveRegularFile(cache.fd, relative, inlineBytes, showHidden, fast)) {
    case FastOutcome::Served:
        fast.filePath = canonicalRoot + u'/' + relative;
        return fast;
    case FastOutcome::NotFound:
        return status(404, "404 Not Found"_ba);
    case FastOutcome::Forbidden:
        return status(403, "403 Forbidden"_ba);
    case FastOutcome::UseCarefulPath:
        break;
    }
    if (!QFileInfo(canonicalRoot).isDir())
        return status(404, "404 Not Found"_ba);
    const QString path = canonicalRoot + u'/' + relative;
    const QFileInfo info(path);
    if (!info.exists())
        return status(404, "404 Not Found"_ba);
    const QString canonical = info.canonicalFilePath();
    if (!insideRoot(canonicalRoot, canonical))
        return status(403, "403 Forbidden"_ba);
    if (!showHidden && hiddenSegment(canonical.mid(canonicalRoot.size()).split(u'/', Qt::SkipEmptyParts)))
        return status(404, "404 Not Found"_ba);   // a symbolic link to a hidden name
    if (info.isDir()) {
        if (!rawPath.endsWith('/')) {
            StaticResult moved = status(301, "301 Moved Permanently"_ba);
            moved.location = rawPath + '/';
            return moved;
        }
        const QFileInfo index(canonical + u"/index.html"_s);
        if (!index.isFile()) {
            StaticResult result;
            result.status = 200;
            result.contentType = "text/html; charset=utf-8"_ba;
            result.body = listing(QDir(canonical), decoded, showHidden);
            return result;
        }
        if (!insideRoot(canonicalRoot, index.canonicalFilePath()))
            return status(403, "403 Forbidden"_ba);
        return serveStatic(root, rawPath + "index.html", inlineBytes, showHidden);
    }
    if (!info.isFile() || !info.isReadable())
        return status(403, "403 Forbidden"_ba);
    auto file = std::make_shared<QFile>(canonical);
    if (!file->open(QIODevice::ReadOnly))
        return status(403, "403 Forbidden"_ba);
    StaticResult result;
    result.status = 200;
    result.contentType = contentTypeFor(canonical);
    if (file->size() > inlineBytes) {
        result.fileSize = file->size();
        result.file = std::move(file);
    } else {
        result.body = file->readAll();
    }
    result.filePath = canonical;
    return result;
}

} // namespace netcore::http

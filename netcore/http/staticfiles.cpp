#include "http/staticfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

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

QByteArray listing(const QDir &dir, const QString &urlPath)
{
    QByteArray html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"_ba + htmlEscape(urlPath)
                      + "</title></head>\n<body><h1>"_ba + htmlEscape(urlPath) + "</h1>\n<ul>\n"_ba;
    const QFileInfoList entries = dir.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsFirst);
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

StaticResult serveStatic(const QString &root, const QByteArray &target, qint64 maxBytes)
{
    // The root's real path, resolved once per root and thread (a capture server serves one root for many requests).
    thread_local QString cachedRoot;
    thread_local QString cachedCanonical;
    if (root != cachedRoot || cachedCanonical.isEmpty()) {
        cachedRoot = root;
        cachedCanonical = QFileInfo(root).canonicalFilePath();
    }
    const QString canonicalRoot = cachedCanonical;
    if (canonicalRoot.isEmpty() || !QFileInfo(canonicalRoot).isDir())
        return status(404, "404 Not Found"_ba);
    QByteArray rawPath = target;
    const qsizetype query = rawPath.indexOf('?');
    if (query >= 0)
        rawPath.truncate(query);
    if (!rawPath.startsWith('/'))
        return status(404, "404 Not Found"_ba);
    const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    QStringList segments;
    if (!cleanSegments(decoded, segments))
        return status(403, "403 Forbidden"_ba);
    const QString path = canonicalRoot + u'/' + segments.join(u'/');
    const QFileInfo info(path);
    if (!info.exists())
        return status(404, "404 Not Found"_ba);
    const QString canonical = info.canonicalFilePath();
    if (!insideRoot(canonicalRoot, canonical))
        return status(403, "403 Forbidden"_ba);
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
            result.body = listing(QDir(canonical), decoded);
            return result;
        }
        if (!insideRoot(canonicalRoot, index.canonicalFilePath()))
            return status(403, "403 Forbidden"_ba);
        return serveStatic(root, rawPath + "index.html", maxBytes);
    }
    if (!info.isFile() || !info.isReadable())
        return status(403, "403 Forbidden"_ba);
    if (info.size() > maxBytes)
        return status(403, "403 Forbidden"_ba);
    QFile file(canonical);
    if (!file.open(QIODevice::ReadOnly))
        return status(403, "403 Forbidden"_ba);
    StaticResult result;
    result.status = 200;
    result.contentType = contentTypeFor(canonical);
    result.body = file.readAll();
    result.filePath = canonical;
    return result;
}

} // namespace netcore::http

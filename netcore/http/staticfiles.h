#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

// The course's httpserver v2 done safely: map a request-target onto a folder without ever leaving it.
namespace netcore::http {

constexpr qint64 kInlineFileBytes = 64 * 1024;

struct StaticResult {
    int status = 404;              // 200, 301 (folder without slash), 403, 404, 405
    QByteArray contentType;
    QByteArray body;               // small files and generated pages, whole
    std::shared_ptr<QFile> file;   // a larger file, open and at its start: streamed in pieces, never read whole
    qint64 fileSize = 0;           // its size when opened (the Content-Length)
    QByteArray location;           // 301
    QString filePath;              // the file served, when 200 (the requested path under the root)
};

// Resolves `target` ("/a/b.html?x=1", or absolute-form "http://host/a/b.html": the URL's path) under `root`:
// percent-decoding, "." and ".." segments removed lexically, then the real path (symlinks followed) must still
// be inside root's real path. Hidden names (a segment starting with ".", as the files server hides them) are
// 404 unless showHidden, also when a symbolic link leads to one, and are left out of listings.
// A folder serves its index.html, else a generated listing. A file of at most inlineBytes is read into body;
// a larger one (any size) is returned open in `file` for the connection to stream as the socket drains.
StaticResult serveStatic(const QString &root, const QByteArray &target, qint64 inlineBytes = kInlineFileBytes,
                         bool showHidden = false);

// "text/html; charset=utf-8" for .html, ... by file name; application/octet-stream when unknown.
QByteArray contentTypeFor(const QString &fileName);

} // namespace netcore::http

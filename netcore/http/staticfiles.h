#pragma once

#include <QByteArray>
#include <QString>

// The course's httpserver v2 done safely: map a request-target onto a folder without ever leaving it.
namespace netcore::http {

struct StaticResult {
    int status = 404;              // 200, 301 (folder without slash), 403, 404, 405
    QByteArray contentType;
    QByteArray body;
    QByteArray location;           // 301
    QString filePath;              // the file served, when 200 (the requested path under the root)
};

// Resolves `target` ("/a/b.html?x=1") under `root`: percent-decoding, "." and ".." segments removed
// lexically, then the real path (symlinks followed) must still be inside root's real path.
// A folder serves its index.html, else a generated listing. Files above maxBytes answer 403.
StaticResult serveStatic(const QString &root, const QByteArray &target, qint64 maxBytes);

// "text/html; charset=utf-8" for .html, ... by file name; application/octet-stream when unknown.
QByteArray contentTypeFor(const QString &fileName);

} // namespace netcore::http

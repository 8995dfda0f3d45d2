#pragma once

#include "netcore/http/httpmessage.h"
#include "netcore/http/requestchecker.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <memory>

class QFile;

// What the capture server answers (a canned response chosen in the tab or on the command line), and the
// pure function that turns it plus a request into the exact response bytes.
namespace netcore::http {

enum class AnswerMode : quint8 {
    Echo,         // 200, text/plain: the request's exact bytes (what the browser sent, shown in the browser)
    Canned,       // status, headers and body as given
    StaticFiles,  // the course's httpserver v2: files under root, index.html, 404, no way out of root
    Redirect,     // status (301/302/303/307/308) with Location
    Malformed,    // deliberately broken, to see how a client copes
};

enum class MalformedKind : quint8 {
    BareLineFeeds,   // LF instead of CR LF everywhere in the head
    ShortBody,       // Content-Length larger than the body, then close
    BadStatusLine,   // "HTTP/1.1 OK" (no status code)
    BadChunkSize,    // chunked with a size that is not hex
};

struct ResponseSpec {
    AnswerMode mode = AnswerMode::Echo;
    int status = 200;
    QByteArray reason;                 // empty: the standard phrase for status
    QList<Header> headers;             // added to (or replacing) the automatic ones
    QByteArray body;
    QString root;                      // StaticFiles
    QByteArray location;               // Redirect
    MalformedKind malformed = MalformedKind::BareLineFeeds;
    bool chunked = false;              // Transfer-Encoding: chunked (body in kChunkSize pieces)
    bool gzip = false;                 // Content-Encoding: gzip
    bool sendContinue = true;          // answer "Expect: 100-continue" with 100 Continue before the body
    bool strict = false;               // a request with checker findings is answered 400 naming the first one
    bool showHidden = false;           // StaticFiles: serve names starting with "." (hidden by default: 404)
    qsizetype dripBytes = 0;           // > 0: slow drip, this many bytes per dripInterval
    std::chrono::milliseconds dripInterval{100};

    static constexpr qsizetype kChunkSize = 1024;
};

// A streamed file goes out in pieces of this size, refilled as the socket drains.
constexpr qint64 kFilePieceBytes = 64 * 1024;

struct PlannedResponse {
    QByteArray bytes;       // the whole response, exactly as it will be written (the head only when a file follows)
    int status = 0;
    bool close = false;     // close the connection after writing it
    // A static file too large to hold (StaticFiles): its body follows `bytes`, streamed from this open file
    // as the socket drains (fileBytes of it; each piece framed as a chunk when fileChunked, then "0\r\n\r\n").
    std::shared_ptr<QFile> file;
    qint64 fileBytes = 0;
    bool fileChunked = false;

    qint64 totalBytes() const;   // bytes + the streamed body with its framing
};

// The response for `request`: honours HEAD (head only), keep-alive (Connection: close for 1.0 / close),
// the mode, chunked and gzip (a streamed static file is sent without gzip: it is never held whole).
// Each of `findings` (at most kMaxFindingHeaders) adds a header "X-Socketeer-Finding: offset N: rule".
PlannedResponse planResponse(const ResponseSpec &spec, const HttpMessage &request,
                             const QList<RequestIssue> &findings = {});
constexpr qsizetype kMaxFindingHeaders = 8;

// A short plain-text error answer (400 for a malformed request, 405, 413, 431), always closing; `extra`
// headers go after Content-Type (Allow for 405).
PlannedResponse planErrorResponse(int status, const QByteArray &explanation, const QList<Header> &extra = {});

// The methods the capture server answers (its Allow header): every method but CONNECT.
QByteArray servedMethods();

// The standard reason phrase: 200 -> "OK", 404 -> "Not Found"; empty when unknown.
QByteArray reasonPhrase(int status);

QByteArray httpDate();  // "Sun, 06 Nov 1994 08:49:37 GMT" for now

} // namespace netcore::http

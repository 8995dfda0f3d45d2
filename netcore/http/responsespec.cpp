#include "netcore/http/responsespec.h"

#include "netcore/http/contentcoding.h"
#include "netcore/http/requestbuilder.h"
#include "netcore/http/staticfiles.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

struct Draft {
    int status = 200;
    QByteArray reason;
    QList<Header> headers;   // content headers (type, location, user headers)
    QByteArray body;
    std::shared_ptr<QFile> file;   // a static file streamed after the head
    qint64 fileSize = 0;
};

bool hasName(const QList<Header> &headers, QByteArrayView name)
{
    for (const Header &header : headers) {
        if (QByteArrayView(header.name).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void setHeader(QList<Header> &headers, const QByteArray &name, const QByteArray &value)
{
    for (Header &header : headers) {
        if (QByteArrayView(header.name).compare(name, Qt::CaseInsensitive) == 0) {
            header.value = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray chunk(const QByteArray &body, qsizetype size)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += size) {
        const QByteArray piece = body.mid(at, size);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

Draft draftFor(const ResponseSpec &spec, const HttpMessage &request)
{
    Draft draft;
    switch (spec.mode) {
    case AnswerMode::Echo:
        draft.headers.append({"Content-Type"_ba, "text/plain; charset=utf-8"_ba});
        draft.body = request.raw();
        break;
    case AnswerMode::Canned:
        draft.status = spec.status;
        draft.reason = spec.reason;
        draft.body = spec.body;
        if (!spec.body.isEmpty())
            draft.headers.append({"Content-Type"_ba, "text/plain; charset=utf-8"_ba});
        break;
    case AnswerMode::StaticFiles: {
        const StaticResult result = serveStatic(spec.root, request.target, kInlineFileBytes, spec.showHidden);
        draft.status = result.status;
        draft.headers.append({"Content-Type"_ba, result.contentType});
        if (!result.location.isEmpty())
            draft.headers.append({"Location"_ba, result.location});
        draft.body = result.body;
        draft.file = result.file;
        draft.fileSize = result.fileSize;
        break;
    }
    case AnswerMode::Redirect:
        draft.status = spec.status / 100 == 3 ? spec.status : 302;
        draft.headers.append({"Location"_ba, spec.location.isEmpty() ? "/"_ba : spec.location});
        draft.headers.append({"Content-Type"_ba, "text/plain; charset=utf-8"_ba});
        draft.body = "Redirecting to "_ba + (spec.location.isEmpty() ? "/"_ba : spec.location) + '\n';
        break;
    case AnswerMode::Malformed:
        break;   // planMalformed()
    }
    for (const Header &header : spec.headers)
        setHeader(draft.headers, header.name, header.value);
    if (draft.reason.isEmpty())
        draft.reason = reasonPhrase(draft.status);
    return draft;
}

PlannedResponse planMalformed(const ResponseSpec &spec)
{
    PlannedResponse plan;
    plan.close = true;
    switch (spec.malformed) {
    case MalformedKind::BareLineFeeds:
        plan.status = 200;
        plan.bytes = "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 6\nConnection: close\n\nbare!\n"_ba;
        break;
    case MalformedKind::ShortBody:
        plan.status = 200;
        plan.bytes = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\nConnection: close\r\n\r\n"
                     "only 22 of 100 bytes\r\n"_ba;
        break;
    case MalformedKind::BadStatusLine:
        plan.status = 0;
        plan.bytes = "HTTP/1.1 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"_ba;
        break;
    case MalformedKind::BadChunkSize:
        plan.status = 200;
        plan.bytes = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\nzz\r\n"_ba;
        break;
    }
    return plan;
}

} // namespace

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue"_ba;
    case 101: return "Switching Protocols"_ba;
    case 103: return "Early Hints"_ba;
    case 200: return "OK"_ba;
    case 201: return "Created"_ba;
    case 202: return "Accepted"_ba;
    case 204: return "No Content"_ba;
    case 206: return "Partial Content"_ba;
    case 301: return "Moved Permanently"_ba;
    case 302: return "Found"_ba;
    case 303: return "See Other"_ba;
    case 304: return "Not Modified"_ba;
    case 307: return "Temporary Redirect"_ba;
    case 308: return "Permanent Redirect"_ba;
    case 400: return "Bad Request"_ba;
    case 401: return "Unauthorized"_ba;
    case 403: return "Forbidden"_ba;
    case 404: return "Not Found"_ba;
    case 405: return "Method Not Allowed"_ba;
    case 408: return "Request Timeout"_ba;
    case 411: return "Length Required"_ba;
    case 413: return "Content Too Large"_ba;
    case 414: return "URI Too Long"_ba;
    case 418: return "I'm a teapot"_ba;
    case 429: return "Too Many Requests"_ba;
    case 431: return "Request Header Fields Too Large"_ba;
    case 500: return "Internal Server Error"_ba;
    case 501: return "Not Implemented"_ba;
    case 502: return "Bad Gateway"_ba;
    case 503: return "Service Unavailable"_ba;
    case 504: return "Gateway Timeout"_ba;
    case 505: return "HTTP Version Not Supported"_ba;
    default: break;
    }
    return {};
}

QByteArray httpDate()
{
    // Formatting a date per response is measurable under load: format once per second per thread.
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cachedSecond = second;
        cached = QLocale::c().toString(now, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
    }
    return cached;
}

PlannedResponse planResponse(const ResponseSpec &spec, const HttpMessage &request, const QList<RequestIssue> &findings)
{
    if (spec.mode == AnswerMode::Malformed)
        return planMalformed(spec);
    Draft draft = draftFor(spec, request);
    PlannedResponse plan;
    plan.status = draft.status;
    const bool http10 = request.versionMajor == 1 && request.versionMinor == 0;
    plan.close = !request.keepAlive;
    const bool noBody = responseHasNoBody(request.method, draft.status);
    const bool chunked = spec.chunked && !http10;
    QByteArray body = draft.body;
    const bool streamed = draft.file != nullptr;
    if (spec.gzip && !body.isEmpty() && !streamed) {
        body = gzipCompress(body);
        setHeader(draft.headers, "Content-Encoding"_ba, "gzip"_ba);
        setHeader(draft.headers, "Vary"_ba, "Accept-Encoding"_ba);
    }
    QList<Header> head{{"Server"_ba, userAgent()}, {"Date"_ba, httpDate()}};
    for (const Header &header : std::as_const(draft.headers))
        setHeader(head, header.name, header.value);
    for (qsizetype i = 0; i < qMin(findings.size(), kMaxFindingHeaders); ++i)
        head.append({"X-Socketeer-Finding"_ba, issueWireLine(findings.at(i))});
    const bool userFraming = hasName(spec.headers, "Content-Length") || hasName(spec.headers, "Transfer-Encoding");
    // RFC 9110 §8.6: no Content-Length in a 2xx to CONNECT (the capture server answers CONNECT 405 anyway)
    const bool connect2xx = request.method == "CONNECT" && draft.status / 100 == 2;
    if (!userFraming && !connect2xx && draft.status / 100 != 1 && draft.status != 204 && draft.status != 304) {
        if (chunked)
            head.append({"Transfer-Encoding"_ba, "chunked"_ba});
        else
            head.append({"Content-Length"_ba, QByteArray::number(streamed ? draft.fileSize : body.size())});
    }
    if (plan.close)
        setHeader(head, "Connection"_ba, "close"_ba);
    else if (http10)
        setHeader(head, "Connection"_ba, "keep-alive"_ba);
    plan.bytes = (http10 ? "HTTP/1.0 "_ba : "HTTP/1.1 "_ba) + QByteArray::number(draft.status) + ' ' + draft.reason + "\r\n";
    for (const Header &header : std::as_const(head))
        plan.bytes += header.name + ": " + header.value + "\r\n";
    plan.bytes += "\r\n";
    if (noBody || draft.status == 204 || draft.status == 304)
        return plan;
    if (streamed) {
        plan.file = draft.file;
        plan.fileBytes = draft.fileSize;
        plan.fileChunked = chunked;
    } else {
        plan.bytes += chunked ? chunk(body, ResponseSpec::kChunkSize) : body;
    }
    return plan;
}

qint64 PlannedResponse::totalBytes() const
{
    if (!file)
        return bytes.size();
    // Pieces of kFilePieceBytes, each framed as "<hex>\r\n...\r\n" when chunked, then "0\r\n\r\n".
    if (!fileChunked)
        return bytes.size() + fileBytes;
    qint64 framing = 5;
    for (qint64 left = fileBytes; left > 0; left -= kFilePieceBytes) {
        const qint64 piece = qMin(left, kFilePieceBytes);
        framing += QByteArray::number(piece, 16).size() + 4;
    }
    return bytes.size() + fileBytes + framing;
}

PlannedResponse planErrorResponse(int status, const QByteArray &explanation, const QList<Header> &extra)
{
    PlannedResponse plan;
    plan.status = status;
    plan.close = true;
    const QByteArray body = QByteArray::number(status) + ' ' + reasonPhrase(status) + "\n" + explanation + '\n';
    QByteArray extraLines;
    for (const Header &header : extra)
        extraLines += header.name + ": "_ba + header.value + "\r\n"_ba;
    plan.bytes = "HTTP/1.1 "_ba + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\nServer: "_ba + userAgent()
                 + "\r\nContent-Type: text/plain; charset=utf-8\r\n"_ba + extraLines + "Content-Length: "_ba
                 + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"_ba + body;
    return plan;
}

QByteArray servedMethods()
{
    return "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE"_ba;
}

} // namespace netcore::http

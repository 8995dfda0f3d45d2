#pragma once

#include "netcore/http/httpmessage.h"

#include <QByteArray>
#include <QList>
#include <QUrl>

// Builds the exact bytes of a request from the Compose fields, and says which headers Socketeer adds by
// itself (so the tab can show them greyed and let the user change or drop them).
namespace netcore::http {

enum class HttpVersion : quint8 { Http10, Http11 };

struct RequestSpec {
    QByteArray method = "GET";
    QUrl url;                    // http:// or https://
    QList<Header> headers;       // what the user set; a name here replaces the automatic header of that name
    QList<QByteArray> omitted;   // automatic headers the user removed (names, case-insensitive)
    QByteArray body;
    HttpVersion version = HttpVersion::Http11;
};

// The eight methods the course names, in its order.
QList<QByteArray> courseMethods();
// True for a syntactically valid method token (RFC 9110 tchar, 1..32 bytes).
bool isValidMethodToken(QByteArrayView method);

// The request-target for url: path (default "/") and query, as sent on the request line.
QByteArray requestTarget(const QUrl &url);
// The Host header value: host, [v6], plus ":port" when not the scheme's default.
QByteArray hostHeaderValue(const QUrl &url);
quint16 defaultPort(const QUrl &url);   // 80 or 443

// Headers Socketeer would add for this spec (Host, User-Agent, Accept, Content-Length, Connection),
// leaving out those the user set or omitted.
QList<Header> automaticHeaders(const RequestSpec &spec);

// The request bytes: request line, automatic headers, user headers, blank line, body.
QByteArray buildRequest(const RequestSpec &spec);

QByteArray userAgent();   // "Socketeer/<version>"

// A shell command that makes curl send the same request (POSIX single-quote escaping).
QString curlCommand(const RequestSpec &spec, bool insecure = false);

} // namespace netcore::http

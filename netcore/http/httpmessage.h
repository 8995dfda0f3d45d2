#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

// One HTTP/1.x message as it was on the wire and as llhttp understood it.
//
//   request  = request line CRLF *(header CRLF) CRLF [body]      "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
//   response = status line  CRLF *(header CRLF) CRLF [body]      "HTTP/1.1 200 OK\r\n...\r\n\r\n..."
//
// The body's length comes from (RFC 9112 section 6): no body for HEAD answers, 1xx, 204 and 304 and a 2xx to
// CONNECT; else Transfer-Encoding: chunked; else Content-Length; else (responses only) until the server closes.
namespace netcore::http {

struct Header {
    QByteArray name;
    QByteArray value;
    friend bool operator==(const Header &, const Header &) = default;
};

enum class MessageKind : quint8 { Request, Response };

// How the message's end was found.
enum class BodyFraming : quint8 {
    None,           // no body by rule (HEAD answer, 1xx, 204, 304, CONNECT tunnel) or Content-Length: 0 / request w/o length
    ContentLength,  // exactly Content-Length bytes
    Chunked,        // Transfer-Encoding: chunked, ended by the 0-size chunk
    UntilClose,     // read until the peer closed the connection (responses without a length)
};

struct HttpMessage {
    MessageKind kind = MessageKind::Request;
    // request line: METHOD SP request-target SP HTTP-version
    QByteArray method;
    QByteArray target;
    // status line: HTTP-version SP status-code SP reason-phrase
    int statusCode = 0;
    QByteArray reason;
    int versionMajor = 1;
    int versionMinor = 1;

    QList<Header> headers;
    QList<Header> trailers;     // headers after a chunked body

    QByteArray headBytes;       // exact bytes: start line, header lines and the blank line
    QByteArray wireBody;        // exact bytes after the blank line (chunk sizes and CRLFs included)
    QByteArray body;            // the payload, de-chunked (still Content-Encoded: see contentcoding.h)

    qint64 streamOffset = 0;    // offset of this message's first byte in its connection's byte stream
    BodyFraming framing = BodyFraming::None;
    qint64 declaredLength = -1; // Content-Length value, -1 when absent
    int chunkCount = 0;         // data chunks in a chunked body
    bool keepAlive = false;     // the connection may carry another message after this one
    bool upgrade = false;       // CONNECT tunnel / 101 Switching Protocols: what follows is not HTTP
    bool complete = false;      // its end was seen

    QByteArray raw() const { return headBytes + wireBody; }
    QByteArray headerValue(QByteArrayView name) const;   // first match, case-insensitive; empty when absent
    QByteArray versionString() const;                     // "HTTP/1.1"
    QByteArray startLine() const;                         // the first line of headBytes without CR LF
};

// True when no body may follow a response with this status to a request with this method.
bool responseHasNoBody(QByteArrayView requestMethod, int statusCode);

// 1 for 1xx ... 5xx, 0 for anything outside 100..599.
int statusClass(int statusCode);

} // namespace netcore::http

Q_DECLARE_METATYPE(netcore::http::HttpMessage)

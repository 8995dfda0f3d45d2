#pragma once

#include "netcore/http/httpmessage.h"

#include <QByteArray>
#include <QList>

#include <memory>

// Incremental HTTP/1.x framing on llhttp: feed() the bytes of one connection as they arrive, take() the
// messages it completed. Pure (no sockets): unit-tested and fuzzed on byte strings.
//
// Length rules llhttp cannot know by itself are applied here: a response to HEAD, 1xx, 204, 304 and a
// 2xx to CONNECT has no body (tell the parser the request's method with setRequestMethod() before the
// response's bytes arrive). Header and body sizes are capped on the wire: every byte after the head (chunk
// sizes, chunk extensions, framing, trailers) counts toward the body cap, and a Content-Length above it is
// refused at the head, before any body byte. Breaking a cap is an error like any other, with the byte offset
// where it happened (the first byte past the cap; the end of the head for a declared length).
namespace netcore::http {

enum class ParseError : quint8 {
    None,
    Malformed,        // llhttp refused a byte: llhttpName()/llhttpReason() say which rule
    HeadersTooLarge,  // start line + headers passed maxHeaderBytes without the blank line
    BodyTooLarge,     // the body on the wire passed maxBodyBytes, or its Content-Length says it will
    TruncatedMessage, // the connection closed in the middle of a message (finish())
};

class MessageParser final
{
public:
    static constexpr qsizetype kDefaultMaxHeaderBytes = 64 * 1024;
    static constexpr qint64 kDefaultMaxBodyBytes = qint64(256) * 1024 * 1024;

    explicit MessageParser(MessageKind kind);
    ~MessageParser();
    MessageParser(const MessageParser &) = delete;
    MessageParser &operator=(const MessageParser &) = delete;

    void setMaxHeaderBytes(qsizetype bytes) { m_maxHeaderBytes = bytes; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    // Responses: the method of the request this response answers ("HEAD" -> no body). Default GET.
    void setRequestMethod(const QByteArray &method) { m_requestMethod = method; }

    // Feeds bytes; returns false once an error happened (everything after it is ignored).
    // Stops (returns true, tunnelled() true) after a CONNECT/upgrade: the rest is not HTTP.
    bool feed(QByteArrayView bytes);
    // The peer closed the connection: completes a close-delimited body, or reports a truncated message.
    bool finish();
    // Like feed() but stops right after the first message that completes (for one request/response
    // at a time); returns the number of bytes of `bytes` it consumed.
    qsizetype feedOne(QByteArrayView bytes);

    QList<HttpMessage> take();                   // completed messages, oldest first, removed from the parser
    bool hasCompleted() const { return !m_done.isEmpty(); }
    const HttpMessage &current() const { return m_current; }  // the message being read (partial)
    bool inMessage() const { return m_inMessage; }
    bool headersDone() const { return m_headersDone; }
    bool tunnelled() const { return m_tunnelled; }
    QByteArray tunnelBytes() const { return m_tunnelBytes; }   // bytes after an upgrade, unparsed

    ParseError error() const { return m_error; }
    qint64 errorOffset() const { return m_errorOffset; }       // in the whole stream fed so far
    QByteArray llhttpName() const { return m_llhttpName; }     // "HPE_INVALID_HEADER_TOKEN"
    QByteArray llhttpReason() const { return m_llhttpReason; } // "Invalid header value char"
    qint64 consumed() const { return m_consumed; }
    // After an error: the bytes fed from the error position on (capped at kMaxUnparsedBytes), so a
    // capture can show everything that arrived, not only what parsed.
    QByteArray unparsed() const { return m_unparsed; }
    static constexpr qsizetype kMaxUnparsedBytes = 64 * 1024;

    void reset();  // back to the start of a new stream

private:
    struct Impl;
    friend struct Impl;
    qsizetype run(QByteArrayView bytes, bool stopAfterOne);
    void fail(ParseError error, qint64 offset, const QByteArray &name, const QByteArray &reason);

    std::unique_ptr<Impl> d;
    MessageKind m_kind;
    qsizetype m_maxHeaderBytes = kDefaultMaxHeaderBytes;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;
    QByteArray m_requestMethod = "GET";

    HttpMessage m_current;
    QList<HttpMessage> m_done;
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    bool m_inMessage = false;
    bool m_headersDone = false;
    bool m_tunnelled = false;
    QByteArray m_tunnelBytes;
    qint64 m_consumed = 0;
    ParseError m_error = ParseError::None;
    qint64 m_errorOffset = -1;
    QByteArray m_llhttpName;
    QByteArray m_llhttpReason;
    QByteArray m_unparsed;
};

QByteArray parseErrorKey(ParseError error);  // "malformed", "headers-too-large", ...

} // namespace netcore::http

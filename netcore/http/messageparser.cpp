#include "netcore/http/messageparser.h"

#include <llhttp.h>

using namespace Qt::StringLiterals;

namespace netcore::http {

// The llhttp state plus the bridge from its C callbacks to the parser. Both "headers complete" and
// "message complete" pause llhttp, so run() learns the exact byte where each happened.
struct MessageParser::Impl {
    enum class Event : quint8 { None, HeadersDone, MessageDone };

    llhttp_t parser{};
    llhttp_settings_t settings{};
    Event event = Event::None;

    static MessageParser *self(llhttp_t *p) { return static_cast<MessageParser *>(p->data); }

    static int onMessageBegin(llhttp_t *p)
    {
        self(p)->m_inMessage = true;
        return 0;
    }
    static int onMethod(llhttp_t *p, const char *at, size_t length)
    {
        self(p)->m_current.method.append(at, qsizetype(length));
        return 0;
    }
    static int onUrl(llhttp_t *p, const char *at, size_t length)
    {
        self(p)->m_current.target.append(at, qsizetype(length));
        return 0;
    }
    static int onStatus(llhttp_t *p, const char *at, size_t length)
    {
        self(p)->m_current.reason.append(at, qsizetype(length));
        return 0;
    }
    static int onHeaderField(llhttp_t *p, const char *at, size_t length)
    {
        self(p)->m_field.append(at, qsizetype(length));
        return 0;
    }
    static int onHeaderValue(llhttp_t *p, const char *at, size_t length)
    {
        self(p)->m_value.append(at, qsizetype(length));
        return 0;
    }
    static int onHeaderValueComplete(llhttp_t *p)
    {
        MessageParser *s = self(p);
        Header header{s->m_field, s->m_value};
        (s->m_headersDone ? s->m_current.trailers : s->m_current.headers).append(std::move(header));
        s->m_field.clear();
        s->m_value.clear();
        return 0;
    }
    static int onHeadersComplete(llhttp_t *p)
    {
        MessageParser *s = self(p);
        HttpMessage &m = s->m_current;
        m.versionMajor = p->http_major;
        m.versionMinor = p->http_minor;
        if (s->m_kind == MessageKind::Request) {
            if (m.method.isEmpty())
                m.method = llhttp_method_name(llhttp_method_t(p->method));
        } else {
            m.statusCode = p->status_code;
            if (responseHasNoBody(s->m_requestMethod, m.statusCode)) {
                // What on_headers_complete returning 1 (no body) or 2 (tunnel) would do; we pause instead.
                if (m.statusCode / 100 == 2 && s->m_requestMethod == "CONNECT")
                    p->upgrade = 1;
                p->flags |= F_SKIPBODY;
            }
        }
        if (p->flags & F_CONTENT_LENGTH)
            m.declaredLength = qint64(p->content_length);
        if (p->flags & F_SKIPBODY)
            m.framing = BodyFraming::None;
        else if (p->flags & F_CHUNKED)
            m.framing = BodyFraming::Chunked;
        else if (p->flags & F_CONTENT_LENGTH)
            m.framing = p->content_length > 0 ? BodyFraming::ContentLength : BodyFraming::None;
        else if (llhttp_message_needs_eof(p) || (p->flags & F_TRANSFER_ENCODING))
            m.framing = BodyFraming::UntilClose;
        else
            m.framing = BodyFraming::None;
        // llhttp ends a CONNECT request (and an upgrade without a body) at its head, whatever Content-Length says:
        // what follows is the tunnel, not a body (found by tests/fuzz/fuzz_httprequest)
        const bool hasBody = (p->flags & F_CHUNKED) || p->content_length > 0;
        const bool connect = s->m_kind == MessageKind::Request && p->method == HTTP_CONNECT;
        if (p->upgrade && (connect || (p->flags & F_SKIPBODY) || !hasBody))
            m.framing = BodyFraming::None;
        self(p)->d->event = Event::HeadersDone;
        return HPE_PAUSED;
    }
    static int onBody(llhttp_t *p, const char *at, size_t length)
    {
        self(p)->m_current.body.append(at, qsizetype(length));
        return 0;
    }
    static int onChunkHeader(llhttp_t *p)
    {
        if (p->content_length > 0)
            ++self(p)->m_current.chunkCount;
        return 0;
    }
    static int onMessageComplete(llhttp_t *p)
    {
        MessageParser *s = self(p);
        s->m_current.keepAlive = llhttp_should_keep_alive(p) != 0;
        s->m_current.upgrade = p->upgrade != 0;
        s->m_current.complete = true;
        s->d->event = Event::MessageDone;
        return HPE_PAUSED;
    }

    void init(MessageParser *owner)
    {
        llhttp_settings_init(&settings);
        settings.on_message_begin = &onMessageBegin;
        settings.on_method = &onMethod;
        settings.on_url = &onUrl;
        settings.on_status = &onStatus;
        settings.on_header_field = &onHeaderField;
        settings.on_header_value = &onHeaderValue;
        settings.on_header_value_complete = &onHeaderValueComplete;
        settings.on_headers_complete = &onHeadersComplete;
        settings.on_body = &onBody;
        settings.on_chunk_header = &onChunkHeader;
        settings.on_message_complete = &onMessageComplete;
        llhttp_init(&parser, owner->m_kind == MessageKind::Request ? HTTP_REQUEST : HTTP_RESPONSE, &settings);
        parser.data = owner;
        event = Event::None;
    }
};

MessageParser::MessageParser(MessageKind kind)
    : d(std::make_unique<Impl>())
    , m_kind(kind)
{
    reset();
}

MessageParser::~MessageParser() = default;

void MessageParser::reset()
{
    d->init(this);
    m_current = HttpMessage{};
    m_current.kind = m_kind;
    m_done.clear();
    m_field.clear();
    m_value.clear();
    m_inMessage = m_headersDone = m_tunnelled = false;
    m_tunnelBytes.clear();
    m_consumed = 0;
    m_error = ParseError::None;
    m_errorOffset = -1;
    m_llhttpName.clear();
    m_llhttpReason.clear();
    m_unparsed.clear();
}

bool MessageParser::feed(QByteArrayView bytes)
{
    run(bytes, false);
    return m_error == ParseError::None;
}

qsizetype MessageParser::feedOne(QByteArrayView bytes)
{
    return run(bytes, true);
}

void MessageParser::fail(ParseError error, qint64 offset, const QByteArray &name, const QByteArray &reason)
{
    m_error = error;
    m_errorOffset = offset;
    m_llhttpName = name;
    m_llhttpReason = reason;
}

qsizetype MessageParser::run(QByteArrayView bytes, bool stopAfterOne)
{
    if (m_error != ParseError::None) {
        m_unparsed.append(bytes.first(qMin(bytes.size(), qMax<qsizetype>(0, kMaxUnparsedBytes - m_unparsed.size()))));
        return 0;
    }
    if (m_tunnelled) {
        m_tunnelBytes.append(bytes);
        m_consumed += bytes.size();
        return bytes.size();
    }
    static const char kEmpty = 0;
    const char *begin = bytes.isEmpty() ? &kEmpty : bytes.data();
    const char *p = begin;
    const char *const end = begin + bytes.size();
    bool resumed = false;
    while (p < end || resumed) {
        resumed = false;
        // Every byte counts toward a cap: the head toward maxHeaderBytes, everything after it (chunk sizes,
        // extensions, framing and trailers included) toward maxBodyBytes. llhttp is given no more than one
        // byte past the cap, so an endless chunk extension or trailer is stopped where it crosses it.
        qsizetype length = end - p;
        if (!m_headersDone && m_maxHeaderBytes > 0)
            length = qMin<qsizetype>(length, m_maxHeaderBytes + 1 - m_current.headBytes.size());
        else if (m_headersDone && m_maxBodyBytes > 0)
            length = qMin<qsizetype>(length, qsizetype(qMax<qint64>(0, m_maxBodyBytes + 1 - m_current.wireBody.size())));
        const llhttp_errno_t err = llhttp_execute(&d->parser, p, size_t(qMax<qsizetype>(0, length)));
        const char *stop = p + qMax<qsizetype>(0, length);
        if (err != HPE_OK && llhttp_get_error_pos(&d->parser))
            stop = llhttp_get_error_pos(&d->parser);
        (m_headersDone ? m_current.wireBody : m_current.headBytes).append(p, stop - p);
        m_consumed += stop - p;
        p = stop;
        if (err == HPE_OK) {
            if (!m_headersDone && m_maxHeaderBytes > 0 && m_current.headBytes.size() > m_maxHeaderBytes) {
                fail(ParseError::HeadersTooLarge, m_current.streamOffset + m_maxHeaderBytes, {}, {});
                return p - begin;
            }
            if (m_headersDone && m_maxBodyBytes > 0 && m_current.wireBody.size() > m_maxBodyBytes) {
                fail(ParseError::BodyTooLarge, m_current.streamOffset + m_current.headBytes.size() + m_maxBodyBytes, {}, {});
                return p - begin;
            }
            continue;
        }
        if (err == HPE_PAUSED) {
            llhttp_resume(&d->parser);
            resumed = true;
            const Impl::Event event = std::exchange(d->event, Impl::Event::None);
            if (event == Impl::Event::HeadersDone) {
                m_headersDone = true;
                if (m_maxHeaderBytes > 0 && m_current.headBytes.size() > m_maxHeaderBytes) {
                    fail(ParseError::HeadersTooLarge, m_current.streamOffset + m_maxHeaderBytes, {}, {});
                    return p - begin;
                }
                // A declared length over the cap is refused at the head, before any body byte is read.
                if (m_maxBodyBytes > 0 && m_current.framing == BodyFraming::ContentLength
                    && m_current.declaredLength > m_maxBodyBytes) {
                    fail(ParseError::BodyTooLarge, m_current.streamOffset + m_current.headBytes.size(), {}, {});
                    return p - begin;
                }
            } else if (event == Impl::Event::MessageDone) {
                m_done.append(std::exchange(m_current, HttpMessage{}));
                m_current.kind = m_kind;
                m_current.streamOffset = m_consumed;
                m_inMessage = m_headersDone = false;
                if (stopAfterOne)
                    return p - begin;
            }
            continue;
        }
        if (err == HPE_PAUSED_UPGRADE) {
            m_tunnelled = true;
            m_tunnelBytes.append(p, end - p);
            m_consumed += end - p;
            return bytes.size();
        }
        m_unparsed = QByteArray(p, qMin<qsizetype>(end - p, kMaxUnparsedBytes));
        fail(ParseError::Malformed, m_consumed, llhttp_errno_name(err), QByteArray(llhttp_get_error_reason(&d->parser)));
        return p - begin;
    }
    return p - begin;
}

bool MessageParser::finish()
{
    if (m_error != ParseError::None || m_tunnelled)
        return m_error == ParseError::None;
    const llhttp_errno_t err = llhttp_finish(&d->parser);
    if (err == HPE_PAUSED || d->event == Impl::Event::MessageDone) {
        d->event = Impl::Event::None;
        m_done.append(std::exchange(m_current, HttpMessage{}));
        m_current.kind = m_kind;
        m_current.streamOffset = m_consumed;
        m_inMessage = m_headersDone = false;
        return true;
    }
    if (err != HPE_OK) {
        fail(ParseError::TruncatedMessage, m_consumed, llhttp_errno_name(err),
             QByteArray(llhttp_get_error_reason(&d->parser)));
        return false;
    }
    return true;
}

QList<HttpMessage> MessageParser::take()
{
    return std::exchange(m_done, {});
}

QByteArray parseErrorKey(ParseError error)
{
    switch (error) {
    case ParseError::None: return "none"_ba;
    case ParseError::Malformed: return "malformed"_ba;
    case ParseError::HeadersTooLarge: return "headers-too-large"_ba;
    case ParseError::BodyTooLarge: return "body-too-large"_ba;
    case ParseError::TruncatedMessage: return "truncated"_ba;
    }
    return "unknown"_ba;
}

} // namespace netcore::http

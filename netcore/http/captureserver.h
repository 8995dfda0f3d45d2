#pragma once

#include "netcore/common/error.h"
#include "netcore/common/server.h"
#include "netcore/http/httpmessage.h"
#include "netcore/http/messageparser.h"
#include "netcore/http/requestchecker.h"
#include "netcore/http/responsespec.h"

#include <QHostAddress>

#include <chrono>

class QTcpSocket;

namespace netcore::common {
class Listener;
class Transcript;
}

// "A better nc -l": an HTTP/1.x server that keeps each incoming request's exact bytes and parsed form
// (requestCaptured, in arrival order, keep-alive reuse and pipelining visible through connection and
// index numbers) and answers with the chosen ResponseSpec. Malformed requests are captured too, with the
// byte where parsing stopped, and answered 400 (or 413 / 431 for the size caps) before closing. What llhttp
// accepts but the RFC calls malformed (docs/protocols/http.md, "Conformance") is flagged with the request
// checker's findings, or answered 400 when the ResponseSpec is strict. CONNECT is answered 405 (no tunnels). Each open
// connection is a client in common::Server's list (bytes counted both ways).
//
// Bounded as docs/reliability.md ("HTTP") says: limits() enforces maxClients and maxPerHost (503 / 429 with a
// reason), requestTimeout (408), idleTimeout, drainTimeout (abort), maxQueuedOutput (pipelined requests wait;
// static files stream) and memoryBudget (request bytes held by all connections; 503); maxHeaderBytes (431)
// and maxBodyBytes (413, every byte after the head counts) are HTTP's own caps below.
namespace netcore::http {

struct CapturedRequest {
    int connection = 0;            // 1, 2, ... in accept order: the server's client id
    int indexOnConnection = 0;     // 1 for the first request on its connection; > 1 means the connection was reused
    QString local;
    QString peer;
    qint64 wallMs = 0;
    HttpMessage request;           // complete, or what arrived before the error / the close
    ParseError error = ParseError::None;
    qint64 errorOffset = -1;       // in request.raw()
    QByteArray errorReason;        // llhttp's name + reason
    // What RFC 9110/9112 calls malformed although llhttp framed it (checkReceivedHead() on the head as it arrived;
    // offsets in request.raw()): shown, sent back as X-Socketeer-Finding headers, or answered 400 when strict.
    QList<RequestIssue> findings;
    int answeredStatus = 0;        // 0 when nothing was answered
    QByteArray responseHead;       // the head of what we answered
    qint64 responseBytes = 0;

    bool ok() const { return error == ParseError::None; }
};

class CaptureServer final : public common::Server
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureServer)

public:
    static constexpr quint16 kDefaultPort = 8000;
    static constexpr int kDefaultMaxClients = 512;
    static constexpr int kDefaultMaxPerHost = 16;
    static constexpr std::chrono::seconds kDefaultIdleTimeout{60};
    static constexpr std::chrono::seconds kDefaultRequestTimeout{30};
    static constexpr std::chrono::seconds kDefaultDrainTimeout{30};
    static constexpr qint64 kDefaultMaxQueuedOutput = qint64(1) << 20;
    static constexpr qint64 kDefaultMemoryBudget = qint64(64) << 20;
    static constexpr qsizetype kDefaultMaxHeaderBytes = 64 * 1024;
    static constexpr qint64 kDefaultMaxBodyBytes = qint64(8) << 20;
    // Refused connections waiting for their 503/429 to go out (beyond: closed without a word).
    static constexpr int kMaxRefusing = 64;

    // Why start() failed; the detail (address:port as peer, Qt's words as raw) is in errorDetail().
    enum class Error : quint8 {
        AddressInUse,          // another program listens on that port
        AccessDenied,          // a port below 1024 without the right to bind it
        AddressNotAvailable,   // the address is not one of this computer's
        ListenFailed,          // any other reason (raw says which)
        // keep last
        Count
    };
    Q_ENUM(Error)

    explicit CaptureServer(QObject *parent = nullptr);
    ~CaptureServer() override;

    void setTranscript(common::Transcript *transcript) { m_transcript = transcript; }
    void setResponse(const ResponseSpec &spec) { m_response = spec; }   // applies to the next request
    const ResponseSpec &response() const { return m_response; }
    // HTTP's own caps beside limits() (apply to connections accepted afterwards): the request head (431) and
    // the request body on the wire, framing, chunk extensions and trailers included (413, also at once when
    // Content-Length says so).
    void setMaxHeaderBytes(qsizetype bytes) { m_maxHeaderBytes = bytes; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qsizetype maxHeaderBytes() const { return m_maxHeaderBytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // common::Server. A client's id is the connection number of its CapturedRequests.
    bool start(const QHostAddress &address, quint16 port) override;
    void stop() override;
    bool disconnectClient(quint64 id) override;
    QHostAddress serverAddress() const override;
    quint16 serverPort() const override;

    Error error() const { return m_error; }
    const common::ErrorDetail &errorDetail() const { return m_errorDetail; }

Q_SIGNALS:
    void requestCaptured(const netcore::http::CapturedRequest &captured);
    void errorOccurred(netcore::http::CaptureServer::Error error);

private:
    friend class CaptureConnection;   // reports captures, bytes and its end through the members below

    void onNewConnection();
    void refuse(QTcpSocket *socket, const QByteArray &response);
    common::Transcript *transcript() const { return m_transcript; }
    void reportCapture(const CapturedRequest &captured) { Q_EMIT requestCaptured(captured); }
    void reportBytes(quint64 id, qint64 received, qint64 sent) { countBytes(id, received, sent); }
    void reportClosed(quint64 id);

    common::Listener *m_listener = nullptr;
    int m_refusing = 0;
    common::Transcript *m_transcript = nullptr;
    ResponseSpec m_response;
    Error m_error = Error::ListenFailed;
    common::ErrorDetail m_errorDetail;
    qsizetype m_maxHeaderBytes = kDefaultMaxHeaderBytes;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;   // every captured request is kept whole: 413 beyond this
};

} // namespace netcore::http

Q_DECLARE_METATYPE(netcore::http::CapturedRequest)

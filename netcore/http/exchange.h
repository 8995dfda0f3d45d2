#pragma once

#include "netcore/common/error.h"
#include "netcore/http/contentcoding.h"
#include "netcore/http/httpmessage.h"
#include "netcore/http/tlsinfo.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

// One request/response exchange as the client saw it: the exact bytes each way, when each step happened,
// which connection carried it, and what TLS said. A followed redirect is a list of hops.
namespace netcore::http {

enum class TimingPhase : quint8 {
    DnsDone,      // the host name resolved (or the literal address parsed)
    Connected,    // TCP three-way handshake done
    TlsDone,      // TLS handshake done (https only)
    RequestSent,  // the last request byte was handed to the kernel
    FirstByte,    // the first response byte arrived
    Read,         // one more read (bytes = how many)
    Done,         // the response ended
};

struct TimingMark {
    TimingPhase phase = TimingPhase::Done;
    qint64 us = 0;      // microseconds since the hop started
    qint64 bytes = 0;   // Read: bytes in this read; RequestSent: request size
};

// Why an exchange failed: HttpClient's error enum (HttpClient::Error), detail in Hop::errorDetail. Append only:
// transcripts store the number (Event::ExchangeFailed).
enum class ExchangeError : quint8 {
    None,
    InvalidUrl,          // not http:// or https:// with a host
    HostNotFound,        // DNS gave no address
    ConnectFailed,       // refused / unreachable (detail.raw: the socket's text)
    TlsVerifyFailed,     // the certificate did not verify and errors were not ignored (see Hop::tls.errors)
    TlsHandshakeFailed,  // the handshake itself failed
    Timeout,             // no complete response within the timeout (detail.raw: the timeout in ms)
    ConnectionClosed,    // the server closed before a response ended (truncated)
    MalformedResponse,   // llhttp refused a byte (detail.raw: its reason; offset in the hop's received bytes)
    HeadersTooLarge,
    BodyTooLarge,
    TooManyRedirects,    // detail.raw: the limit
    WriteFailed,
    Aborted,
    // keep last
    Count
};

struct Hop {
    QUrl url;
    QByteArray method;
    QByteArray requestBytes;      // exactly what was written
    QList<HttpMessage> interim;   // 1xx answers before the final one (100 Continue, 103 Early Hints)
    HttpMessage response;         // the final response (partial when the hop failed)
    QByteArray receivedBytes;     // every byte read for this hop, in order
    DecodeResult decoded;         // response.body after Content-Encoding
    QList<TimingMark> timing;
    qint64 startedWallMs = 0;
    int connectionNumber = 0;     // same number = same TCP connection (keep-alive reuse)
    bool reusedConnection = false;
    QList<QHostAddress> resolved;
    QString local;                // endpointString() of both ends
    QString peer;
    TlsInfo tls;
    ExchangeError error = ExchangeError::None;
    common::ErrorDetail errorDetail;  // peer, and in raw the socket's / llhttp's own words (see ExchangeError)
    qint64 errorOffset = -1;      // MalformedResponse: offset in receivedBytes

    bool ok() const { return error == ExchangeError::None; }
    qint64 elapsedUs(TimingPhase phase) const;  // first mark of that phase, -1 when absent
};

QByteArray exchangeErrorKey(ExchangeError error);  // "host-not-found", "tls-verify-failed", ...
QByteArray timingPhaseKey(TimingPhase phase);      // "dns", "connect", "tls", "sent", "first-byte", "read", "done"

} // namespace netcore::http

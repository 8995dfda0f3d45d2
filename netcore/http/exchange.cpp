#include "netcore/http/exchange.h"

using namespace Qt::StringLiterals;

namespace netcore::http {

qint64 Hop::elapsedUs(TimingPhase phase) const
{
    for (const TimingMark &mark : timing) {
        if (mark.phase == phase)
            return mark.us;
    }
    return -1;
}

QByteArray exchangeErrorKey(ExchangeError error)
{
    switch (error) {
    case ExchangeError::None: return "none"_ba;
    case ExchangeError::InvalidUrl: return "invalid-url"_ba;
    case ExchangeError::HostNotFound: return "host-not-found"_ba;
    case ExchangeError::ConnectFailed: return "connect-failed"_ba;
    case ExchangeError::TlsVerifyFailed: return "tls-verify-failed"_ba;
    case ExchangeError::TlsHandshakeFailed: return "tls-handshake-failed"_ba;
    case ExchangeError::Timeout: return "timeout"_ba;
    case ExchangeError::ConnectionClosed: return "connection-closed"_ba;
    case ExchangeError::MalformedResponse: return "malformed-response"_ba;
    case ExchangeError::HeadersTooLarge: return "headers-too-large"_ba;
    case ExchangeError::BodyTooLarge: return "body-too-large"_ba;
    case ExchangeError::TooManyRedirects: return "too-many-redirects"_ba;
    case ExchangeError::WriteFailed: return "write-failed"_ba;
    case ExchangeError::Aborted: return "aborted"_ba;
    case ExchangeError::Count: break;
    }
    return "unknown"_ba;
}

QByteArray timingPhaseKey(TimingPhase phase)
{
    switch (phase) {
    case TimingPhase::DnsDone: return "dns"_ba;
    case TimingPhase::Connected: return "connect"_ba;
    case TimingPhase::TlsDone: return "tls"_ba;
    case TimingPhase::RequestSent: return "sent"_ba;
    case TimingPhase::FirstByte: return "first-byte"_ba;
    case TimingPhase::Read: return "read"_ba;
    case TimingPhase::Done: return "done"_ba;
    }
    return "unknown"_ba;
}

} // namespace netcore::http

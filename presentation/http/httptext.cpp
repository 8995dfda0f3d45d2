#include "presentation/http/httptext.h"

#include "netcore/http/events.h"
#include "presentation/common/eventtext.h"
#include "presentation/http/httpexplain.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using netcore::common::ErrorDetail;
using netcore::http::CaptureServer;
using netcore::http::Event;
using netcore::http::ExchangeError;

namespace presentation::http {
namespace {

struct HttpText {
    Q_DECLARE_TR_FUNCTIONS(presentation::http::HttpText)
};

} // namespace

QString eventText(const netcore::common::TranscriptEvent &event)
{
    const QStringList &args = event.args;
    switch (Event(event.code)) {
    case Event::Resolving:
        return HttpText::tr("resolving %1…").arg(args.value(0));
    case Event::Resolved:
        return HttpText::tr("%1 resolved to %2").arg(args.value(0), args.mid(1).join(u", "_s));
    case Event::ConnectionOpened:
        return HttpText::tr("connection #%1 open").arg(args.value(0));
    case Event::ReusingConnection:
        return HttpText::tr("reusing connection #%1 to %2 (keep-alive)").arg(args.value(0), args.value(1));
    case Event::TlsHandshake:
        return HttpText::tr("TLS handshake with %1").arg(args.value(0));
    case Event::TlsErrorsIgnored:
        return HttpText::tr("TLS verification errors ignored as asked: %1").arg(args.join(u"; "_s));
    case Event::TlsEstablished:
        return HttpText::tr("TLS established: %1, %2").arg(args.value(0), args.value(1));
    case Event::UnexpectedBytes:
        return HttpText::tr("%1 unexpected bytes on an idle connection").arg(args.value(0));
    case Event::ClosedByServer:
        return HttpText::tr("the server closed connection #%1").arg(args.value(0));
    case Event::RetryingStaleConnection:
        return HttpText::tr("the server had closed connection #%1 while it was idle: sending again on a new connection")
            .arg(args.value(0));
    case Event::ResponseComplete:
        return HttpText::tr("response %1 complete: %2 bytes on the wire").arg(args.value(0), args.value(1));
    case Event::FollowingRedirect:
        return HttpText::tr("following %1 to %2").arg(args.value(0), args.value(1));
    case Event::ClientRefusedFromHost:
        return HttpText::tr("refused a connection from %1: it already has %2 connections open (429)")
            .arg(args.value(0), args.value(1));
    case Event::RequestTimeout:
        return HttpText::tr("a request was not complete %1 ms after its first byte: answered 408 and closed")
            .arg(args.value(0));
    case Event::OutputStalled:
        return HttpText::tr("the client took none of the response for %1 ms: connection aborted").arg(args.value(0));
    case Event::ExchangeFailed: {
        bool ok = false;
        const int code = args.value(0).toInt(&ok);
        if (!ok || code < 0 || code >= int(ExchangeError::Count))
            break;
        ErrorDetail detail;
        detail.raw = args.value(1);
        return HttpText::tr("exchange failed: %1").arg(errorText(ExchangeError(code), detail));
    }
    case Event::Count:
        break;
    }
    return common::unknownEventText(event);
}

// The sentences keep HttpExplain's context: they were its own before the errors became data.
QString errorText(ExchangeError error, const ErrorDetail &detail)
{
    const QString &raw = detail.raw;
    switch (error) {
    case ExchangeError::None:
        return HttpText::tr("no error");
    case ExchangeError::InvalidUrl:
        return HttpExplain::tr("The URL is not usable: it must start with http:// or https:// and name a host.");
    case ExchangeError::HostNotFound:
        return HttpExplain::tr("The host name could not be resolved (%1). Check the spelling, or try its IP address.").arg(raw);
    case ExchangeError::ConnectFailed:
        return HttpExplain::tr("Could not connect (%1). Is a server listening on that host and port?").arg(raw);
    case ExchangeError::TlsVerifyFailed:
        return HttpExplain::tr("The server's certificate did not verify, so nothing was sent. Read the TLS errors; continue "
                               "despite them only if you trust this server (for example your own test server).");
    case ExchangeError::TlsHandshakeFailed:
        return HttpExplain::tr("The TLS handshake failed (%1). Is the server really speaking TLS on this port?").arg(raw);
    case ExchangeError::Timeout:
        return HttpExplain::tr("No complete response within the timeout (%1). The server may be slow, or waiting for more "
                               "request bytes (check Content-Length).").arg(raw + u" ms"_s);
    case ExchangeError::ConnectionClosed:
        return HttpText::tr("The server closed the connection before the response was complete.");
    case ExchangeError::MalformedResponse:
        return HttpText::tr("The response breaks the HTTP rules: %1").arg(raw);
    case ExchangeError::HeadersTooLarge:
        return HttpText::tr("The response head is larger than the limit: stopped reading.");
    case ExchangeError::BodyTooLarge:
        return HttpExplain::tr("The response body is larger than the limit: stopped reading.");
    case ExchangeError::TooManyRedirects:
        return HttpExplain::tr("Stopped after %1 redirects: the server keeps sending you elsewhere.").arg(raw);
    case ExchangeError::WriteFailed:
        return HttpExplain::tr("Sending the request failed (%1).").arg(raw);
    case ExchangeError::Aborted:
        return HttpExplain::tr("Stopped.");
    case ExchangeError::Count:
        break;
    }
    return HttpText::tr("unknown error %1 (%2)").arg(int(error)).arg(raw);
}

QString errorText(CaptureServer::Error error, const ErrorDetail &detail)
{
    switch (error) {
    case CaptureServer::Error::AddressInUse:
        return HttpText::tr("Cannot listen on %1: another program is using this port. Try another one, or 0 (any free port).")
            .arg(detail.peer);
    case CaptureServer::Error::AccessDenied:
        return HttpText::tr("Cannot listen on %1: permission denied (ports below 1024 need administrator rights). "
                            "Try a port above 1024.").arg(detail.peer);
    case CaptureServer::Error::AddressNotAvailable:
        return HttpText::tr("Cannot listen on %1: the address is not one of this computer's. Try 127.0.0.1 or 0.0.0.0.")
            .arg(detail.peer);
    case CaptureServer::Error::ListenFailed:
        return HttpText::tr("Cannot listen on %1 (%2).").arg(detail.peer, detail.raw);
    case CaptureServer::Error::Count:
        break;
    }
    return HttpText::tr("unknown error %1 (%2)").arg(int(error)).arg(detail.raw);
}

} // namespace presentation::http

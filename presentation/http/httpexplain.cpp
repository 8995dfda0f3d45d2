#include "presentation/http/httpexplain.h"

#include "presentation/http/httptext.h"

using namespace Qt::StringLiterals;
using namespace netcore::http;

namespace presentation::http {

QString HttpExplain::statusClass(int status)
{
    switch (netcore::http::statusClass(status)) {
    case 1: return tr("1xx informational: the final answer is still to come");
    case 2: return tr("2xx success");
    case 3: return tr("3xx redirect: the answer is somewhere else");
    case 4: return tr("4xx client error: the request was wrong");
    case 5: return tr("5xx server error: the server failed");
    default: break;
    }
    return tr("not a valid status code (100-599)");
}

QString HttpExplain::statusMeaning(int status)
{
    QString meaning;
    switch (status) {
    case 100: meaning = tr("Continue: send the request body now."); break;
    case 101: meaning = tr("Switching Protocols: the connection now speaks another protocol."); break;
    case 200: meaning = tr("OK: the request worked; the body is the answer."); break;
    case 201: meaning = tr("Created: a new resource was made."); break;
    case 204: meaning = tr("No Content: it worked and there is deliberately no body."); break;
    case 206: meaning = tr("Partial Content: only the requested range is in the body."); break;
    case 301: meaning = tr("Moved Permanently: use the Location header from now on."); break;
    case 302: meaning = tr("Found: the answer is at the Location header for now."); break;
    case 303: meaning = tr("See Other: fetch the Location header with GET."); break;
    case 304: meaning = tr("Not Modified: your cached copy is still good; no body follows."); break;
    case 307: meaning = tr("Temporary Redirect: repeat the same request at Location."); break;
    case 308: meaning = tr("Permanent Redirect: repeat the same request at Location, from now on."); break;
    case 400: meaning = tr("Bad Request: the server could not parse the request."); break;
    case 401: meaning = tr("Unauthorized: credentials are needed (see WWW-Authenticate)."); break;
    case 403: meaning = tr("Forbidden: the server understood and refuses."); break;
    case 404: meaning = tr("Not Found: the server has nothing at this path."); break;
    case 405: meaning = tr("Method Not Allowed: this path does not accept this method."); break;
    case 411: meaning = tr("Length Required: send a Content-Length header."); break;
    case 413: meaning = tr("Content Too Large: the body is larger than the server accepts."); break;
    case 431: meaning = tr("Request Header Fields Too Large: the request head is too big."); break;
    case 500: meaning = tr("Internal Server Error: the server's program failed."); break;
    case 501: meaning = tr("Not Implemented: the server does not support this method."); break;
    case 502: meaning = tr("Bad Gateway: a proxy got a bad answer from the next server."); break;
    case 503: meaning = tr("Service Unavailable: the server is overloaded or down for now."); break;
    case 504: meaning = tr("Gateway Timeout: a proxy waited too long for the next server."); break;
    default: meaning = statusClass(status); break;
    }
    return u"%1 — %2"_s.arg(status).arg(meaning);
}

QString HttpExplain::exchangeError(const Hop &hop)
{
    switch (hop.error) {
    case ExchangeError::None:
        return {};
    case ExchangeError::ConnectionClosed:
        return tr("The server closed the connection after %n byte(s), before the response was complete.", nullptr,
                  int(hop.receivedBytes.size()));
    case ExchangeError::MalformedResponse:
        return tr("The response breaks the HTTP rules at byte %1: %2").arg(hop.errorOffset).arg(hop.errorDetail.raw);
    case ExchangeError::HeadersTooLarge:
        return tr("The response head is larger than the limit (%1 bytes): stopped reading.").arg(hop.errorOffset);
    default:
        break;
    }
    return errorText(hop.error, hop.errorDetail);
}

QString HttpExplain::tlsError(const TlsErrorInfo &error)
{
    switch (error.code) {
    case QSslError::SelfSignedCertificate:
        return tr("The certificate is self-signed: nobody vouches for it but the server itself.");
    case QSslError::SelfSignedCertificateInChain:
        return tr("The chain ends in a self-signed certificate that this computer does not trust.");
    case QSslError::CertificateExpired:
        return tr("The certificate has expired.");
    case QSslError::CertificateNotYetValid:
        return tr("The certificate is not valid yet (check the clocks).");
    case QSslError::HostNameMismatch:
        return tr("The certificate is for another name than the host in the URL.");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
        return tr("The certificate's issuer is unknown here (a missing intermediate, or a private CA).");
    case QSslError::CertificateUntrusted:
        return tr("The certificate is not trusted for this purpose.");
    case QSslError::CertificateRevoked:
        return tr("The certificate was revoked.");
    default: break;
    }
    return error.text;
}

QString HttpExplain::requestIssue(const RequestIssue &issue)
{
    switch (issue.kind) {
    case IssueKind::EmptyRequest: return tr("The request is empty.");
    case IssueKind::BareLineFeed: return tr("Line ends with LF only; HTTP needs CR LF.");
    case IssueKind::BareCarriageReturn: return tr("A CR that is not followed by LF.");
    case IssueKind::MissingBlankLine:
        return tr("The head never ends: an empty line (CR LF CR LF) must follow the last header.");
    case IssueKind::BadRequestLine:
        return tr("The request line must be METHOD, space, target, space, version: \"GET / HTTP/1.1\".");
    case IssueKind::InvalidMethod: return tr("\"%1\" is not a valid method name.").arg(QString::fromLatin1(issue.detail));
    case IssueKind::UnusualMethod:
        return tr("\"%1\" is not a standard method; many servers will answer 405 or 501.").arg(QString::fromLatin1(issue.detail));
    case IssueKind::BadTarget: return tr("The target must start with \"/\" (or be a full http:// URL).");
    case IssueKind::BadVersion: return tr("The version must be HTTP/1.1 or HTTP/1.0.");
    case IssueKind::HeaderWithoutColon: return tr("A header line without a colon.");
    case IssueKind::SpaceBeforeColon: return tr("No space is allowed between a header name and its colon.");
    case IssueKind::InvalidHeaderName: return tr("The header name holds a character that is not allowed.");
    case IssueKind::FoldedHeader: return tr("A line starting with a space continues the previous header (obsolete, refused).");
    case IssueKind::MissingHost: return tr("HTTP/1.1 requires a Host header.");
    case IssueKind::DuplicateHost: return tr("More than one Host header.");
    case IssueKind::InvalidContentLength: return tr("Content-Length must be a decimal number.");
    case IssueKind::ContentLengthMismatch:
        return tr("Content-Length says %1 bytes but the body has %2: the server will wait for more or read too little.")
            .arg(issue.expected).arg(issue.actual);
    case IssueKind::BodyWithoutLength:
        return tr("There is a body but no Content-Length: the server will ignore it (or wait).");
    case IssueKind::LengthConflict: return tr("Both Content-Length and Transfer-Encoding: a request smuggling risk.");
    case IssueKind::ParserRejected:
        return tr("llhttp (the parser Node.js uses) refuses this byte: %1").arg(QString::fromLatin1(issue.detail));
    }
    return {};
}

QString HttpExplain::captureError(ParseError error, qint64 offset, const QByteArray &reason)
{
    switch (error) {
    case ParseError::None: return {};
    case ParseError::Malformed:
        return tr("Malformed at byte %1: %2").arg(offset).arg(QString::fromLatin1(reason));
    case ParseError::HeadersTooLarge: return tr("The request head is too large (answered 431).");
    case ParseError::BodyTooLarge: return tr("The request body is too large (answered 413).");
    case ParseError::TruncatedMessage: return tr("The client closed the connection before the request ended.");
    }
    return {};
}

QString HttpExplain::captureFinding(const RequestIssue &finding)
{
    return tr("Byte %1 (%2): %3")
        .arg(finding.offset)
        .arg(QString::fromLatin1(netcore::http::issueKey(finding.kind)), requestIssue(finding));
}

QString HttpExplain::methodHelp(const QByteArray &method)
{
    if (method == "GET") return tr("GET: fetch the resource; no body.");
    if (method == "POST") return tr("POST: send data (a form, JSON) to be processed.");
    if (method == "HEAD") return tr("HEAD: like GET but only the head comes back, no body.");
    if (method == "PUT") return tr("PUT: store the body at this path (replace it).");
    if (method == "DELETE") return tr("DELETE: remove the resource at this path.");
    if (method == "CONNECT") return tr("CONNECT: ask a proxy to open a tunnel to host:port.");
    if (method == "TRACE") return tr("TRACE: the server echoes the request it received (often disabled).");
    if (method == "OPTIONS") return tr("OPTIONS: ask which methods the server allows.");
    return tr("A custom method: the server decides what it means.");
}

QString HttpExplain::timingPhase(TimingPhase phase)
{
    switch (phase) {
    case TimingPhase::DnsDone: return tr("DNS lookup");
    case TimingPhase::Connected: return tr("TCP connect");
    case TimingPhase::TlsDone: return tr("TLS handshake");
    case TimingPhase::RequestSent: return tr("request sent");
    case TimingPhase::FirstByte: return tr("first byte");
    case TimingPhase::Read: return tr("read");
    case TimingPhase::Done: return tr("done");
    }
    return {};
}

QString HttpExplain::framing(BodyFraming framing)
{
    switch (framing) {
    case BodyFraming::None: return tr("no body");
    case BodyFraming::ContentLength: return tr("Content-Length");
    case BodyFraming::Chunked: return tr("chunked");
    case BodyFraming::UntilClose: return tr("until the server closed");
    }
    return {};
}

} // namespace presentation::http

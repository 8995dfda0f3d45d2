#pragma once

#include <QByteArray>
#include <QList>

// A linter for hand-edited request bytes (the Raw editor): points at the exact byte of each protocol
// mistake a student makes, and llhttp's own verdict. Facts only; explain.h puts them in words.
namespace netcore::http {

enum class IssueKind : quint8 {
    EmptyRequest,
    BareLineFeed,          // LF without CR before it in the head
    BareCarriageReturn,    // CR not followed by LF
    MissingBlankLine,      // the head never ends with an empty line
    BadRequestLine,        // not "METHOD SP target SP version"
    InvalidMethod,         // not a token
    UnusualMethod,         // a valid token outside the well-known methods (warning)
    BadTarget,             // request-target does not start with "/" (or "*", absolute URI, CONNECT authority)
    BadVersion,            // not HTTP/1.0 or HTTP/1.1
    HeaderWithoutColon,
    SpaceBeforeColon,
    InvalidHeaderName,
    FoldedHeader,          // a line starting with SP/HT (obsolete line folding)
    MissingHost,           // HTTP/1.1 without Host
    DuplicateHost,
    InvalidContentLength,
    ContentLengthMismatch, // declared vs actual body size
    BodyWithoutLength,     // bytes after the blank line but no Content-Length / Transfer-Encoding
    LengthConflict,        // both Content-Length and Transfer-Encoding
    ParserRejected,        // llhttp refused the bytes (detail = its error name and reason)
};

enum class Severity : quint8 { Error, Warning };

struct RequestIssue {
    IssueKind kind = IssueKind::EmptyRequest;
    Severity severity = Severity::Error;
    qint64 offset = 0;      // the byte the issue is about
    qint64 length = 1;      // how many bytes to highlight
    qint64 expected = -1;   // ContentLengthMismatch: the declared length
    qint64 actual = -1;     // ContentLengthMismatch: the real body size
    QByteArray detail;      // the offending text, or llhttp's error name + reason
};

QList<RequestIssue> checkRequest(const QByteArray &raw);

// The checks that apply to a request a server has received and framed (its head, as it arrived): line ends,
// the request line, every header line, Host for HTTP/1.1. Errors only (no warnings); nothing about the body (the
// parser framed it) and no verdict of llhttp (it accepted the bytes). Offsets are in `head`.
QList<RequestIssue> checkReceivedHead(const QByteArray &head);

// The same bytes with Content-Length set to the real size of the body (inserted before the blank line
// when missing). Unchanged when the head has no end.
QByteArray fixContentLength(const QByteArray &raw);

// The same bytes with every bare LF in the head turned into CR LF.
QByteArray fixLineEndings(const QByteArray &raw);

// Where the head ends (index just after the blank line), or -1. Accepts bare-LF blank lines.
qsizetype headEnd(const QByteArray &raw);

QByteArray issueKey(IssueKind kind);  // "bare-lf", "content-length-mismatch", ...
// The rule in a few English words for the wire (a capture server's X-Socketeer-Finding header and 400 body):
// protocol text, not UI ("whitespace before colon").
QByteArray issueWireText(IssueKind kind);
// "offset 12: whitespace before colon": one finding as a capture server writes it on the wire.
QByteArray issueWireLine(const RequestIssue &issue);

} // namespace netcore::http

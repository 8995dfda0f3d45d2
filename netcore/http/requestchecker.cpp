#include "netcore/http/requestchecker.h"

#include "netcore/http/messageparser.h"
#include "netcore/http/requestbuilder.h"

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

constexpr int kMaxLineEndingIssues = 8;

struct Line {
    qsizetype start = 0;  // first byte
    QByteArray text;      // without CR LF
};

QList<Line> headLines(const QByteArray &raw, qsizetype end)
{
    QList<Line> lines;
    qsizetype start = 0;
    while (start < end) {
        qsizetype lf = raw.indexOf('\n', start);
        if (lf < 0 || lf >= end)
            lf = end;
        QByteArray text = raw.mid(start, lf - start);
        if (text.endsWith('\r'))
            text.chop(1);
        lines.append({start, text});
        start = lf + 1;
    }
    return lines;
}

bool knownMethod(QByteArrayView method)
{
    for (const QByteArray &m : courseMethods()) {
        if (m == method)
            return true;
    }
    return method == "PATCH";
}

void checkLineEndings(const QByteArray &raw, qsizetype end, QList<RequestIssue> &issues)
{
    int reported = 0;
    for (qsizetype i = 0; i < end && reported < kMaxLineEndingIssues; ++i) {
        if (raw.at(i) == '\n' && (i == 0 || raw.at(i - 1) != '\r')) {
            issues.append({IssueKind::BareLineFeed, Severity::Error, i, 1, -1, -1, {}});
            ++reported;
        } else if (raw.at(i) == '\r' && (i + 1 >= raw.size() || raw.at(i + 1) != '\n')) {
            issues.append({IssueKind::BareCarriageReturn, Severity::Error, i, 1, -1, -1, {}});
            ++reported;
        }
    }
}

// Returns the HTTP minor version seen on the request line (-1 when unreadable).
int checkRequestLine(const Line &line, QList<RequestIssue> &issues)
{
    const QList<QByteArray> parts = line.text.split(' ');
    if (parts.size() != 3 || parts.contains(QByteArray())) {
        // the offset is the first extra space when there is one ("GET  /"), the end of the line when a part is
        // missing ("GET /a": where the version should be), else the start of the line
        const qsizetype doubled = line.text.indexOf("  ");
        const qsizetype at = doubled >= 0             ? doubled + 1
                             : line.text.startsWith(' ') ? 0
                             : parts.size() < 3          ? line.text.size()
                                                         : -1;
        // At the end of the line the issue is a place (where the version should be), not a byte: length 0, so it
        // stays within the bytes when the line has no end either.
        const qint64 length = at == line.text.size() ? 0 : at >= 0 ? 1 : qMax<qint64>(1, line.text.size());
        issues.append({IssueKind::BadRequestLine, Severity::Error, line.start + qMax<qsizetype>(0, at), length, -1, -1,
                       line.text.left(80)});
        return -1;
    }
    const QByteArray &method = parts.at(0);
    const QByteArray &target = parts.at(1);
    const QByteArray &version = parts.at(2);
    if (!isValidMethodToken(method))
        issues.append({IssueKind::InvalidMethod, Severity::Error, line.start, method.size(), -1, -1, method});
    else if (!knownMethod(method))
        issues.append({IssueKind::UnusualMethod, Severity::Warning, line.start, method.size(), -1, -1, method});
    const qsizetype targetAt = line.start + method.size() + 1;
    const QByteArray scheme = target.left(8).toLower();   // a scheme is case-insensitive (RFC 3986 §3.1)
    const bool targetOk = target.startsWith('/') || target == "*" || scheme.startsWith("http://")
                          || scheme.startsWith("https://") || (method == "CONNECT" && target.contains(':'));
    if (!targetOk)
        issues.append({IssueKind::BadTarget, Severity::Error, targetAt, target.size(), -1, -1, target});
    const qsizetype versionAt = targetAt + target.size() + 1;
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        issues.append({IssueKind::BadVersion, Severity::Error, versionAt, version.size(), -1, -1, version});
        return -1;
    }
    return version.back() - '0';
}

struct LengthInfo {
    qint64 contentLength = -1;
    qsizetype valueOffset = -1;
    qsizetype valueLength = 0;
    bool transferEncoding = false;
    int hosts = 0;
};

void checkHeaderLine(const Line &line, LengthInfo &info, QList<RequestIssue> &issues)
{
    if (line.text.startsWith(' ') || line.text.startsWith('\t')) {
        issues.append({IssueKind::FoldedHeader, Severity::Error, line.start, 1, -1, -1, line.text.left(80)});
        return;
    }
    const qsizetype colon = line.text.indexOf(':');
    if (colon < 0) {
        issues.append({IssueKind::HeaderWithoutColon, Severity::Error, line.start, qMax<qint64>(1, line.text.size()),
                       -1, -1, line.text.left(80)});
        return;
    }
    const QByteArray name = line.text.left(colon);
    if (name.endsWith(' ') || name.endsWith('\t')) {
        issues.append({IssueKind::SpaceBeforeColon, Severity::Error, line.start + colon - 1, 1, -1, -1, name});
        return;
    }
    // header names follow the same token grammar as methods (RFC 9110: field-name = token)
    // the offset is the first byte that is not a token character (the colon itself for an empty name)
    qsizetype bad = name.isEmpty() ? 0 : -1;
    for (qsizetype i = 0; i < name.size() && bad < 0; ++i) {
        if (!isValidMethodToken(QByteArrayView(name.constData() + i, 1)))
            bad = i;
    }
    if (bad >= 0) {
        issues.append({IssueKind::InvalidHeaderName, Severity::Error, line.start + bad, 1, -1, -1, name});
        return;
    }
    const QByteArray rawValue = line.text.mid(colon + 1);
    const QByteArray value = rawValue.trimmed();
    qsizetype leading = 0;
    while (leading < rawValue.size() && (rawValue.at(leading) == ' ' || rawValue.at(leading) == '\t'))
        ++leading;
    const qsizetype valueOffset = line.start + colon + 1 + leading;
    const QByteArray lower = name.toLower();
    if (lower == "host") {
        if (++info.hosts == 2)
            issues.append({IssueKind::DuplicateHost, Severity::Error, line.start, line.text.size(), -1, -1, value});
    } else if (lower == "transfer-encoding") {
        info.transferEncoding = true;
    } else if (lower == "content-length") {
        bool ok = !value.isEmpty();
        for (char c : value)
            ok = ok && c >= '0' && c <= '9';
        const qint64 length = ok ? value.toLongLong(&ok) : -1;
        if (!ok) {
            // an empty value points at the colon: the value's place may be the end of the bytes (found by fuzzing)
            const qsizetype at = value.isEmpty() ? line.start + colon : valueOffset;
            issues.append({IssueKind::InvalidContentLength, Severity::Error, at, qMax<qint64>(1, value.size()), -1, -1,
                           value});
            return;
        }
        info.contentLength = length;
        info.valueOffset = valueOffset;
        info.valueLength = value.size();
    }
}

void checkBody(const QByteArray &raw, qsizetype end, const LengthInfo &info, QList<RequestIssue> &issues)
{
    const qint64 bodySize = raw.size() - end;
    if (info.contentLength >= 0 && info.transferEncoding)
        issues.append({IssueKind::LengthConflict, Severity::Error, info.valueOffset, info.valueLength, -1, -1, {}});
    if (info.contentLength >= 0 && !info.transferEncoding && info.contentLength != bodySize) {
        issues.append({IssueKind::ContentLengthMismatch, Severity::Error, info.valueOffset, info.valueLength,
                       info.contentLength, bodySize, {}});
    } else if (info.contentLength < 0 && !info.transferEncoding && bodySize > 0) {
        issues.append({IssueKind::BodyWithoutLength, Severity::Error, end, bodySize, -1, bodySize, {}});
    }
}

void checkWithParser(const QByteArray &raw, QList<RequestIssue> &issues)
{
    // Only the first message: bytes after it (a body longer than Content-Length) are reported as a mismatch.
    MessageParser parser(MessageKind::Request);
    parser.feedOne(raw);
    if (parser.error() == ParseError::None)
        return;
    issues.append({IssueKind::ParserRejected, Severity::Error, parser.errorOffset(), 1, -1, -1,
                   parser.llhttpName() + ": " + parser.llhttpReason()});
}

} // namespace

qsizetype headEnd(const QByteArray &raw)
{
    qsizetype i = raw.indexOf('\n');
    while (i >= 0) {
        const qsizetype next = i + 1;
        if (next < raw.size() && raw.at(next) == '\n')
            return next + 1;
        if (next + 1 < raw.size() && raw.at(next) == '\r' && raw.at(next + 1) == '\n')
            return next + 2;
        i = raw.indexOf('\n', next);
    }
    return -1;
}

QList<RequestIssue> checkReceivedHead(const QByteArray &head)
{
    QList<RequestIssue> issues;
    const qsizetype end = headEnd(head);
    const qsizetype scanEnd = end < 0 ? head.size() : end;
    checkLineEndings(head, scanEnd, issues);
    QList<Line> lines = headLines(head, scanEnd);
    while (!lines.isEmpty() && lines.constLast().text.isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return issues;
    const int minor = checkRequestLine(lines.constFirst(), issues);
    LengthInfo info;
    for (qsizetype i = 1; i < lines.size(); ++i)
        checkHeaderLine(lines.at(i), info, issues);
    if (minor == 1 && info.hosts == 0) {
        // the blank line (or the end of what came, for a head cut short)
        const qsizetype blank = end < 0 ? head.size() : (head.at(end - 2) == '\r' ? end - 2 : end - 1);
        issues.append({IssueKind::MissingHost, Severity::Error, blank, qMax<qint64>(0, scanEnd - blank), -1, -1, {}});
    }
    issues.removeIf([](const RequestIssue &issue) { return issue.severity != Severity::Error; });
    return issues;
}

QList<RequestIssue> checkRequest(const QByteArray &raw)
{
    QList<RequestIssue> issues;
    if (raw.isEmpty()) {
        issues.append({IssueKind::EmptyRequest, Severity::Error, 0, 0, -1, -1, {}});
        return issues;
    }
    const qsizetype end = headEnd(raw);
    const qsizetype scanEnd = end < 0 ? raw.size() : end;
    checkLineEndings(raw, scanEnd, issues);
    QList<Line> lines = headLines(raw, scanEnd);
    while (!lines.isEmpty() && lines.constLast().text.isEmpty())
        lines.removeLast();
    if (lines.isEmpty()) {
        issues.append({IssueKind::BadRequestLine, Severity::Error, 0, 1, -1, -1, {}});
        return issues;
    }
    const int minor = checkRequestLine(lines.constFirst(), issues);
    LengthInfo info;
    for (qsizetype i = 1; i < lines.size(); ++i)
        checkHeaderLine(lines.at(i), info, issues);
    if (end < 0) {
        issues.append({IssueKind::MissingBlankLine, Severity::Error, raw.size(), 0, -1, -1, {}});
        return issues;
    }
    if (minor == 1 && info.hosts == 0) {
        const qsizetype blank = raw.at(end - 2) == '\r' ? end - 2 : end - 1;
        issues.append({IssueKind::MissingHost, Severity::Error, blank, end - blank, -1, -1, {}});
    }
    checkBody(raw, end, info, issues);
    checkWithParser(raw, issues);
    return issues;
}

QByteArray fixContentLength(const QByteArray &raw)
{
    const qsizetype end = headEnd(raw);
    if (end < 0)
        return raw;
    const QByteArray size = QByteArray::number(raw.size() - end);
    QList<Line> lines = headLines(raw, end);
    QByteArray head;
    bool replaced = false;
    const QByteArray eol = raw.at(end - 2) == '\r' ? "\r\n"_ba : "\n"_ba;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        const qsizetype colon = line.text.indexOf(':');
        const bool isLength = i > 0 && colon > 0 && line.text.left(colon).trimmed().toLower() == "content-length";
        if (line.text.isEmpty() && i == lines.size() - 1) {
            if (!replaced)
                head += "Content-Length: " + size + eol;
            head += eol;
            continue;
        }
        const qsizetype lineEnd = (i + 1 < lines.size() ? lines.at(i + 1).start : end);
        if (isLength) {
            head += line.text.left(colon) + ": " + size + eol;
            replaced = true;
        } else {
            head += raw.mid(line.start, lineEnd - line.start);
        }
    }
    return head + raw.mid(end);
}

QByteArray fixLineEndings(const QByteArray &raw)
{
    const qsizetype end = headEnd(raw);
    const qsizetype scanEnd = end < 0 ? raw.size() : end;
    QByteArray out;
    out.reserve(raw.size() + 32);
    for (qsizetype i = 0; i < scanEnd; ++i) {
        const char c = raw.at(i);
        if (c == '\n' && (i == 0 || raw.at(i - 1) != '\r'))
            out += '\r';
        out += c;
    }
    return out + raw.mid(scanEnd);
}

QByteArray issueWireText(IssueKind kind)
{
    switch (kind) {
    case IssueKind::EmptyRequest: return "empty request"_ba;
    case IssueKind::BareLineFeed: return "line ends with LF only (CR LF required)"_ba;
    case IssueKind::BareCarriageReturn: return "CR not followed by LF"_ba;
    case IssueKind::MissingBlankLine: return "the head does not end with an empty line"_ba;
    case IssueKind::BadRequestLine: return "request line is not METHOD SP target SP version"_ba;
    case IssueKind::InvalidMethod: return "method is not a token"_ba;
    case IssueKind::UnusualMethod: return "not a standard method"_ba;
    case IssueKind::BadTarget: return "request-target is not origin-form, absolute-form or *"_ba;
    case IssueKind::BadVersion: return "version is not HTTP/1.0 or HTTP/1.1"_ba;
    case IssueKind::HeaderWithoutColon: return "header line without a colon"_ba;
    case IssueKind::SpaceBeforeColon: return "whitespace before colon"_ba;
    case IssueKind::InvalidHeaderName: return "field name is not a token"_ba;
    case IssueKind::FoldedHeader: return "obsolete line folding"_ba;
    case IssueKind::MissingHost: return "HTTP/1.1 request without Host"_ba;
    case IssueKind::DuplicateHost: return "more than one Host"_ba;
    case IssueKind::InvalidContentLength: return "Content-Length is not a decimal number"_ba;
    case IssueKind::ContentLengthMismatch: return "Content-Length does not match the body"_ba;
    case IssueKind::BodyWithoutLength: return "body without Content-Length or Transfer-Encoding"_ba;
    case IssueKind::LengthConflict: return "both Content-Length and Transfer-Encoding"_ba;
    case IssueKind::ParserRejected: return "refused by llhttp"_ba;
    }
    return "unknown"_ba;
}

QByteArray issueWireLine(const RequestIssue &issue)
{
    return "offset "_ba + QByteArray::number(issue.offset) + ": "_ba + issueWireText(issue.kind);
}

QByteArray issueKey(IssueKind kind)
{
    switch (kind) {
    case IssueKind::EmptyRequest: return "empty"_ba;
    case IssueKind::BareLineFeed: return "bare-lf"_ba;
    case IssueKind::BareCarriageReturn: return "bare-cr"_ba;
    case IssueKind::MissingBlankLine: return "missing-blank-line"_ba;
    case IssueKind::BadRequestLine: return "bad-request-line"_ba;
    case IssueKind::InvalidMethod: return "invalid-method"_ba;
    case IssueKind::UnusualMethod: return "unusual-method"_ba;
    case IssueKind::BadTarget: return "bad-target"_ba;
    case IssueKind::BadVersion: return "bad-version"_ba;
    case IssueKind::HeaderWithoutColon: return "header-without-colon"_ba;
    case IssueKind::SpaceBeforeColon: return "space-before-colon"_ba;
    case IssueKind::InvalidHeaderName: return "invalid-header-name"_ba;
    case IssueKind::FoldedHeader: return "folded-header"_ba;
    case IssueKind::MissingHost: return "missing-host"_ba;
    case IssueKind::DuplicateHost: return "duplicate-host"_ba;
    case IssueKind::InvalidContentLength: return "invalid-content-length"_ba;
    case IssueKind::ContentLengthMismatch: return "content-length-mismatch"_ba;
    case IssueKind::BodyWithoutLength: return "body-without-length"_ba;
    case IssueKind::LengthConflict: return "length-conflict"_ba;
    case IssueKind::ParserRejected: return "parser-rejected"_ba;
    }
    return "unknown"_ba;
}

} // namespace netcore::http

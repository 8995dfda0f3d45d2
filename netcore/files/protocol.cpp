#include "netcore/files/protocol.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace netcore::files {
namespace {

constexpr qsizetype kMaxDigits = 18;  // keeps every number inside qint64

// A non-negative decimal without sign or spaces.
std::optional<qint64> parseNumber(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > kMaxDigits)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Splits "WORD rest" at the first space: {WORD, rest}. rest is empty when there is no space.
std::pair<QByteArray, QByteArray> splitFirst(const QByteArray &line)
{
    const qsizetype space = line.indexOf(' ');
    if (space < 0)
        return {line, {}};
    return {line.left(space), line.mid(space + 1)};
}

RequestParse bad(const QString &reason, ErrorCode code = ErrorCode::BadRequest)
{
    return RequestParse{std::nullopt, code, reason};
}

RequestParse parseNamed(Command command, const QByteArray &args)
{
    const auto [numberText, nameBytes] = splitFirst(args);
    const std::optional<qint64> number = parseNumber(numberText);
    if (!number)
        return bad(command == Command::Get ? u"expected GET <offset> <name>"_s : u"expected PUT <size> <name>"_s);
    if (nameBytes.isEmpty())
        return bad(u"missing file name"_s);
    const std::optional<QString> name = decodeUtf8(nameBytes);
    if (!name)
        return bad(u"file name is not valid UTF-8"_s);
    Request request{command, *name, 0, 0, {}};
    (command == Command::Get ? request.offset : request.size) = *number;
    return RequestParse{request, ErrorCode::BadRequest, {}};
}

} // namespace

bool isKnownErrorCode(int code)
{
    switch (ErrorCode(code)) {
    case ErrorCode::BadRequest: case ErrorCode::Forbidden: case ErrorCode::NotFound: case ErrorCode::Exists:
    case ErrorCode::TooLarge: case ErrorCode::BadOffset: case ErrorCode::Busy: case ErrorCode::ChecksumMismatch:
    case ErrorCode::LineTooLong: case ErrorCode::IoError: case ErrorCode::TooManyClients: case ErrorCode::NoSpace:
        return true;
    }
    return false;
}

bool isSha256Hex(const QByteArray &hex)
{
    if (hex.size() != kSha256HexLength)
        return false;
    for (const char c : hex) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

LineFrame takeLine(const QByteArray &buffer, qsizetype maxLength)
{
    const qsizetype newline = buffer.indexOf('\n');
    if (newline < 0) {
        if (buffer.size() > maxLength)
            return LineFrame{common::FrameStatus::TooLarge, {}, 0};
        return LineFrame{common::FrameStatus::Incomplete, {}, 0};
    }
    if (newline > maxLength)
        return LineFrame{common::FrameStatus::TooLarge, {}, 0};
    qsizetype end = newline;
    if (end > 0 && buffer.at(end - 1) == '\r')
        --end;
    return LineFrame{common::FrameStatus::Ok, buffer.left(end), newline + 1};
}

bool isBlankLine(const QByteArray &line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t')
            return false;
    }
    return true;
}

RequestParse parseRequest(const QByteArray &line)
{
    const auto [typed, args] = splitFirst(line);
    const QByteArray word = typed.toUpper();   // command words are case-insensitive (ASCII)
    if (word == "LIST" || word == "QUIT") {
        if (!args.isEmpty() || line.contains(' '))
            return bad(u"%1 takes no arguments"_s.arg(QString::fromLatin1(word)));
        return RequestParse{Request{word == "LIST" ? Command::List : Command::Quit, {}, 0, 0, {}}, {}, {}};
    }
    if (word == "GET")
        return parseNamed(Command::Get, args);
    if (word == "PUT")
        return parseNamed(Command::Put, args);
    if (word == "END") {
        const QByteArray digest = args.toLower();   // upper-case hex digits are accepted too
        if (!isSha256Hex(digest))
            return bad(u"expected END <sha256 as 64 hex digits>"_s);
        return RequestParse{Request{Command::End, {}, 0, 0, digest}, {}, {}};
    }
    if (word.isEmpty())
        return bad(u"empty line"_s);
    return bad(u"unknown command; expected LIST, GET, PUT or QUIT"_s);
}

QByteArray formatRequest(const Request &request)
{
    switch (request.command) {
    case Command::List:
        return "LIST\n"_ba;
    case Command::Quit:
        return "QUIT\n"_ba;
    case Command::Get:
        return "GET " + QByteArray::number(request.offset) + ' ' + request.name.toUtf8() + '\n';
    case Command::Put:
        return "PUT " + QByteArray::number(request.size) + ' ' + request.name.toUtf8() + '\n';
    case Command::End:
        return "END " + request.sha256 + '\n';
    }
    return {};
}

std::optional<Reply> parseReply(const QByteArray &line)
{
    const auto [word, args] = splitFirst(line);
    Reply reply;
    if (word == "HELLO") {
        const QList<QByteArray> parts = args.split(' ');
        if (parts.size() != 3 || parts.at(0) != "socketeer-files" || (parts.at(2) != "rw" && parts.at(2) != "ro"))
            return std::nullopt;
        const std::optional<qint64> version = parseNumber(parts.at(1));
        if (!version)
            return std::nullopt;
        return Reply{ReplyKind::Hello, *version, 0, parts.at(2) == "ro", {}, {}};
    }
    if (word == "OK" || word == "READY") {
        const std::optional<qint64> number = parseNumber(args);
        if (!number)
            return std::nullopt;
        return Reply{word == "OK" ? ReplyKind::Ok : ReplyKind::Ready, *number, 0, false, {}, {}};
    }
    if (word == "FILE") {
        const auto [sizeText, rest] = splitFirst(args);
        const auto [mtimeText, nameBytes] = splitFirst(rest);
        const std::optional<qint64> size = parseNumber(sizeText);
        const std::optional<qint64> mtime = parseNumber(mtimeText);
        const std::optional<QString> name = decodeUtf8(nameBytes);
        if (!size || !mtime || !name || name->isEmpty())
            return std::nullopt;
        return Reply{ReplyKind::File, *size, *mtime, false, *name, {}};
    }
    if (word == "END" || word == "DONE") {
        if (!isSha256Hex(args))
            return std::nullopt;
        return Reply{word == "END" ? ReplyKind::End : ReplyKind::Done, 0, 0, false, {}, args};
    }
    if (word == "ERR") {
        const auto [codeText, reasonBytes] = splitFirst(args);
        const std::optional<qint64> code = parseNumber(codeText);
        if (!code || codeText.size() != 3)
            return std::nullopt;
        return Reply{ReplyKind::Error, *code, 0, false, QString::fromUtf8(reasonBytes), {}};
    }
    if (word == "BYE" && args.isEmpty() && !line.contains(' '))
        return Reply{ReplyKind::Bye, 0, 0, false, {}, {}};
    return std::nullopt;
}

QByteArray formatReply(const Reply &reply)
{
    switch (reply.kind) {
    case ReplyKind::Hello:
        return "HELLO socketeer-files " + QByteArray::number(reply.number) + (reply.readOnly ? " ro\n" : " rw\n");
    case ReplyKind::Ok:
        return "OK " + QByteArray::number(reply.number) + '\n';
    case ReplyKind::Ready:
        return "READY " + QByteArray::number(reply.number) + '\n';
    case ReplyKind::File:
        return "FILE " + QByteArray::number(reply.number) + ' ' + QByteArray::number(reply.mtime) + ' '
            + reply.text.toUtf8() + '\n';
    case ReplyKind::End:
        return "END " + reply.sha256 + '\n';
    case ReplyKind::Done:
        return "DONE " + reply.sha256 + '\n';
    case ReplyKind::Error: {
        // One line whatever the reason says.
        QByteArray reason = reply.text.toUtf8();
        reason.replace('\n', ' ').replace('\r', ' ');
        return "ERR " + QByteArray::number(reply.number) + ' ' + reason + '\n';
    }
    case ReplyKind::Bye:
        return "BYE\n"_ba;
    }
    return {};
}

QByteArray errorLine(ErrorCode code, const QString &reason)
{
    return formatReply(Reply{ReplyKind::Error, qint64(code), 0, false, reason, {}});
}

} // namespace netcore::files

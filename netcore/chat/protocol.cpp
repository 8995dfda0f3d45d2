#include "netcore/chat/protocol.h"

#include <QStringDecoder>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace netcore::chat {
namespace {

struct Word {
    const char *text;
    Command command;
    bool fromClient;
    bool fromServer;
};

constexpr std::array kWords{
    Word{"NICK", Command::Nick, true, false},  Word{"OK", Command::Ok, false, true},
    Word{"ERR", Command::Err, false, true},    Word{"MSG", Command::Msg, true, true},
    Word{"TO", Command::To, true, false},      Word{"PRIV", Command::Priv, false, true},
    Word{"WHO", Command::Who, true, false},    Word{"USERS", Command::Users, false, true},
    Word{"JOIN", Command::Join, false, true},  Word{"LEAVE", Command::Leave, false, true},
    Word{"SYS", Command::Sys, false, true},    Word{"PING", Command::Ping, true, true},
    Word{"PONG", Command::Pong, true, true},   Word{"QUIT", Command::Quit, true, false},
};

const Word *findWord(QStringView token, Origin origin)
{
    for (const Word &word : kWords) {
        if (token.compare(QLatin1StringView(word.text), Qt::CaseInsensitive) == 0)
            return (origin == Origin::Client ? word.fromClient : word.fromServer) ? &word : nullptr;
    }
    return nullptr;
}

const char *wordFor(Command command)
{
    for (const Word &word : kWords) {
        if (word.command == command)
            return word.text;
    }
    return "";
}

Decoded failed(DecodeStatus status, const QString &detail)
{
    Decoded result;
    result.status = status;
    result.detail = detail;
    return result;
}

// Splits off the first space-separated word: returns it and leaves the rest (after one space) in `rest`.
QString takeWord(QString &rest)
{
    const qsizetype space = rest.indexOf(u' ');
    QString word = space < 0 ? rest : rest.left(space);
    rest = space < 0 ? QString() : rest.mid(space + 1);
    return word;
}

QString nameDetail(NameProblem problem)
{
    switch (problem) {
    case NameProblem::Empty: return u"a name is needed"_s;
    case NameProblem::TooLong: return u"names have at most 32 characters"_s;
    case NameProblem::Whitespace: return u"names cannot contain spaces"_s;
    case NameProblem::Control: return u"names cannot contain control characters"_s;
    case NameProblem::Reserved: return u"that name is reserved for the server operator"_s;
    case NameProblem::None: break;
    }
    return {};
}

// Parses the arguments of a known command; `rest` is everything after the command word and one space.
Decoded parseArguments(Command command, QString rest, Origin origin)
{
    Decoded result;
    result.status = DecodeStatus::Ok;
    Message &m = result.message;
    m.command = command;
    const auto needName = [&result](const QString &name) {
        const NameProblem problem = checkName(name);
        if (problem != NameProblem::None)
            result = failed(DecodeStatus::InvalidName, nameDetail(problem));
        return problem == NameProblem::None;
    };
    const auto needText = [&result](const QString &text) {
        if (text.isEmpty())
            result = failed(DecodeStatus::Malformed, u"the text is missing"_s);
        return !text.isEmpty();
    };
    const auto noArguments = [&result, &rest] {
        if (!rest.isEmpty())
            result = failed(DecodeStatus::Malformed, u"this command takes no arguments"_s);
        return rest.isEmpty();
    };

    switch (command) {
    case Command::Nick:
    case Command::Ok:
    case Command::Join:
        m.name = rest;
        needName(m.name);
        break;
    case Command::Leave:
        m.name = takeWord(rest);
        m.code = rest;
        if (needName(m.name) && (m.code.isEmpty() || m.code.contains(u' ')))
            result = failed(DecodeStatus::Malformed, u"LEAVE needs a name and one reason word"_s);
        break;
    case Command::Err:
        m.code = takeWord(rest);
        m.text = rest;
        if (m.code.isEmpty())
            result = failed(DecodeStatus::Malformed, u"ERR needs a code"_s);
        break;
    case Command::Msg:
        if (origin == Origin::Server) {
            m.name = takeWord(rest);
            if (!needName(m.name))
                break;
        }
        m.text = rest;
        needText(m.text);
        break;
    case Command::To:
        m.name = takeWord(rest);
        m.text = rest;
        if (needName(m.name))
            needText(m.text);
        break;
    case Command::Priv:
        m.name = takeWord(rest);
        m.target = takeWord(rest);
        m.text = rest;
        if (needName(m.name) && needName(m.target))
            needText(m.text);
        break;
    case Command::Users:
        m.names = rest.split(u' ', Qt::SkipEmptyParts);
        for (const QString &name : std::as_const(m.names)) {
            if (!needName(name))
                break;
        }
        break;
    case Command::Sys:
        m.text = rest;
        needText(m.text);
        break;
    case Command::Ping:
    case Command::Pong:
    case Command::Quit:
        m.text = rest;
        break;
    case Command::Who:
        noArguments();
        break;
    }
    return result;
}

// A control character other than TAB (a chat text must not hold one).
bool isControlCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t') || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029;
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), isControlCharacter);
}

} // namespace

QString operatorName()
{
    return u"管理员"_s;
}

QString withoutControlCharacters(QString text)
{
    for (QChar &c : text) {
        if (isControlCharacter(c))
            c = u' ';
    }
    return text;
}

NameProblem checkName(const QString &name)
{
    if (name.isEmpty())
        return NameProblem::Empty;
    if (name.toUcs4().size() > kMaxNameLength)
        return NameProblem::TooLong;
    if (hasControlCharacters(name) || name.contains(u'\t'))
        return NameProblem::Control;
    for (const QChar c : name) {
        if (c.isSpace())
            return NameProblem::Whitespace;
        if (c.category() == QChar::Other_Format || c.category() == QChar::Other_NotAssigned)
            return NameProblem::Control;
    }
    if (name.contains(operatorName()))
        return NameProblem::Reserved;
    return NameProblem::None;
}

Decoded decode(QByteArrayView line, Origin origin)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.size() > maxLineBytes(origin))
        return failed(DecodeStatus::TooLong, u"lines have at most %1 bytes"_s.arg(maxLineBytes(origin)));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(line);
    if (utf8.hasError())
        return failed(DecodeStatus::InvalidUtf8, u"the line is not valid UTF-8"_s);
    if (text.trimmed().isEmpty())
        return failed(DecodeStatus::Empty, {});
    const QString word = takeWord(text);
    const Word *known = findWord(word, origin);
    if (!known)
        return failed(DecodeStatus::UnknownCommand, u"unknown command: "_s + word.left(32));
    if (hasControlCharacters(text))
        return failed(DecodeStatus::Malformed, u"control characters are not allowed"_s);
    return parseArguments(known->command, text, origin);
}

QByteArray encode(const Message &m, Origin origin)
{
    QString line = QLatin1StringView(wordFor(m.command));
    const auto add = [&line](const QString &part) {
        if (!part.isEmpty())
            line += u' ' + part;
    };
    switch (m.command) {
    case Command::Nick:
    case Command::Ok:
    case Command::Join:
        add(m.name);
        break;
    case Command::Leave:
        add(m.name);
        add(m.code);
        break;
    case Command::Err:
        add(m.code);
        add(m.text);
        break;
    case Command::Msg:
        if (origin == Origin::Server)
            add(m.name);
        line += u' ' + m.text;
        break;
    case Command::To:
        add(m.name);
        line += u' ' + m.text;
        break;
    case Command::Priv:
        add(m.name);
        add(m.target);
        line += u' ' + m.text;
        break;
    case Command::Users:
        for (const QString &name : m.names)
            add(name);
        break;
    case Command::Sys:
        line += u' ' + m.text;
        break;
    case Command::Ping:
    case Command::Pong:
    case Command::Quit:
        add(m.text);
        break;
    case Command::Who:
        break;
    }
    Q_ASSERT(decode(line.toUtf8(), origin).status == DecodeStatus::Ok);
    return line.toUtf8() + '\n';
}

const char *errorCode(DecodeStatus status)
{
    switch (status) {
    case DecodeStatus::UnknownCommand: return codes::UnknownCommand;
    case DecodeStatus::Malformed: return codes::Malformed;
    case DecodeStatus::InvalidUtf8: return codes::InvalidUtf8;
    case DecodeStatus::InvalidName: return codes::NameInvalid;
    case DecodeStatus::TooLong: return codes::LineTooLong;
    case DecodeStatus::Ok:
    case DecodeStatus::Empty: break;
    }
    return "";
}

const char *leaveReasonToken(LeaveReason reason)
{
    switch (reason) {
    case LeaveReason::Quit: return "quit";
    case LeaveReason::Lost: return "lost";
    case LeaveReason::Timeout: return "timeout";
    case LeaveReason::TooSlow: return "too-slow";
    case LeaveReason::Shutdown: return "shutdown";
    case LeaveReason::Count: break;
    }
    return "lost";
}

std::optional<LeaveReason> leaveReasonFromToken(QStringView token)
{
    for (int i = 0; i < int(LeaveReason::Count); ++i) {
        if (token == QLatin1StringView(leaveReasonToken(LeaveReason(i))))
            return LeaveReason(i);
    }
    return std::nullopt;
}

// --- LineBuffer ---

LineBuffer::LineBuffer(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{
}

void LineBuffer::append(QByteArrayView bytes)
{
    m_buffer.append(bytes.data(), bytes.size());
}

void LineBuffer::clear()
{
    m_buffer.clear();
    m_pos = 0;
    m_scanned = 0;
    m_discarding = false;
}

void LineBuffer::compact()
{
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 4096 && m_pos > m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
}

LineBuffer::Result LineBuffer::next()
{
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', m_pos + m_scanned);
        if (m_discarding) {
            // Skip the rest of an overlong line, already reported.
            if (newline < 0) {
                m_buffer.clear();
                m_pos = 0;
                m_scanned = 0;
                return {};
            }
            m_pos = newline + 1;
            m_scanned = 0;
            m_discarding = false;
            compact();
            continue;
        }
        if (newline < 0) {
            m_scanned = m_buffer.size() - m_pos;
            // One extra byte may still be the "\r" of a line of exactly the maximum length.
            if (m_scanned > m_maxLineBytes + 1) {
                m_discarding = true;
                m_buffer.clear();
                m_pos = 0;
                m_scanned = 0;
                return {common::FrameStatus::TooLarge, {}};
            }
            return {};
        }
        qsizetype length = newline - m_pos;
        if (length > 0 && m_buffer.at(newline - 1) == '\r')
            --length;
        Result result;
        if (length > m_maxLineBytes) {
            result.status = common::FrameStatus::TooLarge;
        } else {
            result.status = common::FrameStatus::Ok;
            result.line = m_buffer.mid(m_pos, length);
        }
        m_pos = newline + 1;
        m_scanned = 0;
        compact();
        return result;
    }
}

} // namespace netcore::chat

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

// A command's form, as the protocol document writes it (for ERR malformed reasons).
QString usage(Command command, Origin origin)
{
    switch (command) {
    case Command::Nick: return u"NICK <name>"_s;
    case Command::Ok: return u"OK <name>"_s;
    case Command::Join: return u"JOIN <name>"_s;
    case Command::Leave: return u"LEAVE <name> <reason>"_s;
    case Command::Err: return u"ERR <code> [<reason>]"_s;
    case Command::Msg: return origin == Origin::Server ? u"MSG <from> <text>"_s : u"MSG <text>"_s;
    case Command::To: return u"TO <name> <text>"_s;
    case Command::Priv: return u"PRIV <from> <to> <text>"_s;
    case Command::Users: return u"USERS [<name> ...]"_s;
    case Command::Sys: return u"SYS <text>"_s;
    case Command::Ping: return u"PING [<token>]"_s;
    case Command::Pong: return u"PONG [<token>]"_s;
    case Command::Quit: return u"QUIT [<reason>]"_s;
    case Command::Who: return u"WHO"_s;
    }
    return {};
}

QString codePointString(char32_t c)
{
    return u"U+%1"_s.arg(uint(c), 4, 16, QChar(u'0')).toUpper();
}

// Parses the arguments of a known command; `rest` is everything after the command word and one space.
Decoded parseArguments(Command command, QString rest, Origin origin)
{
    Decoded result;
    result.status = DecodeStatus::Ok;
    Message &m = result.message;
    m.command = command;
    // Names are kept in NFC: "Jose\u0301" and "Jos\u00e9" are one name, relayed as the latter.
    const auto needName = [&result](QString &name) {
        name = normalizedName(name);
        const NameProblem problem = checkName(name);
        if (problem != NameProblem::None)
            result = failed(DecodeStatus::InvalidName, nameProblemDetail(name));
        return problem == NameProblem::None;
    };
    // A malformed line's reason names the command's form and what is wrong with it.
    const auto malformed = [&result, command, origin](const QString &what) {
        result = failed(DecodeStatus::Malformed, usage(command, origin) + u": "_s + what);
    };
    const auto needText = [&malformed](const QString &text) {
        const bool blank = text.trimmed().isEmpty();
        if (blank)
            malformed(text.isEmpty() ? u"the text is missing"_s : u"the text is only spaces"_s);
        return !blank;
    };
    const auto noArguments = [&malformed, &rest] {
        if (!rest.isEmpty())
            malformed(u"this command takes no arguments"_s);
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
            malformed(u"it needs a name and one reason word"_s);
        break;
    case Command::Err:
        m.code = takeWord(rest);
        m.text = rest;
        if (m.code.isEmpty())
            malformed(u"the code is missing"_s);
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
        for (QString &name : m.names) {
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

QString normalizedName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C);
}

QString nameKey(const QString &name)
{
    return common::nameKey(name);
}

NameProblem checkName(const QString &name)
{
    const common::NameCheck check = common::checkName(name);
    switch (check.problem) {
    case common::NameProblem::None: break;
    case common::NameProblem::Empty: return NameProblem::Empty;
    case common::NameProblem::Control: return NameProblem::Control;
    case common::NameProblem::Invisible: return NameProblem::Invisible;
    case common::NameProblem::Bidi: return NameProblem::Bidi;
    case common::NameProblem::Unassigned:
    case common::NameProblem::Count: return NameProblem::Unassigned;
    }
    const QString &n = check.name;
    if (n.toUcs4().size() > kMaxNameLength)
        return NameProblem::TooLong;
    if (std::any_of(n.cbegin(), n.cend(), [](QChar c) { return c.isSpace(); }))
        return NameProblem::Whitespace;
    if (n.contains(operatorName()))
        return NameProblem::Reserved;
    return NameProblem::None;
}

QString nameProblemDetail(const QString &name)
{
    const common::NameCheck check = common::checkName(name);
    const QString where = check.offset >= 0
        ? u" ("_s + codePointString(check.codePoint) + u" at character "_s
              + QString::number(QStringView(check.name).left(check.offset).toUcs4().size() + 1) + u')'
        : QString();
    switch (checkName(name)) {
    case NameProblem::Empty: return u"a name is needed"_s;
    case NameProblem::TooLong: return u"names have at most %1 characters"_s.arg(kMaxNameLength);
    case NameProblem::Whitespace: return u"names cannot contain spaces"_s;
    case NameProblem::Control: return u"names cannot contain control characters"_s + where;
    case NameProblem::Invisible: return u"names cannot contain invisible characters"_s + where;
    case NameProblem::Bidi: return u"names cannot contain text-direction controls"_s + where;
    case NameProblem::Unassigned: return u"names cannot contain code points that are not characters"_s + where;
    case NameProblem::Reserved: return u"that name is reserved for the server operator"_s;
    case NameProblem::None: break;
    }
    return {};
}

QStringList safeLines(const QString &text)
{
    QStringList lines;
    QString line;
    const auto endLine = [&lines, &line] {
        if (!line.trimmed().isEmpty())
            lines.append(line);
        line.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\n' || c == u'\r' || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0x0b || c == 0x0c) {
            endLine();   // CRLF ends one line: the LF then ends an empty one, which is dropped
        } else if (c == 0x1b || c == 0x9b) {
            // A terminal escape: ESC [ (or CSI) parameters and intermediates up to the final byte 0x40-0x7E;
            // ESC ] ... (OSC) up to BEL or ESC \; any other ESC with the one character after it.
            qsizetype j = i + 1;
            const bool csi = c == 0x9b || (j < text.size() && text.at(j) == u'[');
            const bool osc = c == 0x1b && j < text.size() && text.at(j) == u']';
            if (c == 0x1b && j < text.size())
                ++j;
            if (csi) {
                while (j < text.size() && text.at(j).unicode() >= 0x20 && text.at(j).unicode() <= 0x3f)
                    ++j;
                if (j < text.size() && text.at(j).unicode() >= 0x40 && text.at(j).unicode() <= 0x7e)
                    ++j;
            } else if (osc) {
                while (j < text.size() && text.at(j) != u'\a' && text.at(j) != QChar(0x1b))
                    ++j;
                if (j < text.size())
                    j += text.at(j) == u'\a' ? 1 : 2;
            }
            i = std::min(j, text.size()) - 1;
        } else if (!isControlCharacter(text.at(i))) {
            line += text.at(i);
        }
    }
    endLine();
    return lines;
}

namespace {

// The start of an unknown command word as the ERR line may quote it: control characters (an ANSI escape, a stray CR)
// written as their code points, so the answer is itself a valid line and never drives the peer's terminal.
QString shownWord(const QString &word)
{
    QString shown;
    for (const QChar c : word.left(32))
        shown += isControlCharacter(c) ? codePointString(c.unicode()) : QString(c);
    return shown;
}

} // namespace

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
        return failed(DecodeStatus::UnknownCommand, u"unknown command: "_s + shownWord(word));
    if (const auto bad = std::find_if(text.cbegin(), text.cend(), isControlCharacter); bad != text.cend())
        return failed(DecodeStatus::Malformed,
                      u"control character "_s + codePointString(bad->unicode()) + u" is not allowed (only TAB is)"_s);
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

#include "netcore/chat/classic.h"

#include "netcore/chat/protocol.h"

#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace netcore::chat::classic {
namespace {

std::optional<Request> fail(ParseError *error, ParseError why)
{
    if (error)
        *error = why;
    return std::nullopt;
}

} // namespace

std::optional<Request> parseRequest(QByteArrayView datagram, ParseError *error)
{
    if (error)
        *error = ParseError::None;
    if (datagram.size() > kMaxDatagramBytes)
        return fail(error, ParseError::TooLong);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(datagram);
    if (utf8.hasError())
        return fail(error, ParseError::InvalidUtf8);
    // Some student clients send a trailing newline; none of the servers wanted one.
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    if (text.isEmpty())
        return fail(error, ParseError::Empty);
    Request request;
    const QChar letter = text.at(0);
    if (text.size() > 1 && text.at(1) != u' ')
        return fail(error, ParseError::UnknownKind);
    // Letters are case-insensitive, like the native protocol's command words ("c name hi" is a chat).
    switch (letter.toUpper().unicode()) {
    case u'L': request.kind = RequestKind::Login; request.word = 'L'; break;
    case u'C': request.kind = RequestKind::Chat; request.word = 'C'; break;
    case u'Q': request.kind = RequestKind::Quit; request.word = 'Q'; break;
    case u'E': request.kind = RequestKind::Quit; request.word = 'E'; break;
    default: return fail(error, ParseError::UnknownKind);
    }
    const QString rest = text.mid(2);
    if (request.kind == RequestKind::Chat) {
        const qsizetype space = rest.indexOf(u' ');
        request.name = space < 0 ? rest : rest.left(space);
        request.text = space < 0 ? QString() : rest.mid(space + 1);
    } else {
        request.name = rest.trimmed();
    }
    // A quit without a name is still a quit: users are keyed by address.
    if (request.name.isEmpty() && request.kind != RequestKind::Quit)
        return fail(error, ParseError::MissingName);
    return request;
}

QByteArray loginRequest(const QString &name)
{
    return "L " + name.toUtf8();
}

QByteArray chatRequest(const QString &name, const QString &text)
{
    return "C " + name.toUtf8() + ' ' + text.toUtf8();
}

QByteArray quitRequest(const QString &name, QuitWord word)
{
    return (word == QuitWord::E ? "E " : "Q ") + name.toUtf8();
}

QByteArray okReply()
{
    return "OK"_ba;
}

QByteArray failReply()
{
    return "FAIL"_ba;
}

QByteArray exitReply()
{
    return "EXIT"_ba;
}

QByteArray welcomeNotice(const QString &name)
{
    return (u"\n欢迎 "_s + name + u" 进入聊天室"_s).toUtf8();
}

QByteArray chatNotice(const QString &from, const QString &text)
{
    return (u'\n' + from + u" : "_s + text).toUtf8();
}

QByteArray privateNotice(const QString &from, const QString &text)
{
    return (u'\n' + from + u" 私聊: "_s + text).toUtf8();
}

QByteArray leaveNotice(const QString &name)
{
    return (u'\n' + name + u" 退出了聊天室"_s).toUtf8();
}

LoginAnswer classifyLoginReply(const QString &reply)
{
    const QString answer = reply.trimmed();
    if (answer.compare("OK"_L1, Qt::CaseInsensitive) == 0)
        return LoginAnswer::Accepted;
    if (answer.compare("FAIL"_L1, Qt::CaseInsensitive) == 0 || answer.contains(u"存在"_s))
        return LoginAnswer::NameTaken;
    return LoginAnswer::Refused;
}

Notice parseNotice(const QString &datagram)
{
    static const QRegularExpression join(u"^欢迎\\s*(\\S+?)\\s*进入了?聊天室[!！。]?$"_s);
    static const QRegularExpression leave(u"^(\\S+?)\\s*(?:退出|离开)了?聊天室[!！。]?$"_s);
    static const QRegularExpression privateChat(u"^(\\S+?)\\s*私聊\\s*[:：]\\s?(.*)$"_s,
                                                QRegularExpression::DotMatchesEverythingOption);
    // "name : text" (the usual form) first, so a colon inside a name does not split it.
    static const QRegularExpression spacedChat(u"^(\\S+) [:：] ?(.*)$"_s, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression chat(u"^(\\S+?)\\s*(?:说\\s*)?[:：]\\s?(.*)$"_s,
                                         QRegularExpression::DotMatchesEverythingOption);
    Notice notice;
    QString text = datagram;
    while (text.startsWith(u'\n') || text.startsWith(u'\r'))
        text.remove(0, 1);
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    if (text == "EXIT"_L1) {
        notice.kind = Notice::Kind::Exit;
        return notice;
    }
    QRegularExpressionMatch m;
    if (m = join.match(text); m.hasMatch()) {
        notice.kind = Notice::Kind::Join;
        notice.name = m.captured(1);
    } else if (m = leave.match(text); m.hasMatch()) {
        notice.kind = Notice::Kind::Leave;
        notice.name = m.captured(1);
    } else if (m = privateChat.match(text); m.hasMatch()) {
        notice.kind = Notice::Kind::Private;
        notice.name = m.captured(1);
        notice.text = m.captured(2);
    } else if ((m = spacedChat.match(text)).hasMatch() || (m = chat.match(text)).hasMatch()) {
        notice.name = m.captured(1);
        notice.text = m.captured(2);
        notice.kind = notice.name == operatorName() ? Notice::Kind::Operator : Notice::Kind::Chat;
    } else {
        notice.text = text;
    }
    return notice;
}

} // namespace netcore::chat::classic

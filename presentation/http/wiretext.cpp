#include "presentation/http/wiretext.h"

#include <QJsonDocument>
#include <QList>
#include <QStringView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace presentation::http {

QString prettyJson(const QByteArray &bytes)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return {};
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

namespace {

struct HtmlToken
{
    enum class Kind { Text, Open, Close, SelfContained } kind = Kind::Text;
    QString text;   // the token as written (tags) or with its whitespace collapsed (text)
    QString name;   // lower-case element name for tags
};

QString tagName(QStringView tag)
{
    qsizetype i = tag.startsWith(u"</") ? 2 : 1;
    const qsizetype start = i;
    while (i < tag.size() && (tag.at(i).isLetterOrNumber() || tag.at(i) == u'-' || tag.at(i) == u':'))
        ++i;
    return tag.mid(start, i - start).toString().toLower();
}

bool isVoidElement(const QString &name)
{
    static const QStringList voids{u"area"_s, u"base"_s, u"br"_s, u"col"_s, u"embed"_s, u"hr"_s, u"img"_s,
                                   u"input"_s, u"link"_s, u"meta"_s, u"source"_s, u"track"_s, u"wbr"_s};
    return voids.contains(name);
}

bool isRawTextElement(const QString &name)
{
    return name == u"script"_s || name == u"style"_s || name == u"pre"_s || name == u"textarea"_s;
}

// Splits markup into tags and text; the body of a raw-text element becomes one verbatim Text token.
QList<HtmlToken> tokenizeHtml(const QString &text)
{
    QList<HtmlToken> tokens;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) != u'<' || i + 1 >= text.size()
            || !(text.at(i + 1).isLetter() || text.at(i + 1) == u'/' || text.at(i + 1) == u'!' || text.at(i + 1) == u'?')) {
            qsizetype next = text.indexOf(u'<', i + 1);
            if (next < 0)
                next = text.size();
            const QString run = text.mid(i, next - i).simplified();
            if (!run.isEmpty())
                tokens.append({HtmlToken::Kind::Text, run, {}});
            i = next;
            continue;
        }
        if (QStringView(text).mid(i).startsWith(u"<!--")) {
            const qsizetype end = text.indexOf(u"-->", i + 4);
            const qsizetype stop = end < 0 ? text.size() : end + 3;
            tokens.append({HtmlToken::Kind::SelfContained, text.mid(i, stop - i), {}});
            i = stop;
            continue;
        }
        // a tag ends at the first '>' outside quotes
        qsizetype j = i + 1;
        QChar quote;
        while (j < text.size()) {
            const QChar c = text.at(j);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                break;
            }
            ++j;
        }
        const qsizetype stop = qMin(j + 1, text.size());
        const QString tag = text.mid(i, stop - i);
        const QString name = tagName(tag);
        i = stop;
        if (tag.startsWith(u"</")) {
            tokens.append({HtmlToken::Kind::Close, tag, name});
        } else if (tag.startsWith(u"<!") || tag.startsWith(u"<?") || tag.endsWith(u"/>") || isVoidElement(name)) {
            tokens.append({HtmlToken::Kind::SelfContained, tag, name});
        } else {
            tokens.append({HtmlToken::Kind::Open, tag, name});
            if (isRawTextElement(name)) {
                const qsizetype end = text.indexOf(u"</" + name, i, Qt::CaseInsensitive);
                const qsizetype bodyEnd = end < 0 ? text.size() : end;
                const QString body = text.mid(i, bodyEnd - i);
                if (!body.trimmed().isEmpty())
                    tokens.append({HtmlToken::Kind::SelfContained, body, u"#raw"_s});
                i = bodyEnd;
            }
        }
    }
    return tokens;
}

} // namespace

QString prettyHtml(const QString &text)
{
    const QList<HtmlToken> tokens = tokenizeHtml(text);
    const bool markup = std::any_of(tokens.cbegin(), tokens.cend(),
                                    [](const HtmlToken &t) { return t.kind != HtmlToken::Kind::Text; });
    if (!markup)
        return {};
    QString out;
    QStringList open;   // names of the elements the current line is inside
    // indentation stops growing at some depth: a page of a million unclosed <div>s must not need terabytes
    constexpr qsizetype kMaxIndentLevels = 32;
    auto line = [&](const QString &content) {
        out += QString(qMin(open.size(), kMaxIndentLevels) * 2, u' ') + content + u'\n';
    };
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        const HtmlToken &token = tokens.at(k);
        switch (token.kind) {
        case HtmlToken::Kind::Open: {
            // <title>text</title> and <a ...></a> stay on one line
            const bool textThenClose = k + 2 < tokens.size() && tokens.at(k + 1).kind == HtmlToken::Kind::Text
                && tokens.at(k + 2).kind == HtmlToken::Kind::Close && tokens.at(k + 2).name == token.name;
            if (textThenClose) {
                line(token.text + tokens.at(k + 1).text + tokens.at(k + 2).text);
                k += 2;
            } else if (k + 1 < tokens.size() && tokens.at(k + 1).kind == HtmlToken::Kind::Close
                       && tokens.at(k + 1).name == token.name) {
                line(token.text + tokens.at(k + 1).text);
                k += 1;
            } else {
                line(token.text);
                open.append(token.name);
            }
            break;
        }
        case HtmlToken::Kind::Close: {
            // close up to the matching element among the innermost few; a stray closing tag changes nothing but
            // its own line (and costs no scan of a hostile page's whole stack)
            constexpr qsizetype kSearchLevels = 64;
            for (qsizetype at = open.size() - 1; at >= 0 && at >= open.size() - kSearchLevels; --at) {
                if (open.at(at) == token.name) {
                    open.resize(at);
                    break;
                }
            }
            line(token.text);
            break;
        }
        case HtmlToken::Kind::SelfContained:
            if (token.name == u"#raw"_s)
                out += token.text.endsWith(u'\n') ? token.text : token.text + u'\n';
            else
                line(token.text);
            break;
        case HtmlToken::Kind::Text:
            line(token.text);
            break;
        }
    }
    return out;
}

} // namespace presentation::http

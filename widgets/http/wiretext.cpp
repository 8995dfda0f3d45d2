#include "http/wiretext.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace widgets::http {

QString visibleBytes(const QByteArray &bytes)
{
    QString text;
    QByteArray run;
    auto flush = [&] {
        text += QString::fromUtf8(run);
        run.clear();
    };
    for (const char c : bytes) {
        const auto u = uchar(c);
        if (c == '\r') {
            flush();
            text += u"\\r"_s;
        } else if (c == '\n') {
            flush();
            text += u"\\n\n"_s;
        } else if (c == '\t') {
            flush();
            text += u"\\t"_s;
        } else if (c == '\\') {
            flush();
            text += u"\\\\"_s;
        } else if (u < 0x20 || u == 0x7f) {
            flush();
            text += u"\\x"_s + QString::number(u, 16).rightJustified(2, u'0');
        } else {
            run += c;
        }
    }
    flush();
    return text;
}

QString hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    QString text;
    const qsizetype shown = qMin(bytes.size(), maxBytes);
    for (qsizetype row = 0; row < shown; row += 16) {
        QString hex;
        QString ascii;
        for (qsizetype i = row; i < row + 16; ++i) {
            if (i < shown) {
                const auto u = uchar(bytes.at(i));
                hex += QString::number(u, 16).rightJustified(2, u'0') + u' ';
                ascii += (u >= 0x20 && u < 0x7f) ? QChar(char16_t(u)) : QChar(u'.');
            } else {
                hex += u"   "_s;
            }
            if (i == row + 7)
                hex += u' ';
        }
        text += QString::number(row, 16).rightJustified(8, u'0') + u"  "_s + hex + u" |"_s + ascii + u"|\n"_s;
    }
    if (shown < bytes.size())
        text += u"... (%1 more bytes)\n"_s.arg(bytes.size() - shown);
    return text;
}

QString prettyJson(const QByteArray &bytes)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return {};
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace widgets::http

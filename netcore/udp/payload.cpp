#include "netcore/udp/payload.h"

#include "netcore/common/escapes.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace netcore::udp {
namespace {

std::nullopt_t fail(PayloadError *error, qsizetype position, PayloadErrorCode code, const QStringList &args = {},
                    int sysError = 0)
{
    if (error)
        *error = PayloadError{position, code, args, sysError};
    return std::nullopt;
}

} // namespace

std::optional<QByteArray> Payload::fromHex(const QString &text, PayloadError *error)
{
    QByteArray out;
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    if (i + 1 < text.size() && text.at(i) == u'0' && (text.at(i + 1) == u'x' || text.at(i + 1) == u'X'))
        i += 2;
    int high = -1;
    qsizetype highPosition = -1;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == u':' || c == u'-') {
            if (high >= 0)
                return fail(error, highPosition, PayloadErrorCode::HexByteIncomplete);
            continue;
        }
        const int value = common::hexDigitValue(c);
        if (value < 0)
            return fail(error, i, PayloadErrorCode::NotHexDigit, {QString(c)});
        if (high < 0) {
            high = value;
            highPosition = i;
        } else {
            out += char(high * 16 + value);
            high = -1;
        }
    }
    if (high >= 0)
        return fail(error, highPosition, PayloadErrorCode::HexByteIncomplete);
    return out;
}

std::optional<QByteArray> Payload::fromFile(const QString &path, PayloadError *error, qsizetype maxSize)
{
    QFile file(path);
    if (!QFileInfo(path).isFile())
        return fail(error, -1, PayloadErrorCode::NotAFile, {path});
    errno = 0;
    if (!file.open(QIODevice::ReadOnly)) {
        const int sysError = errno;
        return fail(error, -1, PayloadErrorCode::CannotOpen, {path, file.errorString()}, sysError);
    }
    if (file.size() > maxSize)
        return fail(error, -1, PayloadErrorCode::FileTooLarge, {path, QString::number(file.size()), QString::number(maxSize)});
    QByteArray bytes = file.read(maxSize + 1);
    if (bytes.size() > maxSize) // a file that grew, or a device that reports no size
        return fail(error, -1, PayloadErrorCode::FileTooLarge, {path, u"-1"_s, QString::number(maxSize)});
    return bytes;
}

} // namespace netcore::udp

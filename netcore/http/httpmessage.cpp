#include "netcore/http/httpmessage.h"

using namespace Qt::StringLiterals;

namespace netcore::http {

QByteArray HttpMessage::headerValue(QByteArrayView name) const
{
    for (const Header &header : headers) {
        if (QByteArrayView(header.name).compare(name, Qt::CaseInsensitive) == 0)
            return header.value;
    }
    return {};
}

QByteArray HttpMessage::versionString() const
{
    return "HTTP/"_ba + QByteArray::number(versionMajor) + '.' + QByteArray::number(versionMinor);
}

QByteArray HttpMessage::startLine() const
{
    qsizetype end = headBytes.indexOf('\n');
    if (end < 0)
        end = headBytes.size();
    QByteArray line = headBytes.left(end);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool responseHasNoBody(QByteArrayView requestMethod, int statusCode)
{
    if (requestMethod.compare("HEAD", Qt::CaseInsensitive) == 0)
        return true;
    if (statusCode / 100 == 1 || statusCode == 204 || statusCode == 304)
        return true;
    return requestMethod.compare("CONNECT", Qt::CaseInsensitive) == 0 && statusCode / 100 == 2;
}

int statusClass(int statusCode)
{
    return statusCode >= 100 && statusCode <= 599 ? statusCode / 100 : 0;
}

} // namespace netcore::http

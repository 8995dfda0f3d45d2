#include "netcore/http/requestbuilder.h"

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool named(const QList<Header> &headers, QByteArrayView name)
{
    for (const Header &header : headers) {
        if (QByteArrayView(header.name).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool listed(const QList<QByteArray> &names, QByteArrayView name)
{
    for (const QByteArray &n : names) {
        if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', "'\\''"_L1);
    return u'\'' + quoted + u'\'';
}

} // namespace

QList<QByteArray> courseMethods()
{
    return {"GET"_ba, "POST"_ba, "HEAD"_ba, "PUT"_ba, "DELETE"_ba, "CONNECT"_ba, "TRACE"_ba, "OPTIONS"_ba};
}

bool isValidMethodToken(QByteArrayView method)
{
    if (method.isEmpty() || method.size() > 32)
        return false;
    for (char c : method) {
        if (!isTchar(c))
            return false;
    }
    return true;
}

quint16 defaultPort(const QUrl &url)
{
    return url.scheme().compare("https"_L1, Qt::CaseInsensitive) == 0 ? 443 : 80;
}

QByteArray requestTarget(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

QByteArray hostHeaderValue(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = url.port(-1);
    if (port >= 0 && port != defaultPort(url))
        host += ':' + QByteArray::number(port);
    return host;
}

QByteArray userAgent()
{
    return "Socketeer/"_ba + SOCKETEER_VERSION;
}

QList<Header> automaticHeaders(const RequestSpec &spec)
{
    QList<Header> all;
    all.append({"Host"_ba, hostHeaderValue(spec.url)});
    all.append({"User-Agent"_ba, userAgent()});
    all.append({"Accept"_ba, "*/*"_ba});
    const bool bodyExpected = spec.method == "POST" || spec.method == "PUT" || spec.method == "PATCH";
    if (!spec.body.isEmpty() || bodyExpected)
        all.append({"Content-Length"_ba, QByteArray::number(spec.body.size())});
    if (spec.version == HttpVersion::Http10)
        all.append({"Connection"_ba, "close"_ba});
    QList<Header> result;
    for (const Header &header : std::as_const(all)) {
        if (!named(spec.headers, header.name) && !listed(spec.omitted, header.name))
            result.append(header);
    }
    return result;
}

QByteArray buildRequest(const RequestSpec &spec)
{
    QByteArray bytes = spec.method + ' ' + requestTarget(spec.url) + ' '
                       + (spec.version == HttpVersion::Http10 ? "HTTP/1.0"_ba : "HTTP/1.1"_ba) + "\r\n";
    for (const Header &header : automaticHeaders(spec))
        bytes += header.name + ": " + header.value + "\r\n";
    for (const Header &header : spec.headers)
        bytes += header.name + ": " + header.value + "\r\n";
    bytes += "\r\n";
    bytes += spec.body;
    return bytes;
}

QString curlCommand(const RequestSpec &spec, bool insecure)
{
    QStringList parts{u"curl"_s, u"-v"_s};
    if (spec.version == HttpVersion::Http10)
        parts << u"--http1.0"_s;
    if (insecure)
        parts << u"--insecure"_s;
    if (spec.method == "HEAD")
        parts << u"--head"_s;
    else if (spec.method != "GET" || !spec.body.isEmpty())
        parts << u"-X"_s << shellQuote(QString::fromLatin1(spec.method));
    for (const Header &header : spec.headers)
        parts << u"-H"_s << shellQuote(QString::fromLatin1(header.name + ": " + header.value));
    for (const QByteArray &name : spec.omitted)
        parts << u"-H"_s << shellQuote(QString::fromLatin1(name + ':'));
    if (!spec.body.isEmpty())
        parts << u"--data-binary"_s << shellQuote(QString::fromUtf8(spec.body));
    parts << shellQuote(spec.url.toString(QUrl::FullyEncoded));
    return parts.join(u' ');
}

} // namespace netcore::http

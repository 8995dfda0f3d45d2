#include "netcore/common/components.h"

#include <QSslSocket>
#include <QtGlobal>

#include <llhttp.h>
#include <openssl/crypto.h>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace netcore::common {

QList<Component> components()
{
    QList<Component> list{
        {u"Qt"_s, QString::fromLatin1(qVersion()), u"LGPL-3.0-only"_s, u"https://www.qt.io/licensing/"_s},
        {u"OpenSSL"_s, QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)), u"Apache-2.0"_s,
         u"https://www.openssl.org/source/license.html"_s},
        {u"llhttp"_s,
         u"%1.%2.%3"_s.arg(LLHTTP_VERSION_MAJOR).arg(LLHTTP_VERSION_MINOR).arg(LLHTTP_VERSION_PATCH),
         u"MIT"_s, u"https://github.com/nodejs/llhttp/blob/main/LICENSE-MIT"_s},
        {u"zlib"_s, QString::fromLatin1(zlibVersion()), u"Zlib"_s, u"https://zlib.net/zlib_license.html"_s},
    };
    if (QSslSocket::supportsSsl()) {
        list.append({u"Qt TLS backend"_s, QSslSocket::activeBackend() + u" / "_s + QSslSocket::sslLibraryVersionString(),
                     u"LGPL-3.0-only"_s, u"https://doc.qt.io/qt-6/ssl.html"_s});
    }
    return list;
}

} // namespace netcore::common

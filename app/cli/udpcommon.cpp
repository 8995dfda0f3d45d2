#include "app/cli/udpcommon.h"

#include "app/cli/cli.h"
#include "app/cli/output.h"

#include <QHostInfo>

using namespace Qt::StringLiterals;

namespace app::cli {

QHostAddress resolveUdpHost(const QString &text, QString *error)
{
    if (text == "<broadcast>"_L1)
        return QHostAddress(QHostAddress::Broadcast);
    QHostAddress address;
    if (address.setAddress(text))
        return address;
    const QHostInfo info = QHostInfo::fromName(text);
    QHostAddress fallback;
    for (const QHostAddress &candidate : info.addresses()) {
        if (candidate.protocol() == QAbstractSocket::IPv4Protocol)
            return candidate;
        if (fallback.isNull())
            fallback = candidate;
    }
    if (fallback.isNull())
        *error = Udp::tr("cannot resolve host '%1': %2").arg(text, info.errorString());
    return fallback;
}

} // namespace app::cli

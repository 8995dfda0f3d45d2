#include "netcore/lookup/firewall.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace netcore::lookup {

Firewall detectFirewall(const QString &root)
{
    const QDir base(root);
    QFile ufw(base.filePath(u"etc/ufw/ufw.conf"_s));
    if (ufw.open(QIODevice::ReadOnly)) {
        static const QRegularExpression enabled(u"^\\s*ENABLED\\s*=\\s*\"?yes\"?\\s*$"_s,
                                                QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
        if (enabled.match(QString::fromUtf8(ufw.read(64 * 1024))).hasMatch())
            return Firewall::Ufw;
    }
    for (const QString &pid : {u"run/firewalld.pid"_s, u"var/run/firewalld.pid"_s})
        if (QFileInfo::exists(base.filePath(pid)))
            return Firewall::Firewalld;
    return Firewall::None;
}

} // namespace netcore::lookup

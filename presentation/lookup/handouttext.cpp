#include "presentation/lookup/handouttext.h"

#include "netcore/lookup/handout.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace presentation::lookup {
namespace {

// lupdate reads the context from this class: presentation::lookup::HandoutText.
struct HandoutText {
    Q_DECLARE_TR_FUNCTIONS(presentation::lookup::HandoutText)
};

bool isEveryAddress(const QHostAddress &address)
{
    return address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
}

} // namespace

QStringList handoutEndpoints(const QList<netcore::lookup::InterfaceInfo> &interfaces, const QHostAddress &bound,
                             quint16 port)
{
    if (!isEveryAddress(bound))
        return bound.isNull() || bound.isLoopback() ? QStringList{} : QStringList{netcore::lookup::handoutEndpoint(bound, port)};
    const bool v4Only = bound == QHostAddress::AnyIPv4;
    QStringList physical;
    QStringList virtuals;
    for (const netcore::lookup::HandoutAddress &h : netcore::lookup::handoutAddresses(interfaces)) {
        if (h.isLinkLocal || (v4Only && h.address.protocol() != QAbstractSocket::IPv4Protocol))
            continue;
        const QString text = HandoutText::tr("%1 (%2)").arg(netcore::lookup::handoutEndpoint(h.address, port), h.interfaceName);
        (h.isVirtual ? virtuals : physical).append(text);
    }
    // Virtual interfaces (containers, VMs) only when there is nothing else: students on the LAN cannot reach them.
    return physical.isEmpty() ? virtuals : physical;
}

QString studentsConnectText(const QList<netcore::lookup::InterfaceInfo> &interfaces, const QHostAddress &bound,
                            quint16 port, int shown, HandoutTransport transport)
{
    const bool udp = transport == HandoutTransport::Udp;
    if (!isEveryAddress(bound) && bound.isLoopback()) {
        const QString endpoint = netcore::lookup::handoutEndpoint(bound, port);
        return udp ? HandoutText::tr("Only this computer can send to it (%1, UDP).").arg(endpoint)
                   : HandoutText::tr("Only this computer can connect (%1).").arg(endpoint);
    }
    const QStringList endpoints = handoutEndpoints(interfaces, bound, port);
    if (endpoints.isEmpty())
        return HandoutText::tr("This computer has no network address students can reach (only 127.0.0.1:%1).").arg(port);
    shown = qMax(1, shown);
    QString list = endpoints.mid(0, shown).join(HandoutText::tr(", "));
    if (endpoints.size() > shown)
        list += HandoutText::tr(" (and %n more)", nullptr, int(endpoints.size() - shown));
    return udp ? HandoutText::tr("Students send to: %1 (UDP)").arg(list) : HandoutText::tr("Students connect to: %1").arg(list);
}

QString studentsConnectText(const QHostAddress &bound, quint16 port, int shown, HandoutTransport transport)
{
    return studentsConnectText(netcore::lookup::localInterfaces(), bound, port, shown, transport);
}

} // namespace presentation::lookup

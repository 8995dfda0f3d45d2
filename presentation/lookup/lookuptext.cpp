#include "presentation/lookup/lookuptext.h"

#include "netcore/lookup/events.h"
#include "presentation/common/eventtext.h"

#include <QCoreApplication>

using netcore::lookup::Event;

namespace presentation::lookup {
namespace {

// lupdate reads the context from this class: presentation::lookup::LookupText.
struct LookupText {
    Q_DECLARE_TR_FUNCTIONS(presentation::lookup::LookupText)
};

} // namespace

QString eventText(const netcore::common::TranscriptEvent &event)
{
    const QStringList &args = event.args;
    switch (Event(event.code)) {
    case Event::AddressConverted:
        return LookupText::tr("the address %1 as bytes").arg(args.value(0));
    case Event::InetAtonParsed:
        return LookupText::tr("what inet_aton/inet_pton(\"%1\") read").arg(args.value(0));
    case Event::HostResolved:
        return LookupText::tr("the addresses getaddrinfo(\"%1\") answered").arg(args.value(0));
    case Event::DnsAnswered:
        return LookupText::tr("the addresses of the DNS %1 answer for %2").arg(args.value(0), args.value(1));
    case Event::Count:
        break;
    }
    return common::unknownEventText(event);
}

} // namespace presentation::lookup

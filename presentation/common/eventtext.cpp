#include "presentation/common/eventtext.h"

#include "netcore/common/transcriptexport.h"
#include "presentation/chat/chattext.h"
#include "presentation/files/filestext.h"
#include "presentation/http/httptext.h"
#include "presentation/lookup/lookuptext.h"
#include "presentation/tcp/tcptext.h"
#include "presentation/udp/udptext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using netcore::common::Event;
using netcore::common::EventArea;
using netcore::common::TranscriptEvent;

namespace presentation::common {
namespace {

struct EventText {
    Q_DECLARE_TR_FUNCTIONS(presentation::common::EventText)
};

QString arg(const QStringList &args, qsizetype i)
{
    return args.value(i);
}

} // namespace

QString unknownEventText(const TranscriptEvent &event)
{
    QString text = EventText::tr("event %1 (%2)").arg(event.code).arg(netcore::common::eventAreaToken(event.area));
    if (!event.args.isEmpty())
        text += u": "_s + event.args.join(u", "_s);
    return text;
}

QString commonEventText(Event code, const QStringList &args)
{
    switch (code) {
    case Event::Text:
        return arg(args, 0);
    case Event::Connecting:
        return EventText::tr("connecting to %1…").arg(arg(args, 0));
    case Event::Connected:
        return EventText::tr("connected");
    case Event::Closed:
        return EventText::tr("closed the connection");
    case Event::PeerClosed:
        return EventText::tr("the other side closed the connection");
    case Event::Failed:
        return EventText::tr("connection failed: %1").arg(arg(args, 0));
    case Event::Listening:
        return EventText::tr("listening on %1").arg(arg(args, 0));
    case Event::StoppedListening:
        return EventText::tr("stopped listening");
    case Event::ClientConnected:
        return EventText::tr("client #%1 connected").arg(arg(args, 0));
    case Event::ClientDisconnected:
        return EventText::tr("client #%1 disconnected").arg(arg(args, 0));
    case Event::ClientRefused:
        return EventText::tr("refused a client: the limit of %1 clients is reached").arg(arg(args, 0));
    case Event::IdleTimeout:
        return EventText::tr("nothing moved for %1 s: closed").arg(arg(args, 0));
    case Event::SendFailed:
        return EventText::tr("sending failed: %1").arg(arg(args, 0));
    case Event::Count:
        break;
    }
    return unknownEventText({EventArea::Common, quint16(code), args});
}

QString eventText(const TranscriptEvent &event)
{
    switch (event.area) {
    case EventArea::Common:
        return commonEventText(Event(event.code), event.args);
    case EventArea::Lookup:
        return presentation::lookup::eventText(event);
    case EventArea::Chat:
        return presentation::chat::eventText(event);
    case EventArea::Files:
        return presentation::files::eventText(event);
    case EventArea::Udp:
        return presentation::udp::eventText(event);
    case EventArea::Http:
        return presentation::http::eventText(event);
    case EventArea::Tcp:
        return presentation::tcp::eventText(event);
    }
    return unknownEventText(event);
}

} // namespace presentation::common

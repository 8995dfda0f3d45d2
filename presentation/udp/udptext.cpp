#include "presentation/udp/udptext.h"

#include "presentation/common/eventtext.h"

namespace presentation::udp {

QString eventText(const netcore::common::TranscriptEvent &event)
{
    return common::unknownEventText(event);   // TODO(consolidation): a translated switch over netcore::udp::Event
}

} // namespace presentation::udp

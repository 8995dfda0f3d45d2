#include "presentation/lookup/lookuptext.h"

#include "presentation/common/eventtext.h"

namespace presentation::lookup {

QString eventText(const netcore::common::TranscriptEvent &event)
{
    return common::unknownEventText(event);   // TODO(consolidation): a translated switch over netcore::lookup::Event
}

} // namespace presentation::lookup

#include "presentation/files/filestext.h"

#include "presentation/common/eventtext.h"

namespace presentation::files {

QString eventText(const netcore::common::TranscriptEvent &event)
{
    return common::unknownEventText(event);   // TODO(consolidation): a translated switch over netcore::files::Event
}

} // namespace presentation::files

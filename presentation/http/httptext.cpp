#include "presentation/http/httptext.h"

#include "presentation/common/eventtext.h"

namespace presentation::http {

QString eventText(const netcore::common::TranscriptEvent &event)
{
    return common::unknownEventText(event);   // TODO(consolidation): a translated switch over netcore::http::Event
}

} // namespace presentation::http

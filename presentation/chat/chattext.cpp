#include "presentation/chat/chattext.h"

#include "presentation/common/eventtext.h"

namespace presentation::chat {

QString eventText(const netcore::common::TranscriptEvent &event)
{
    return common::unknownEventText(event);   // TODO(consolidation): a translated switch over netcore::chat::Event
}

} // namespace presentation::chat

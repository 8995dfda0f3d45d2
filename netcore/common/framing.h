#pragma once

#include <QtGlobal>

// The one result every framing decoder of the project returns (chat lines, files frames, classic replies, and the
// TCP workbench's framings): a pure function of the bytes buffered so far.
namespace netcore::common {

enum class FrameStatus : quint8 {
    Ok,           // a whole frame is there; frameSize bytes may be removed from the buffer
    Incomplete,   // more bytes are needed (nothing to remove yet)
    Malformed,    // the bytes can never become a frame
    TooLarge,     // the frame would pass the decoder's maximum size (the session closes: it cannot resynchronise)
};

} // namespace netcore::common

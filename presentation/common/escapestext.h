#pragma once

#include "netcore/common/escapes.h"

#include <QString>

// The escape parser's errors (netcore/common/escapes.h) as translated sentences, shared by the UDP tab, the HTTP
// capture page's Escapes box and the command line.
namespace presentation::common {

// "unknown escape \q (known: \r \n \t \0 \\ \xNN)": the sentence without the position.
QString escapeErrorText(const netcore::common::EscapeParseError &error);
// The escapes a person may type, for hints next to an input: "\r \n \t \xNN".
QString escapeHint();

} // namespace presentation::common

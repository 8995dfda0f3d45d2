#pragma once

#include <QStringList>

namespace app::cli {

// `socketeer chat --host H --port P --name N [--classic]`: a terminal chat client. Lines read from stdin go to
// the room (/to NAME TEXT, /who and /quit are commands); room events are printed on stdout, status on stderr.
// Exit codes (cli.h): 0 left normally (EOF or /quit), 1 refused (name taken, server full, nobody listening),
// 2 usage, 3 connection lost or another runtime failure.
int runChat(const QStringList &arguments);

} // namespace app::cli

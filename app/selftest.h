#pragma once

namespace app {

class LanguageManager;

// `socketeer --selftest` (hidden, for packaging checks): builds the main window, checks that TLS is
// available and that the zh_CN translations load, prints one line per check, returns 0 when all pass.
// Needs a QApplication (QT_QPA_PLATFORM=offscreen works).
int runSelfTest(LanguageManager &languages);

} // namespace app

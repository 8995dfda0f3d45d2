#include "app/selftest.h"

#include "app/languagemanager.h"
#include "app/mainwindow.h"

#include "widgets/common/glyphs.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QSslSocket>
#include <QTabWidget>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace app {

int runSelfTest(LanguageManager &languages)
{
    QTextStream out(stdout);
    int failures = 0;
    auto check = [&](bool ok, const QString &what) {
        out << (ok ? "ok    " : "FAIL  ") << what << '\n';
        if (!ok)
            ++failures;
    };

    {
        MainWindow window(&languages);
        window.show();
        QCoreApplication::processEvents();
        check(window.tabs()->count() > 0, u"main window with %1 tab(s)"_s.arg(window.tabs()->count()));
    }
    check(widgets::common::fontCanShow(QFontDatabase::systemFont(QFontDatabase::FixedFont), u"GET /\u240D\u240A"_s),
          u"fonts: the wire view's CR/LF symbols have glyphs"_s);
    check(QSslSocket::supportsSsl(), u"TLS: "_s + QSslSocket::activeBackend() + u' ' + QSslSocket::sslLibraryVersionString());
    const bool zh = languages.apply(u"zh_CN"_s);
    check(zh && QCoreApplication::translate("app::MainWindow", "&File") != "&File"_L1, u"zh_CN translation"_s);
    languages.apply(u"en"_s);
    out << (failures == 0 ? "selftest passed" : "selftest FAILED") << '\n';
    out.flush();
    return failures == 0 ? 0 : 1;
}

} // namespace app

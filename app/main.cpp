// socketeer: the GUI, or with a subcommand the headless command line.
#include "app/cli/cli.h"
#include "app/languagemanager.h"
#include "app/mainwindow.h"
#include "app/selftest.h"

#include "widgets/common/glyphs.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(u"Socketeer"_s);
    QCoreApplication::setApplicationName(u"socketeer"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETEER_VERSION));
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

QStringList argumentList(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list.append(QString::fromLocal8Bit(argv[i]));
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList arguments = argumentList(argc, argv);
    setIdentity();

    if (app::cli::wantsCommandLine(arguments) || (!hasDisplay() && !arguments.contains("--selftest"_L1))) {
        QCoreApplication core(argc, argv);
        app::LanguageManager languages;
        languages.apply(QSettings().value(u"ui/language"_s).toString());
        if (!app::cli::wantsCommandLine(arguments)) {
            QTextStream err(stderr);
            err << QCoreApplication::translate("main", "No display found (DISPLAY and WAYLAND_DISPLAY are not set): "
                                                       "starting the headless classroom servers instead.")
                << '\n'
                << QCoreApplication::translate("main", "Run 'socketeer --help' for the command line.") << '\n';
            err.flush();
            return app::cli::run({arguments.constFirst(), u"serve"_s});
        }
        return app::cli::run(arguments);
    }

    QApplication application(argc, argv);
    QApplication::setWindowIcon(QIcon(u":/icons/socketeer.svg"_s));
    widgets::common::registerBundledFonts();   // the AppImage's ␍ ␊ glyphs (a no-op elsewhere)
    app::LanguageManager languages;
    if (arguments.contains("--selftest"_L1))
        return app::runSelfTest(languages);
    languages.apply(QSettings().value(u"ui/language"_s).toString());

    app::MainWindow window(&languages);
    window.show();
    return QApplication::exec();
}

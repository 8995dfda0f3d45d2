#include "app/languagemanager.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace app {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

QStringList LanguageManager::availableLanguages()
{
    return {u"en"_s, u"zh_CN"_s};
}

QString LanguageManager::nativeName(const QString &code)
{
    if (code == "zh_CN"_L1)
        return u"简体中文"_s;
    return u"English"_s;
}

bool LanguageManager::apply(const QString &code)
{
    m_requested = code;
    QString wanted = code;
    if (wanted.isEmpty()) {
        // Follow the system: any Chinese locale written in simplified script gets zh_CN.
        const QLocale system;
        wanted = (system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript)
                     ? u"zh_CN"_s
                     : u"en"_s;
    }

    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_app);
    if (m_qtbaseInstalled)
        QCoreApplication::removeTranslator(&m_qtbase);
    m_appInstalled = m_qtbaseInstalled = false;

    bool ok = true;
    if (wanted != "en"_L1) {
        ok = m_app.load(u"socketeer_"_s + wanted, u":/i18n"_s);
        if (ok)
            m_appInstalled = QCoreApplication::installTranslator(&m_app);
        // qtbase's own strings (standard buttons, dialogs): the Qt installation's, or bundled beside the app.
        const QStringList qtDirs{QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                                 QCoreApplication::applicationDirPath() + u"/../translations"_s};
        for (const QString &dir : qtDirs) {
            if (m_qtbase.load(u"qtbase_"_s + wanted, dir)) {
                m_qtbaseInstalled = QCoreApplication::installTranslator(&m_qtbase);
                break;
            }
        }
    }
    m_effective = ok ? wanted : u"en"_s;
    QLocale::setDefault(QLocale(m_effective));
    return ok;
}

} // namespace app

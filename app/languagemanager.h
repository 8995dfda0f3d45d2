#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace app {

// Loads Socketeer's and qtbase's translations for a language and swaps them at run time:
// installing a translator sends QEvent::LanguageChange to every widget, which retranslates itself.
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    explicit LanguageManager(QObject *parent = nullptr);

    // Languages the UI offers: codes ("en", "zh_CN"); "" means the system's.
    static QStringList availableLanguages();
    // The language's own name ("English", "简体中文"), never translated.
    static QString nativeName(const QString &code);

    // Applies `code` ("" = follow the system locale). Returns false when Socketeer's own
    // translation for it could not be loaded (English is built in and always succeeds).
    bool apply(const QString &code);
    QString requested() const { return m_requested; }
    QString effective() const { return m_effective; }

private:
    QTranslator m_app;
    QTranslator m_qtbase;
    bool m_appInstalled = false;
    bool m_qtbaseInstalled = false;
    QString m_requested;
    QString m_effective;
};

} // namespace app

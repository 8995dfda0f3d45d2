// The main window: tabs are real TabPages, the language switches at run time, settings persist.
#include "app/aboutdialog.h"
#include "widgets/common/tabpage.h"
#include "app/languagemanager.h"
#include "app/mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"SocketeerTest"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
        QSettings().clear();
    }

    void cleanupTestCase() { QSettings().clear(); }

    void everyTabIsARealPage()
    {
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        app::MainWindow window(&languages);
        QVERIFY(window.tabs()->count() >= 1);
        QSet<QString> keys;
        for (int i = 0; i < window.tabs()->count(); ++i) {
            auto *page = qobject_cast<widgets::common::TabPage *>(window.tabs()->widget(i));
            QVERIFY2(page, "every tab derives TabPage");
            QVERIFY(!page->title().isEmpty());
            QCOMPARE(window.tabs()->tabText(i), page->title());
            QVERIFY2(!keys.contains(page->settingsKey()), "settings keys are unique");
            keys.insert(page->settingsKey());
        }
    }

    void languageSwitchesWithoutRestart()
    {
        app::LanguageManager languages;
        QVERIFY(languages.apply(u"en"_s));
        app::MainWindow window(&languages);
        QMenu *file = window.menuBar()->actions().constFirst()->menu();
        QCOMPARE(file->title(), u"&File"_s);
        const QString englishTab = window.tabs()->tabText(0);

        QAction *chinese = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->data().toString() == "zh_CN"_L1)
                chinese = action;
        }
        QVERIFY(chinese);
        chinese->trigger();
        QTRY_COMPARE(file->title(), u"文件(&F)"_s);
        QVERIFY(window.tabs()->tabText(0) != englishTab);
        QCOMPARE(languages.effective(), u"zh_CN"_s);
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), u"zh_CN"_s);

        QVERIFY(languages.apply(u"en"_s));
        QTRY_COMPARE(file->title(), u"&File"_s);
        QCOMPARE(window.tabs()->tabText(0), englishTab);
    }

    void lastTabAndGeometryPersist()
    {
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        QString key;
        {
            app::MainWindow window(&languages);
            const int last = window.tabs()->count() - 1;
            window.tabs()->setCurrentIndex(last);
            key = qobject_cast<widgets::common::TabPage *>(window.tabs()->widget(last))->settingsKey();
            window.resize(900, 640);
            window.close();
        }
        QCOMPARE(QSettings().value(u"window/lastTab"_s).toString(), key);
        app::MainWindow again(&languages);
        QCOMPARE(qobject_cast<widgets::common::TabPage *>(again.tabs()->currentWidget())->settingsKey(), key);
        QCOMPARE(again.size(), QSize(900, 640));
    }

    void aboutListsEveryLibraryAndLicence()
    {
        app::AboutDialog dialog;
        const QString html = dialog.findChild<QTextBrowser *>()->toPlainText();
        QVERIFY(html.contains("Qt"_L1));
        QVERIFY(html.contains("LGPL-3.0"_L1));
        QVERIFY(html.contains("OpenSSL"_L1));
        QVERIFY(html.contains("Apache-2.0"_L1));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

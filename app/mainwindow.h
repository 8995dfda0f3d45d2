#pragma once

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;

namespace widgets::common {
class TabPage;
class Zoom;
}

namespace app {

class GuideDialog;
class LanguageManager;

// The main window: one tab per working capability, File / View / Help menus, a status bar.
// Window state, the last tab, the language and each tab's own settings persist in QSettings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(LanguageManager *languages, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *tabs() const { return m_tabs; }
    widgets::common::Zoom *zoom() const { return m_zoom; }

    // The first window's size on a screen with this available geometry: the preferred size, shrunk to fit.
    static QSize initialSize(const QRect &available);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(widgets::common::TabPage *page);
    void createMenus();
    void retranslateUi();
    void restoreSettings();
    void saveSettings() const;
    void onLanguageChosen(const QString &code);
    void onAbout();
    void onGuide();
    void onPresenterModeChanged(bool on);
    bool confirmClose();

    LanguageManager *m_languages;
    QTabWidget *m_tabs;
    widgets::common::Zoom *m_zoom;
    QList<widgets::common::TabPage *> m_pages;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_zoomResetAction = nullptr;
    QAction *m_presenterAction = nullptr;
    QList<QAction *> m_tabActions;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_systemLanguageAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_guideAction = nullptr;
    QPointer<GuideDialog> m_guide;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace app

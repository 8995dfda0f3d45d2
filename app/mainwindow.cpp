#include "app/mainwindow.h"

#include "app/aboutdialog.h"
#include "app/guidedialog.h"
#include "app/languagemanager.h"

#include "widgets/chat/chattab.h"
#include "widgets/classroom/classroomtab.h"
#include "widgets/common/tabpage.h"
#include "widgets/common/wheelguard.h"
#include "widgets/common/zoom.h"
#include "widgets/files/filestab.h"
#include "widgets/http/httptab.h"
#include "widgets/lookup/lookuptab.h"
#include "widgets/tcp/tcptab.h"
#include "widgets/udp/udptab.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace {
constexpr QSize kPreferredSize{1180, 780}; // first start: room for a tab's results and its wire view
constexpr int kScreenMargin = 24;           // keep the frame and the title bar on screen
}

namespace app {
namespace {
constexpr int kStatusTimeoutMs = 8000;
}

MainWindow::MainWindow(LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_languages(languages)
    , m_tabs(new QTabWidget(this))
    , m_zoom(new widgets::common::Zoom(this))
{
    setObjectName(u"MainWindow"_s);
    widgets::common::WheelGuard::install();
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    // The classroom panel first (Ctrl+1), then one tab per capability; later capabilities add theirs here.
    auto *classroom = new widgets::classroom::ClassroomTab(this);
    addPage(classroom);
    addPage(new widgets::lookup::LookupTab(this));
    addPage(new widgets::chat::ChatTab(this));
    addPage(new widgets::files::FilesTab(this));
    addPage(new widgets::udp::UdpTab(this));
    addPage(new widgets::http::HttpTab(this));
    addPage(new widgets::tcp::TcpTab(this));
    classroom->setHosts(m_pages);

    createMenus();
    retranslateUi();
    connect(m_zoom, &widgets::common::Zoom::presenterModeChanged, this, &MainWindow::onPresenterModeChanged);
    restoreSettings();
}

QSize MainWindow::initialSize(const QRect &available)
{
    const QSize room = (available.size() - QSize(kScreenMargin, 2 * kScreenMargin)).expandedTo(QSize(320, 240));
    return kPreferredSize.boundedTo(room);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(widgets::common::TabPage *page)
{
    m_pages.append(page);
    m_tabs->addTab(page, page->title());
    connect(page, &widgets::common::TabPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusTimeoutMs); });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(QString());
    m_zoomInAction = m_viewMenu->addAction(QString(), m_zoom, &widgets::common::Zoom::zoomIn);
    m_zoomInAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    m_zoomOutAction = m_viewMenu->addAction(QString(), m_zoom, &widgets::common::Zoom::zoomOut);
    m_zoomOutAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    m_zoomResetAction = m_viewMenu->addAction(QString(), m_zoom, &widgets::common::Zoom::reset);
    m_zoomResetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_presenterAction = m_viewMenu->addAction(QString());
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), QKeySequence(Qt::Key_F11)});
    connect(m_presenterAction, &QAction::toggled, m_zoom, &widgets::common::Zoom::setPresenterMode);
    m_viewMenu->addSeparator();
    // Ctrl+1 … Ctrl+N: straight to a tab.
    for (int i = 0; i < m_pages.size() && i < 9; ++i) {
        QAction *action = m_viewMenu->addAction(QString());
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { m_tabs->setCurrentIndex(i); });
        m_tabActions.append(action);
    }
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    m_systemLanguageAction = m_languageMenu->addAction(QString());
    m_systemLanguageAction->setData(QString());
    m_languageMenu->addSeparator();
    QList<QAction *> choices{m_systemLanguageAction};
    for (const QString &code : LanguageManager::availableLanguages()) {
        QAction *action = m_languageMenu->addAction(LanguageManager::nativeName(code));
        action->setData(code);
        choices.append(action);
    }
    for (QAction *action : choices) {
        action->setCheckable(true);
        action->setChecked(action->data().toString() == m_languages->requested());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] { onLanguageChosen(action->data().toString()); });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_guideAction = m_helpMenu->addAction(QString(), this, &MainWindow::onGuide);
    m_guideAction->setShortcut(QKeySequence::HelpContents);
    m_helpMenu->addSeparator();
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::onAbout);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Socketeer"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_zoomInAction->setText(tr("Zoom &in"));
    m_zoomOutAction->setText(tr("Zoom &out"));
    m_zoomResetAction->setText(tr("&Reset zoom"));
    m_presenterAction->setText(tr("&Presenter mode (large text for a projector)"));
    for (int i = 0; i < m_tabActions.size(); ++i)
        m_tabActions.at(i)->setText(tr("Go to tab: %1").arg(m_pages.at(i)->title()));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguageAction->setText(tr("System default"));
    m_helpMenu->setTitle(tr("&Help"));
    m_guideAction->setText(tr("&Classroom guide"));
    m_aboutAction->setText(tr("&About Socketeer"));
    m_aboutQtAction->setText(tr("About &Qt"));
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabText(i, m_pages.at(i)->title());
    statusBar()->showMessage(tr("Ready"), kStatusTimeoutMs);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmClose()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

// Servers running or transfers in flight: ask before they stop (unless the user said not to ask again).
bool MainWindow::confirmClose()
{
    QStringList work;
    for (const widgets::common::TabPage *page : std::as_const(m_pages))
        work += page->activeWork();
    QSettings settings;
    if (work.isEmpty() || !settings.value(u"ui/confirmClose"_s, true).toBool())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Quit Socketeer?"),
                    tr("Closing the window stops all of this:") + u"\n\n• "_s + work.join(u"\n• "_s),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"confirmCloseDialog"_s);
    QPushButton *quit = box.addButton(tr("Stop them and quit"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    auto *dontAsk = new QCheckBox(tr("Don't ask again"), &box);
    box.setCheckBox(dontAsk);
    box.exec();
    if (box.clickedButton() != quit)
        return false;
    if (dontAsk->isChecked())
        settings.setValue(u"ui/confirmClose"_s, false);
    return true;
}

void MainWindow::onLanguageChosen(const QString &code)
{
    if (!m_languages->apply(code))
        statusBar()->showMessage(tr("The translation for %1 could not be loaded; showing English.")
                                     .arg(LanguageManager::nativeName(code)),
                                 kStatusTimeoutMs);
    QSettings().setValue(u"ui/language"_s, code);
}

void MainWindow::onPresenterModeChanged(bool on)
{
    m_presenterAction->setChecked(on);
    widgets::common::setSecondaryPanesVisible(this, !on);
}

void MainWindow::onGuide()
{
    if (!m_guide) {
        m_guide = new GuideDialog(m_languages->effective().startsWith(u"zh"_s), this);
        connect(m_guide, &QDialog::finished, m_guide, &QObject::deleteLater);
    }
    m_guide->show();
    m_guide->raise();
}

void MainWindow::onAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    // A saved geometry only counts when it lies on a screen that is there now (a projector may be gone).
    const bool restored = restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    if (!restored || !QGuiApplication::screenAt(geometry().center())) {
        QScreen *current = screen() ? screen() : QGuiApplication::primaryScreen();
        const QRect available = current ? current->availableGeometry() : QRect(0, 0, 1024, 768);
        resize(initialSize(available));
        move(available.center() - rect().center());
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
    m_zoom->restore();
    for (widgets::common::TabPage *page : std::as_const(m_pages)) {
        settings.beginGroup(page->settingsKey());
        page->restoreSettings(settings);
        settings.endGroup();
    }
    const QString lastTab = settings.value(u"window/lastTab"_s).toString();
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i)->settingsKey() == lastTab)
            m_tabs->setCurrentIndex(i);
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    m_zoom->save();
    if (const auto *page = qobject_cast<widgets::common::TabPage *>(m_tabs->currentWidget()))
        settings.setValue(u"window/lastTab"_s, page->settingsKey());
    for (widgets::common::TabPage *page : m_pages) {
        settings.beginGroup(page->settingsKey());
        page->saveSettings(settings);
        settings.endGroup();
    }
}

} // namespace app

// Classroom habits of the window: zoom (every widget follows, remembered), presenter mode, the mouse wheel never edits
// an unfocused spin box or combo, and the first window fits the screen it opens on.
#include "app/guidedialog.h"
#include "app/languagemanager.h"
#include "app/mainwindow.h"
#include "netcore/chat/chatserver.h"
#include "widgets/chat/chattab.h"
#include "widgets/common/preparedlist.h"
#include "widgets/common/preparedsends.h"
#include "widgets/common/shortcuts.h"
#include "widgets/common/wheelguard.h"
#include "widgets/common/wireview.h"
#include "widgets/common/zoom.h"
#include "widgets/tcp/tcptab.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QMessageBox>
#include <QTimer>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTextBrowser>
#include <QLineEdit>
#include <QListWidget>
#include <QHeaderView>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtTest>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

class TestClassroom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"SocketeerTest"_s);
        QCoreApplication::setApplicationName(u"tst_classroom"_s);
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }
    void init() { QSettings().clear(); }

    void zoomScalesEveryFontAndIsRemembered()
    {
        const qreal base = QApplication::font().pointSizeF();
        QVERIFY(base > 0);
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        {
            app::MainWindow window(&languages);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *wire = window.findChild<widgets::common::WireView *>();
            QVERIFY(wire);
            auto *hex = wire->findChild<QPlainTextEdit *>(u"wireHexPane"_s);
            QVERIFY(hex);
            const qreal hexBefore = hex->font().pointSizeF();

            QAction *zoomIn = findAction(window, QKeySequence(Qt::CTRL | Qt::Key_Equal));
            QVERIFY(zoomIn);
            zoomIn->trigger();
            zoomIn->trigger();
            QCOMPARE(window.zoom()->percent(), 120);
            QCOMPARE(QApplication::font().pointSizeF(), base * 1.2);
            QVERIFY2(hex->font().pointSizeF() > hexBefore * 1.15, "the monospace panes follow the zoom");
            QCOMPARE(wire->font().pointSizeF(), base * 1.2);   // and so does everything without a font of its own
            window.close();                                     // saves
        }
        QCOMPARE(QApplication::font().pointSizeF(), base);      // a closed window gives the font back
        app::MainWindow again(&languages);
        QCOMPARE(again.zoom()->percent(), 120);
        QCOMPARE(QApplication::font().pointSizeF(), base * 1.2);
        findAction(again, QKeySequence(Qt::CTRL | Qt::Key_0))->trigger();
        QCOMPARE(QApplication::font().pointSizeF(), base);
        findAction(again, QKeySequence(Qt::CTRL | Qt::Key_Minus))->trigger();
        QCOMPARE(again.zoom()->percent(), 90);
    }

    void presenterModeEnlargesAndHidesSecondaryPanes()
    {
        const qreal base = QApplication::font().pointSizeF();
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        app::MainWindow window(&languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *hex = window.findChild<widgets::common::WireView *>()->findChild<QPlainTextEdit *>(u"wireHexPane"_s);
        QVERIFY(!hex->isHidden());
        QAction *presenter = findAction(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        QVERIFY(presenter);
        presenter->trigger();
        QVERIFY(window.zoom()->presenterMode());
        QCOMPARE(QApplication::font().pointSizeF(), base * 1.5);
        QVERIFY(hex->isHidden());
        presenter->trigger();
        QVERIFY(!window.zoom()->presenterMode());
        QCOMPARE(QApplication::font().pointSizeF(), base);
        QVERIFY(!hex->isHidden());
    }

    void closingWithAServerRunningAsks()
    {
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        app::MainWindow window(&languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *chat = window.findChild<widgets::chat::ChatTab *>();
        QVERIFY(chat);
        chat->findChild<QSpinBox *>(u"port"_s)->setValue(0);   // any free port
        chat->findChild<QCheckBox *>(u"localServer"_s)->setChecked(true);
        QVERIFY(chat->localServer() && chat->localServer()->isListening());
        const QString port = QString::number(chat->localServer()->serverPort());

        // First answer: Cancel. The window stays, the server keeps running.
        QString asked;
        answerCloseDialog(false, false, &asked);
        QVERIFY(!window.close());
        QVERIFY(asked.contains(port));   // the dialog listed the running server
        QVERIFY(window.isVisible());
        QVERIFY(chat->localServer()->isListening());

        // Second answer: quit, and don't ask again.
        answerCloseDialog(true, true, &asked);
        QVERIFY(window.close());
        QCOMPARE(QSettings().value(u"ui/confirmClose"_s).toBool(), false);
    }

    void tabShortcuts()
    {
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        app::MainWindow window(&languages);
        for (int i = window.tabs()->count() - 1; i >= 0; --i) {
            QAction *go = findAction(window, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            QVERIFY(go);
            go->trigger();
            QCOMPARE(window.tabs()->currentIndex(), i);
        }
    }

    void ctrlEnterSends()
    {
        QWidget scope;
        auto *layout = new QVBoxLayout(&scope);
        auto *edit = new QPlainTextEdit(&scope);
        auto *send = new QPushButton(u"Send"_s, &scope);
        layout->addWidget(edit);
        layout->addWidget(send);
        widgets::common::addSendShortcut(send, &scope);
        QSignalSpy clicked(send, &QPushButton::clicked);
        scope.show();
        QApplication::setActiveWindow(&scope);
        QVERIFY(QTest::qWaitForWindowActive(&scope));
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(clicked.count(), 1);
        QTest::keyClick(edit, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        QCOMPARE(clicked.count(), 2);
        send->setEnabled(false);
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(clicked.count(), 2);

        // Every tab that sends offers it: the UDP sender, HTTP compose and raw.
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        app::MainWindow window(&languages);
        int sendShortcuts = 0;
        for (const QShortcut *shortcut : window.findChildren<QShortcut *>())
            sendShortcuts += shortcut->key() == QKeySequence(Qt::CTRL | Qt::Key_Return);
        QVERIFY(sendShortcuts >= 3);
    }

    void preparedSendsFillTheFieldsAndSend()
    {
        QWidget composer;
        auto *host = new QLineEdit(u"127.0.0.1"_s, &composer);
        host->setObjectName(u"host"_s);
        auto *port = new QSpinBox(&composer);
        port->setObjectName(u"port"_s);
        port->setRange(0, 65535);
        port->setValue(9999);
        auto *kind = new QComboBox(&composer);
        kind->setObjectName(u"kind"_s);
        kind->addItem(u"unicast"_s, 10);
        kind->addItem(u"broadcast"_s, 20);
        auto *headers = new QTableWidget(0, 2, &composer);
        headers->setObjectName(u"headers"_s);
        auto *text = new QPlainTextEdit(&composer);
        text->setObjectName(u"text"_s);
        auto *send = new QPushButton(&composer);
        QSignalSpy sent(send, &QPushButton::clicked);
        auto *prepared = new widgets::common::PreparedSendsButton(u"test"_s, {host, port, kind, headers, text}, send, &composer);

        kind->setCurrentIndex(1);
        text->setPlainText(u"第一步：你好\n"_s);
        headers->insertRow(0);
        headers->setItem(0, 0, new QTableWidgetItem(u"X-Step"_s));
        headers->setItem(0, 1, new QTableWidgetItem(u"1"_s));
        prepared->saveCurrent(u"step 1"_s);

        host->setText(u"10.0.0.1"_s);
        port->setValue(1);
        kind->setCurrentIndex(0);
        text->clear();
        headers->setRowCount(0);
        QVERIFY(prepared->sendPrepared(u"step 1"_s));
        QCOMPARE(sent.count(), 1);
        QCOMPARE(host->text(), u"127.0.0.1"_s);
        QCOMPARE(port->value(), 9999);
        QCOMPARE(kind->currentData().toInt(), 20);
        QCOMPARE(text->toPlainText(), u"第一步：你好\n"_s);
        QCOMPARE(headers->rowCount(), 1);
        QCOMPARE(headers->item(0, 0)->text(), u"X-Step"_s);
        QVERIFY(!prepared->sendPrepared(u"no such"_s));

        // Persisted, and carried by a lesson file.
        QCOMPARE(widgets::common::prepared::load(u"test"_s).size(), 1);
        QTemporaryDir dir;
        const QString lesson = dir.filePath(u"lesson.socketeer-lesson.json"_s);
        QCOMPARE(widgets::common::prepared::exportLesson(lesson), widgets::common::prepared::LessonError::None);
        prepared->remove(u"step 1"_s);
        QVERIFY(widgets::common::prepared::load(u"test"_s).isEmpty());
        int imported = 0;
        QCOMPARE(widgets::common::prepared::importLesson(lesson, &imported), widgets::common::prepared::LessonError::None);
        QCOMPARE(imported, 1);
        QCOMPARE(widgets::common::prepared::load(u"test"_s).constFirst().name, u"step 1"_s);
        QFile junk(dir.filePath(u"junk.json"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("{\"format\": \"something else\"}");
        junk.close();
        QCOMPARE(widgets::common::prepared::importLesson(junk.fileName()), widgets::common::prepared::LessonError::NotALesson);

        // Every tab that sends has its list.
        app::LanguageManager languages;
        languages.apply(u"en"_s);
        app::MainWindow window(&languages);
        QStringList keys;
        for (const auto *button : window.findChildren<widgets::common::PreparedSendsButton *>())
            keys.append(button->key());
        keys.sort();
        QCOMPARE(keys, (QStringList{u"chat"_s, u"http"_s, u"tcp"_s, u"udp"_s}));
    }

    // A lesson is a sequence: the list keeps an order the teacher sets (Up/Down, dragging), renames and deletes,
    // sends the selected one and moves to the next; the order is saved and survives a lesson file's round trip.
    void preparedSendsAreAnOrderedList()
    {
        using widgets::common::PreparedListDialog;
        using widgets::common::PreparedSendsButton;
        namespace prepared = widgets::common::prepared;
        const auto savedNames = [] {
            QStringList names;
            for (const widgets::common::PreparedItem &item : prepared::load(u"lesson"_s))
                names.append(item.name);
            return names;
        };
        QWidget composer;
        auto *text = new QPlainTextEdit(&composer);
        text->setObjectName(u"text"_s);
        auto *send = new QPushButton(&composer);
        QSignalSpy sent(send, &QPushButton::clicked);
        auto *button = new PreparedSendsButton(u"lesson"_s, {text}, send, &composer);
        for (const QString &step : {u"step 1"_s, u"step 2"_s, u"step 3"_s}) {
            text->setPlainText(step + u": 你好"_s);
            button->saveCurrent(step);
        }
        PreparedListDialog *list = button->listDialog();
        list->show();
        QCOMPARE(list->names(), (QStringList{u"step 1"_s, u"step 2"_s, u"step 3"_s}));
        const auto click = [list](const char *name) { list->findChild<QPushButton *>(QString::fromLatin1(name))->click(); };

        list->list()->setCurrentRow(2);
        click("preparedUp");
        click("preparedUp");
        QCOMPARE(savedNames(), (QStringList{u"step 3"_s, u"step 1"_s, u"step 2"_s}));
        QVERIFY(!list->findChild<QPushButton *>(u"preparedUp"_s)->isEnabled());   // already first
        click("preparedDown");
        QCOMPARE(savedNames(), (QStringList{u"step 1"_s, u"step 3"_s, u"step 2"_s}));
        // Dragging a row (the list's own move) is saved too.
        QVERIFY(list->list()->model()->moveRows(QModelIndex(), 2, 1, QModelIndex(), 0));
        QCOMPARE(savedNames(), (QStringList{u"step 2"_s, u"step 1"_s, u"step 3"_s}));

        list->list()->setCurrentRow(1);
        QVERIFY(list->renameSelected(u"intro"_s));
        QVERIFY(!list->renameSelected(u"step 3"_s));   // taken
        QCOMPARE(savedNames(), (QStringList{u"step 2"_s, u"intro"_s, u"step 3"_s}));

        // One click sends the selected one (its fields, not the composer's) and selects the next step.
        text->setPlainText(u"something else"_s);
        click("preparedSendSelected");
        QCOMPARE(sent.count(), 1);
        QCOMPARE(text->toPlainText(), u"step 1: 你好"_s);
        QCOMPARE(list->list()->currentItem()->text(), u"step 3"_s);
        // Enter on the selected row sends it once (not once more through a default button).
        list->list()->setFocus();
        QTest::keyClick(list->list(), Qt::Key_Return);
        QCOMPARE(sent.count(), 2);
        QCOMPARE(text->toPlainText(), u"step 3: 你好"_s);

        // Saved: a new window's list has the same order.
        {
            QWidget again;
            auto *againText = new QPlainTextEdit(&again);
            againText->setObjectName(u"text"_s);
            auto *againSend = new QPushButton(&again);
            auto *other = new PreparedSendsButton(u"lesson"_s, {againText}, againSend, &again);
            QCOMPARE(other->listDialog()->names(), (QStringList{u"step 2"_s, u"intro"_s, u"step 3"_s}));
        }

        // A lesson file keeps the order: into an empty list, and ahead of what the list holds already.
        QTemporaryDir dir;
        const QString lesson = dir.filePath(u"lesson.socketeer-lesson.json"_s);
        QCOMPARE(prepared::exportLesson(lesson), prepared::LessonError::None);
        prepared::save(u"lesson"_s, {});
        QCOMPARE(prepared::importLesson(lesson), prepared::LessonError::None);
        QCOMPARE(savedNames(), (QStringList{u"step 2"_s, u"intro"_s, u"step 3"_s}));
        prepared::save(u"lesson"_s, {{u"extra"_s, {}}, {u"intro"_s, {}}});
        QCOMPARE(prepared::importLesson(lesson), prepared::LessonError::None);
        QCOMPARE(savedNames(), (QStringList{u"step 2"_s, u"intro"_s, u"step 3"_s, u"extra"_s}));
        QCOMPARE(prepared::load(u"lesson"_s).at(1).fields.value(u"text"_s).toString(), u"step 1: 你好"_s);   // the file's

        list->reload();
        list->list()->setCurrentRow(3);
        click("preparedDelete");
        QCOMPARE(savedNames(), (QStringList{u"step 2"_s, u"intro"_s, u"step 3"_s}));
        QCOMPARE(list->names(), savedNames());
        list->close();
    }

    void f1OpensTheClassroomGuide_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zh_CN") << u"zh_CN"_s << u"课堂"_s;
        QTest::newRow("en") << u"en"_s << u"Classroom"_s;
    }
    void f1OpensTheClassroomGuide()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        app::LanguageManager languages;
        languages.apply(language);
        app::MainWindow window(&languages);
        QAction *help = findAction(window, QKeySequence(QKeySequence::HelpContents));
        QVERIFY(help);
        help->trigger();
        auto *guide = window.findChild<app::GuideDialog *>(u"guideDialog"_s);
        QVERIFY(guide);
        QVERIFY(guide->isVisible());
        const QString text = guide->browser()->toPlainText();
        QVERIFY2(text.contains(expected), qPrintable(text.left(200)));
        if (language == u"en"_s)
            QVERIFY(!text.contains(u"课堂指南"_s));
        guide->close();
    }

    void everyTabFitsTheProjector_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("presenter");
        QTest::addColumn<QSize>("screen");
        // Available geometry: the screen less a panel and the title bar.
        QTest::newRow("en 1024x768 100%") << u"en"_s << false << QSize(1024, 720);
        QTest::newRow("zh_CN 1024x768 100%") << u"zh_CN"_s << false << QSize(1024, 720);
        QTest::newRow("en 1280x800 150%") << u"en"_s << true << QSize(1280, 752);
        QTest::newRow("zh_CN 1280x800 150%") << u"zh_CN"_s << true << QSize(1280, 752);
    }
    void everyTabFitsTheProjector()
    {
        QFETCH(QString, language);
        QFETCH(bool, presenter);
        QFETCH(QSize, screen);
        app::LanguageManager languages;
        languages.apply(language);
        app::MainWindow window(&languages);
        if (presenter)
            findAction(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))->trigger();
        window.show();
        auto *tcp = window.findChild<widgets::tcp::TcpTab *>();
        QVERIFY(tcp);   // the TCP tab is one of the tabs measured below
        QVERIFY(window.tabs()->indexOf(tcp) >= 0);
        for (int i = 0; i < window.tabs()->count(); ++i) {
            window.tabs()->setCurrentIndex(i);
            const QSize needed = window.minimumSizeHint().expandedTo(window.minimumSize());
            QVERIFY2(needed.width() <= screen.width() && needed.height() <= screen.height(),
                     qPrintable(u"%1 needs %2x%3"_s.arg(window.tabs()->tabText(i)).arg(needed.width()).arg(needed.height())));
        }
        // For the docs: the classroom panel at that size (SOCKETEER_SCREENSHOT_DIR set; otherwise nothing).
        const QString dir = qEnvironmentVariable("SOCKETEER_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            window.tabs()->setCurrentIndex(0);
            window.resize(screen);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const QString name = u"classroom-%1-%2x%3%4.png"_s.arg(language).arg(screen.width()).arg(screen.height())
                                     .arg(presenter ? u"-presenter"_s : QString());
            QVERIFY(window.grab().save(dir + u'/' + name));
            // And the TCP tab at the same size.
            window.tabs()->setCurrentWidget(tcp);
            QVERIFY(window.grab().save(dir + u'/' + QString(name).replace(u"classroom-"_s, u"tcp-"_s)));
        }
        if (presenter)
            findAction(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))->trigger();
    }

    void udpSendIsNeverScrolledAway()
    {
        app::LanguageManager languages;
        languages.apply(u"zh_CN"_s);
        app::MainWindow window(&languages);
        window.resize(1024, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int i = 0; i < window.tabs()->count(); ++i)
            if (window.tabs()->widget(i)->findChild<QPushButton *>(u"udpSend"_s))
                window.tabs()->setCurrentIndex(i);
        auto *send = window.findChild<QPushButton *>(u"udpSend"_s);
        QVERIFY(send);
        QTRY_VERIFY(send->isVisible());
        const QRect inWindow(send->mapTo(&window, QPoint(0, 0)), send->size());
        QVERIFY2(window.rect().contains(inWindow), qPrintable(u"Send at %1,%2"_s.arg(inWindow.x()).arg(inWindow.y())));
        QCOMPARE(send->visibleRegion().boundingRect().size(), send->size());   // not clipped by a scroll area
    }

    // The UDP tab's wire view is a main area: at the projector's size its table shows every fixed column (time,
    // direction, local, peer, size: 583 px at 100 %) and 16 characters of data, and 6 rows (5 in presenter mode,
    // whose rows are 1.5× as tall); measured: 1022×149 px at 1024×768, 1278×141 px at 1280×800 @150 %.
    void udpWireViewHasRoom_data() { everyTabFitsTheProjector_data(); }
    void udpWireViewHasRoom()
    {
        QFETCH(QString, language);
        QFETCH(bool, presenter);
        QFETCH(QSize, screen);
        const int wireRows = presenter ? 5 : 6;   // rows of the table in view
        constexpr int kDataChars = 16;            // characters of the Data column in view
        app::LanguageManager languages;
        languages.apply(language);
        app::MainWindow window(&languages);
        if (presenter)
            findAction(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))->trigger();
        window.resize(screen);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *wire = window.findChild<widgets::common::WireView *>(u"udpWire"_s);
        QVERIFY(wire);
        for (int i = 0; i < window.tabs()->count(); ++i)
            if (window.tabs()->widget(i)->isAncestorOf(wire))
                window.tabs()->setCurrentIndex(i);
        QTRY_VERIFY(wire->isVisible());
        QTableView *table = wire->tableView();
        int fixedColumns = 0;
        for (int c = 0; c < table->model()->columnCount() - 1; ++c)
            fixedColumns += table->columnWidth(c);
        const int dataWidth = table->fontMetrics().horizontalAdvance(QString(kDataChars, u'0'));
        const int rowHeight = table->verticalHeader()->defaultSectionSize();
        const QSize visible = table->viewport()->visibleRegion().boundingRect().size();
        const QString measured = u"%1: wire table %2x%3 visible, needs %4x%5 (columns %6 + data %7, %8 rows of %9)"_s
                                     .arg(QString::fromLatin1(QTest::currentDataTag()))
                                     .arg(visible.width()).arg(visible.height())
                                     .arg(fixedColumns + dataWidth).arg(wireRows * rowHeight)
                                     .arg(fixedColumns).arg(dataWidth).arg(wireRows).arg(rowHeight);
        qInfo("%s", qPrintable(measured));
        QVERIFY2(visible.width() >= fixedColumns + dataWidth, qPrintable(measured));
        QVERIFY2(visible.height() >= wireRows * rowHeight, qPrintable(measured));
        // Send and the listener's Start stay in view above it, not clipped or scrolled sideways.
        for (const QString &name : {u"udpSend"_s, u"listenStartStop"_s}) {
            auto *button = window.findChild<QPushButton *>(name);
            QVERIFY2(button && button->visibleRegion().boundingRect().size() == button->size(), qPrintable(name));
        }
        const QString dir = qEnvironmentVariable("SOCKETEER_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(window.grab().save(dir + u"/udp-%1-%2x%3%4.png"_s.arg(language).arg(screen.width()).arg(screen.height())
                                                  .arg(presenter ? u"-presenter"_s : QString())));
        if (presenter)
            findAction(window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P))->trigger();
    }

    void firstWindowFitsTheScreen_data()
    {
        QTest::addColumn<QRect>("available");
        QTest::newRow("projector 1024x768") << QRect(0, 0, 1024, 740);
        QTest::newRow("laptop 1280x800") << QRect(0, 0, 1280, 770);
        QTest::newRow("large") << QRect(0, 0, 2560, 1400);
    }
    void firstWindowFitsTheScreen()
    {
        QFETCH(QRect, available);
        const QSize size = app::MainWindow::initialSize(available);
        QVERIFY(size.width() <= available.width());
        QVERIFY(size.height() <= available.height() - 24);   // the title bar stays on screen
        QVERIFY(size.width() >= 640);
    }

    void wheelNeverEditsAnUnfocusedSpinBoxOrCombo()
    {
        widgets::common::WheelGuard::install();
        QScrollArea area;
        auto *content = new QWidget;
        auto *layout = new QVBoxLayout(content);
        auto *spin = new QSpinBox;
        spin->setRange(0, 65535);
        spin->setValue(9999);
        auto *combo = new QComboBox;
        combo->addItems({u"a"_s, u"b"_s, u"c"_s});
        layout->addWidget(spin);
        layout->addWidget(combo);
        layout->addSpacing(3000);
        area.setWidget(content);
        area.resize(300, 200);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        area.setFocus();
        QVERIFY(!spin->hasFocus());
        QCOMPARE(spin->focusPolicy(), Qt::StrongFocus);   // a wheel does not give it focus
        QCOMPARE(combo->focusPolicy(), Qt::StrongFocus);

        // Not delivered and left unaccepted: QApplication hands a real wheel event on to the parents, so the
        // panel scrolls instead.
        QVERIFY(!wheel(spin, -120));
        QCOMPARE(spin->value(), 9999);
        QVERIFY(!wheel(combo, -120));
        QCOMPARE(combo->currentIndex(), 0);

        spin->setFocus();
        QTRY_VERIFY(spin->hasFocus());
        QVERIFY(wheel(spin, 120));
        QCOMPARE(spin->value(), 10000);   // a focused spin box takes the wheel as usual
    }

private:
    // Answers the close confirmation as soon as it is shown (the dialog is modal: a timer in its event loop finds it).
    void answerCloseDialog(bool quit, bool dontAsk, QString *text)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, this, [timer, quit, dontAsk, text] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(widget);
                if (!box || box->objectName() != u"confirmCloseDialog"_s || !box->isVisible())
                    continue;
                *text = box->text();
                if (box->checkBox())
                    box->checkBox()->setChecked(dontAsk);
                for (QAbstractButton *button : box->buttons()) {
                    const bool isQuit = box->buttonRole(button) == QMessageBox::DestructiveRole;
                    if (isQuit == quit) {
                        button->click();
                        break;
                    }
                }
                timer->deleteLater();
                return;
            }
        });
        timer->start();
    }

    static QAction *findAction(QWidget &window, const QKeySequence &shortcut)
    {
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcuts().contains(shortcut))
                return action;
        }
        return nullptr;
    }

    // A wheel event over the middle of `widget`; true when the widget accepted it.
    static bool wheel(QWidget *widget, int delta)
    {
        const QPointF local = QPointF(widget->rect().center());
        QWheelEvent event(local, QPointF(widget->mapToGlobal(local.toPoint())), QPoint(), QPoint(0, delta),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(widget, &event);
        return event.isAccepted();
    }
};

QTEST_MAIN(TestClassroom)
#include "tst_classroom.moc"

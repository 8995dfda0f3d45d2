// The File transfer tab driven offscreen against a real FileServer on loopback: listing, download and upload
// through the queue (verified tick), drag and drop from the desktop and between the panes, pause/resume with a
// resume offset, cancel/retry, the classic protocol, the local-server button, language changes.
#include "netcore/files/fileclient.h"
#include "widgets/files/filestab.h"
#include "netcore/common/server.h"
#include "netcore/files/fileserver.h"
#include "widgets/files/dropviews.h"
#include "widgets/files/progressdelegate.h"
#include "tests/widgets/screenshot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDropEvent>
#include <QFileSystemModel>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QMessageBox>
#include <QTimer>
#include <QLocale>
#include <QFileInfo>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using widgets::files::FilesTab;
using widgets::files::TransferQueue;

namespace {

constexpr int kWaitMs = 20000;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

} // namespace

class TestFilesTab : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<netcore::files::FileServer> m_server;
    std::unique_ptr<FilesTab> m_tab;
    QString m_root;
    QString m_local;
    QByteArray m_big;

    template<typename T>
    T *child(const char *name) const
    {
        T *widget = m_tab->findChild<T *>(QLatin1StringView(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

    void startServer(netcore::files::ServerDialect dialect = netcore::files::ServerDialect::Native)
    {
        netcore::files::ServerOptions options;
        options.root = m_root;
        options.dialect = dialect;
        m_server = std::make_unique<netcore::files::FileServer>();
        m_server->setOptions(options);
        QVERIFY(m_server->start(QHostAddress::LocalHost, 0));
        child<QLineEdit>("hostEdit")->setText(u"127.0.0.1"_s);
        child<QSpinBox>("portSpin")->setValue(m_server->serverPort());
    }

    const TransferQueue::Job &lastJob() const { return m_tab->queue()->jobs().constLast(); }

    // The queue view is a model + a delegate: rows are read through the model, selected through its selection model.
    QAbstractItemModel *queueModel() const { return child<QTreeView>("queueView")->model(); }
    QString queueText(int row, int column) const { return queueModel()->index(row, column).data().toString(); }
    void selectQueueRow(int row) const
    {
        auto *view = child<QTreeView>("queueView");
        view->selectionModel()->select(view->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_big = randomBytes(32 * 1024 * 1024);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_root = m_dir->filePath(u"root"_s);
        m_local = m_dir->filePath(u"local"_s);
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(QDir().mkpath(m_local));
        QVERIFY(writeFile(m_root + u"/a.txt"_s, "alpha\n"_ba));
        QVERIFY(writeFile(m_root + u"/big.bin"_s, m_big));
        m_tab = std::make_unique<FilesTab>();
        m_tab->setLocalFolder(m_local);
        m_tab->resize(1100, 800);
        m_tab->show();
    }

    void cleanup()
    {
        m_tab.reset();
        m_server.reset();
        m_dir.reset();
    }

    void listsDownloadsAndUploads()
    {
        startServer();
        auto *remote = child<QTreeWidget>("remoteView");
        QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(remote->topLevelItemCount(), 2, kWaitMs);
        QCOMPARE(remote->topLevelItem(0)->text(0), u"a.txt"_s);

        remote->topLevelItem(0)->setSelected(true);
        QVERIFY(child<QPushButton>("downloadButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>("downloadButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QCOMPARE(readFile(m_local + u"/a.txt"_s), "alpha\n"_ba);
        QCOMPARE(queueModel()->rowCount(), 1);
        QVERIFY(queueText(0, 5).contains(u"SHA-256"_s));

        // a file dropped from the desktop onto the remote listing is uploaded, then the listing refreshes
        const QString upload = m_dir->filePath(u"from desktop.txt"_s);
        QVERIFY(writeFile(upload, "dropped"_ba));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(upload)});
        QWidget *viewport = remote->viewport();
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QCOMPARE(readFile(m_root + u"/from desktop.txt"_s), "dropped"_ba);
        QTRY_COMPARE_WITH_TIMEOUT(remote->topLevelItemCount(), 3, kWaitMs);
        saveScreenshotIfAsked(*m_tab, u"files"_s);

        // uploading it again is refused (overwrite is off): the row says why
        m_tab->uploadLocal({upload});
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Failed, kWaitMs);
        QCOMPARE(lastJob().error, netcore::files::Error::Exists);
        QVERIFY(queueText(2, 5).contains(u"exists"_s));
        QVERIFY(queueText(2, 5).contains(u"from desktop.txt"_s));
        selectQueueRow(2);
        QVERIFY(child<QPushButton>("retryButton")->isEnabled());
    }

    void dragBetweenThePanes()
    {
        startServer();
        auto *remote = child<QTreeWidget>("remoteView");
        auto *local = child<QTreeView>("localView");
        QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(remote->topLevelItemCount(), 2, kWaitMs);

        // a remote name dragged onto the local pane downloads it into the shown folder
        std::unique_ptr<QMimeData> names(remote->model()->mimeData({remote->model()->index(0, 0)}));
        QVERIFY(names && names->hasFormat(QLatin1StringView(widgets::files::kRemoteNamesMime)));
        QDragEnterEvent enterLocal(QPoint(10, 10), Qt::CopyAction, names.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(local->viewport(), &enterLocal);
        QVERIFY(enterLocal.isAccepted());
        QDropEvent dropLocal(QPointF(10, 10), Qt::CopyAction, names.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(local->viewport(), &dropLocal);
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QCOMPARE(readFile(m_local + u"/a.txt"_s), "alpha\n"_ba);

        // a local file dragged onto the remote listing uploads it; the local pane refuses its own files
        QVERIFY(writeFile(m_local + u"/mine.txt"_s, "from the local pane"_ba));
        auto *model = qobject_cast<QFileSystemModel *>(local->model());
        QVERIFY(model);
        const QModelIndex mine = model->index(m_local + u"/mine.txt"_s);
        QVERIFY(mine.isValid());
        std::unique_ptr<QMimeData> files(model->mimeData({mine}));
        QVERIFY(files && files->hasUrls());
        QDragEnterEvent enterOwn(QPoint(10, 10), Qt::CopyAction, files.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(local->viewport(), &enterOwn);
        QVERIFY(!enterOwn.isAccepted());
        QDragEnterEvent enterRemote(QPoint(10, 10), Qt::CopyAction, files.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(remote->viewport(), &enterRemote);
        QVERIFY(enterRemote.isAccepted());
        QDropEvent dropRemote(QPointF(10, 10), Qt::CopyAction, files.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(remote->viewport(), &dropRemote);
        QCOMPARE(m_tab->queue()->jobs().size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QCOMPARE(readFile(m_root + u"/mine.txt"_s), "from the local pane"_ba);
    }

    void pauseAndResume()
    {
        startServer();
        TransferQueue *queue = m_tab->queue();
        bool paused = false;
        connect(queue, &TransferQueue::jobChanged, this, [&](int id) {
            const TransferQueue::Job *job = queue->job(id);
            if (!paused && job->status == TransferQueue::Status::Running && job->done > 0) {
                paused = true;
                selectQueueRow(0);
                QTest::mouseClick(child<QPushButton>("pauseButton"), Qt::LeftButton);
            }
        });
        m_tab->downloadRemote({u"big.bin"_s});
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Paused, kWaitMs);
        const qint64 partial = QFileInfo(netcore::files::FileClient::partialPathFor(m_local + u"/big.bin"_s)).size();
        QVERIFY(partial > 0 && partial < m_big.size());
        QVERIFY(child<QPushButton>("resumeButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>("resumeButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QCOMPARE(lastJob().resumedFrom, partial);
        QVERIFY(readFile(m_local + u"/big.bin"_s) == m_big);
        QVERIFY(queueText(0, 5).contains(u"resumed"_s));
    }

    void cancelAndRetry()
    {
        startServer();
        m_tab->downloadRemote({u"missing.txt"_s});
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Failed, kWaitMs);
        QCOMPARE(lastJob().error, netcore::files::Error::NotFound);
        QCOMPARE(lastJob().detail.raw, u"no such file"_s);   // the server's words, kept as a quotation
        QVERIFY(queueText(0, 5).contains(u"no such file"_s));
        QVERIFY(writeFile(m_root + u"/missing.txt"_s, "now here"_ba));
        m_tab->queue()->retry(lastJob().id);
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        m_tab->queue()->cancel(lastJob().id);   // a finished job stays finished
        QCOMPARE(lastJob().status, TransferQueue::Status::Verified);
        QTest::mouseClick(child<QPushButton>("clearButton"), Qt::LeftButton);
        QCOMPARE(queueModel()->rowCount(), 0);
    }

    void classicProtocol()
    {
        startServer(netcore::files::ServerDialect::Classic);
        auto *combo = child<QComboBox>("protocolCombo");
        combo->setCurrentIndex(1);
        QVERIFY(child<QLabel>("classicNote")->isVisible());
        QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
        auto *remote = child<QTreeWidget>("remoteView");
        QTRY_COMPARE_WITH_TIMEOUT(remote->topLevelItemCount(), 2, kWaitMs);
        m_tab->downloadRemote({u"a.txt"_s});
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Done, kWaitMs);
        QCOMPARE(readFile(m_local + u"/a.txt"_s), "alpha\n"_ba);
        combo->setCurrentIndex(0);
        QVERIFY(!child<QLabel>("classicNote")->isVisible());
    }

    void localServerButton()
    {
        const QString share = m_dir->filePath(u"share"_s);
        QVERIFY(QDir().mkpath(share));
        QVERIFY(writeFile(share + u"/shared.txt"_s, "shared"_ba));
        child<QLineEdit>("shareEdit")->setText(share);
        child<QSpinBox>("serverPortSpin")->setValue(0);
        QVERIFY(m_tab->activeWork().isEmpty());
        QTest::mouseClick(child<QPushButton>("serverButton"), Qt::LeftButton);
        auto *status = child<QLabel>("serverStatus");
        const quint16 port = quint16(child<QSpinBox>("portSpin")->value());
        QVERIFY(status->text().contains(QString::number(port)));
        QCOMPARE(m_tab->activeWork().size(), 1);   // closing the window would stop the server: it says so
        QVERIFY(m_tab->activeWork().constFirst().contains(QString::number(port)));
        QVERIFY(!child<QLineEdit>("shareEdit")->isEnabled());
        // The remote pane lists the server just started without a click on refresh.
        auto *remote = child<QTreeWidget>("remoteView");
        QTRY_COMPARE_WITH_TIMEOUT(remote->topLevelItemCount(), 1, kWaitMs);
        QCOMPARE(remote->topLevelItem(0)->text(0), u"shared.txt"_s);
        child<QComboBox>("wireSource")->setCurrentIndex(1);   // the server's side of the conversation
        // A student connected: stopping asks; Cancel keeps the server.
        QTcpSocket student;
        student.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(student.waitForConnected(5000));
        auto *server = dynamic_cast<widgets::common::ServerHost *>(m_tab.get())->hostedServer();
        QTRY_COMPARE(server->clientCount(), 1);
        const auto answer = [](QMessageBox::StandardButton button, bool *asked) {
            QTimer::singleShot(0, qApp, [button, asked] {
                for (QWidget *w : QApplication::topLevelWidgets())
                    if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == u"confirmStopDialog"_s) {
                        *asked = true;
                        box->button(button)->click();
                    }
            });
        };
        bool asked = false;
        answer(QMessageBox::Cancel, &asked);
        QTest::mouseClick(child<QPushButton>("serverButton"), Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY(server->isListening());
        asked = false;
        answer(QMessageBox::Yes, &asked);
        QTest::mouseClick(child<QPushButton>("serverButton"), Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY(!server->isListening());
        QVERIFY(child<QLineEdit>("shareEdit")->isEnabled());

        child<QLineEdit>("shareEdit")->setText(m_dir->filePath(u"does-not-exist"_s));
        QTest::mouseClick(child<QPushButton>("serverButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>("serverStatus")->text().contains(u"does-not-exist"_s));
    }

    // The largest upload (the CLI's --max-upload) chosen in the server box: applied on start (a real client's
    // 2 MiB upload is refused with 413 under a 1 MiB limit, a smaller one is taken), locked while serving, off for a
    // read-only server, and remembered with the tab's settings.
    void uploadLimitIsAppliedAndRemembered()
    {
        const QString share = m_dir->filePath(u"share"_s);
        QVERIFY(QDir().mkpath(share));
        child<QLineEdit>("shareEdit")->setText(share);
        child<QSpinBox>("serverPortSpin")->setValue(0);
        auto *limit = child<QSpinBox>("serverMaxUpload");
        QCOMPARE(limit->value(), 0);
        QCOMPARE(limit->text(), u"no limit"_s);
        limit->setValue(1);
        QVERIFY(limit->text().contains(u"1"_s));
        QTest::mouseClick(child<QPushButton>("serverButton"), Qt::LeftButton);
        QVERIFY(!limit->isEnabled());
        const quint16 port = quint16(child<QSpinBox>("portSpin")->value());
        QTcpSocket student;
        student.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(student.waitForConnected(5000));
        QTRY_VERIFY(student.canReadLine());
        QVERIFY(student.readLine().startsWith("HELLO socketeer-files 1 rw"));
        student.write("PUT 2097152 big.bin\n");
        QTRY_VERIFY(student.canReadLine());
        const QByteArray refused = student.readLine();
        QVERIFY2(refused.startsWith("ERR 413 "), refused.constData());
        QVERIFY2(refused.contains("1048576"), refused.constData());
        student.write("PUT 1024 small.bin\n");
        QTRY_VERIFY(student.canReadLine());
        const QByteArray ready = student.readLine();
        QVERIFY2(ready.startsWith("READY 0"), ready.constData());
        student.abort();

        QSettings settings(m_dir->filePath(u"files.ini"_s), QSettings::IniFormat);
        m_tab->saveSettings(settings);
        FilesTab again;
        again.restoreSettings(settings);
        auto *restored = again.findChild<QSpinBox *>(u"serverMaxUpload"_s);
        QCOMPARE(restored->value(), 1);
        QVERIFY(restored->isEnabled());
        again.findChild<QCheckBox *>(u"serverReadOnly"_s)->setChecked(true);   // no uploads: nothing to limit
        QVERIFY(!restored->isEnabled());
    }

    void closingWhileBusyIsClean()
    {
        // the tab goes away with its local server running and a download in flight
        child<QLineEdit>("shareEdit")->setText(m_root);
        child<QSpinBox>("serverPortSpin")->setValue(0);
        QTest::mouseClick(child<QPushButton>("serverButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>("serverStatus")->text().contains(QString::number(child<QSpinBox>("portSpin")->value())));
        m_tab->refreshRemote();
        // The first progress report queues the tab's destruction: the client reads on this thread, so the
        // queued call runs on the next event-loop pass, long before 32 MiB have arrived. Polling instead could
        // miss the whole transfer between two polls on a fast machine.
        bool inFlightAtClose = false;
        bool closed = false;
        TransferQueue *queue = m_tab->queue();
        connect(queue, &TransferQueue::jobChanged, this, [&](int id) {
            const TransferQueue::Job *job = queue->job(id);
            if (closed || job->status != TransferQueue::Status::Running || job->done <= 0)
                return;
            closed = true;
            QMetaObject::invokeMethod(this, [&] {
                inFlightAtClose = lastJob().status == TransferQueue::Status::Running && lastJob().done < m_big.size();
                m_tab.reset();
            }, Qt::QueuedConnection);
        });
        m_tab->downloadRemote({u"big.bin"_s});
        QTRY_VERIFY_WITH_TIMEOUT(closed && !m_tab, kWaitMs);
        QVERIFY(inFlightAtClose);
        QVERIFY(!QFile::exists(m_local + u"/big.bin"_s));   // never verified, so never renamed into place
    }

    // Thousands of queued transfers are rows of a model painted by a delegate: no widget per row.
    void queueScalesAsAModel()
    {
        TransferQueue *queue = m_tab->queue();   // no server set: the jobs stay queued
        for (int i = 0; i < 3000; ++i)
            queue->enqueue(TransferQueue::Direction::Download, u"f%1.bin"_s.arg(i), m_local + u"/f%1.bin"_s.arg(i));
        auto *view = child<QTreeView>("queueView");
        QCOMPARE(queueModel()->rowCount(), 3000);
        QCOMPARE(queueText(2999, 0), u"f2999.bin"_s);
        QCOMPARE(view->indexWidget(queueModel()->index(0, 2)), nullptr);
        QVERIFY(qobject_cast<widgets::files::ProgressDelegate *>(view->itemDelegateForColumn(2)));
        QVERIFY(view->grab().width() > 0);   // paints (the delegate draws the visible bars)
        QCOMPARE(m_tab->activeWork().size(), 1);   // "3000 transfer(s) waiting"
        selectQueueRow(1500);
        QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
        QCOMPARE(queue->jobs().at(1500).status, TransferQueue::Status::Cancelled);
        QCOMPARE(queueText(1500, 5), u"Cancelled"_s);
        QTest::mouseClick(child<QPushButton>("clearButton"), Qt::LeftButton);
        QCOMPARE(queueModel()->rowCount(), 2999);
        QCOMPARE(queueText(1500, 0), u"f1501.bin"_s);
    }

    void downloadAsksBeforeReplacingALocalFile()
    {
        startServer();
        QVERIFY(writeFile(m_local + u"/a.txt"_s, "my own notes\n"_ba));
        const auto answer = [](const char *button) {
            QTimer::singleShot(0, qApp, [button] {
                for (QWidget *w : QApplication::topLevelWidgets())
                    if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == u"overwriteDialog"_s)
                        box->findChild<QPushButton *>(QLatin1StringView(button))->click();
            });
        };
        answer("skip");
        m_tab->downloadRemote({u"a.txt"_s});
        QVERIFY(m_tab->queue()->jobs().isEmpty());
        QCOMPARE(readFile(m_local + u"/a.txt"_s), "my own notes\n"_ba);

        answer("keepBoth");
        m_tab->downloadRemote({u"a.txt"_s});
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QCOMPARE(readFile(m_local + u"/a (1).txt"_s), "alpha\n"_ba);
        QCOMPARE(readFile(m_local + u"/a.txt"_s), "my own notes\n"_ba);

        answer("replace");
        m_tab->downloadRemote({u"a.txt"_s});
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QCOMPARE(readFile(m_local + u"/a.txt"_s), "alpha\n"_ba);
        QCOMPARE(m_tab->queue()->jobs().size(), 2);
    }

    void datesFollowTheLanguageAndNewRowsAreShown()
    {
        startServer();
        auto *remote = child<QTreeWidget>("remoteView");
        QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(remote->topLevelItemCount(), 2, kWaitMs);
        const QDateTime modified = QFileInfo(m_root + u"/a.txt"_s).lastModified();
        const QLocale before;
        QCOMPARE(remote->topLevelItem(0)->text(2), before.toString(modified, QLocale::ShortFormat));
        const QLocale chinese(QLocale::Chinese, QLocale::China);
        QLocale::setDefault(chinese);
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(m_tab.get(), &change);
        QCOMPARE(remote->topLevelItem(0)->text(2), chinese.toString(modified, QLocale::ShortFormat));
        QLocale::setDefault(before);

        // Rows added to a long queue scroll into view.
        auto *view = child<QTreeView>("queueView");
        for (int i = 0; i < 60; ++i)
            m_tab->queue()->enqueue(TransferQueue::Direction::Upload, u"x%1"_s.arg(i), m_dir->filePath(u"missing"_s));
        const QModelIndex last = queueModel()->index(queueModel()->rowCount() - 1, 0);
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(last)));
    }

    void languageChangeKeepsState()
    {
        startServer();
        m_tab->downloadRemote({u"a.txt"_s});
        QTRY_COMPARE_WITH_TIMEOUT(lastJob().status, TransferQueue::Status::Verified, kWaitMs);
        QEvent change(QEvent::LanguageChange);
        QApplication::sendEvent(m_tab.get(), &change);
        QCOMPARE(m_tab->title(), u"File transfer"_s);
        QVERIFY(queueText(0, 5).contains(u"SHA-256"_s));
    }
};

QTEST_MAIN(TestFilesTab)
#include "tst_filestab.moc"

#pragma once

#include "netcore/common/error.h"
#include "netcore/files/errors.h"
#include "netcore/files/pathjail.h"
#include "netcore/files/transferclient.h"
#include "widgets/common/serverhost.h"
#include "widgets/common/tabpage.h"
#include "widgets/files/transferqueue.h"

#include <QPointer>

class QCheckBox;
class QComboBox;
class QFileSystemModel;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;
class QTreeView;

namespace netcore::common { class Transcript; }
namespace netcore::files { class FileServer; }
namespace widgets::common { class WireView; }

namespace widgets::files {

class LocalListView;
class RemoteListView;
class TransferModel;

// What the queue buttons do to the selected transfers.
enum class QueueAction : int { Pause, Resume, Cancel, Retry };
// Whose conversation the wire view shows (the item data of the wire source box).
enum class WireSource : int { Client, Server };

// The File transfer tab: a local folder and the server's listing side by side (drag and drop both ways and
// from the desktop), a transfer queue (progress, speed, time left, pause/resume/cancel/retry, verified tick
// or the reason it failed), a one-click local server for one-machine demos, and the wire view.
class FilesTab final : public common::TabPage, public common::ServerHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesTab)

public:
    explicit FilesTab(QWidget *parent = nullptr);
    ~FilesTab() override;

    QString title() const override;
    QString settingsKey() const override;
    void saveSettings(QSettings &settings) const override;
    void restoreSettings(QSettings &settings) override;
    QStringList activeWork() const override;
    common::ServerKind serverKind() const override { return common::ServerKind::Files; }
    netcore::common::Server *hostedServer() const override;
    bool startForClass() override;
    void stopServer() override;
    bool servesWritable() const override;
    void serveReadOnly() override;

    TransferQueue *queue() const { return m_queue; }
    static QString defaultShareFolder();   // ~/Socketeer 共享, created on demand when the server starts
    // A download would replace a different local file of the same name: what the user chose.
    enum class Collision : quint8 { Replace, KeepBoth, Skip };
    static QString keepBothPath(const QString &path);   // "notes (1).pdf" beside "notes.pdf", the first free one
    void setLocalFolder(const QString &path);
    void refreshRemote();
    void downloadRemote(const QStringList &names);
    void uploadLocal(const QStringList &paths);

private:
    void buildUi();
    QWidget *buildConnectionRow();
    QWidget *buildPanes();
    QWidget *buildQueue();
    QGroupBox *buildServerBox();
    void retranslateUi() override;
    void updateEnabledState();
    void applyServerSettings();
    netcore::files::ClientDialect dialect() const;
    void showListing(const QList<netcore::files::RemoteFileInfo> &files);
    void fillRemote();                                   // the rows of m_remoteFiles, dates in the current language
    Collision askCollision(const QString &localPath);
    void onListFailed(netcore::files::Error error);
    void onJobChanged(int id);
    void onServerError(netcore::files::Error error);
    QString serverStatusText() const;
    void onQueueAction(QueueAction action);
    void onDownloadClicked();
    void onUploadClicked();
    void onServerButton();
    void onWireSourceChanged();
    QList<int> selectedJobIds() const;

    // engines
    TransferQueue *m_queue = nullptr;
    netcore::common::Transcript *m_clientTranscript = nullptr;
    netcore::common::Transcript *m_serverTranscript = nullptr;
    netcore::files::FileServer *m_server = nullptr;
    QPointer<netcore::files::TransferClient> m_lister;

    // connection row
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_hostEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QComboBox *m_protocolCombo = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLabel *m_classicNote = nullptr;

    // panes
    QLabel *m_localLabel = nullptr;
    QLineEdit *m_localFolderEdit = nullptr;
    QPushButton *m_browseLocal = nullptr;
    QFileSystemModel *m_localModel = nullptr;
    LocalListView *m_localView = nullptr;
    QLabel *m_remoteLabel = nullptr;
    RemoteListView *m_remoteView = nullptr;
    QPushButton *m_uploadButton = nullptr;
    QPushButton *m_downloadButton = nullptr;

    // queue
    QLabel *m_queueLabel = nullptr;
    QTreeView *m_queueView = nullptr;
    TransferModel *m_queueModel = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_clearButton = nullptr;

    // local server
    QGroupBox *m_serverBox = nullptr;
    QLabel *m_shareLabel = nullptr;
    QLineEdit *m_shareEdit = nullptr;
    QPushButton *m_browseShare = nullptr;
    QLabel *m_serverPortLabel = nullptr;
    QSpinBox *m_serverPortSpin = nullptr;
    QCheckBox *m_serverClassic = nullptr;
    QCheckBox *m_serverReadOnly = nullptr;
    QCheckBox *m_serverOverwrite = nullptr;
    QLabel *m_serverMaxUploadLabel = nullptr;
    QSpinBox *m_serverMaxUpload = nullptr;   // MiB; 0 = no limit (the special value)
    QPushButton *m_serverButton = nullptr;
    QLabel *m_serverStatus = nullptr;

    // wire view
    QLabel *m_wireLabel = nullptr;
    QComboBox *m_wireSource = nullptr;
    common::WireView *m_wireView = nullptr;

    bool m_listing = false;
    bool m_stopConfirmed = false;   // stopServer(): the panel asked already
    QList<netcore::files::RemoteFileInfo> m_remoteFiles;
    netcore::files::Error m_listError = netcore::files::Error::None;
    netcore::common::ErrorDetail m_listErrorDetail;
    netcore::files::Error m_serverError = netcore::files::Error::None;   // why the last start failed
};

} // namespace widgets::files

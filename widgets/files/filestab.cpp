#include "widgets/files/filestab.h"

#include "netcore/files/sharefolder.h"
#include "netcore/common/transcript.h"
#include "netcore/files/fileserver.h"
#include "netcore/files/protocol.h"
#include "presentation/files/filestext.h"
#include "widgets/common/wireview.h"
#include "widgets/files/dropviews.h"
#include "widgets/files/progressdelegate.h"
#include "widgets/files/transfermodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace widgets::files {
namespace {

constexpr int kMaxUploadLimitMiB = 1024 * 1024;   // the largest limit the box offers: 1 TiB

} // namespace

FilesTab::FilesTab(QWidget *parent)
    : common::TabPage(parent)
    , m_queue(new TransferQueue(this))
    , m_clientTranscript(new netcore::common::Transcript(this))
    , m_serverTranscript(new netcore::common::Transcript(this))
    , m_server(new netcore::files::FileServer(this))
    , m_queueModel(new TransferModel(m_queue, this))
{
    setObjectName(u"FilesTab"_s);
    m_queue->setTranscript(m_clientTranscript);
    m_server->setTranscript(m_serverTranscript);
    buildUi();
    retranslateUi();
    setLocalFolder(QDir::homePath());
    m_shareEdit->setText(defaultShareFolder());
    connect(m_queue, &TransferQueue::jobChanged, this, &FilesTab::onJobChanged);
    connect(m_queue, &TransferQueue::jobsRemoved, this, &FilesTab::updateEnabledState);
    connect(m_queue, &TransferQueue::uploadFinished, this, &FilesTab::refreshRemote);
    connect(m_server, &netcore::files::FileServer::stateChanged, this, &FilesTab::updateEnabledState);
    connect(m_server, &netcore::files::FileServer::errorOccurred, this, &FilesTab::onServerError);
    connect(m_server, &netcore::files::FileServer::clientAdded, this, &FilesTab::updateEnabledState);
    connect(m_server, &netcore::files::FileServer::clientRemoved, this, &FilesTab::updateEnabledState);
    updateEnabledState();
}

FilesTab::~FilesTab()
{
    // Stop the engines while the widgets they notify still exist: the server's stop() and the queue's
    // aborts Q_EMIT signals, and their sessions record into the transcripts the wire view shows.
    m_server->disconnect(this);
    m_queue->disconnect(this);
    if (m_lister)
        m_lister->disconnect(this);
    // Children Q_EMIT while they are torn down (a line edit losing focus says editingFinished): not to us.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
    m_wireView->setTranscript(nullptr);
    delete m_queue;
    delete m_server;
}

QString FilesTab::defaultShareFolder()
{
    return netcore::files::defaultShareFolder();
}

QString FilesTab::title() const
{
    return tr("File transfer");
}

QString FilesTab::settingsKey() const
{
    return u"files"_s;
}

void FilesTab::buildUi()
{
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(buildConnectionRow());
    m_classicNote = new QLabel(top);
    m_classicNote->setObjectName(u"classicNote"_s);
    m_classicNote->setWordWrap(true);
    m_classicNote->setFrameShape(QFrame::StyledPanel);
    topLayout->addWidget(m_classicNote);
    topLayout->addWidget(buildPanes(), 3);
    topLayout->addWidget(buildQueue(), 2);
    topLayout->addWidget(buildServerBox());

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *wireRow = new QHBoxLayout;
    m_wireLabel = new QLabel(bottom);
    m_wireSource = new QComboBox(bottom);
    m_wireSource->setObjectName(u"wireSource"_s);
    m_wireSource->addItem(QString(), QVariant::fromValue(int(WireSource::Client)));
    m_wireSource->addItem(QString(), QVariant::fromValue(int(WireSource::Server)));
    wireRow->addWidget(m_wireLabel);
    wireRow->addWidget(m_wireSource);
    wireRow->addStretch();
    bottomLayout->addLayout(wireRow);
    m_wireView = new common::WireView(bottom);
    m_wireView->setObjectName(u"wireView"_s);
    m_wireView->setTranscript(m_clientTranscript);
    bottomLayout->addWidget(m_wireView);
    connect(m_wireSource, &QComboBox::currentIndexChanged, this, &FilesTab::onWireSourceChanged);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

QWidget *FilesTab::buildConnectionRow()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hostLabel = new QLabel(row);
    m_hostEdit = new QLineEdit(u"127.0.0.1"_s, row);
    m_hostEdit->setObjectName(u"hostEdit"_s);
    m_portSpin = new QSpinBox(row);
    m_portSpin->setObjectName(u"portSpin"_s);
    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(netcore::files::kDefaultPort);
    m_protocolCombo = new QComboBox(row);
    m_protocolCombo->setObjectName(u"protocolCombo"_s);
    for (const auto dialect : {netcore::files::ClientDialect::Native, netcore::files::ClientDialect::Classic2018,
                               netcore::files::ClientDialect::Classic2020})
        m_protocolCombo->addItem(QString(), QVariant::fromValue(int(dialect)));
    m_connectButton = new QPushButton(row);
    m_connectButton->setObjectName(u"connectButton"_s);
    layout->addWidget(m_hostLabel);
    layout->addWidget(m_hostEdit, 2);
    layout->addWidget(m_portSpin);
    layout->addWidget(m_protocolCombo, 1);
    layout->addWidget(m_connectButton);
    connect(m_connectButton, &QPushButton::clicked, this, &FilesTab::refreshRemote);
    connect(m_hostEdit, &QLineEdit::returnPressed, this, &FilesTab::refreshRemote);
    connect(m_protocolCombo, &QComboBox::currentIndexChanged, this, &FilesTab::retranslateUi);
    return row;
}

QWidget *FilesTab::buildPanes()
{
    auto *panes = new QWidget(this);
    auto *layout = new QHBoxLayout(panes);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *local = new QVBoxLayout;
    auto *folderRow = new QHBoxLayout;
    m_localLabel = new QLabel(panes);
    m_localFolderEdit = new QLineEdit(panes);
    m_localFolderEdit->setObjectName(u"localFolderEdit"_s);
    m_browseLocal = new QPushButton(panes);
    folderRow->addWidget(m_localLabel);
    folderRow->addWidget(m_localFolderEdit, 1);
    folderRow->addWidget(m_browseLocal);
    local->addLayout(folderRow);
    m_localModel = new QFileSystemModel(this);
    m_localModel->setFilter(QDir::Files | QDir::NoDotAndDotDot);
    m_localView = new LocalListView(panes);
    m_localView->setObjectName(u"localView"_s);
    m_localView->setModel(m_localModel);
    local->addWidget(m_localView);
    layout->addLayout(local, 1);

    auto *middle = new QVBoxLayout;
    m_uploadButton = new QPushButton(panes);
    m_uploadButton->setObjectName(u"uploadButton"_s);
    m_downloadButton = new QPushButton(panes);
    m_downloadButton->setObjectName(u"downloadButton"_s);
    middle->addStretch();
    middle->addWidget(m_uploadButton);
    middle->addWidget(m_downloadButton);
    middle->addStretch();
    layout->addLayout(middle);

    auto *remote = new QVBoxLayout;
    m_remoteLabel = new QLabel(panes);
    remote->addWidget(m_remoteLabel);
    m_remoteView = new RemoteListView(panes);
    m_remoteView->setObjectName(u"remoteView"_s);
    m_remoteView->setColumnCount(3);
    remote->addWidget(m_remoteView);
    layout->addLayout(remote, 1);

    connect(m_localFolderEdit, &QLineEdit::editingFinished, this, [this] { setLocalFolder(m_localFolderEdit->text()); });
    connect(m_browseLocal, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Local folder"), m_localFolderEdit->text());
        if (!dir.isEmpty())
            setLocalFolder(dir);
    });
    connect(m_uploadButton, &QPushButton::clicked, this, &FilesTab::onUploadClicked);
    connect(m_downloadButton, &QPushButton::clicked, this, &FilesTab::onDownloadClicked);
    connect(m_remoteView, &QTreeWidget::itemDoubleClicked, this, &FilesTab::onDownloadClicked);
    connect(m_remoteView, &RemoteListView::localFilesDropped, this, &FilesTab::uploadLocal);
    connect(m_localView, &LocalListView::remoteNamesDropped, this, &FilesTab::downloadRemote);
    connect(m_remoteView, &QTreeWidget::itemSelectionChanged, this, &FilesTab::updateEnabledState);
    return panes;
}

QWidget *FilesTab::buildQueue()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_queueLabel = new QLabel(box);
    row->addWidget(m_queueLabel);
    row->addStretch();
    m_pauseButton = new QPushButton(box);
    m_pauseButton->setObjectName(u"pauseButton"_s);
    m_resumeButton = new QPushButton(box);
    m_resumeButton->setObjectName(u"resumeButton"_s);
    m_cancelButton = new QPushButton(box);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_retryButton = new QPushButton(box);
    m_retryButton->setObjectName(u"retryButton"_s);
    m_clearButton = new QPushButton(box);
    m_clearButton->setObjectName(u"clearButton"_s);
    for (QPushButton *button : {m_pauseButton, m_resumeButton, m_cancelButton, m_retryButton, m_clearButton})
        row->addWidget(button);
    layout->addLayout(row);
    m_queueView = new QTreeView(box);
    m_queueView->setObjectName(u"queueView"_s);
    m_queueView->setModel(m_queueModel);
    m_queueView->setItemDelegateForColumn(TransferModel::ProgressColumn, new ProgressDelegate(m_queueView));
    m_queueView->setRootIsDecorated(false);
    // A new transfer is shown where it is added (the model appends its row first).
    connect(m_queue, &TransferQueue::jobAdded, m_queueView, [this] {
        const int last = m_queueModel->rowCount() - 1;
        if (last >= 0)
            m_queueView->scrollTo(m_queueModel->index(last, 0));
    }, Qt::QueuedConnection);
    m_queueView->setUniformRowHeights(true);   // thousands of rows: no per-row size queries
    m_queueView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->header()->resizeSection(TransferModel::FileColumn, fontMetrics().horizontalAdvance(u'M') * 18);
    m_queueView->header()->resizeSection(TransferModel::ProgressColumn, fontMetrics().horizontalAdvance(u'M') * 16);
    layout->addWidget(m_queueView);
    connect(m_pauseButton, &QPushButton::clicked, this, [this] { onQueueAction(QueueAction::Pause); });
    connect(m_resumeButton, &QPushButton::clicked, this, [this] { onQueueAction(QueueAction::Resume); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { onQueueAction(QueueAction::Cancel); });
    connect(m_retryButton, &QPushButton::clicked, this, [this] { onQueueAction(QueueAction::Retry); });
    connect(m_clearButton, &QPushButton::clicked, m_queue, &TransferQueue::clearFinished);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FilesTab::updateEnabledState);
    return box;
}

QGroupBox *FilesTab::buildServerBox()
{
    m_serverBox = new QGroupBox(this);
    auto *layout = new QGridLayout(m_serverBox);
    m_shareLabel = new QLabel(m_serverBox);
    m_shareEdit = new QLineEdit(m_serverBox);
    m_shareEdit->setObjectName(u"shareEdit"_s);
    m_browseShare = new QPushButton(m_serverBox);
    m_serverPortLabel = new QLabel(m_serverBox);
    m_serverPortSpin = new QSpinBox(m_serverBox);
    m_serverPortSpin->setObjectName(u"serverPortSpin"_s);
    m_serverPortSpin->setRange(0, 65535);
    m_serverPortSpin->setValue(netcore::files::kDefaultPort);
    m_serverClassic = new QCheckBox(m_serverBox);
    m_serverClassic->setObjectName(u"serverClassic"_s);
    m_serverReadOnly = new QCheckBox(m_serverBox);
    m_serverOverwrite = new QCheckBox(m_serverBox);
    m_serverOverwrite->setObjectName(u"serverOverwrite"_s);
    m_serverReadOnly->setObjectName(u"serverReadOnly"_s);
    // The largest upload accepted (the CLI's --max-upload), in MiB; 0 shows "no limit".
    m_serverMaxUploadLabel = new QLabel(m_serverBox);
    m_serverMaxUpload = new QSpinBox(m_serverBox);
    m_serverMaxUpload->setObjectName(u"serverMaxUpload"_s);
    m_serverMaxUpload->setRange(0, kMaxUploadLimitMiB);
    m_serverMaxUpload->setValue(0);
    m_serverMaxUploadLabel->setBuddy(m_serverMaxUpload);
    auto *limit = new QHBoxLayout;
    limit->setContentsMargins(0, 0, 0, 0);
    limit->addWidget(m_serverMaxUploadLabel);
    limit->addWidget(m_serverMaxUpload);
    m_serverButton = new QPushButton(m_serverBox);
    m_serverButton->setObjectName(u"serverButton"_s);
    m_serverStatus = new QLabel(m_serverBox);
    m_serverStatus->setObjectName(u"serverStatus"_s);
    m_serverStatus->setWordWrap(true);
    layout->addWidget(m_shareLabel, 0, 0);
    layout->addWidget(m_shareEdit, 0, 1, 1, 4);
    layout->addWidget(m_browseShare, 0, 5);
    layout->addWidget(m_serverPortLabel, 0, 6);
    layout->addWidget(m_serverPortSpin, 0, 7);
    layout->addWidget(m_serverClassic, 1, 1);
    layout->addWidget(m_serverReadOnly, 1, 2);
    layout->addWidget(m_serverOverwrite, 1, 3);
    layout->addLayout(limit, 1, 4);
    layout->addWidget(m_serverStatus, 1, 5);
    layout->addWidget(m_serverButton, 1, 6, 1, 2);
    layout->setColumnStretch(5, 1);
    connect(m_browseShare, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder to share"), m_shareEdit->text());
        if (!dir.isEmpty())
            m_shareEdit->setText(dir);
    });
    connect(m_serverButton, &QPushButton::clicked, this, &FilesTab::onServerButton);
    connect(m_serverReadOnly, &QCheckBox::toggled, this, &FilesTab::updateEnabledState);   // no uploads: no limit
    return m_serverBox;
}


void FilesTab::retranslateUi()
{
    m_hostLabel->setText(tr("Server:"));
    m_hostEdit->setPlaceholderText(tr("host name or address"));
    using netcore::files::ClientDialect;
    m_protocolCombo->setItemText(m_protocolCombo->findData(int(ClientDialect::Native)), tr("Socketeer (verified, resumable)"));
    m_protocolCombo->setItemText(m_protocolCombo->findData(int(ClientDialect::Classic2018)),
                                 tr("Classic course protocol 2018/19 (L/G/P/Q)"));
    m_protocolCombo->setItemText(m_protocolCombo->findData(int(ClientDialect::Classic2020)),
                                 tr("Classic course protocol 2020 (LIST/RETR/STOR/EXIT)"));
    m_connectButton->setText(tr("Connect / refresh"));
    m_classicNote->setText(
        tr("Classic mode speaks the course's file-server protocol. It has no framing: the server pauses 0.1 s "
           "between messages and ends a download with \"##\", hoping each recv() gets one message (sticky packets, "
           "粘包). So it is slower, a file ending in \"##\" can be cut, there is no resume and no checksum. The wire "
           "view shows each read as it arrived."));
    m_classicNote->setVisible(dialect() != ClientDialect::Native);
    m_localLabel->setText(tr("Local folder:"));
    m_browseLocal->setText(tr("Browse…"));
    m_remoteLabel->setText(m_listError == netcore::files::Error::None
                               ? tr("Files on the server (drop files here to upload):")
                               : tr("Files on the server: %1").arg(presentation::files::errorText(m_listError, m_listErrorDetail)));
    m_remoteView->setHeaderLabels({tr("Name"), tr("Size"), tr("Modified")});
    fillRemote();   // dates and sizes in the language now shown
    m_uploadButton->setText(tr("Upload →"));
    m_downloadButton->setText(tr("← Download"));
    m_queueLabel->setText(tr("Transfers:"));
    m_pauseButton->setText(tr("Pause"));
    m_resumeButton->setText(tr("Resume"));
    m_cancelButton->setText(tr("Cancel"));
    m_retryButton->setText(tr("Retry"));
    m_clearButton->setText(tr("Clear finished"));
    m_queueModel->retranslate();
    m_serverBox->setTitle(tr("Local server (for one-machine demos)"));
    m_shareLabel->setText(tr("Share folder:"));
    m_browseShare->setText(tr("Browse…"));
    m_serverPortLabel->setText(tr("Port:"));
    m_serverClassic->setText(tr("Classic protocol"));
    m_serverReadOnly->setText(tr("Read-only"));
    m_serverOverwrite->setText(tr("Allow overwrite"));
    m_serverMaxUploadLabel->setText(tr("Largest upload:"));
    m_serverMaxUpload->setSpecialValueText(tr("no limit"));
    m_serverMaxUpload->setSuffix(tr(" MiB"));
    m_serverMaxUpload->setToolTip(tr("Uploads larger than this are refused before any byte is sent (like "
                                     "socketeer serve files --max-upload)."));
    m_wireLabel->setText(tr("Wire view:"));
    m_wireSource->setItemText(m_wireSource->findData(int(WireSource::Client)), tr("this tab's client connections"));
    m_wireSource->setItemText(m_wireSource->findData(int(WireSource::Server)), tr("the local server"));
    updateEnabledState();
}

} // namespace widgets::files

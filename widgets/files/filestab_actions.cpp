// FilesTab: what the buttons, drops and engines do (split from filestab.cpp, which builds the UI).
#include "widgets/files/filestab.h"

#include "netcore/files/sharefolder.h"
#include "netcore/common/transcript.h"
#include "netcore/files/fileserver.h"
#include "presentation/files/filestext.h"
#include "presentation/lookup/handouttext.h"
#include "widgets/common/wireview.h"
#include "widgets/files/dropviews.h"
#include "widgets/files/transfermodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using netcore::files::ClientDialect;
using netcore::files::TransferClient;
using Job = widgets::files::TransferQueue::Job;
using Status = widgets::files::TransferQueue::Status;

namespace widgets::files {
namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace

ClientDialect FilesTab::dialect() const
{
    return ClientDialect(m_protocolCombo->currentData().toInt());
}

void FilesTab::setLocalFolder(const QString &path)
{
    if (path.isEmpty() || !QFileInfo(path).isDir())
        return;
    m_localFolderEdit->setText(path);
    m_localView->setRootIndex(m_localModel->setRootPath(path));
}

void FilesTab::applyServerSettings()
{
    m_queue->setServer(m_hostEdit->text().trimmed(), quint16(m_portSpin->value()), dialect());
}

void FilesTab::refreshRemote()
{
    applyServerSettings();
    const QString host = m_hostEdit->text().trimmed();
    if (host.isEmpty())
        return;
    delete m_lister;
    m_listing = true;
    m_listError = netcore::files::Error::None;
    m_listErrorDetail = {};
    TransferClient *client = netcore::files::createClient(dialect(), this);
    m_lister = client;
    client->setTranscript(m_clientTranscript);
    connect(client, &TransferClient::connected, client, &TransferClient::list);
    connect(client, &TransferClient::listed, this, [this, client](const QList<netcore::files::RemoteFileInfo> &files) {
        showListing(files);
        client->quit();
    });
    connect(client, &TransferClient::errorOccurred, this, &FilesTab::onListFailed);
    connect(client, &TransferClient::disconnected, client, &QObject::deleteLater);
    client->connectToServer(host, quint16(m_portSpin->value()));
    updateEnabledState();
}

void FilesTab::showListing(const QList<netcore::files::RemoteFileInfo> &files)
{
    m_listing = false;
    m_remoteFiles = files;
    Q_EMIT statusMessage(tr("%n file(s) on the server.", nullptr, int(files.size())));
    retranslateUi();   // fills the rows
}

void FilesTab::fillRemote()
{
    QStringList selected;
    for (const QTreeWidgetItem *item : m_remoteView->selectedItems())
        selected.append(item->text(0));
    m_remoteView->clear();
    for (const auto &file : std::as_const(m_remoteFiles)) {
        auto *item = new QTreeWidgetItem(m_remoteView);
        item->setText(0, file.name);
        item->setText(1, file.size >= 0 ? sizeText(file.size) : tr("unknown"));
        item->setData(1, Qt::UserRole, file.size);
        item->setText(2, file.modified.isValid() ? QLocale().toString(file.modified.toLocalTime(), QLocale::ShortFormat)
                                                 : QString());
        item->setSelected(selected.contains(file.name));
    }
}

void FilesTab::onListFailed(netcore::files::Error error)
{
    m_listing = false;
    m_listError = error;
    m_listErrorDetail = m_lister ? m_lister->errorDetail() : netcore::common::ErrorDetail{};
    Q_EMIT statusMessage(tr("Could not list the server's files: %1")
                             .arg(presentation::files::errorText(m_listError, m_listErrorDetail)));
    retranslateUi();
}

void FilesTab::downloadRemote(const QStringList &names)
{
    applyServerSettings();
    const QString folder = m_localFolderEdit->text();
    for (const QString &name : names) {
        QString target = QDir(folder).filePath(name);
        // A different file of that name is here already: ask (an interrupted download resumes from its .part).
        if (QFileInfo::exists(target)) {
            switch (askCollision(target)) {
            case Collision::Skip:
                continue;
            case Collision::KeepBoth:
                target = keepBothPath(target);
                break;
            case Collision::Replace:
                break;
            }
        }
        m_queue->enqueue(TransferQueue::Direction::Download, name, target);
    }
}

QString FilesTab::keepBothPath(const QString &path)
{
    const QFileInfo info(path);
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : u"."_s + info.suffix();
    for (int i = 1;; ++i) {
        const QString candidate = info.dir().filePath(u"%1 (%2)%3"_s.arg(base).arg(i).arg(suffix));
        if (!QFileInfo::exists(candidate) && !QFileInfo::exists(candidate + u".part"_s))
            return candidate;
    }
}

FilesTab::Collision FilesTab::askCollision(const QString &localPath)
{
    const QFileInfo info(localPath);
    QMessageBox box(QMessageBox::Question, tr("Replace the local file?"),
                    tr("%1 is already in %2 (%3, changed %4). Replace it with the server's file?")
                        .arg(info.fileName(), info.absolutePath(), sizeText(info.size()),
                             QLocale().toString(info.lastModified(), QLocale::ShortFormat)),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"overwriteDialog"_s);
    QPushButton *replace = box.addButton(tr("Replace"), QMessageBox::DestructiveRole);
    QPushButton *both = box.addButton(tr("Keep both"), QMessageBox::AcceptRole);
    QPushButton *skip = box.addButton(tr("Skip"), QMessageBox::RejectRole);
    replace->setObjectName(u"replace"_s);
    both->setObjectName(u"keepBoth"_s);
    skip->setObjectName(u"skip"_s);
    box.setDefaultButton(both);
    box.exec();
    if (box.clickedButton() == replace)
        return Collision::Replace;
    if (box.clickedButton() == both)
        return Collision::KeepBoth;
    return Collision::Skip;
}

void FilesTab::uploadLocal(const QStringList &paths)
{
    applyServerSettings();
    for (const QString &path : paths)
        m_queue->enqueue(TransferQueue::Direction::Upload, QFileInfo(path).fileName(), path);
}

void FilesTab::onDownloadClicked()
{
    QStringList names;
    for (const QTreeWidgetItem *item : m_remoteView->selectedItems())
        names << item->text(0);
    downloadRemote(names);
}

void FilesTab::onUploadClicked()
{
    QStringList paths;
    for (const QModelIndex &index : m_localView->selectionModel()->selectedRows())
        paths << m_localModel->filePath(index);
    uploadLocal(paths);
}

QList<int> FilesTab::selectedJobIds() const
{
    QList<int> ids;
    for (const QModelIndex &index : m_queueView->selectionModel()->selectedRows(TransferModel::FileColumn))
        ids << index.data(TransferModel::IdRole).toInt();
    return ids;
}

void FilesTab::onQueueAction(QueueAction action)
{
    for (const int id : selectedJobIds()) {
        switch (action) {
        case QueueAction::Pause:
            m_queue->pause(id);
            break;
        case QueueAction::Resume:
            m_queue->resume(id);
            break;
        case QueueAction::Cancel:
            m_queue->cancel(id);
            break;
        case QueueAction::Retry:
            m_queue->retry(id);
            break;
        }
    }
    updateEnabledState();
}

void FilesTab::onJobChanged(int id)
{
    const Job *job = m_queue->job(id);
    if (job && job->status != Status::Running && job->status != Status::Queued)
        updateEnabledState();
}

QString FilesTab::serverStatusText() const
{
    if (m_server->state() == netcore::files::FileServer::State::Listening)
        return tr("Sharing %1 on port %2, %n client(s) connected.", nullptr, m_server->clientCount())
                   .arg(m_server->options().root)
                   .arg(m_server->serverPort())
            + u'\n' + presentation::lookup::studentsConnectText(m_server->serverAddress(), m_server->serverPort(), 2);
    if (m_serverError != netcore::files::Error::None)
        return tr("Could not start: %1").arg(presentation::files::errorText(m_serverError, m_server->errorDetail()));
    return tr("Not running");
}

void FilesTab::onServerError(netcore::files::Error error)
{
    m_serverError = error;
    Q_EMIT statusMessage(tr("Could not start the file server: %1")
                             .arg(presentation::files::errorText(error, m_server->errorDetail())));
    updateEnabledState();
}

void FilesTab::updateEnabledState()
{
    const bool serving = m_server->state() == netcore::files::FileServer::State::Listening;
    m_serverButton->setText(serving ? tr("Stop server") : tr("Start server"));
    for (QWidget *widget : std::initializer_list<QWidget *>{m_shareEdit, m_browseShare, m_serverPortSpin, m_serverClassic,
                                                             m_serverReadOnly, m_serverOverwrite})
        widget->setEnabled(!serving);
    m_serverMaxUpload->setEnabled(!serving && !m_serverReadOnly->isChecked());
    m_serverMaxUploadLabel->setEnabled(m_serverMaxUpload->isEnabled());
    m_serverStatus->setText(serverStatusText());
    m_connectButton->setEnabled(!m_listing);
    m_downloadButton->setEnabled(!m_remoteView->selectedItems().isEmpty());
    bool canPause = false, canResume = false, canCancel = false, canRetry = false;
    for (const int id : selectedJobIds()) {
        const Job *job = m_queue->job(id);
        if (!job)
            continue;
        canPause |= job->status == Status::Running || job->status == Status::Queued;
        canResume |= job->status == Status::Paused;
        canCancel |= job->status == Status::Running || job->status == Status::Queued || job->status == Status::Paused
            || job->status == Status::Failed;
        canRetry |= job->status == Status::Failed || job->status == Status::Cancelled;
    }
    m_pauseButton->setEnabled(canPause && netcore::files::dialectCanResume(dialect()));
    m_resumeButton->setEnabled(canResume);
    m_cancelButton->setEnabled(canCancel);
    m_retryButton->setEnabled(canRetry);
}

void FilesTab::onServerButton()
{
    if (m_server->state() == netcore::files::FileServer::State::Listening) {
        // Students are connected (maybe mid-upload): ask first. The classroom panel asks for itself and calls
        // stopServer(), which comes here with the answer given.
        if (m_server->clientCount() > 0 && !m_stopConfirmed) {
            QMessageBox box(QMessageBox::Question, tr("Stop the file server?"),
                            tr("%n client(s) connected; stopping disconnects them and interrupts their transfers "
                               "(an interrupted upload can resume later).", nullptr, m_server->clientCount()),
                            QMessageBox::Yes | QMessageBox::Cancel, this);
            box.setObjectName(u"confirmStopDialog"_s);
            box.button(QMessageBox::Yes)->setText(tr("Stop"));
            box.setDefaultButton(QMessageBox::Cancel);
            if (box.exec() != QMessageBox::Yes)
                return;
        }
        m_server->stop();
        Q_EMIT statusMessage(tr("The local file server stopped."));
        updateEnabledState();
        return;
    }
    netcore::files::ServerOptions options;
    options.root = m_shareEdit->text();
    if (options.root == defaultShareFolder()) {
        netcore::files::migrateOldShareFolder();
        QDir().mkpath(options.root);
    }
    options.readOnly = m_serverReadOnly->isChecked();
    options.allowOverwrite = m_serverOverwrite->isChecked();
    options.maxUploadSize = m_serverMaxUpload->value() > 0 ? qint64(m_serverMaxUpload->value()) << 20 : -1;
    options.dialect = m_serverClassic->isChecked() ? netcore::files::ServerDialect::Classic
                                                   : netcore::files::ServerDialect::Native;
    m_server->setOptions(options);
    m_serverError = netcore::files::Error::None;
    if (m_server->start(QHostAddress::Any, quint16(m_serverPortSpin->value()))) {
        // Point the client side at it: one machine, both ends.
        m_hostEdit->setText(u"127.0.0.1"_s);
        m_portSpin->setValue(m_server->serverPort());
        const ClientDialect client = m_serverClassic->isChecked() ? ClientDialect::Classic2018 : ClientDialect::Native;
        m_protocolCombo->setCurrentIndex(m_protocolCombo->findData(int(client)));
        Q_EMIT statusMessage(tr("Sharing %1 on port %2.").arg(options.root).arg(m_server->serverPort()));
        refreshRemote();   // the remote pane shows the server just started, not the last "connection refused"
    }
    updateEnabledState();
}

void FilesTab::onWireSourceChanged()
{
    const bool server = WireSource(m_wireSource->currentData().toInt()) == WireSource::Server;
    m_wireView->setTranscript(server ? m_serverTranscript : m_clientTranscript);
}

netcore::common::Server *FilesTab::hostedServer() const
{
    return m_server;
}

bool FilesTab::startForClass()
{
    if (!m_server->isListening())
        onServerButton();
    return m_server->isListening();
}

void FilesTab::stopServer()
{
    if (!m_server->isListening())
        return;
    m_stopConfirmed = true;
    onServerButton();
    m_stopConfirmed = false;
}

bool FilesTab::servesWritable() const
{
    return !m_serverReadOnly->isChecked();
}

void FilesTab::serveReadOnly()
{
    if (!m_server->isListening())
        m_serverReadOnly->setChecked(true);
}

QStringList FilesTab::activeWork() const
{
    QStringList work;
    if (m_server->isListening())
        work << tr("file server on port %1, %n client(s) connected", nullptr, m_server->clientCount()).arg(m_server->serverPort());
    int queued = 0;
    for (const Job &job : m_queue->jobs()) {
        if (job.status == Status::Queued) {
            ++queued;
        } else if (job.status == Status::Running) {
            const int percent = job.total > 0 ? int(job.done * 100 / job.total) : 0;
            work << (job.direction == TransferQueue::Direction::Download
                         ? tr("download of %1, %2 %").arg(job.remoteName).arg(percent)
                         : tr("upload of %1, %2 %").arg(QFileInfo(job.localPath).fileName()).arg(percent));
        }
    }
    if (queued > 0)
        work << tr("%n transfer(s) waiting in the queue", nullptr, queued);
    return work;
}

void FilesTab::saveSettings(QSettings &settings) const
{
    settings.setValue(u"host"_s, m_hostEdit->text());
    settings.setValue(u"port"_s, m_portSpin->value());
    settings.setValue(u"protocol"_s, m_protocolCombo->currentData().toInt());
    settings.setValue(u"localFolder"_s, m_localFolderEdit->text());
    settings.setValue(u"shareFolder"_s, m_shareEdit->text());
    settings.setValue(u"serverPort"_s, m_serverPortSpin->value());
    settings.setValue(u"serverReadOnly"_s, m_serverReadOnly->isChecked());
    settings.setValue(u"serverOverwrite"_s, m_serverOverwrite->isChecked());
    settings.setValue(u"serverMaxUploadMiB"_s, m_serverMaxUpload->value());
}

void FilesTab::restoreSettings(QSettings &settings)
{
    m_hostEdit->setText(settings.value(u"host"_s, m_hostEdit->text()).toString());
    m_portSpin->setValue(settings.value(u"port"_s, m_portSpin->value()).toInt());
    const int saved = m_protocolCombo->findData(settings.value(u"protocol"_s, int(ClientDialect::Native)).toInt());
    m_protocolCombo->setCurrentIndex(qMax(0, saved));
    setLocalFolder(settings.value(u"localFolder"_s).toString());
    const QString share = settings.value(u"shareFolder"_s, m_shareEdit->text()).toString();
    // The hidden folder of earlier versions becomes the visible one (its files move there when the server starts).
    m_shareEdit->setText(share == netcore::files::oldDefaultShareFolder() ? defaultShareFolder() : share);
    m_serverPortSpin->setValue(settings.value(u"serverPort"_s, m_serverPortSpin->value()).toInt());
    m_serverReadOnly->setChecked(settings.value(u"serverReadOnly"_s, m_serverReadOnly->isChecked()).toBool());
    m_serverOverwrite->setChecked(settings.value(u"serverOverwrite"_s, m_serverOverwrite->isChecked()).toBool());
    m_serverMaxUpload->setValue(settings.value(u"serverMaxUploadMiB"_s, m_serverMaxUpload->value()).toInt());
}

} // namespace widgets::files

// FilesTab: what the buttons, drops and engines do (split from filestab.cpp, which builds the UI).
#include "widgets/files/filestab.h"

#include "netcore/common/transcript.h"
#include "widgets/common/wireview.h"
#include "netcore/files/classicclient.h"
#include "widgets/files/dropviews.h"
#include "netcore/files/fileclient.h"
#include "netcore/files/fileserver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using netcore::files::ClassicClient;
using netcore::files::FileClient;
using Job = widgets::files::TransferQueue::Job;
using Status = widgets::files::TransferQueue::Status;

namespace widgets::files {
namespace {

enum QueueColumn { FileColumn, DirectionColumn, ProgressColumn, SpeedColumn, TimeColumn, StatusColumn };
constexpr int kIdRole = Qt::UserRole + 1;

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString durationText(qint64 seconds)
{
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

} // namespace

ClientProtocol FilesTab::protocol() const
{
    switch (m_protocolCombo->currentIndex()) {
    case 1:
        return ClientProtocol::Classic2018;
    case 2:
        return ClientProtocol::Classic2020;
    default:
        return ClientProtocol::Native;
    }
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
    m_queue->setServer(m_hostEdit->text().trimmed(), quint16(m_portSpin->value()), protocol());
}

void FilesTab::refreshRemote()
{
    applyServerSettings();
    const QString host = m_hostEdit->text().trimmed();
    if (host.isEmpty())
        return;
    delete m_lister;
    delete m_classicLister;
    m_listing = true;
    m_listError.clear();
    if (protocol() == ClientProtocol::Native) {
        auto *client = new FileClient(this);
        m_lister = client;
        client->setTranscript(m_clientTranscript);
        connect(client, &FileClient::connected, client, &FileClient::list);
        connect(client, &FileClient::listed, this, [this, client](const QList<netcore::files::RemoteFileInfo> &files) {
            showListing(files);
            client->quit();
        });
        connect(client, &FileClient::errorOccurred, this, [this](FileClient::Error, const QString &message) {
            onListFailed(message);
        });
        connect(client, &FileClient::disconnected, client, &QObject::deleteLater);
        client->connectToServer(host, quint16(m_portSpin->value()));
    } else {
        auto *client = new ClassicClient(this);
        m_classicLister = client;
        client->setTranscript(m_clientTranscript);
        client->setDialect(protocol() == ClientProtocol::Classic2018 ? netcore::files::ClassicDialect::Course2018
                                                                      : netcore::files::ClassicDialect::Course2020);
        connect(client, &ClassicClient::connected, client, &ClassicClient::list);
        connect(client, &ClassicClient::listed, this, [this, client](const QStringList &names) {
            QList<netcore::files::RemoteFileInfo> files;
            for (const QString &name : names)
                files.append({name, -1, {}});
            showListing(files);
            client->quit();
        });
        connect(client, &ClassicClient::errorOccurred, this, [this](ClassicClient::Error, const QString &message) {
            onListFailed(message);
        });
        connect(client, &ClassicClient::disconnected, client, &QObject::deleteLater);
        client->connectToServer(host, quint16(m_portSpin->value()));
    }
    updateEnabledState();
}

void FilesTab::showListing(const QList<netcore::files::RemoteFileInfo> &files)
{
    m_listing = false;
    m_remoteView->clear();
    for (const auto &file : files) {
        auto *item = new QTreeWidgetItem(m_remoteView);
        item->setText(0, file.name);
        item->setText(1, file.size >= 0 ? sizeText(file.size) : tr("unknown"));
        item->setData(1, Qt::UserRole, file.size);
        item->setText(2, file.modified.isValid() ? QLocale().toString(file.modified.toLocalTime(), QLocale::ShortFormat)
                                                 : QString());
    }
    Q_EMIT statusMessage(tr("%n file(s) on the server.", nullptr, int(files.size())));
    retranslateUi();
}

void FilesTab::onListFailed(const QString &message)
{
    m_listing = false;
    m_listError = message;
    Q_EMIT statusMessage(tr("Could not list the server's files: %1").arg(message));
    retranslateUi();
}

void FilesTab::downloadRemote(const QStringList &names)
{
    applyServerSettings();
    const QString folder = m_localFolderEdit->text();
    for (const QString &name : names)
        m_queue->enqueue(TransferQueue::Direction::Download, name, QDir(folder).filePath(name));
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
    for (const QTreeWidgetItem *item : m_queueView->selectedItems())
        ids << item->data(FileColumn, kIdRole).toInt();
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

void FilesTab::onJobAdded(int id)
{
    auto *item = new QTreeWidgetItem(m_queueView);
    item->setData(FileColumn, kIdRole, id);
    auto *bar = new QProgressBar(m_queueView);
    bar->setRange(0, 1000);
    m_queueView->setItemWidget(item, ProgressColumn, bar);
    m_rows.insert(id, item);
    m_bars.insert(id, bar);
    refreshRow(id);
}

void FilesTab::onJobChanged(int id)
{
    refreshRow(id);
    const Job *job = m_queue->job(id);
    if (job && job->status != Status::Running && job->status != Status::Queued)
        updateEnabledState();
}

void FilesTab::onJobsRemoved()
{
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        if (!m_queue->job(it.key())) {
            delete it.value();
            m_bars.remove(it.key());
            it = m_rows.erase(it);
        } else {
            ++it;
        }
    }
    updateEnabledState();
}

QString FilesTab::statusText(const Job &job) const
{
    switch (job.status) {
    case Status::Queued:
        return tr("Queued");
    case Status::Running:
        return job.done > 0 ? tr("Transferring") : tr("Connecting");
    case Status::Paused:
        return tr("Paused (the partial file is kept)");
    case Status::Verified:
        return job.resumedFrom > 0 ? tr("✔ Verified (SHA-256), resumed at %1").arg(sizeText(job.resumedFrom))
                                   : tr("✔ Verified (SHA-256)");
    case Status::Done:
        return tr("Done, not verified (the classic protocol has no checksum)");
    case Status::Failed:
        return tr("✘ Failed: %1").arg(job.reason);
    case Status::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

void FilesTab::refreshRow(int id)
{
    const Job *job = m_queue->job(id);
    QTreeWidgetItem *item = m_rows.value(id);
    if (!job || !item)
        return;
    item->setText(FileColumn, job->direction == TransferQueue::Direction::Download ? job->remoteName : job->localPath);
    item->setText(DirectionColumn, job->direction == TransferQueue::Direction::Download ? tr("Download") : tr("Upload"));
    item->setText(SpeedColumn, job->status == Status::Running && job->speed > 0
                                   ? tr("%1/s").arg(sizeText(qint64(job->speed))) : QString());
    item->setText(TimeColumn, job->secondsLeft ? durationText(*job->secondsLeft) : QString());
    item->setText(StatusColumn, statusText(*job));
    item->setToolTip(StatusColumn, job->sha256.isEmpty() ? statusText(*job)
                                                         : u"SHA-256 "_s + QString::fromLatin1(job->sha256));
    if (QProgressBar *bar = m_bars.value(id)) {
        bar->setValue(job->total > 0 ? int(job->done * 1000 / job->total) : (job->total == 0 ? 1000 : 0));
        bar->setFormat(job->total >= 0 ? tr("%1 of %2").arg(sizeText(job->done), sizeText(job->total))
                                       : sizeText(job->done));
    }
}

void FilesTab::updateEnabledState()
{
    const bool serving = m_server->state() == netcore::files::FileServer::State::Listening;
    m_serverButton->setText(serving ? tr("Stop server") : tr("Start server"));
    for (QWidget *widget : std::initializer_list<QWidget *>{m_shareEdit, m_browseShare, m_serverPortSpin, m_serverClassic,
                                                             m_serverReadOnly, m_serverOverwrite})
        widget->setEnabled(!serving);
    m_serverStatus->setText(serving ? tr("Sharing %1 on port %2, %n client(s) connected", nullptr, m_server->clientCount())
                                          .arg(m_server->options().root)
                                          .arg(m_server->serverPort())
                                    : (m_server->errorString().isEmpty() ? tr("Not running")
                                                                         : tr("Could not start: %1").arg(m_server->errorString())));
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
    m_pauseButton->setEnabled(canPause && protocol() == ClientProtocol::Native);
    m_resumeButton->setEnabled(canResume);
    m_cancelButton->setEnabled(canCancel);
    m_retryButton->setEnabled(canRetry);
}

void FilesTab::onServerButton()
{
    if (m_server->state() == netcore::files::FileServer::State::Listening) {
        m_server->close();
        Q_EMIT statusMessage(tr("The local file server stopped."));
        updateEnabledState();
        return;
    }
    netcore::files::ServerOptions options;
    options.root = m_shareEdit->text();
    if (options.root == defaultShareFolder())
        QDir().mkpath(options.root);
    options.readOnly = m_serverReadOnly->isChecked();
    options.allowOverwrite = m_serverOverwrite->isChecked();
    options.dialect = m_serverClassic->isChecked() ? netcore::files::ServerDialect::Classic
                                                   : netcore::files::ServerDialect::Native;
    m_server->setOptions(options);
    if (m_server->listen(QHostAddress::Any, quint16(m_serverPortSpin->value()))) {
        // Point the client side at it: one machine, both ends.
        m_hostEdit->setText(u"127.0.0.1"_s);
        m_portSpin->setValue(m_server->serverPort());
        m_protocolCombo->setCurrentIndex(m_serverClassic->isChecked() ? 1 : 0);
        Q_EMIT statusMessage(tr("Sharing %1 on port %2.").arg(options.root).arg(m_server->serverPort()));
    } else {
        Q_EMIT statusMessage(tr("Could not start the file server: %1").arg(m_server->errorString()));
    }
    updateEnabledState();
}

void FilesTab::onWireSourceChanged()
{
    m_wireView->setTranscript(m_wireSource->currentIndex() == 1 ? m_serverTranscript : m_clientTranscript);
}

void FilesTab::saveSettings(QSettings &settings) const
{
    settings.setValue(u"host"_s, m_hostEdit->text());
    settings.setValue(u"port"_s, m_portSpin->value());
    settings.setValue(u"protocol"_s, m_protocolCombo->currentIndex());
    settings.setValue(u"localFolder"_s, m_localFolderEdit->text());
    settings.setValue(u"shareFolder"_s, m_shareEdit->text());
    settings.setValue(u"serverPort"_s, m_serverPortSpin->value());
}

void FilesTab::restoreSettings(QSettings &settings)
{
    m_hostEdit->setText(settings.value(u"host"_s, m_hostEdit->text()).toString());
    m_portSpin->setValue(settings.value(u"port"_s, m_portSpin->value()).toInt());
    m_protocolCombo->setCurrentIndex(qBound(0, settings.value(u"protocol"_s, 0).toInt(), 2));
    setLocalFolder(settings.value(u"localFolder"_s).toString());
    m_shareEdit->setText(settings.value(u"shareFolder"_s, m_shareEdit->text()).toString());
    m_serverPortSpin->setValue(settings.value(u"serverPort"_s, m_serverPortSpin->value()).toInt());
}

} // namespace widgets::files

#pragma once

#include <QStringList>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

namespace widgets::files {

// MIME type of remote file names dragged out of the remote listing.
inline constexpr char kRemoteNamesMime[] = "application/x-socketeer-remote-files";

// The remote listing: drags out remote names, accepts local files (from the local pane or the desktop).
class RemoteListView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteListView)

public:
    explicit RemoteListView(QWidget *parent = nullptr);

Q_SIGNALS:
    void localFilesDropped(const QStringList &paths);

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
};

// The local folder pane: drags out files (as URLs), accepts remote names (a download into the shown folder).
class LocalListView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalListView)

public:
    explicit LocalListView(QWidget *parent = nullptr);

Q_SIGNALS:
    void remoteNamesDropped(const QStringList &names);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
};

} // namespace widgets::files

#include "widgets/files/dropviews.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace widgets::files {
namespace {

QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths << url.toLocalFile();
    }
    return paths;
}

QStringList remoteNames(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QLatin1StringView(kRemoteNamesMime)))
        return {};
    return QString::fromUtf8(mime->data(QLatin1StringView(kRemoteNamesMime))).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

RemoteListView::RemoteListView(QWidget *parent)
    : QTreeWidget(parent)
{
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setRootIsDecorated(false);
}

QStringList RemoteListView::mimeTypes() const
{
    return {QLatin1StringView(kRemoteNamesMime), u"text/uri-list"_s};
}

QMimeData *RemoteListView::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    QStringList names;
    for (const QTreeWidgetItem *item : items)
        names << item->text(0);
    auto *mime = new QMimeData;
    mime->setData(QLatin1StringView(kRemoteNamesMime), names.join(u'\n').toUtf8());
    return mime;
}

void RemoteListView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void RemoteListView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void RemoteListView::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT localFilesDropped(paths);
}

LocalListView::LocalListView(QWidget *parent)
    : QTreeView(parent)
{
    setDragEnabled(true);
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setRootIsDecorated(false);
}

void LocalListView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!remoteNames(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void LocalListView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!remoteNames(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        event->ignore();
}

void LocalListView::dropEvent(QDropEvent *event)
{
    const QStringList names = remoteNames(event->mimeData());
    if (names.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    Q_EMIT remoteNamesDropped(names);
}

} // namespace widgets::files

#include "widgets/common/preparedlist.h"

#include "widgets/common/preparedsends.h"

#include <QAbstractItemModel>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace widgets::common {

PreparedListDialog::PreparedListDialog(PreparedSendsButton *button)
    : Retranslating<QDialog>(button)
    , m_button(button)
{
    setObjectName(u"preparedListDialog"_s);
    setModal(false);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"preparedList"_s);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    auto makeButton = [this](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QString::fromLatin1(name));
        b->setAutoDefault(false);
        return b;
    };
    // Not the dialog's default button: Enter on a row activates it (sends) and would click a default button again.
    m_send = makeButton("preparedSendSelected");
    m_save = makeButton("preparedSaveCurrent");
    m_up = makeButton("preparedUp");
    m_down = makeButton("preparedDown");
    m_rename = makeButton("preparedRename");
    m_delete = makeButton("preparedDelete");
    m_export = makeButton("preparedExport");
    m_import = makeButton("preparedImport");
    m_close = makeButton("preparedClose");

    auto *side = new QVBoxLayout;
    for (QPushButton *b : {m_send, m_save, m_up, m_down, m_rename, m_delete})
        side->addWidget(b);
    side->addStretch(1);
    side->addWidget(m_export);
    side->addWidget(m_import);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(row, 1);
    layout->addLayout(bottom);

    connect(m_send, &QPushButton::clicked, this, &PreparedListDialog::sendSelected);
    connect(m_list, &QListWidget::itemActivated, this, &PreparedListDialog::sendSelected);
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_button->askAndSave();
        reload();
    });
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(m_rename, &QPushButton::clicked, this, &PreparedListDialog::askRename);
    connect(m_delete, &QPushButton::clicked, this, &PreparedListDialog::deleteSelected);
    connect(m_export, &QPushButton::clicked, m_button, &PreparedSendsButton::exportLesson);
    connect(m_import, &QPushButton::clicked, this, [this] {
        m_button->importLesson();
        reload();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &PreparedListDialog::updateEnabledState);
    // Dragging a row: the new order is saved.
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &PreparedListDialog::saveOrder);
    connect(m_list->model(), &QAbstractItemModel::rowsRemoved, this, &PreparedListDialog::saveOrder);
    retranslateUi();
    reload();
}

QStringList PreparedListDialog::names() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        names.append(m_list->item(i)->text());
    return names;
}

void PreparedListDialog::reload()
{
    const QString selected = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_reloading = true;
    m_list->clear();
    for (const PreparedItem &item : prepared::load(m_button->key())) {
        m_list->addItem(item.name);
        if (item.name == selected)
            m_list->setCurrentRow(m_list->count() - 1);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_reloading = false;
    updateEnabledState();
}

void PreparedListDialog::saveOrder()
{
    if (m_reloading)
        return;
    // The saved items in the list's order (their fields are kept by name).
    const QList<PreparedItem> saved = prepared::load(m_button->key());
    QList<PreparedItem> ordered;
    for (const QString &name : names())
        for (const PreparedItem &item : saved)
            if (item.name == name) {
                ordered.append(item);
                break;
            }
    prepared::save(m_button->key(), ordered);
    updateEnabledState();
}

bool PreparedListDialog::sendSelected()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return false;
    if (!m_button->sendPrepared(m_list->item(row)->text()))
        return false;
    if (row + 1 < m_list->count())
        m_list->setCurrentRow(row + 1);   // a lesson is a sequence: the next step is ready
    return true;
}

bool PreparedListDialog::moveSelected(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_list->count())
        return false;
    m_reloading = true;   // one save below, not one per model signal
    QListWidgetItem *item = m_list->takeItem(row);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    m_reloading = false;
    saveOrder();
    return true;
}

bool PreparedListDialog::renameSelected(const QString &newName)
{
    const QString name = newName.trimmed();
    QListWidgetItem *current = m_list->currentItem();
    if (!current || name.isEmpty())
        return false;
    if (name == current->text())
        return true;
    if (names().contains(name))
        return false;
    QList<PreparedItem> items = prepared::load(m_button->key());
    for (PreparedItem &item : items)
        if (item.name == current->text())
            item.name = name;
    prepared::save(m_button->key(), items);
    current->setText(name);
    return true;
}

bool PreparedListDialog::deleteSelected()
{
    QListWidgetItem *current = m_list->currentItem();
    if (!current)
        return false;
    const int row = m_list->currentRow();
    m_button->remove(current->text());   // reloads this list
    if (m_list->count() > 0)
        m_list->setCurrentRow(std::min(row, m_list->count() - 1));
    return true;
}

void PreparedListDialog::askRename()
{
    QListWidgetItem *current = m_list->currentItem();
    if (!current)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename prepared send"), tr("New name:"), QLineEdit::Normal,
                                               current->text(), &ok);
    if (ok && !renameSelected(name) && !name.trimmed().isEmpty())
        QMessageBox::warning(this, tr("Rename prepared send"), tr("Another prepared send is called \"%1\".").arg(name.trimmed()));
}

void PreparedListDialog::updateEnabledState()
{
    const int row = m_list->currentRow();
    const bool any = row >= 0;
    m_send->setEnabled(any);
    m_up->setEnabled(any && row > 0);
    m_down->setEnabled(any && row + 1 < m_list->count());
    m_rename->setEnabled(any);
    m_delete->setEnabled(any);
}

void PreparedListDialog::showEvent(QShowEvent *event)
{
    reload();
    Retranslating<QDialog>::showEvent(event);
}

void PreparedListDialog::retranslateUi()
{
    setWindowTitle(tr("Prepared sends"));
    m_hint->setText(tr("The lesson's messages in order. Send sends the selected one and selects the next; drag a row "
                       "or use Up and Down to reorder. Keep this window open beside the tab."));
    m_send->setText(tr("&Send"));
    m_save->setText(tr("Save &current…"));
    m_up->setText(tr("&Up"));
    m_down->setText(tr("Do&wn"));
    m_rename->setText(tr("&Rename…"));
    m_delete->setText(tr("&Delete"));
    m_export->setText(tr("&Export lesson…"));
    m_import->setText(tr("&Import lesson…"));
    m_close->setText(tr("Close"));
}

} // namespace widgets::common

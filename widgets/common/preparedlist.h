#pragma once

#include "widgets/common/retranslating.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace widgets::common {

class PreparedSendsButton;

// A tab's prepared sends as the lesson's sequence: a list the teacher keeps open beside the tab (not modal), where
// Send sends the selected one and selects the next, Up/Down (or dragging) reorder, Rename and Delete edit, and
// "Save current…" adds the composer's fields. Every change is saved at once, in the list's order (which a lesson
// file keeps). Opened from the Prepared button's "Manage list…"; one per button.
class PreparedListDialog final : public Retranslating<QDialog>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreparedListDialog)

public:
    explicit PreparedListDialog(PreparedSendsButton *button);

    QListWidget *list() const { return m_list; }
    QStringList names() const;                    // in the list's order
    void reload();                                // from the saved list (another window may have changed it)
    bool sendSelected();                          // sends it and selects the next; false when none is selected
    bool moveSelected(int delta);                 // -1 up, +1 down
    bool renameSelected(const QString &newName);  // false when empty or another item has that name
    bool deleteSelected();

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent *event) override;

private:
    void saveOrder();
    void updateEnabledState();
    void askRename();

    PreparedSendsButton *m_button;
    QLabel *m_hint = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_close = nullptr;
    bool m_reloading = false;
};

} // namespace widgets::common

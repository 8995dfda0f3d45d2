#pragma once

#include "widgets/common/retranslating.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QToolButton>

class QAbstractButton;

namespace widgets::common {

class PreparedListDialog;

// A prepared send: a named snapshot of a composer's fields (payload, address, method, …), sent again with one click.
struct PreparedItem {
    QString name;
    QJsonObject fields;   // objectName → value
};

// Where every tab's prepared sends live: QSettings (group "prepared", one list per tab key, in the lesson's order),
// and a lesson file that carries all of them at once, in order (JSON: {"format": "socketeer-lesson", "version": 1,
// "tabs": {key: [items]}}).
namespace prepared {

enum class LessonError : quint8 { None, CannotOpen, CannotWrite, NotALesson, Count };

QList<PreparedItem> load(const QString &key);
void save(const QString &key, const QList<PreparedItem> &items);
LessonError exportLesson(const QString &path);
// Merges the file's sends into the saved ones: per tab, the file's items in the file's order (an item with the same
// name replaces the saved one), then the saved items the file does not have, in their order.
LessonError importLesson(const QString &path, int *imported = nullptr);

} // namespace prepared

// The "Prepared" button every tab that sends puts beside its Send button: its menu lists the tab's prepared sends
// (a click fills the fields and sends), "Manage list…" (the lesson as an ordered list: PreparedListDialog),
// "Save current as…", "Remove", "Export lesson…", "Import lesson…". The
// fields are the composer's own widgets, found by objectName (QLineEdit, QPlainTextEdit, QSpinBox, QComboBox,
// QCheckBox), so the mechanism is the same for every tab.
class PreparedSendsButton final : public Retranslating<QToolButton>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreparedSendsButton)

public:
    PreparedSendsButton(const QString &key, const QList<QWidget *> &fields, QAbstractButton *send, QWidget *parent);

    QString key() const { return m_key; }
    QJsonObject capture() const;                 // the fields now
    void apply(const QJsonObject &fields);       // fills the fields
    void saveCurrent(const QString &name);       // without asking for the name
    bool sendPrepared(const QString &name);      // fills and clicks Send; false when there is no such item
    void remove(const QString &name);
    PreparedListDialog *listDialog();            // the "Manage list…" window (created on first use)
    void showList();

protected:
    void retranslateUi() override;

private:
    friend class PreparedListDialog;
    void rebuildMenu();
    void askAndSave();
    void exportLesson();
    void importLesson();

    QString m_key;
    QList<QWidget *> m_fields;
    QAbstractButton *m_send;
    PreparedListDialog *m_list = nullptr;
};

} // namespace widgets::common

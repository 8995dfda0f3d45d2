#pragma once

#include "widgets/common/retranslating.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QToolButton>

class QAbstractButton;

namespace widgets::common {

// A prepared send: a named snapshot of a composer's fields (payload, address, method, …), sent again with one click.
struct PreparedItem {
    QString name;
    QJsonObject fields;   // objectName → value
};

// Where every tab's prepared sends live: QSettings (group "prepared", one list per tab key), and a lesson file that
// carries all of them at once (JSON: {"format": "socketeer-lesson", "version": 1, "tabs": {key: [items]}}).
namespace prepared {

enum class LessonError : quint8 { None, CannotOpen, CannotWrite, NotALesson, Count };

QList<PreparedItem> load(const QString &key);
void save(const QString &key, const QList<PreparedItem> &items);
LessonError exportLesson(const QString &path);
// Merges the file's sends into the saved ones (an item with the same name in the same tab is replaced).
LessonError importLesson(const QString &path, int *imported = nullptr);

} // namespace prepared

// The "Prepared" button every tab that sends puts beside its Send button: its menu lists the tab's prepared sends
// (a click fills the fields and sends), "Save current as…", "Remove", "Export lesson…", "Import lesson…". The
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

protected:
    void retranslateUi() override;

private:
    void rebuildMenu();
    void askAndSave();
    void exportLesson();
    void importLesson();

    QString m_key;
    QList<QWidget *> m_fields;
    QAbstractButton *m_send;
};

} // namespace widgets::common

#include "widgets/common/preparedsends.h"

#include "widgets/common/preparedlist.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace widgets::common {
namespace prepared {
namespace {

constexpr auto kGroup = "prepared";
constexpr qint64 kMaxLessonBytes = 16 * 1024 * 1024;

QJsonArray toJson(const QList<PreparedItem> &items)
{
    QJsonArray array;
    for (const PreparedItem &item : items)
        array.append(QJsonObject{{u"name"_s, item.name}, {u"fields"_s, item.fields}});
    return array;
}

QList<PreparedItem> fromJson(const QJsonArray &array)
{
    QList<PreparedItem> items;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const QString name = object.value(u"name"_s).toString();
        if (!name.isEmpty())
            items.append({name, object.value(u"fields"_s).toObject()});
    }
    return items;
}

} // namespace

QList<PreparedItem> load(const QString &key)
{
    QSettings settings;
    settings.beginGroup(QLatin1StringView(kGroup));
    return fromJson(QJsonDocument::fromJson(settings.value(key).toByteArray()).array());
}

void save(const QString &key, const QList<PreparedItem> &items)
{
    QSettings settings;
    settings.beginGroup(QLatin1StringView(kGroup));
    if (items.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, QJsonDocument(toJson(items)).toJson(QJsonDocument::Compact));
}

LessonError exportLesson(const QString &path)
{
    QSettings settings;
    settings.beginGroup(QLatin1StringView(kGroup));
    QJsonObject tabs;
    for (const QString &key : settings.childKeys())
        tabs.insert(key, QJsonDocument::fromJson(settings.value(key).toByteArray()).array());
    const QJsonObject lesson{{u"format"_s, u"socketeer-lesson"_s}, {u"version"_s, 1}, {u"tabs"_s, tabs}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return LessonError::CannotOpen;
    file.write(QJsonDocument(lesson).toJson());
    return file.commit() ? LessonError::None : LessonError::CannotWrite;
}

LessonError importLesson(const QString &path, int *imported)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return LessonError::CannotOpen;
    const QJsonObject lesson = QJsonDocument::fromJson(file.read(kMaxLessonBytes)).object();
    if (lesson.value(u"format"_s).toString() != u"socketeer-lesson"_s || !lesson.value(u"tabs"_s).isObject())
        return LessonError::NotALesson;
    const QJsonObject tabs = lesson.value(u"tabs"_s).toObject();
    int count = 0;
    for (auto it = tabs.begin(); it != tabs.end(); ++it) {
        QList<PreparedItem> items = fromJson(it.value().toArray());   // the lesson's order first
        count += int(items.size());
        for (const PreparedItem &old : load(it.key()))
            if (std::none_of(items.cbegin(), items.cend(), [&](const PreparedItem &item) { return item.name == old.name; }))
                items.append(old);
        save(it.key(), items);
    }
    if (imported)
        *imported = count;
    return LessonError::None;
}

} // namespace prepared

namespace {

QJsonArray tableRows(const QTableWidget *table)
{
    QJsonArray rows;
    for (int r = 0; r < table->rowCount(); ++r) {
        QJsonArray row;
        for (int c = 0; c < table->columnCount(); ++c)
            row.append(table->item(r, c) ? table->item(r, c)->text() : QString());
        rows.append(row);
    }
    return rows;
}

void setTableRows(QTableWidget *table, const QJsonArray &rows)
{
    table->setRowCount(0);
    for (const QJsonValue &value : rows) {
        const QJsonArray row = value.toArray();
        const int r = table->rowCount();
        table->insertRow(r);
        for (int c = 0; c < table->columnCount() && c < row.size(); ++c)
            table->setItem(r, c, new QTableWidgetItem(row.at(c).toString()));
    }
}

} // namespace

PreparedSendsButton::PreparedSendsButton(const QString &key, const QList<QWidget *> &fields, QAbstractButton *send,
                                         QWidget *parent)
    : Retranslating<QToolButton>(parent)
    , m_key(key)
    , m_fields(fields)
    , m_send(send)
{
    setObjectName(u"prepared"_s);
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    connect(menu(), &QMenu::aboutToShow, this, &PreparedSendsButton::rebuildMenu);
    retranslateUi();
}

QJsonObject PreparedSendsButton::capture() const
{
    QJsonObject fields;
    for (const QWidget *field : m_fields) {
        const QString name = field->objectName();
        if (const auto *edit = qobject_cast<const QLineEdit *>(field))
            fields.insert(name, edit->text());
        else if (const auto *text = qobject_cast<const QPlainTextEdit *>(field))
            fields.insert(name, text->toPlainText());
        else if (const auto *spin = qobject_cast<const QSpinBox *>(field))
            fields.insert(name, spin->value());
        else if (const auto *check = qobject_cast<const QCheckBox *>(field))
            fields.insert(name, check->isChecked());
        else if (const auto *table = qobject_cast<const QTableWidget *>(field))
            fields.insert(name, tableRows(table));
        else if (const auto *combo = qobject_cast<const QComboBox *>(field))
            fields.insert(name, combo->currentData().isValid() ? QJsonValue::fromVariant(combo->currentData())
                                                               : QJsonValue(combo->currentText()));
    }
    return fields;
}

void PreparedSendsButton::apply(const QJsonObject &fields)
{
    // Combos first: they often decide which other fields show (a payload kind, a method).
    for (int pass = 0; pass < 2; ++pass) {
        for (QWidget *field : std::as_const(m_fields)) {
            const QJsonValue value = fields.value(field->objectName());
            if (value.isUndefined())
                continue;
            auto *combo = qobject_cast<QComboBox *>(field);
            if ((pass == 0) != (combo != nullptr))
                continue;
            if (combo) {
                int index = combo->findData(value.toVariant());
                if (index < 0)
                    index = combo->findText(value.toString());
                if (index >= 0)
                    combo->setCurrentIndex(index);
                else if (combo->isEditable())
                    combo->setEditText(value.toString());
            } else if (auto *edit = qobject_cast<QLineEdit *>(field)) {
                edit->setText(value.toString());
            } else if (auto *text = qobject_cast<QPlainTextEdit *>(field)) {
                text->setPlainText(value.toString());
            } else if (auto *spin = qobject_cast<QSpinBox *>(field)) {
                spin->setValue(value.toInt());
            } else if (auto *check = qobject_cast<QCheckBox *>(field)) {
                check->setChecked(value.toBool());
            } else if (auto *table = qobject_cast<QTableWidget *>(field)) {
                setTableRows(table, value.toArray());
            }
        }
    }
}

void PreparedSendsButton::saveCurrent(const QString &name)
{
    // Saving under an existing name replaces it in place (its step in the lesson); a new name goes last.
    QList<PreparedItem> items = prepared::load(m_key);
    auto it = std::find_if(items.begin(), items.end(), [&](const PreparedItem &item) { return item.name == name; });
    if (it != items.end())
        it->fields = capture();
    else
        items.append({name, capture()});
    prepared::save(m_key, items);
    if (m_list)
        m_list->reload();
}

bool PreparedSendsButton::sendPrepared(const QString &name)
{
    for (const PreparedItem &item : prepared::load(m_key)) {
        if (item.name != name)
            continue;
        apply(item.fields);
        if (m_send->isEnabled())
            m_send->click();
        return true;
    }
    return false;
}

void PreparedSendsButton::remove(const QString &name)
{
    QList<PreparedItem> items = prepared::load(m_key);
    items.removeIf([&](const PreparedItem &item) { return item.name == name; });
    prepared::save(m_key, items);
    if (m_list)
        m_list->reload();
}

PreparedListDialog *PreparedSendsButton::listDialog()
{
    if (!m_list)
        m_list = new PreparedListDialog(this);
    return m_list;
}

void PreparedSendsButton::showList()
{
    PreparedListDialog *dialog = listDialog();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void PreparedSendsButton::rebuildMenu()
{
    QMenu *list = menu();
    list->clear();
    const QList<PreparedItem> items = prepared::load(m_key);
    for (const PreparedItem &item : items)
        list->addAction(item.name, this, [this, name = item.name] { sendPrepared(name); });
    if (items.isEmpty())
        list->addAction(tr("No prepared sends yet"))->setEnabled(false);
    list->addSeparator();
    list->addAction(tr("Manage list…"), this, &PreparedSendsButton::showList);
    list->addAction(tr("Save current as…"), this, &PreparedSendsButton::askAndSave);
    QMenu *removeMenu = list->addMenu(tr("Remove"));
    removeMenu->setEnabled(!items.isEmpty());
    for (const PreparedItem &item : items)
        removeMenu->addAction(item.name, this, [this, name = item.name] { remove(name); });
    list->addSeparator();
    list->addAction(tr("Export lesson…"), this, &PreparedSendsButton::exportLesson);
    list->addAction(tr("Import lesson…"), this, &PreparedSendsButton::importLesson);
}

void PreparedSendsButton::askAndSave()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save prepared send"), tr("Name (e.g. \"step 2: hello\"):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        saveCurrent(name);
}

void PreparedSendsButton::exportLesson()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export lesson"), QString(),
                                                      tr("Socketeer lesson (*.socketeer-lesson.json)"));
    if (path.isEmpty())
        return;
    if (prepared::exportLesson(path) != prepared::LessonError::None)
        QMessageBox::warning(this, tr("Export lesson"), tr("Could not write %1.").arg(path));
}

void PreparedSendsButton::importLesson()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import lesson"), QString(),
                                                      tr("Socketeer lesson (*.socketeer-lesson.json);;All files (*)"));
    if (path.isEmpty())
        return;
    int count = 0;
    const prepared::LessonError error = prepared::importLesson(path, &count);
    if (m_list)
        m_list->reload();
    switch (error) {
    case prepared::LessonError::None:
        QMessageBox::information(this, tr("Import lesson"), tr("%n prepared send(s) imported.", nullptr, count));
        break;
    case prepared::LessonError::NotALesson:
        QMessageBox::warning(this, tr("Import lesson"), tr("%1 is not a Socketeer lesson file.").arg(path));
        break;
    default:
        QMessageBox::warning(this, tr("Import lesson"), tr("Could not read %1.").arg(path));
        break;
    }
}

void PreparedSendsButton::retranslateUi()
{
    setText(tr("Prepared"));
    setToolTip(tr("Prepared sends: a lesson's messages, saved with a name and sent again with one click"));
}

} // namespace widgets::common

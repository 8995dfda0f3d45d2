// The HTTP tab's request history: kept newest first as compact JSON, persisted in the tab's settings group.
#include "widgets/http/httptab.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace netcore::http;

namespace widgets::http {

QStringList HttpTab::history() const
{
    QStringList lines;
    for (int i = 0; i < m_historyList->count(); ++i)
        lines.append(m_historyList->item(i)->text());
    return lines;
}

void HttpTab::rememberInHistory(const RequestSpec &spec)
{
    QJsonArray headers;
    for (const Header &header : spec.headers)
        headers.append(QJsonArray{QString::fromLatin1(header.name), QString::fromUtf8(header.value)});
    const QJsonObject entry{{u"method"_s, QString::fromLatin1(spec.method)},
                            {u"url"_s, spec.url.toString()},
                            {u"headers"_s, headers},
                            {u"body"_s, QString::fromUtf8(spec.body)},
                            {u"version"_s, spec.version == HttpVersion::Http10 ? u"1.0"_s : u"1.1"_s}};
    const QString json = QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact));
    m_history.removeAll(json);
    m_history.prepend(json);
    while (m_history.size() > kHistoryLimit)
        m_history.removeLast();
    m_historyList->clear();
    for (const QString &item : std::as_const(m_history)) {
        const QJsonObject o = QJsonDocument::fromJson(item.toUtf8()).object();
        m_historyList->addItem(o.value(u"method"_s).toString() + u' ' + o.value(u"url"_s).toString());
    }
}

void HttpTab::onHistoryActivated()
{
    const int row = m_historyList->currentRow();
    if (row >= 0 && row < m_history.size())
        loadFromHistory(m_history.at(row));
}

void HttpTab::loadFromHistory(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    m_fillingHeaders = true;
    m_method->setCurrentText(o.value(u"method"_s).toString());
    m_url->setText(o.value(u"url"_s).toString());
    setBodyType(BodyType::Text);
    m_body->setPlainText(o.value(u"body"_s).toString());
    setVersion(o.value(u"version"_s).toString() == "1.0"_L1 ? HttpVersion::Http10 : HttpVersion::Http11);
    m_headers->setRowCount(0);
    m_fillingHeaders = false;
    refreshAutomaticHeaders();
    for (const QJsonValue &value : o.value(u"headers"_s).toArray()) {
        const QJsonArray pair = value.toArray();
        bool replaced = false;
        for (int row = 0; row < m_headers->rowCount(); ++row) {
            if (m_headers->item(row, 0)->text().compare(pair.at(0).toString(), Qt::CaseInsensitive) == 0) {
                m_headers->item(row, 1)->setText(pair.at(1).toString());
                replaced = true;
            }
        }
        if (!replaced)
            addHeaderRow(pair.at(0).toString(), pair.at(1).toString(), false);
    }
    m_requestTabs->setCurrentIndex(0);
}

void HttpTab::saveSettings(QSettings &settings) const
{
    settings.setValue(u"history"_s, m_history);
    settings.setValue(u"url"_s, m_url->text());
}

void HttpTab::restoreSettings(QSettings &settings)
{
    const QStringList saved = settings.value(u"history"_s).toStringList();
    m_history.clear();
    for (auto it = saved.crbegin(); it != saved.crend(); ++it) {
        const QJsonObject o = QJsonDocument::fromJson(it->toUtf8()).object();
        if (o.isEmpty())
            continue;
        m_history.prepend(*it);
    }
    while (m_history.size() > kHistoryLimit)
        m_history.removeLast();
    m_historyList->clear();
    for (const QString &item : std::as_const(m_history)) {
        const QJsonObject o = QJsonDocument::fromJson(item.toUtf8()).object();
        m_historyList->addItem(o.value(u"method"_s).toString() + u' ' + o.value(u"url"_s).toString());
    }
    const QString url = settings.value(u"url"_s).toString();
    if (!url.isEmpty())
        m_url->setText(url);
}

} // namespace widgets::http

#pragma once

#include "widgets/common/retranslating.h"

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace widgets::common {

// Base of every tab in the main window. A tab drives netcore engines (never sockets itself), retranslates itself
// in retranslateUi() (called on QEvent::LanguageChange), and keeps its own settings (history, last inputs) in the
// QSettings group named by settingsKey().
class TabPage : public Retranslating<QWidget>
{
    Q_OBJECT

public:
    using Retranslating<QWidget>::Retranslating;

    virtual QString title() const = 0;        // translated tab title
    virtual QString settingsKey() const = 0;  // stable, untranslated: "lookup", "chat", ...
    virtual void saveSettings(QSettings &settings) const { Q_UNUSED(settings); }
    virtual void restoreSettings(QSettings &settings) { Q_UNUSED(settings); }
    // What closing the window would stop, one translated line each ("chat server on port 8888, 3 clients
    // connected", "upload of notes.pdf, 40 %"); empty when nothing is running. The window asks before it closes.
    virtual QStringList activeWork() const { return {}; }

Q_SIGNALS:
    // A short, translated message for the main window's status bar.
    void statusMessage(const QString &text);
    // A tab that is a ServerHost: its hostedServer() is another object now (or none).
    void hostedServerChanged();

protected:
    // A tab whose own widgets show no text (its panels retranslate themselves) has nothing to do here.
    void retranslateUi() override {}
};

} // namespace widgets::common

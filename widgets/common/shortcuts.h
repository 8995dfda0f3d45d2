#pragma once

class QAbstractButton;
class QWidget;

namespace widgets::common {

// Ctrl+Enter (and Ctrl+Return) anywhere inside `scope` clicks `button` — the one way every tab that sends
// (UDP sender, HTTP compose and raw pages, the TCP tab) offers "send" from the keyboard. A disabled or hidden
// button is not clicked.
void addSendShortcut(QAbstractButton *button, QWidget *scope);

} // namespace widgets::common

#include "widgets/common/shortcuts.h"

#include <QAbstractButton>
#include <QShortcut>

namespace widgets::common {

void addSendShortcut(QAbstractButton *button, QWidget *scope)
{
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, scope);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        QObject::connect(shortcut, &QShortcut::activated, button, [button] {
            if (button->isEnabled() && button->isVisibleTo(button->window()))
                button->click();
        });
    }
}

} // namespace widgets::common

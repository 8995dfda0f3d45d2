#include "widgets/common/wheelguard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QPointer>

namespace widgets::common {
namespace {

bool isGuarded(QObject *object)
{
    return qobject_cast<QAbstractSpinBox *>(object) || qobject_cast<QComboBox *>(object);
}

} // namespace

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{
}

WheelGuard::~WheelGuard() = default;

void WheelGuard::install()
{
    static QPointer<WheelGuard> guard;
    if (!guard && qApp) {
        guard = new WheelGuard(qApp);
        qApp->installEventFilter(guard);
    }
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Polish:
        // Click or Tab gives focus; a wheel over the widget does not.
        if (isGuarded(watched)) {
            auto *widget = static_cast<QWidget *>(watched);
            if (widget->focusPolicy() == Qt::WheelFocus)
                widget->setFocusPolicy(Qt::StrongFocus);
        }
        break;
    case QEvent::Wheel:
        if (isGuarded(watched) && !static_cast<QWidget *>(watched)->hasFocus()) {
            // Not for this widget: ignored and not delivered, so QApplication passes it on to the parents (the
            // enclosing scroll area scrolls).
            event->ignore();
            return true;
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace widgets::common

#pragma once

#include <QObject>

// The mouse wheel scrolls a panel; it never edits a spin box or combo box that the pointer merely passes over (a UDP
// port went 9999 → 9996 that way, and datagrams went to the wrong port). One application-wide event filter: a wheel
// event on an unfocused QAbstractSpinBox or QComboBox goes to its parent instead (so the scroll area scrolls); such
// widgets take focus by click or Tab only (Qt::StrongFocus), and once focused the wheel edits them as usual.
namespace widgets::common {

class WheelGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WheelGuard)

public:
    explicit WheelGuard(QObject *parent = nullptr);
    ~WheelGuard() override;

    // Installs one guard on the application (idempotent).
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace widgets::common

#pragma once

#include <QEvent>

// The one place a widget learns that the language changed: derive from Retranslating<QWidget> (or another widget
// class) and implement retranslateUi(); it is called on QEvent::LanguageChange (View → Language switches live).
// A class that also reacts to other change events (palette, activation) overrides changeEvent() and calls this one.
namespace widgets::common {

template <typename Base>
class Retranslating : public Base
{
public:
    using Base::Base;

protected:
    virtual void retranslateUi() = 0;

    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslateUi();
        Base::changeEvent(event);
    }
};

} // namespace widgets::common

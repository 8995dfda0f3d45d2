#include "widgets/common/zoom.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QPointer>
#include <QSettings>
#include <QWidget>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace widgets::common {
namespace {

constexpr char kFixedFontProperty[] = "socketeerFixedFont";
constexpr char kSecondaryProperty[] = "socketeerSecondary";
constexpr char kHiddenByPresenterProperty[] = "socketeerHiddenByPresenter";

// Re-fonts the widgets that asked for the fixed font when the application font changes (zoom).
class FixedFontFollower final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // QApplication::setFont() tells the application itself; widgets with a font of their own keep it, so the
        // marked ones are re-fonted here.
        if (event->type() == QEvent::ApplicationFontChange && watched == qApp) {
            const QFont fixed = fixedFont();
            for (QWidget *widget : QApplication::allWidgets()) {
                if (widget->property(kFixedFontProperty).toBool())
                    widget->setFont(fixed);
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

void installFollower()
{
    static QPointer<FixedFontFollower> follower;
    if (!follower && qApp) {
        follower = new FixedFontFollower(qApp);
        qApp->installEventFilter(follower);
    }
}

} // namespace

QFont fixedFont()
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const qreal systemGeneral = QFontDatabase::systemFont(QFontDatabase::GeneralFont).pointSizeF();
    const qreal application = QApplication::font().pointSizeF();
    if (systemGeneral > 0 && application > 0 && fixed.pointSizeF() > 0)
        fixed.setPointSizeF(fixed.pointSizeF() * application / systemGeneral);
    return fixed;
}

void useFixedFont(QWidget *widget)
{
    installFollower();
    widget->setProperty(kFixedFontProperty, true);
    widget->setFont(fixedFont());
}

void markSecondary(QWidget *widget)
{
    widget->setProperty(kSecondaryProperty, true);
}

void setSecondaryPanesVisible(QWidget *root, bool visible)
{
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->property(kSecondaryProperty).toBool())
            continue;
        if (!visible && !widget->isHidden()) {
            widget->setProperty(kHiddenByPresenterProperty, true);
            widget->hide();
        } else if (visible && widget->property(kHiddenByPresenterProperty).toBool()) {
            widget->setProperty(kHiddenByPresenterProperty, false);
            widget->show();
        }
    }
}

Zoom::Zoom(QObject *parent)
    : QObject(parent)
    , m_basePointSize(QApplication::font().pointSizeF())
{
    installFollower();
}

// The application font goes back to what it was (a second window in the same process starts from it).
Zoom::~Zoom()
{
    if (m_percent != 100 && m_basePointSize > 0) {
        QFont font = QApplication::font();
        font.setPointSizeF(m_basePointSize);
        QApplication::setFont(font);
    }
}

void Zoom::setPercent(int percent)
{
    percent = std::clamp(percent, kMinPercent, kMaxPercent);
    if (percent == m_percent)
        return;
    m_percent = percent;
    apply();
    Q_EMIT percentChanged(m_percent);
}

void Zoom::setPresenterMode(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    if (on) {
        m_percentBeforePresenter = m_percent;
        setPercent(std::max(m_percent, kPresenterPercent));
    } else {
        setPercent(m_percentBeforePresenter);
    }
    Q_EMIT presenterModeChanged(on);
}

void Zoom::apply()
{
    if (m_basePointSize <= 0)
        return;
    QFont font = QApplication::font();
    font.setPointSizeF(m_basePointSize * m_percent / 100.0);
    QApplication::setFont(font);
    // Existing windows re-resolve their font now (each passes it on to its children).
    for (QWidget *window : QApplication::topLevelWidgets()) {
        QEvent change(QEvent::ApplicationFontChange);
        QCoreApplication::sendEvent(window, &change);
    }
}

void Zoom::save() const
{
    QSettings settings;
    settings.setValue(u"ui/zoom"_s, m_presenter ? m_percentBeforePresenter : m_percent);
    settings.setValue(u"ui/presenter"_s, m_presenter);
}

void Zoom::restore()
{
    const QSettings settings;
    setPercent(settings.value(u"ui/zoom"_s, 100).toInt());
    setPresenterMode(settings.value(u"ui/presenter"_s, false).toBool());
}

} // namespace widgets::common

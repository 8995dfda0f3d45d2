#pragma once

#include <QFont>
#include <QObject>

class QWidget;

// One text size for the whole window, for the back row of a classroom: View → Zoom in / out / reset and presenter
// mode scale the application font; every widget follows, including the monospace wire views, hex panes and tables
// (column widths come from font metrics). The zoom is remembered (QSettings "ui/zoom").
namespace widgets::common {

// The monospace font at the current zoom: the system's fixed font, scaled like the application font.
QFont fixedFont();
// Shows `widget` in fixedFont() now and whenever the zoom changes.
void useFixedFont(QWidget *widget);

// A pane the class need not see (a hex dump beside the text, socket options): presenter mode hides it.
void markSecondary(QWidget *widget);
// Shows or hides every marked pane below `root` (presenter mode); a pane hidden by presenter mode comes back as it was.
void setSecondaryPanesVisible(QWidget *root, bool visible);

class Zoom final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Zoom)

public:
    static constexpr int kMinPercent = 50;
    static constexpr int kMaxPercent = 300;
    static constexpr int kStepPercent = 10;
    static constexpr int kPresenterPercent = 150;

    // Takes the application font as it is now as 100 %.
    explicit Zoom(QObject *parent = nullptr);
    ~Zoom() override;

    int percent() const { return m_percent; }
    bool presenterMode() const { return m_presenter; }

    void setPercent(int percent);   // clamped to [kMinPercent, kMaxPercent]
    void zoomIn() { setPercent(m_percent + kStepPercent); }
    void zoomOut() { setPercent(m_percent - kStepPercent); }
    void reset() { setPercent(100); }
    // Presenter mode: at least kPresenterPercent, secondary panes hidden; leaving it restores the previous zoom.
    void setPresenterMode(bool on);

    void save() const;      // QSettings "ui/zoom", "ui/presenter"
    void restore();

Q_SIGNALS:
    void percentChanged(int percent);
    void presenterModeChanged(bool on);

private:
    void apply();

    qreal m_basePointSize = 0;
    int m_percent = 100;
    int m_percentBeforePresenter = 100;
    bool m_presenter = false;
};

} // namespace widgets::common

#pragma once

#include <QDialog>

class QTextBrowser;

namespace app {

// Help → Classroom guide (F1): docs/classroom.md, built into the program, in the language of the window (the file
// holds the Chinese guide, then the English one after a `<!-- English -->` line).
class GuideDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideDialog)

public:
    explicit GuideDialog(bool chinese, QWidget *parent = nullptr);

    static QString guideText(bool chinese);   // the markdown shown
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace app

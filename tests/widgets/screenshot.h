#pragma once

#include <QString>
#include <QTest>
#include <QWidget>

// For the docs: with SOCKETEER_SCREENSHOT_DIR set, a widget test saves what a tab shows at an interesting moment
// (docs/images/<name>.png is refreshed from these; see docs/packaging.md). Without it, nothing happens.
inline void saveScreenshotIfAsked(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SOCKETEER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    widget.resize(1180, 760);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QVERIFY(widget.grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

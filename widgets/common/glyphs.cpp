#include "widgets/common/glyphs.h"

#include <QCoreApplication>
#include <QDir>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace widgets::common {

int registerBundledFonts()
{
    const QDir fonts(QCoreApplication::applicationDirPath() + u"/../share/socketeer/fonts"_s);
    int added = 0;
    for (const QString &name : fonts.entryList({u"*.ttf"_s, u"*.otf"_s}, QDir::Files, QDir::Name)) {
        if (QFontDatabase::addApplicationFont(fonts.filePath(name)) >= 0)
            ++added;
    }
    return added;
}

bool fontCanShow(const QFont &font, const QString &text)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    qsizetype glyphs = 0;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        const QList<quint32> indexes = run.glyphIndexes();
        if (indexes.contains(0u))   // glyph 0 is every font's .notdef box
            return false;
        glyphs += indexes.size();
    }
    return glyphs > 0;
}

} // namespace widgets::common

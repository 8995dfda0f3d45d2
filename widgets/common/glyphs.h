#pragma once

#include <QFont>
#include <QString>

// The wire views write CR and LF as the Unicode control pictures ␍ and ␊ (U+240D, U+240A). Few default font
// sets carry them (DejaVu does not), so the AppImage brings GNU FreeMono (Debian's fonts-freefont-ttf) and the
// set-up script installs that package; without either, the symbols would show as empty boxes.
namespace widgets::common {

// Registers the fonts shipped beside the binary (<bin>/../share/socketeer/fonts/*.ttf, as the AppImage lays them
// out) with the application's font database, where they also serve as fallbacks. Returns how many were added.
int registerBundledFonts();

// True when `text` can be drawn with `font` and the fonts Qt falls back to: no character ends up as the
// missing-glyph box.
bool fontCanShow(const QFont &font, const QString &text);

} // namespace widgets::common

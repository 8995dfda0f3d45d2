#pragma once

#include <QString>

// Where a file server shares from when nobody chose a folder: a visible folder in the home directory that a
// teacher can find in the file manager (`~/Socketeer 共享`), the same for the window and `socketeer serve files`.
namespace netcore::files {

QString defaultShareFolder();

// Earlier versions shared from a hidden folder under ~/.local/share. When that folder exists and the new one does
// not, it is moved (renamed) to the new place; returns the folder moved from, empty when nothing was moved.
QString migrateOldShareFolder();

// The hidden folder of earlier versions (settings that still name it are pointed at defaultShareFolder()).
QString oldDefaultShareFolder();

} // namespace netcore::files

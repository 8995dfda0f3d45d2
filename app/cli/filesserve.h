#pragma once

#include <QObject>
#include <QStringList>

#include <optional>

namespace app::cli {

// `socketeer serve files [options]`: starts the file server as a child of `owner`, logging to stdout.
// Returns std::nullopt when serving, otherwise the exit code (usage error, cannot bind, bad root).
std::optional<int> startFilesServer(const QStringList &arguments, QObject *owner);

// The folder `serve files` shares when no --root is given: "<AppDataLocation>/Socketeer shared files".
QString defaultFilesRoot();

// "1048576", "512K", "10M", "2G" (powers of 1024) -> bytes; nullopt when malformed.
std::optional<qint64> parseByteSize(const QString &text);

} // namespace app::cli

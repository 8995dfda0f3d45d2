#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The course's classic file-server protocol (docs/protocols/files.md, "Classic mode"), as pure functions.
// No framing: a status word ("OK", "Y", "FAIL", or a Chinese sentence) may arrive alone or glued to the data
// that follows it (sticky packets, 粘包); downloads end with "##" after a pause.
namespace netcore::files {

enum class ClassicDialect {
    Course2018,   // L, G name, P name, Q — answers OK / Y / 文件库为空 / N / 文件不存在 / 无法上传
    Course2020,   // LIST, RETR name, STOR name, EXIT — answers OK / FAIL
};

enum class ClassicOperation { List, Get, Put, Quit };

QByteArray classicRequest(ClassicDialect dialect, ClassicOperation operation, const QString &name = {});

enum class ClassicStatus {
    Incomplete,   // too few bytes to tell yet ("O")
    Ok,           // OK / ok / Y
    Empty,        // 文件库为空 / N (an empty file list)
    Refused,      // FAIL / 文件不存在 / 无法上传 / any other text
};

struct ClassicStatusParse {
    ClassicStatus status = ClassicStatus::Incomplete;
    QByteArray rest;      // data that arrived glued after the status word
    QString text;         // the status as text (for the reason shown to people)
};

// Reads the status at the start of what the server sent first.
ClassicStatusParse parseClassicStatus(const QByteArray &data);

// "a.txt#b.txt#" (2018) or "a.txt\nb.txt" (2020) -> names; empty pieces dropped.
QStringList parseClassicList(ClassicDialect dialect, const QByteArray &data);

// True when a 2018 list is complete (ends with '#'). The 2020 list has no end marker: only quiet ends it.
bool classicListComplete(ClassicDialect dialect, const QByteArray &data);

inline const QByteArray kClassicEndMarker = QByteArrayLiteral("##");

} // namespace netcore::files

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace app::cli {

// `socketeer http send URL ...` (one exchange, printed like curl -v but with the exact bytes) and
// `socketeer http check FILE` (the raw-request checker).
int runHttp(const QStringList &arguments);

// The bytes as text lines, each starting with `prefix`, escaped like netcore::common::visibleText(..., Escaping::Python):
// CR shown as \r, LF as \n then a line break, other control bytes as \xNN; UTF-8 text stays readable.
QString wireLines(const QByteArray &bytes, const QString &prefix);

} // namespace app::cli

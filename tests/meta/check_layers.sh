#!/usr/bin/env bash
# The layering rules that a compiler cannot see:
#  1. every project include names its layer ("netcore/files/protocol.h", "widgets/common/wireview.h"): one
#     include root, so no two headers can be confused;
#  2. netcore builds no sentence a user reads: no tr( and no QCoreApplication::translate;
#  3. presentation/ never touches a socket (no QtNetwork socket or server classes).
# Usage: check_layers.sh SOURCE_DIR
set -euo pipefail
src=$1
cd "$src"
bad=0
layers='netcore|presentation|widgets|app|tests'
while IFS= read -r -d '' file; do
    dir=$(dirname "$file")
    while IFS= read -r inc; do
        [[ $inc == *.moc ]] && continue                       # moc output, generated beside the test
        if [[ ! $inc =~ ^($layers)/ ]]; then
            echo "$file: #include \"$inc\" does not name its layer (write \"${dir}/$inc\" or \"LAYER/...\")"
            bad=1
        elif [ ! -e "$inc" ]; then
            echo "$file: #include \"$inc\" names no file of the project"
            bad=1
        fi
    done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/p' "$file")
done < <(find netcore presentation widgets app tests -type f \( -name '*.h' -o -name '*.cpp' \) -print0)

if grep -rnE '\btr\(|QCoreApplication::translate|Q_DECLARE_TR_FUNCTIONS|QT_TR_NOOP|QT_TRANSLATE_NOOP' netcore \
        --include='*.h' --include='*.cpp'; then
    echo "netcore must not translate: engines report facts, presentation/ says them"
    bad=1
fi
if grep -rnE '#include <(QTcpSocket|QTcpServer|QUdpSocket|QSslSocket|QLocalSocket|QLocalServer|QAbstractSocket)>' \
        presentation; then
    echo "presentation must not touch sockets"
    bad=1
fi
[ "$bad" -eq 0 ] && echo "layers: every include names its layer; netcore translates nothing; presentation has no sockets"
exit "$bad"

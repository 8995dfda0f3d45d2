// Linked from socketeer_cli alone: tests/meta/check_cli_link.sh reads what this executable needs, which is the
// CLI library's whole link closure. It is also a working headless `socketeer` (the CLI without the window).
#include "app/cli/cli.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    return app::cli::run(QCoreApplication::arguments());
}

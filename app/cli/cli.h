#pragma once

#include <QStringList>

// The headless command line: `socketeer <command> [options]`.
// Every command drives the very netcore engines the tabs drive.
namespace app::cli {

// Exit codes shared by every command (documented in README.md).
enum ExitCode : int {
    ExitOk = 0,        // success
    ExitNotFound = 1,  // the command ran but found nothing / the peer said no
    ExitUsage = 2,     // bad command line: one-line reason on stderr
    ExitFailure = 3,   // a runtime failure: network error, timeout, cannot bind, I/O error
};

// True when the arguments ask for the command line rather than the GUI
// (a known subcommand, --help, --version, or an unknown word that deserves a usage error).
bool wantsCommandLine(const QStringList &arguments);

// Runs the command line; returns the process exit code. A QCoreApplication must exist.
int run(const QStringList &arguments);

} // namespace app::cli

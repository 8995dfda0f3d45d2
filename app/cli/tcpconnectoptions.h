#pragma once

#include "app/cli/arguments.h"

#include "netcore/tcp/encoding.h"
#include "netcore/tcp/framing.h"
#include "netcore/tcp/tcpclient.h"

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

#include <optional>

// What `socketeer tcp connect` is asked on its command line: its options, and the checked plan they make
// (app/cli/tcpconnect.cpp runs the plan).
namespace app::cli {

struct TcpConnectOptions {
    TcpConnectOptions();
    void addTo(QCommandLineParser &parser) const;

    QCommandLineOption unixPath;
    QCommandLineOption send;
    QCommandLineOption hex;
    QCommandLineOption encoding;
    QCommandLineOption lineEnding;
    QCommandLineOption lines;
    QCommandLineOption showChunks;
    QCommandLineOption halfClose;
    QCommandLineOption keepOpen;
    QCommandLineOption reset;
    QCommandLineOption noDelay;
    QCommandLineOption tls;
    QCommandLineOption insecure;
    QCommandLineOption info;
    QCommandLineOption infoEvery;
    QCommandLineOption wait;
    QCommandLineOption framing;
    QCommandLineOption maxFrame;
};

// What the command line asked for, checked.
struct TcpConnectPlan {
    QString host;
    quint16 port = 0;
    QString unixPath;   // set: a Unix socket instead of HOST PORT
    QList<QByteArray> writes;
    netcore::tcp::TextEncoding encoding = netcore::tcp::TextEncoding::Utf8;
    bool encodingGiven = false;
    netcore::tcp::LineEnding ending = netcore::tcp::LineEnding::None;
    bool interactive = false;   // no --send, no --hex: standard input is looked at
    bool lines = false;
    bool showChunks = false;
    bool halfClose = false;
    bool keepOpen = false;
    bool reset = false;
    bool noDelay = false;
    bool tls = false;
    bool insecure = false;
    bool info = false;
    std::optional<Duration> waitFor;
    std::optional<Duration> infoPeriod;
    std::optional<netcore::tcp::FramingSpec> framing;
};

// Fills *plan from the parsed command line (HOST PORT or --unix PATH, the sends, how to end, what to show); nullopt
// when it is usable, else the exit code of the usage error printed.
std::optional<int> readTcpConnectPlan(const QCommandLineParser &parser, const TcpConnectOptions &options,
                                      const QString &command, TcpConnectPlan *plan);

} // namespace app::cli

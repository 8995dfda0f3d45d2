#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QString>

#include <optional>

// Shared by `socketeer udp send` and `socketeer udp listen`.
namespace app::cli {

// lupdate reads the context from this class: app::cli::Udp.
struct Udp
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Udp)
};

// "1.2.3.4", "::1", "<broadcast>", or a host name (resolved, IPv4 first). Null on failure (*error set).
QHostAddress resolveUdpHost(const QString &text, QString *error);

int runUdpSend(const QStringList &arguments);
int runUdpListen(const QStringList &arguments);

} // namespace app::cli

#include "app/cli/output.h"

#include "presentation/lookup/handouttext.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/help.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Output.
struct Output
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Output)
};

// Display width of a string: CJK characters take two terminal columns.
qsizetype displayWidth(const QString &text)
{
    qsizetype width = 0;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
                          || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
                          || (u >= 0xFFE0 && u <= 0xFFE6);
        width += wide ? 2 : 1;
    }
    return width;
}

} // namespace

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void flushOutSoon()
{
    static bool pending = false;
    if (pending)
        return;
    pending = true;
    QTimer::singleShot(0, QCoreApplication::instance(), [] {
        pending = false;
        out().flush();
    });
}

int usageError(const QString &command, const QString &reason)
{
    err() << command << ": " << reason << '\n'
          << Output::tr("Try '%1 --help'.").arg(command) << '\n';
    err().flush();
    return ExitUsage;
}

int usageError(const QString &command, const QString &option, const QString &reason)
{
    return usageError(command, option + u": "_s + reason);
}

int failure(const QString &command, const QString &message, int code)
{
    err() << command << ": " << message << '\n';
    err().flush();
    return code;
}

void printJson(const QJsonValue &value)
{
    QByteArray bytes;
    if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    else if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        bytes = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1) + '\n';
    out() << QString::fromUtf8(bytes);
    out().flush();
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments, const QString &command)
{
    const QCommandLineOption help(QStringList{u"h"_s, u"help"_s}, Output::tr("Show this help."));
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments))
        return usageError(command, parser.errorText());
    if (parser.isSet(help)) {
        printCommandHelp(parser, command);
        return ExitOk;
    }
    return std::nullopt;
}

std::optional<int> parseArguments(QCommandLineParser &parser, const QList<QCommandLineOption> &options,
                                  const QStringList &arguments, const QString &command)
{
    parser.addOptions(options);
    return parseArguments(parser, separatePositionals(arguments, options), command);
}

QString listeningLine(QLatin1StringView server, const ListeningSocket &socket)
{
    // A dual-stack socket on every address takes IPv4 and IPv6 clients: "::" (never 0.0.0.0, which would say
    // IPv4 only). A v4-mapped address reads as plain IPv4, like endpointString().
    bool isV4 = false;
    const quint32 v4 = socket.address.toIPv4Address(&isV4);
    const QString address = socket.address == QHostAddress::Any ? u"::"_s
                            : isV4                               ? QHostAddress(v4).toString()
                                                                 : socket.address.toString();
    return "socketeer: listening "_L1 + server + u' ' + socket.transport + u' ' + address + u' ' + QString::number(socket.port);
}

void printListening(QLatin1StringView server, const QList<ListeningSocket> &sockets, const QString &human)
{
    for (const ListeningSocket &socket : sockets)
        out() << listeningLine(server, socket) << '\n';
    out() << human << '\n';
    // A server on every address: say which ones students type (not 0.0.0.0), best first; one line per server
    // (its sockets share the port).
    for (const ListeningSocket &socket : sockets) {
        if (socket.address != QHostAddress::Any && socket.address != QHostAddress::AnyIPv4
            && socket.address != QHostAddress::AnyIPv6)
            continue;
        out() << presentation::lookup::studentsConnectText(socket.address, socket.port, 8) << '\n';
        break;
    }
    out().flush();
}

std::optional<int> expectPositionals(const QCommandLineParser &parser, const QString &command, qsizetype minimum,
                                     qsizetype maximum)
{
    const qsizetype count = parser.positionalArguments().size();
    if (count < minimum)
        return usageError(command, Output::tr("missing argument"));
    if (count > maximum)
        return usageError(command, Output::tr("unexpected argument '%1'").arg(parser.positionalArguments().at(maximum)));
    return std::nullopt;
}

std::optional<int> readHostPort(const QCommandLineParser &parser, const QString &command, Endpoint *destination)
{
    QString error;
    const std::optional<QString> host = parseHost(parser.positionalArguments().at(0), &error);
    if (!host)
        return usageError(command, u"HOST"_s, error);
    const std::optional<quint16> port = parsePort(parser.positionalArguments().at(1), PortZero::Refused, &error);
    if (!port)
        return usageError(command, u"PORT"_s, error);
    *destination = {*host, *port};
    return std::nullopt;
}

void printTable(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &[label, value] : rows)
        width = std::max(width, displayWidth(label));
    for (const auto &[label, value] : rows)
        out() << label << QString(width - displayWidth(label) + 2, u' ') << value << '\n';
    out().flush();
}

} // namespace app::cli

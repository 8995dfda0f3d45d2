// `socketeer lookup VERB ...`: the Lookup tab's engines on the command line.
#include "app/cli/lookupcommand.h"

#include "app/cli/arguments.h"
#include "app/cli/cli.h"
#include "app/cli/help.h"
#include "app/cli/lookupformat.h"
#include "presentation/lookup/lookuplabels.h"
#include "app/cli/output.h"

#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/dnslookup.h"
#include "netcore/lookup/hostlookup.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/lookup/reverselookup.h"
#include "netcore/lookup/services.h"
#include "netcore/lookup/subnet.h"

#include <QCommandLineParser>
#include <QEventLoop>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <chrono>

using namespace Qt::StringLiterals;
using namespace netcore::lookup;
using namespace presentation::lookup;

namespace app::cli {
namespace {

// lupdate reads the context from this class: app::cli::Lookup.
struct Lookup
{
    Q_DECLARE_TR_FUNCTIONS(app::cli::Lookup)
};


constexpr Duration kMaxTimeout = std::chrono::minutes(5);

// Options and parsing shared by every verb.
struct VerbParser {
    QString command; // "socketeer lookup host"
    QCommandLineParser parser;
    QCommandLineOption json{u"json"_s, Lookup::tr("Print the result as JSON.")};
    QCommandLineOption timeout{u"timeout"_s, Lookup::tr("Give up after this long (default: 10s for host and addr, 15s for dns; a bare number is seconds)."), u"DURATION"_s};

    VerbParser(const QString &cmd, const QString &description) : command(cmd)
    {
        parser.setApplicationDescription(description);
        parser.addOption(json);
    }

    // Returns an exit code when the verb must stop (help shown, usage error).
    std::optional<int> parse(const QStringList &arguments, qsizetype minimum, qsizetype maximum)
    {
        const qsizetype end = arguments.indexOf(u"--"_s);
        const QStringList options = end < 0 ? arguments : arguments.first(end);
        if (options.contains(u"-h"_s) || options.contains(u"--help"_s)) {
            parser.addOption(QCommandLineOption({u"h"_s, u"help"_s}, Lookup::tr("Show this help.")));
            printHelp();
            return ExitOk;
        }
        if (const std::optional<int> code = parseArguments(parser, arguments, command))
            return code;
        return expectPositionals(parser, command, minimum, maximum);
    }

    void printHelp() { printCommandHelp(parser, command); }

    bool wantsJson() const { return parser.isSet(json); }

    // --timeout in milliseconds, or a usage error.
    std::optional<std::chrono::milliseconds> timeoutValue(std::chrono::milliseconds fallback, int &code)
    {
        if (!parser.isSet(timeout))
            return fallback;
        QString error;
        const std::optional<Duration> value = parseDuration(parser.value(timeout), DurationUnit::Seconds, std::chrono::milliseconds(1),
                                                            kMaxTimeout, &error);
        if (!value) {
            code = usageError(command, u"--timeout"_s, error);
            return std::nullopt;
        }
        return std::chrono::duration_cast<std::chrono::milliseconds>(*value);
    }
};

// Runs an engine's lookup to its finished() signal (engines always finish: they have their own timeout).
template<typename Engine, typename Result, typename Start>
Result waitFor(Engine &engine, Start start)
{
    QEventLoop loop;
    Result result;
    QObject::connect(&engine, &Engine::finished, &loop, [&](const Result &r) {
        result = r;
        loop.quit();
    });
    start();
    loop.exec();
    return result;
}

// Prints the JSON result (when asked) and, for a failure, the one-line reason on stderr.
int report(const QString &command, bool json, const QJsonObject &object, int code, const QString &problem)
{
    if (json)
        printJson(object);
    if (!problem.isEmpty())
        return failure(command, problem, code);
    return code;
}

int resolveExitCode(ResolveError error)
{
    switch (error) {
    case ResolveError::None: return ExitOk;
    case ResolveError::NoSuchHost: return ExitNotFound;
    case ResolveError::InvalidInput: return ExitUsage;
    default: return ExitFailure;
    }
}

int runHost(const QStringList &arguments)
{
    VerbParser v(arguments.constFirst(),
                 Lookup::tr("Look a host name up like gethostbyname()/getaddrinfo(): /etc/hosts first, then DNS."));
    const QCommandLineOption ipv4(u"ipv4"_s, Lookup::tr("IPv4 addresses only (AF_INET)."));
    const QCommandLineOption ipv6(u"ipv6"_s, Lookup::tr("IPv6 addresses only (AF_INET6)."));
    v.parser.addOptions({ipv4, ipv6, v.timeout});
    v.parser.addPositionalArgument(u"NAME"_s, Lookup::tr("The host name, e.g. localhost or www.example.com."));
    if (const auto code = v.parse(arguments, 1, 1))
        return *code;
    if (v.parser.isSet(ipv4) && v.parser.isSet(ipv6))
        return usageError(v.command, Lookup::tr("--ipv4 and --ipv6 exclude each other"));
    int code = ExitOk;
    const auto timeout = v.timeoutValue(HostLookup::kDefaultTimeout, code);
    if (!timeout)
        return code;
    const QString name = v.parser.positionalArguments().constFirst();
    if (name.isEmpty() || name.size() > 254 || name.contains(QChar(0)))
        return usageError(v.command, Lookup::tr("not a valid host name: '%1'").arg(name.left(64)));
    const FamilyFilter family = v.parser.isSet(ipv4) ? FamilyFilter::Ipv4Only
                                : v.parser.isSet(ipv6) ? FamilyFilter::Ipv6Only
                                                       : FamilyFilter::Any;
    HostLookup engine;
    engine.setTimeout(*timeout);
    const auto r = waitFor<HostLookup, HostLookupResult>(engine, [&] { engine.lookup(name, family); });
    if (!v.wantsJson() && r.ok())
        printHost(r);
    const QString problem = r.ok() ? QString() : resolveErrorText(r.error, r.systemMessage, int(timeout->count()));
    return report(v.command, v.wantsJson(), hostJson(r), resolveExitCode(r.error), problem);
}

int runAddr(const QStringList &arguments)
{
    VerbParser v(arguments.constFirst(),
                 Lookup::tr("Find the name of an address like gethostbyaddr(): /etc/hosts first, then reverse DNS (PTR)."));
    v.parser.addOption(v.timeout);
    v.parser.addPositionalArgument(u"ADDRESS"_s, Lookup::tr("An IPv4 or IPv6 address, e.g. 127.0.0.1 or ::1."));
    if (const auto code = v.parse(arguments, 1, 1))
        return *code;
    int code = ExitOk;
    const auto timeout = v.timeoutValue(ReverseLookup::kDefaultTimeout, code);
    if (!timeout)
        return code;
    const Conversion c = convertAddress(v.parser.positionalArguments().constFirst());
    if (!c.ok())
        return usageError(v.command, conversionErrorText(c));
    QHostAddress address(c.canonical);
    if (!c.scopeId.isEmpty())
        address.setScopeId(c.scopeId);
    ReverseLookup engine;
    engine.setTimeout(*timeout);
    const auto r = waitFor<ReverseLookup, ReverseLookupResult>(engine, [&] { engine.lookup(address); });
    if (!v.wantsJson() && r.ok())
        printReverse(r);
    const QString problem = r.ok() ? QString() : resolveErrorText(r.error, r.systemMessage, int(timeout->count()));
    return report(v.command, v.wantsJson(), reverseJson(r), resolveExitCode(r.error), problem);
}

int dnsExitCode(const DnsResult &r)
{
    switch (r.error) {
    case DnsError::None: return r.records.isEmpty() ? ExitNotFound : ExitOk;
    case DnsError::NotFound: return ExitNotFound;
    case DnsError::InvalidName: return ExitUsage;
    default: return ExitFailure;
    }
}

int runDns(const QStringList &arguments)
{
    VerbParser v(arguments.constFirst(),
                 Lookup::tr("Ask DNS directly for records (QDnsLookup). Unlike 'host', this never reads /etc/hosts. "
                            "The name server is asked on port 53."));
    const QCommandLineOption type(u"type"_s, Lookup::tr("Record type: A, AAAA, CNAME, MX, NS, PTR, SRV or TXT (default A)."),
                                  u"TYPE"_s, u"A"_s);
    const QCommandLineOption server(u"server"_s, Lookup::tr("Ask this name server (an IP address) instead of the system's."),
                                    u"IP"_s);
    v.parser.addOptions({type, server, v.timeout});
    v.parser.addPositionalArgument(u"NAME"_s, Lookup::tr("The DNS name; for PTR an IP address is turned into its in-addr.arpa name."));
    if (const auto code = v.parse(arguments, 1, 1))
        return *code;
    const std::optional<DnsRecordType> recordType = dnsRecordTypeFromString(v.parser.value(type));
    if (!recordType)
        return usageError(v.command, Lookup::tr("unknown record type '%1'").arg(v.parser.value(type)));
    QHostAddress nameServer;
    if (v.parser.isSet(server) && !nameServer.setAddress(v.parser.value(server)))
        return usageError(v.command, Lookup::tr("--server needs an IP address, not '%1'").arg(v.parser.value(server)));
    int code = ExitOk;
    const auto timeout = v.timeoutValue(DnsLookup::kDefaultTimeout, code);
    if (!timeout)
        return code;
    QString name = v.parser.positionalArguments().constFirst();
    if (*recordType == DnsRecordType::PTR) {
        if (const QHostAddress address(name); !address.isNull())
            name = reverseDnsName(address);
    }
    DnsLookup engine;
    engine.setTimeout(*timeout);
    const auto r = waitFor<DnsLookup, DnsResult>(engine, [&] { engine.lookup(name, *recordType, nameServer); });
    if (r.error == DnsError::InvalidName)
        return usageError(v.command, dnsErrorText(r.error, r.systemMessage, 0));
    if (!v.wantsJson() && r.ok())
        printDns(r);
    QString problem = r.ok() ? QString() : dnsErrorText(r.error, r.systemMessage, int(timeout->count()));
    if (r.ok() && r.records.isEmpty())
        problem = Lookup::tr("no %1 records").arg(dnsRecordTypeKey(r.type));
    const int exitCode = report(v.command, v.wantsJson(), dnsJson(r), dnsExitCode(r), problem);
    if (r.error == DnsError::Timeout) {
        // Qt's resolver thread is still waiting for the server and cannot be interrupted; the normal exit
        // would wait for it (up to the resolver's own timeouts). Leave now, output flushed.
        out().flush();
        err().flush();
        std::fflush(nullptr);
        std::_Exit(exitCode);
    }
    return exitCode;
}

int runService(const QStringList &arguments)
{
    VerbParser v(arguments.constFirst(),
                 Lookup::tr("Look a service up in the system's services database like getservbyname()/getservbyport(), "
                            "and classify the port."));
    const QCommandLineOption proto(u"proto"_s, Lookup::tr("tcp or udp (default: both)."), u"PROTO"_s);
    v.parser.addOption(proto);
    v.parser.addPositionalArgument(u"NAME|PORT"_s, Lookup::tr("A service name (mysql) or a port number (3306)."));
    if (const auto code = v.parse(arguments, 1, 1))
        return *code;
    ServiceReport report;
    if (!v.parser.isSet(proto))
        report.transports = {Transport::Tcp, Transport::Udp};
    else if (v.parser.value(proto).compare("tcp"_L1, Qt::CaseInsensitive) == 0)
        report.transports = {Transport::Tcp};
    else if (v.parser.value(proto).compare("udp"_L1, Qt::CaseInsensitive) == 0)
        report.transports = {Transport::Udp};
    else
        return usageError(v.command, Lookup::tr("--proto must be tcp or udp"));
    report.query = v.parser.positionalArguments().constFirst();
    const bool numeric = !report.query.isEmpty()
                         && std::all_of(report.query.begin(), report.query.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (numeric) {
        QString error;
        const std::optional<quint16> port = app::cli::parsePort(report.query, PortZero::Allowed, &error);
        if (!port)
            return usageError(v.command, error);
        report.port = *port;
    } else if (!isPlausibleServiceName(report.query)) {
        return usageError(v.command, Lookup::tr("not a service name or port number: '%1'").arg(report.query.left(64)));
    }
    report = queryServices(report.query, report.transports);
    if (v.wantsJson())
        printJson(serviceJson(report));
    else
        printService(report);
    if (report.entries.isEmpty())
        return failure(v.command, Lookup::tr("'%1' is not in the services database").arg(report.query), ExitNotFound);
    return ExitOk;
}

int runConvert(const QStringList &arguments)
{
    VerbParser v(arguments.constFirst(),
                 Lookup::tr("Convert an address like inet_aton/inet_ntoa (IPv4, including the legacy forms 127.1, 0x7f.1, "
                            "0177.0.0.1) and inet_pton/inet_ntop (IPv6); show the bytes and both byte orders."));
    v.parser.addPositionalArgument(u"ADDRESS"_s, Lookup::tr("An IPv4 or IPv6 address."));
    if (const auto code = v.parse(arguments, 1, 1))
        return *code;
    const Conversion c = convertAddress(v.parser.positionalArguments().constFirst());
    if (!c.ok())
        return usageError(v.command, conversionErrorText(c));
    if (v.wantsJson())
        printJson(conversionJson(c));
    else
        printConversion(c);
    return ExitOk;
}

int runSubnet(const QStringList &arguments)
{
    VerbParser v(arguments.constFirst(),
                 Lookup::tr("Subnet calculator: network, broadcast, host range, mask, wildcard and a binary view."));
    v.parser.addPositionalArgument(u"CIDR"_s, Lookup::tr("192.168.1.10/24, 192.168.1.10/255.255.255.0, "
                                                         "'192.168.1.10 255.255.255.0' or 2001:db8::/32."));
    if (const auto code = v.parse(arguments, 1, 2))
        return *code;
    const SubnetResult r = calculateSubnet(v.parser.positionalArguments().join(u' '));
    if (!r.ok())
        return usageError(v.command, subnetErrorText(r.error));
    if (v.wantsJson())
        printJson(subnetJson(r));
    else
        printSubnet(r);
    return ExitOk;
}

int runInterfaces(const QStringList &arguments)
{
    VerbParser v(arguments.constFirst(),
                 Lookup::tr("List this machine's network interfaces: name, flags, addresses, netmask, broadcast."));
    if (const auto code = v.parse(arguments, 0, 0))
        return *code;
    const QList<InterfaceInfo> interfaces = localInterfaces();
    if (v.wantsJson())
        printJson(interfacesJson(interfaces));
    else
        printInterfaces(interfaces);
    return ExitOk;
}

constexpr std::array kVerbs{
    Verb{"host", QT_TRANSLATE_NOOP("app::cli::Lookup", "host name -> addresses (getaddrinfo, honours /etc/hosts)"), &runHost},
    Verb{"addr", QT_TRANSLATE_NOOP("app::cli::Lookup", "address -> host name (getnameinfo, like gethostbyaddr)"), &runAddr},
    Verb{"dns", QT_TRANSLATE_NOOP("app::cli::Lookup", "DNS records: A AAAA CNAME MX NS PTR SRV TXT (never /etc/hosts)"), &runDns},
    Verb{"service", QT_TRANSLATE_NOOP("app::cli::Lookup", "service name <-> port (getservbyname/getservbyport)"), &runService},
    Verb{"convert", QT_TRANSLATE_NOOP("app::cli::Lookup", "inet_aton/inet_ntoa/inet_pton: forms, bytes, byte order"), &runConvert},
    Verb{"subnet", QT_TRANSLATE_NOOP("app::cli::Lookup", "subnet calculator for IPv4 CIDR/masks and IPv6 prefixes"), &runSubnet},
    Verb{"interfaces", QT_TRANSLATE_NOOP("app::cli::Lookup", "this machine's network interfaces"), &runInterfaces},
};

} // namespace

int runLookup(const QStringList &arguments)
{
    return dispatch(arguments,
                    VerbTable{"app::cli::Lookup", kVerbs, Lookup::tr("Usage: socketeer lookup VERB [options] [arguments]"), {},
                              Lookup::tr("Verbs:"),
                              Lookup::tr("Every verb takes --json. 'socketeer lookup VERB --help' shows a verb's options.") + u'\n'
                                  + Lookup::tr("Exit codes: 0 found, 1 nothing found, 2 usage error, 3 lookup failed (network, timeout).")});
}

} // namespace app::cli

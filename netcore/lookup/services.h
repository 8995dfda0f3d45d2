#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <utility>

// The system services database (/etc/services through NSS): getservbyname_r / getservbyport_r, which are
// the thread-safe variants of the course's socket.getservbyname('mysql') -> 3306.
// Lookups are synchronous: the database is a local file, answers take microseconds.
namespace netcore::lookup {

enum class Transport { Tcp, Udp };

struct ServiceEntry {
    QString name;          // official name ("http")
    QStringList aliases;   // ("www")
    quint16 port = 0;
    Transport transport = Transport::Tcp;
};

// getservbyname_r(name, "tcp"/"udp"); std::nullopt when the database has no such entry.
std::optional<ServiceEntry> serviceByName(const QString &name, Transport transport);
// getservbyport_r(htons(port), "tcp"/"udp").
std::optional<ServiceEntry> serviceByPort(quint16 port, Transport transport);

// Port ranges (IANA, RFC 6335).
enum class PortClass {
    Zero,        // 0: not a real port; bind() to 0 lets the system pick a free one
    WellKnown,   // 1..1023: system services; binding needs root (CAP_NET_BIND_SERVICE) on Linux
    Registered,  // 1024..49151: registered with IANA for applications
    Dynamic,     // 49152..65535: dynamic/private, used for ephemeral client ports
};

// Facts about a port relevant to choosing one for your own program (the course's advice: use ports above 10000).
struct PortFacts {
    quint16 port = 0;
    PortClass portClass = PortClass::Zero;
    bool needsPrivilegeToBind = false;       // < 1024 on Linux (ignoring net.ipv4.ip_unprivileged_port_start)
    bool recommendedForOwnServers = false;   // > 10000 and not in this machine's ephemeral range
    bool inEphemeralRange = false;           // inside this machine's ip_local_port_range (clients get these)
};

PortClass classifyPort(quint16 port);
PortFacts portFacts(quint16 port);

// This machine's ephemeral port range from /proc/sys/net/ipv4/ip_local_port_range (Linux), or std::nullopt.
std::optional<std::pair<quint16, quint16>> ephemeralPortRange();

enum class PortParseError { None, Empty, NotANumber, OutOfRange };

// Parses "0".."65535" (decimal digits only, surrounding whitespace trimmed).
struct PortParse {
    PortParseError error = PortParseError::None;
    quint16 port = 0;
};
PortParse parsePort(QStringView text);

// Service names from the database are ASCII words: letters, digits, '-', '_', '.', '+', '/', at most 64 chars.
bool isPlausibleServiceName(QStringView text);

QString transportKey(Transport transport);   // "tcp" / "udp"
QString portClassKey(PortClass portClass);   // "zero", "well-known", "registered", "dynamic"

// A `service` question: what was asked and what the database answered for each transport asked.
struct ServiceQuery {
    QString query;
    std::optional<quint16> port;     // set when a port number was asked
    QList<Transport> transports;     // tcp, udp or both
    QList<ServiceEntry> entries;     // found entries, in transport order
};

// Asks the services database (getservbyname_r / getservbyport_r) for `query` — a port number or a service
// name — for each transport.
ServiceQuery queryServices(const QString &query, const QList<Transport> &transports);

} // namespace netcore::lookup

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringView>

#include <chrono>
#include <memory>
#include <optional>

// DNS records through QDnsLookup: a real DNS query to the system's name servers (/etc/resolv.conf) or to the
// one given. Unlike HostLookup (getaddrinfo), a DNS query never reads /etc/hosts: "localhost" or names only
// listed there are not found. Limitation of Qt 6.4: the name server is always asked on port 53 (QDnsLookup
// has no port setting before Qt 6.8).
namespace netcore::lookup {

enum class DnsRecordType { A, AAAA, CNAME, MX, NS, PTR, SRV, TXT };

struct DnsRecord {
    DnsRecordType type = DnsRecordType::A;
    QString name;              // the owner name of the record
    quint32 ttl = 0;           // time to live in seconds, as the answering server gave it
    QHostAddress address;      // A, AAAA
    QString target;            // CNAME/NS/PTR: the name; MX: the exchange; SRV: the target host
    quint16 preference = 0;    // MX
    quint16 priority = 0;      // SRV
    quint16 weight = 0;        // SRV
    quint16 port = 0;          // SRV
    QList<QByteArray> texts;   // TXT: the character strings, raw bytes
};

enum class DnsError {
    None,
    InvalidName,       // empty or not a valid DNS name; nothing was sent
    NotFound,          // NXDOMAIN: the name does not exist
    ServerFailure,     // SERVFAIL
    ServerRefused,     // REFUSED
    InvalidReply,      // no usable reply. Qt 6.4 on glibc reports this alike for: a malformed reply, a NOERROR reply
                       // without answers (the name exists, no record of this type: NODATA), and no reply at all
                       // from the server (unreachable, port closed) - it cannot tell these apart
    InvalidRequest,    // the resolver rejected the request (e.g. bad name server address)
    ResolverError,     // no answer could be obtained: no name server reachable, no network, resolver missing
    Timeout,           // our own limit (DnsLookup::timeout()) passed
    Other,
};

struct DnsResult {
    bool ok() const { return error == DnsError::None; }

    quint64 id = 0;
    QString name;              // as asked
    DnsRecordType type = DnsRecordType::A;
    QHostAddress nameServer;   // null = the system's (/etc/resolv.conf)
    DnsError error = DnsError::None;
    QString systemMessage;     // QDnsLookup::errorString(), Qt's English text; empty on success
    QList<DnsRecord> records;  // in answer order per type (CNAMEs first); can be empty on success
    qint64 elapsedUs = 0;
};

class DnsLookup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsLookup)

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{15'000};

    explicit DnsLookup(QObject *parent = nullptr);
    ~DnsLookup() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const;

    // Starts a query; returns its id (> 0). A running query is cancelled first. finished() always follows
    // asynchronously unless cancelled. For PTR, pass the in-addr.arpa/ip6.arpa name (reverseDnsName()).
    quint64 lookup(const QString &name, DnsRecordType type, const QHostAddress &nameServer = QHostAddress());
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void finished(const netcore::lookup::DnsResult &result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// "MX" / "mx" -> DnsRecordType::MX; std::nullopt for unknown types.
std::optional<DnsRecordType> dnsRecordTypeFromString(QStringView text);
QString dnsRecordTypeKey(DnsRecordType type); // "A", "AAAA", "CNAME", ...
QList<DnsRecordType> allDnsRecordTypes();

// The PTR query name of an address: "1.0.0.127.in-addr.arpa", "1.0.0...0.ip6.arpa"; empty for a null address.
QString reverseDnsName(const QHostAddress &address);

QString dnsErrorKey(DnsError error); // "not-found", "server-failure", ...

} // namespace netcore::lookup

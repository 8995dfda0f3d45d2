#pragma once

#include "lookup/addressconversion.h"
#include "lookup/dnslookup.h"
#include "lookup/hostlookup.h"
#include "lookup/interfaces.h"
#include "lookup/reverselookup.h"
#include "lookup/services.h"
#include "lookup/subnet.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

// The human form of every lookup result, shared by the Lookup tab (its results table) and `socketeer lookup`
// (its text tables): label/value rows plus a teaching note. Translated here once; no widgets involved, so the
// CLI uses it headless.
namespace widgets::lookup {

using ReportRows = QList<std::pair<QString, QString>>;

struct LookupReport {
    ReportRows rows;          // label, value; an empty label continues the previous label's list
    QString note;             // one explanatory sentence (may be empty)
};

// A `service` question: what was asked and what the database answered for each transport asked.
struct ServiceQuery {
    QString query;
    std::optional<quint16> port;                    // set when a port number was asked
    QList<netcore::lookup::Transport> transports;   // tcp, udp or both
    QList<netcore::lookup::ServiceEntry> entries;   // found entries, in transport order
};

LookupReport hostReport(const netcore::lookup::HostLookupResult &result);
LookupReport reverseReport(const netcore::lookup::ReverseLookupResult &result);
LookupReport dnsReport(const netcore::lookup::DnsResult &result);
LookupReport serviceReport(const ServiceQuery &query);
LookupReport conversionReport(const netcore::lookup::Conversion &conversion);
LookupReport subnetReport(const netcore::lookup::SubnetResult &result);
LookupReport interfacesReport(const QList<netcore::lookup::InterfaceInfo> &interfaces);

// "0xc0a80001 (3232235521)"-style rendering shared with JSON-less outputs.
QString hexValue(quint32 value);

} // namespace widgets::lookup

namespace widgets::lookup {

// Asks the services database (getservbyname_r / getservbyport_r) for `query` — a port number or a service
// name — for each transport. The caller has checked that the query is one or the other.
ServiceQuery queryServices(const QString &query, const QList<netcore::lookup::Transport> &transports);

} // namespace widgets::lookup

#pragma once

#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/dnslookup.h"
#include "netcore/lookup/hostlookup.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/lookup/reverselookup.h"
#include "netcore/lookup/services.h"
#include "netcore/lookup/subnet.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

// The human form of every lookup result, shared by the Lookup tab (its results table) and `socketeer lookup`
// (its text tables): label/value rows plus a teaching note. Translated here once; no widgets involved, so the
// CLI uses it headless.
namespace presentation::lookup {

using ReportRows = QList<std::pair<QString, QString>>;

struct LookupReport {
    ReportRows rows;          // label, value; an empty label continues the previous label's list
    QString note;             // one explanatory sentence (may be empty)
};

LookupReport hostReport(const netcore::lookup::HostLookupResult &result);
LookupReport reverseReport(const netcore::lookup::ReverseLookupResult &result);
LookupReport dnsReport(const netcore::lookup::DnsResult &result);
LookupReport serviceReport(const netcore::lookup::ServiceQuery &query);
LookupReport conversionReport(const netcore::lookup::Conversion &conversion);
LookupReport subnetReport(const netcore::lookup::SubnetResult &result);
LookupReport interfacesReport(const QList<netcore::lookup::InterfaceInfo> &interfaces);

// "0xc0a80001 (3232235521)"-style rendering shared with JSON-less outputs.
QString hexValue(quint32 value);

} // namespace presentation::lookup

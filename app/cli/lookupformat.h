#pragma once

#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/classification.h"
#include "netcore/lookup/dnslookup.h"
#include "netcore/lookup/hostlookup.h"
#include "netcore/lookup/interfaces.h"
#include "netcore/lookup/reverselookup.h"
#include "netcore/lookup/services.h"
#include "netcore/lookup/subnet.h"
#include "presentation/lookup/lookupreport.h"

#include <QJsonObject>
#include <QList>

#include <optional>

// Rendering of `socketeer lookup` results: JSON (stable keys, machine-readable) and human text (translated
// tables). One function pair per verb; lookupcommand.cpp decides which one to call.
namespace app::cli {

using ServiceReport = netcore::lookup::ServiceQuery;

QJsonObject hostJson(const netcore::lookup::HostLookupResult &result);
void printHost(const netcore::lookup::HostLookupResult &result);

QJsonObject reverseJson(const netcore::lookup::ReverseLookupResult &result);
void printReverse(const netcore::lookup::ReverseLookupResult &result);

QJsonObject dnsJson(const netcore::lookup::DnsResult &result);
void printDns(const netcore::lookup::DnsResult &result);

QJsonObject serviceJson(const ServiceReport &report);
void printService(const ServiceReport &report);

QJsonObject conversionJson(const netcore::lookup::Conversion &conversion);
void printConversion(const netcore::lookup::Conversion &conversion);

QJsonObject subnetJson(const netcore::lookup::SubnetResult &result);
void printSubnet(const netcore::lookup::SubnetResult &result);

QJsonObject interfacesJson(const QList<netcore::lookup::InterfaceInfo> &interfaces);
void printInterfaces(const QList<netcore::lookup::InterfaceInfo> &interfaces);

} // namespace app::cli

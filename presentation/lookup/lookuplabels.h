#pragma once

#include "netcore/lookup/addressconversion.h"
#include "netcore/lookup/classification.h"
#include "netcore/lookup/dnslookup.h"
#include "netcore/lookup/inetaton.h"
#include "netcore/lookup/resolveerror.h"
#include "netcore/lookup/services.h"
#include "netcore/lookup/subnet.h"

#include <QCoreApplication>
#include <QString>

// The words of the Lookup tab and `socketeer lookup`: netcore reports enums and facts, these turn them into translated text.
// Every lookup CLI source file declares its own `struct Lookup { Q_DECLARE_TR_FUNCTIONS(presentation::lookup::Lookup) };`
// in an anonymous namespace, so lupdate sees the context presentation::lookup::Lookup in each of them.
namespace presentation::lookup {

QString addressClassLabel(netcore::lookup::AddressClass addressClass);       // "loopback (127.0.0.0/8)"
QString addressClassExplanation(netcore::lookup::AddressClass addressClass); // one sentence for the student
QString numberBaseLabel(netcore::lookup::NumberBase base);
QString inetAtonErrorText(const netcore::lookup::InetAtonResult &result);
QString conversionErrorText(const netcore::lookup::Conversion &conversion);
QString subnetErrorText(netcore::lookup::SubnetError error);
QString portClassLabel(netcore::lookup::PortClass portClass);
QString resolveErrorText(netcore::lookup::ResolveError error, const QString &systemMessage, int timeoutMs);
QString dnsErrorText(netcore::lookup::DnsError error, const QString &systemMessage, int timeoutMs);
QString elapsedText(qint64 microseconds);                                    // "0.42 ms"

} // namespace presentation::lookup

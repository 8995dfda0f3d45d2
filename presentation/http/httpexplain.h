#pragma once

#include "netcore/http/exchange.h"
#include "netcore/http/messageparser.h"
#include "netcore/http/requestchecker.h"

#include <QCoreApplication>
#include <QString>

// Plain, translated sentences for the facts netcore/http reports: what a status code means, why an
// exchange failed and what to try, what a TLS verification error says, what the raw-request checker
// found. Shared by the HTTP tab and the `socketeer http` command line.
namespace presentation::http {

class HttpExplain
{
    Q_DECLARE_TR_FUNCTIONS(presentation::http::HttpExplain)

public:
    static QString statusMeaning(int status);                    // "404: the server has nothing at this path."
    static QString statusClass(int status);                      // "4xx client error"
    static QString exchangeError(const netcore::http::Hop &hop); // what happened and what to try
    static QString tlsError(const netcore::http::TlsErrorInfo &error);
    static QString requestIssue(const netcore::http::RequestIssue &issue);
    static QString captureError(netcore::http::ParseError error, qint64 offset, const QByteArray &reason);
    // A capture server's finding: "Byte 12 (space-before-colon): No space is allowed between …"
    static QString captureFinding(const netcore::http::RequestIssue &finding);
    static QString methodHelp(const QByteArray &method);          // one line per course method
    static QString timingPhase(netcore::http::TimingPhase phase);
    static QString framing(netcore::http::BodyFraming framing);
};

} // namespace presentation::http

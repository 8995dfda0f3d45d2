#pragma once

// What tst_httpexchange and tst_captureserver share: a capture server on 127.0.0.1 port 0 with a transcript,
// an HttpClient, the captures in arrival order, and the helpers to wait for them.
#include "netcore/common/transcript.h"
#include "netcore/http/captureserver.h"
#include "netcore/http/httpclient.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace httptest {

using namespace Qt::StringLiterals;

constexpr int kWaitMs = 15'000;

inline bool waitFinished(QSignalSpy &spy)
{
    return !spy.isEmpty() || spy.wait(kWaitMs);
}

struct Fixture {
    netcore::http::CaptureServer *server = nullptr;
    netcore::http::HttpClient *client = nullptr;
    netcore::common::Transcript *transcript = nullptr;
    QList<netcore::http::CapturedRequest> captured;

    // Creates and starts everything, owned by `owner`; false when the server did not start.
    bool setUp(QObject *owner)
    {
        transcript = new netcore::common::Transcript(owner);
        server = new netcore::http::CaptureServer(owner);
        server->setTranscript(transcript);
        client = new netcore::http::HttpClient(owner);
        client->setTranscript(transcript);
        captured.clear();
        QObject::connect(server, &netcore::http::CaptureServer::requestCaptured, owner,
                         [this](const netcore::http::CapturedRequest &c) { captured.append(c); });
        return server->start(QHostAddress::LocalHost, 0) && server->serverPort() != 0;
    }
    void tearDown()
    {
        delete client;
        delete server;
        delete transcript;
        client = nullptr;
        server = nullptr;
        transcript = nullptr;
    }
    QUrl url(const QString &path = u"/"_s) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(server->serverPort()).arg(path));
    }
    netcore::http::Hop exchange(const netcore::http::RequestSpec &spec, const netcore::http::ClientOptions &options = {})
    {
        QSignalSpy finished(client, &netcore::http::HttpClient::finished);
        if (!client->send(spec, options))
            return {};
        if (!waitFinished(finished)) {
            netcore::http::Hop timedOut;
            timedOut.error = netcore::http::ExchangeError::Timeout;
            timedOut.errorDetail.raw = u"the test gave up waiting"_s;
            return timedOut;
        }
        return client->lastHop();
    }
    template <typename E>
    bool hasEvent(E code, const QStringList &args) const
    {
        const netcore::common::TranscriptEvent wanted{eventAreaOf(code), quint16(code), args};
        const QList<netcore::common::TranscriptEntry> entries = transcript->entries();
        return std::any_of(entries.cbegin(), entries.cend(), [&wanted](const netcore::common::TranscriptEntry &entry) {
            return entry.direction == netcore::common::Direction::Event && entry.event == wanted;
        });
    }
};

} // namespace httptest

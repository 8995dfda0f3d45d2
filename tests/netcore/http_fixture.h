#pragma once

// What the HTTP tests share (tst_httpexchange, tst_captureserver, tst_httpconformance): a capture server on 127.0.0.1
// port 0 with a transcript, an HttpClient, the captures in arrival order, the helpers to wait for them, and raw
// sockets that write exact bytes and read one whole response.
#include "netcore/common/transcript.h"
#include "netcore/http/captureserver.h"
#include "netcore/http/httpclient.h"
#include "netcore/http/messageparser.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>

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


// A client socket from a given loopback address (127.0.0.2 and 127.0.0.3 are distinct hosts), connected.
inline QTcpSocket *connectFrom(const QHostAddress &from, quint16 port, QObject *parent)
{
    auto *socket = new QTcpSocket(parent);
    if (!from.isNull())
        socket->bind(from, 0);
    socket->connectToHost(QHostAddress::LocalHost, port);
    return socket;
}

// Writes `request` on `socket` and waits for one whole response (framed by the parser); empty on timeout.
inline QByteArray roundTrip(QTcpSocket *socket, const QByteArray &request, const QByteArray &method = "GET"_ba)
{
    socket->write(request);
    netcore::http::MessageParser parser(netcore::http::MessageKind::Response);
    parser.setRequestMethod(method);
    QByteArray received;
    QDeadlineTimer deadline(kWaitMs);
    while (!deadline.hasExpired()) {
        if (socket->bytesAvailable() == 0 && socket->state() == QAbstractSocket::ConnectedState) {
            // the server runs in this thread: run the event loop until bytes or the close come
            QEventLoop loop;
            QTimer::singleShot(int(qMax<qint64>(1, deadline.remainingTime())), &loop, &QEventLoop::quit);
            QObject::connect(socket, &QIODevice::readyRead, &loop, &QEventLoop::quit);
            QObject::connect(socket, &QAbstractSocket::disconnected, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const QByteArray piece = socket->readAll();
        received += piece;
        parser.feed(piece);
        if (socket->state() != QAbstractSocket::ConnectedState)
            parser.finish();
        if (!parser.take().isEmpty())
            return received;
        if (parser.error() != netcore::http::ParseError::None || (piece.isEmpty() && socket->state() != QAbstractSocket::ConnectedState))
            return received;
    }
    return {};
}

inline QByteArray headerOf(const QByteArray &response, const QByteArray &name)
{
    const QByteArray head = response.left(response.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        if (line.startsWith(QByteArray(name + ": ")))
            return line.mid(name.size() + 2).trimmed();
    }
    return {};
}

} // namespace httptest

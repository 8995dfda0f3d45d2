#pragma once

#include "netcore/http/httpmessage.h"
#include "netcore/http/messageparser.h"
#include "netcore/http/responsespec.h"

#include <QHostAddress>
#include <QObject>

#include <chrono>

class QTcpServer;

namespace netcore::common { class Transcript; }

// "A better nc -l": an HTTP/1.x server that keeps each incoming request's exact bytes and parsed form
// (requestCaptured, in arrival order, keep-alive reuse and pipelining visible through connection and
// index numbers) and answers with the chosen ResponseSpec. Malformed requests are captured too, with the
// byte where parsing stopped, and answered 400 (or 413 / 431 for the size caps) before closing.
namespace netcore::http {

struct CapturedRequest {
    int connection = 0;            // 1, 2, ... in accept order
    int indexOnConnection = 0;     // 1 for the first request on its connection; > 1 means the connection was reused
    QString local;
    QString peer;
    qint64 wallMs = 0;
    HttpMessage request;           // complete, or what arrived before the error / the close
    ParseError error = ParseError::None;
    qint64 errorOffset = -1;       // in request.raw()
    QByteArray errorReason;        // llhttp's name + reason
    int answeredStatus = 0;        // 0 when nothing was answered
    QByteArray responseHead;       // the head of what we answered
    qint64 responseBytes = 0;

    bool ok() const { return error == ParseError::None; }
};

class CaptureServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureServer)

public:
    static constexpr quint16 kDefaultPort = 8000;
    static constexpr std::chrono::seconds kIdleTimeout{60};
    static constexpr int kMaxConnections = 512;

    explicit CaptureServer(QObject *parent = nullptr);
    ~CaptureServer() override;

    void setTranscript(common::Transcript *transcript) { m_transcript = transcript; }
    void setResponse(const ResponseSpec &spec) { m_response = spec; }   // applies to the next request
    const ResponseSpec &response() const { return m_response; }
    void setMaxHeaderBytes(qsizetype bytes) { m_maxHeaderBytes = bytes; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    bool listen(const QHostAddress &address, quint16 port);   // port 0: the OS chooses (serverPort())
    void close();                                             // stops listening and drops every connection
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    QString errorString() const;
    int connectionCount() const { return m_open; }

    // For the connections (captureconnection.cpp).
    common::Transcript *transcript() const { return m_transcript; }
    qsizetype maxHeaderBytes() const { return m_maxHeaderBytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    void reportCapture(const CapturedRequest &captured) { emit requestCaptured(captured); }
    void reportClosed(int connection);

Q_SIGNALS:
    void requestCaptured(const netcore::http::CapturedRequest &captured);
    void connectionOpened(int connection, const QString &peer);
    void connectionClosed(int connection);
    void listeningChanged(bool listening);

private:
    void onNewConnection();

    QTcpServer *m_server = nullptr;
    common::Transcript *m_transcript = nullptr;
    ResponseSpec m_response;
    qsizetype m_maxHeaderBytes = 64 * 1024;
    qint64 m_maxBodyBytes = qint64(8) * 1024 * 1024;   // every captured request is kept whole: 413 beyond this
    int m_nextConnection = 0;
    int m_open = 0;
};

} // namespace netcore::http

Q_DECLARE_METATYPE(netcore::http::CapturedRequest)

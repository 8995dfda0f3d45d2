#pragma once

#include "netcore/http/captureserver.h"
#include "netcore/http/messageparser.h"

#include <QObject>

#include <chrono>

class QTcpSocket;
class QTimer;

// One accepted connection of the capture server: parses requests as they arrive, answers each with the
// server's ResponseSpec (slow drip when asked), reports every request, closes when HTTP says so.
namespace netcore::http {

class CaptureConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureConnection)

public:
    CaptureConnection(QTcpSocket *socket, quint64 id, CaptureServer *server);

    quint64 id() const { return m_id; }
    // Closes at once (the server stops, or disconnectClient()): reports the end and deletes itself later.
    void drop();

private:
    void onReadyRead();
    void onDisconnected();
    void onDrip();
    void onIdle();
    void answer(const HttpMessage &request);
    void refuse(const HttpMessage &partial);
    void write(const QByteArray &bytes, const ResponseSpec &spec);
    void closeWhenWritten();
    void reportEnd();
    CapturedRequest capture(const HttpMessage &request) const;

    QTcpSocket *m_socket;
    CaptureServer *m_server;
    MessageParser m_parser{MessageKind::Request};
    QTimer *m_idle;
    std::chrono::milliseconds m_idleTimeout;
    QTimer *m_drip;
    QByteArray m_dripQueue;
    qsizetype m_dripBytes = 0;
    quint64 m_id;
    int m_requests = 0;
    bool m_continueSent = false;
    bool m_closing = false;
    bool m_closedReported = false;
    QString m_local;
    QString m_peer;
};

} // namespace netcore::http

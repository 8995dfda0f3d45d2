#pragma once

#include "netcore/common/serverload.h"
#include "netcore/http/captureserver.h"
#include "netcore/http/messageparser.h"

#include <QObject>

#include <memory>

class QFile;
class QTcpSocket;
class QTimer;

namespace netcore::common { class ConnectionGuard; }

// One accepted connection of the capture server: parses requests as they arrive, answers each with the
// server's ResponseSpec (slow drip when asked), reports every request, closes when HTTP says so.
//
// Bounded (docs/reliability.md, "HTTP"): every write goes through a common::ConnectionGuard. The next
// pipelined request is not parsed while the guard says reading is paused (unsent output above the bound) or
// while a static file is still streaming; a file goes out in kFilePieceBytes pieces as the socket drains.
// Input is read in pieces of at most kReadPieceBytes and reserved in the server's memory budget before it
// is parsed; a request over a cap or the budget is answered (413 / 431 / 503) and the connection closed.
namespace netcore::http {

class CaptureConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureConnection)

public:
    static constexpr qint64 kReadPieceBytes = 64 * 1024;
    // After an error answer the peer may still be sending its body: its bytes are read and dropped for at
    // most this long after our answer went out (so the answer is not lost to a reset), then the socket is closed.
    static constexpr std::chrono::milliseconds kLinger{2000};

    CaptureConnection(QTcpSocket *socket, quint64 id, CaptureServer *server);
    ~CaptureConnection() override;

    quint64 id() const { return m_id; }
    // Closes at once (the server stops, or disconnectClient()): reports the end and deletes itself later.
    void drop();

private:
    void process();
    void onBytesWritten();
    void onDisconnected();
    void onExpired(common::Deadline which);
    void onDrip();
    void answer(const HttpMessage &request);
    void refuse(const HttpMessage &partial);
    // Answers with an error response and closes (lingering). cutShort: the request was not complete (its capture
    // says TruncatedMessage unless it has an error already); false for a complete request refused (405, strict 400).
    void refuseWith(CapturedRequest captured, const PlannedResponse &plan, bool cutShort = true);
    void send(const QByteArray &bytes);
    void pump();
    bool reserveInput(qint64 extra);
    qint64 heldInput() const;
    qint64 expectedInput() const;
    void syncBuffered();
    void closeWhenWritten();
    void linger();
    bool outputDone() const;
    void reportEnd();
    CapturedRequest capture(const HttpMessage &request) const;

    QTcpSocket *m_socket;
    CaptureServer *m_server;
    common::ConnectionGuard *m_guard;
    MessageParser m_parser{MessageKind::Request};
    QByteArray m_pending;            // read from the socket, not yet parsed (at most kReadPieceBytes)
    QTimer *m_drip;
    QByteArray m_dripQueue;
    qsizetype m_dripBytes = 0;
    QTimer *m_linger;
    std::shared_ptr<QFile> m_file;   // the static file being streamed
    qint64 m_fileLeft = 0;
    bool m_fileChunked = false;
    quint64 m_id;
    int m_requests = 0;
    bool m_continueSent = false;
    bool m_closing = false;          // no more requests are read
    bool m_lingering = false;        // closing after an error answer: input dropped, FIN once output is out
    bool m_closedReported = false;
    bool m_processQueued = false;
    QString m_local;
    QString m_peer;
};

} // namespace netcore::http

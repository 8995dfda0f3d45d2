#pragma once

#include "netcore/http/exchange.h"
#include "netcore/http/requestbuilder.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QObject>

#include <chrono>
#include <memory>

class QSslSocket;
class QTimer;

namespace netcore::common { class Transcript; }

// The inspector's client: one exchange at a time over a QSslSocket it owns (plain TCP for http://), with
// every step time-stamped and every byte kept. The connection stays open after a keep-alive response and
// is reused by the next exchange to the same scheme, host and port (Hop::reusedConnection shows it).
// Redirects are followed by hand when asked, each hop with its own bytes.
namespace netcore::http {

struct ClientOptions {
    static constexpr int kDefaultMaxRedirects = 10;

    bool followRedirects = false;
    int maxRedirects = kDefaultMaxRedirects;
    bool ignoreTlsErrors = false;                   // explicit choice; the errors are still recorded
    std::chrono::milliseconds timeout{30'000};      // per hop, from its start to the response's end
    std::chrono::milliseconds byteDelay{0};         // > 0: send the request one byte at a time
    bool reuseConnection = true;
    qsizetype maxHeaderBytes = 64 * 1024;
    qint64 maxBodyBytes = qint64(64) * 1024 * 1024; // wire body, and again for the decoded body
};

class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    enum class State : quint8 { Idle, Resolving, Connecting, TlsHandshake, Sending, Waiting, Receiving };
    Q_ENUM(State)
    using Error = ExchangeError;   // errorOccurred(Error); the detail is lastHop().errorDetail / errorDetail()

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    void setTranscript(common::Transcript *transcript) { m_transcript = transcript; }

    // Builds the request from `spec` and sends it. Ignored (returns false) while an exchange runs.
    bool send(const RequestSpec &spec, const ClientOptions &options);
    // Sends `bytes` exactly as given to url's host and port (url's path is not used; redirects, when
    // followed, continue with built GET requests).
    bool sendRaw(const QUrl &url, const QByteArray &bytes, const ClientOptions &options);
    void abort();              // stops the exchange (ExchangeError::Aborted) and closes the connection

    State state() const { return m_state; }
    bool isBusy() const { return m_state != State::Idle; }
    const QList<Hop> &hops() const { return m_hops; }
    const Hop &lastHop() const { return m_hops.constLast(); }
    bool hasConnection() const;
    // The detail of the last exchange's error (peer, the socket's or llhttp's words); empty when it succeeded.
    common::ErrorDetail errorDetail() const;

Q_SIGNALS:
    void stateChanged(netcore::http::HttpClient::State state);
    void finished();                    // the exchange ended (lastHop().ok() tells how)
    void errorOccurred(netcore::http::ExchangeError error);   // before finished(); detail in errorDetail()

private:
    bool begin(const QUrl &url, const QByteArray &method, const QByteArray &bytes, const ClientOptions &options);
    void startHop(const QUrl &url, const QByteArray &method, const QByteArray &bytes);
    void connectNext();
    void writeRequest();
    void writeNextSlowByte();
    void mark(TimingPhase phase, qint64 bytes = 0);
    void setState(State state);
    void finishHop();
    void fail(ExchangeError error, const QString &raw, qint64 offset = -1);
    void endExchange();
    void dropSocket();
    bool followRedirect();
    void record(int direction, const QByteArray &bytes);
    template <typename E>
    void recordEvent(E event, const QStringList &args = {});

    void onLookedUp(const QHostInfo &info);
    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onReadyRead();
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    void endOfStream();
    bool retryStaleConnection();
    void onSocketError();
    void onTimeout();

    common::Transcript *m_transcript = nullptr;
    QSslSocket *m_socket = nullptr;
    QTimer *m_timeout = nullptr;
    QTimer *m_slowTimer = nullptr;
    State m_state = State::Idle;
    ClientOptions m_options;
    RequestSpec m_spec;                // for redirects of built requests
    QList<Hop> m_hops;
    QElapsedTimer m_clock;
    std::unique_ptr<class MessageParser> m_parser;
    int m_lookupId = -1;
    qsizetype m_addressIndex = 0;
    qint64 m_toWrite = 0;
    qsizetype m_slowIndex = 0;
    bool m_gotFirstByte = false;
    // the open connection, reusable when the last response allowed it
    QString m_connectionKey;           // "https://host:port"
    int m_connectionNumber = 0;
    bool m_connectionReusable = false;
    TlsInfo m_connectionTls;
    bool m_retriedStale = false;       // one retry per exchange after a stale kept-alive connection
};

} // namespace netcore::http

#pragma once

#include "netcore/files/session.h"

#include <chrono>
#include <memory>

class QFile;
class QTimer;

namespace netcore::files {

// The pause the course's servers make between messages (time.sleep(0.1)), done here with timers.
inline constexpr std::chrono::milliseconds kClassicPause{100};
// An upload ends when a read is exactly "##"; when "##" arrives glued to data, this much quiet ends it too.
inline constexpr std::chrono::milliseconds kClassicEndGrace{300};
// Received data chunks recorded verbatim per transfer before the transcript switches to a summary.
inline constexpr qint64 kClassicVerbatimBytes = 64 * 1024;

// One client of the course's classic protocol (2018/19: L, G name, P name, Q; 2020: LIST, RETR name,
// STOR name, EXIT). No framing: one read = one request, like the students' servers; but names go through
// the jail, uploads land in a hidden partial file, and nothing is replaced unless overwriting is on.
class ClassicSession final : public Session
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassicSession)

public:
    explicit ClassicSession(SessionContext context, QObject *parent = nullptr);
    ~ClassicSession() override;

private:
    enum class State { Idle, Command, Sending, Receiving };

    void onStarted() override;
    void onReadyRead() override;
    void onBytesWritten(qint64 bytes) override;
    void onClosed() override;
    void onResumed() override;

    void handleRequest(const QByteArray &request);
    void list(bool v2020);
    void get(const QString &name, bool v2020);
    void put(const QString &name, bool v2020);
    Error refusePut(const QString &name);
    void pump();
    void receive(const QByteArray &chunk);
    void finishUpload();
    void dropUpload();
    void stopUpload(Error error, const QString &raw);
    void sendLater(const QByteArray &bytes);

    QTimer *m_endTimer = nullptr;
    State m_state = State::Idle;
    std::unique_ptr<QFile> m_file;
    QString m_name;
    QString m_partialPath;
    bool m_claimed = false;
    bool m_heldMarker = false;   // the last read ended in "##": held back until we know it was the end
    qint64 m_left = 0;
    qint64 m_moved = 0;
    qint64 m_recorded = 0;
    QByteArray m_chunk;
};

} // namespace netcore::files

#pragma once

#include "netcore/tcp/encoding.h"
#include "netcore/tcp/framing.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <deque>
#include <memory>

class QFile;

// What one connection of the TCP tab received, read by read, bounded: the newest maxChunks reads and at most
// maxBytes of them are kept (the newest read always), older ones are dropped and counted. Each read keeps its bytes
// exactly, when it arrived, who sent it, and its text as the chosen encoding decodes the stream read by read (a
// character split between two reads comes out whole with the second). Counters cover everything received, kept or
// not: bytes, reads, and messages under the chosen framing. Optionally every read's bytes are also appended to a file.
namespace widgets::tcp {

struct ReceivedChunk {
    quint64 number = 0;     // 1 for the connection's first read
    QDateTime time;         // local time of arrival
    QByteArray bytes;       // exactly what the read returned
    QString text;           // the bytes decoded in the log's encoding, continuing the previous read
    QString from;           // the sender (a server's client), empty for a client session
};

class ReceiveLog final
{
public:
    static constexpr qsizetype kDefaultMaxChunks = 1000;
    static constexpr qint64 kDefaultMaxBytes = qint64(8) * 1024 * 1024;

    ReceiveLog();
    ~ReceiveLog();
    Q_DISABLE_COPY_MOVE(ReceiveLog)

    // Returns how many old reads were dropped to make room.
    qsizetype append(const QByteArray &bytes, const QString &from = {}, const QDateTime &time = QDateTime::currentDateTime());
    void setLimits(qsizetype maxChunks, qint64 maxBytes);   // drops at once what no longer fits
    qsizetype maxChunks() const { return m_maxChunks; }

    const std::deque<ReceivedChunk> &chunks() const { return m_chunks; }
    QByteArray keptBytes() const;                           // every kept read, in order
    qint64 keptByteCount() const { return m_keptBytes; }

    // Re-decodes the kept reads (a decoder that starts at the oldest kept read).
    void setEncoding(netcore::tcp::TextEncoding encoding);
    netcore::tcp::TextEncoding encoding() const { return m_encoding; }
    // Counts messages under `spec` again, over the kept reads (older ones are gone).
    void setFraming(const netcore::tcp::FramingSpec &spec);

    qint64 totalBytes() const { return m_totalBytes; }
    qint64 totalChunks() const { return m_totalChunks; }
    qint64 droppedChunks() const { return m_droppedChunks; }
    qint64 droppedBytes() const { return m_droppedBytes; }
    qint64 messages() const { return m_messages; }

    // Every read from now on is also appended to `path` (truncated first); false with the file's reason.
    bool startFile(const QString &path, QString *errorString);
    void stopFile();
    bool isWritingFile() const { return m_file != nullptr; }
    QString filePath() const;
    qint64 fileBytes() const { return m_fileBytes; }

    void clear();                                           // the kept reads and the counters

private:
    void countMessages(const QByteArray &bytes);
    qsizetype evict();

    std::deque<ReceivedChunk> m_chunks;
    qsizetype m_maxChunks = kDefaultMaxChunks;
    qint64 m_maxBytes = kDefaultMaxBytes;
    qint64 m_keptBytes = 0;
    netcore::tcp::TextEncoding m_encoding = netcore::tcp::TextEncoding::Utf8;
    std::unique_ptr<netcore::tcp::StreamDecoder> m_decoder;
    std::unique_ptr<netcore::tcp::Reframer> m_reframer;
    qint64 m_totalBytes = 0;
    qint64 m_totalChunks = 0;
    qint64 m_droppedChunks = 0;
    qint64 m_droppedBytes = 0;
    qint64 m_messages = 0;
    std::unique_ptr<QFile> m_file;
    qint64 m_fileBytes = 0;
};

} // namespace widgets::tcp

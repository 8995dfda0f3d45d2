#include "widgets/tcp/receivelog.h"

#include <QFile>

namespace widgets::tcp {

ReceiveLog::ReceiveLog()
    : m_decoder(std::make_unique<netcore::tcp::StreamDecoder>(m_encoding))
    , m_reframer(std::make_unique<netcore::tcp::Reframer>(netcore::tcp::FramingSpec{}))
{
}

ReceiveLog::~ReceiveLog() = default;

qsizetype ReceiveLog::append(const QByteArray &bytes, const QString &from, const QDateTime &time)
{
    ++m_totalChunks;
    m_totalBytes += bytes.size();
    if (m_file)
        m_fileBytes += m_file->write(bytes);
    countMessages(bytes);
    m_chunks.push_back({quint64(m_totalChunks), time, bytes, m_decoder->decode(bytes), from});
    m_keptBytes += bytes.size();
    return evict();
}

qsizetype ReceiveLog::evict()
{
    qsizetype dropped = 0;
    while (m_chunks.size() > 1 && (qsizetype(m_chunks.size()) > m_maxChunks || m_keptBytes > m_maxBytes)) {
        m_keptBytes -= m_chunks.front().bytes.size();
        m_droppedBytes += m_chunks.front().bytes.size();
        m_chunks.pop_front();
        ++m_droppedChunks;
        ++dropped;
    }
    return dropped;
}

void ReceiveLog::setLimits(qsizetype maxChunks, qint64 maxBytes)
{
    m_maxChunks = std::max<qsizetype>(1, maxChunks);
    m_maxBytes = std::max<qint64>(1, maxBytes);
    evict();
}

QByteArray ReceiveLog::keptBytes() const
{
    QByteArray all;
    all.reserve(m_keptBytes);
    for (const ReceivedChunk &chunk : m_chunks)
        all += chunk.bytes;
    return all;
}

void ReceiveLog::setEncoding(netcore::tcp::TextEncoding encoding)
{
    m_encoding = encoding;
    m_decoder = std::make_unique<netcore::tcp::StreamDecoder>(encoding);
    for (ReceivedChunk &chunk : m_chunks)
        chunk.text = m_decoder->decode(chunk.bytes);
}

void ReceiveLog::setFraming(const netcore::tcp::FramingSpec &spec)
{
    m_reframer = std::make_unique<netcore::tcp::Reframer>(spec);
    m_messages = 0;
    for (const ReceivedChunk &chunk : m_chunks)
        countMessages(chunk.bytes);
}

void ReceiveLog::countMessages(const QByteArray &bytes)
{
    if (!m_reframer->spec().isValid())
        return;
    m_reframer->append(bytes);
    while (m_reframer->next().status == netcore::common::FrameStatus::Ok)
        ++m_messages;
}

bool ReceiveLog::startFile(const QString &path, QString *errorString)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        *errorString = file->errorString();
        return false;
    }
    m_file = std::move(file);
    m_fileBytes = 0;
    return true;
}

void ReceiveLog::stopFile()
{
    m_file.reset();
}

QString ReceiveLog::filePath() const
{
    return m_file ? m_file->fileName() : QString();
}

void ReceiveLog::clear()
{
    m_chunks.clear();
    m_keptBytes = 0;
    m_totalBytes = m_totalChunks = m_droppedChunks = m_droppedBytes = m_messages = 0;
    m_decoder = std::make_unique<netcore::tcp::StreamDecoder>(m_encoding);
    m_reframer = std::make_unique<netcore::tcp::Reframer>(m_reframer->spec());
}

} // namespace widgets::tcp

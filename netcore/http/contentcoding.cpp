#include "netcore/http/contentcoding.h"

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

constexpr int kGzipWindow = 16 + MAX_WBITS;  // zlib: expect a gzip header
constexpr int kZlibWindow = MAX_WBITS;       // zlib header + deflate
constexpr int kRawWindow = -MAX_WBITS;       // bare deflate, what some servers send for "deflate"
constexpr qsizetype kChunk = 64 * 1024;

DecodeResult inflateWith(const QByteArray &input, int windowBits, qint64 maxOutput)
{
    DecodeResult result;
    z_stream stream{};
    if (inflateInit2(&stream, windowBits) != Z_OK) {
        result.error = DecodeError::Corrupt;
        result.errorOffset = 0;
        return result;
    }
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    stream.avail_in = uInt(input.size());
    char buffer[kChunk];
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = uInt(kChunk);
        status = inflate(&stream, Z_NO_FLUSH);
        const qsizetype produced = kChunk - qsizetype(stream.avail_out);
        if (result.bytes.size() + produced > maxOutput) {
            result.error = DecodeError::TooLarge;
            break;
        }
        result.bytes.append(buffer, produced);
        if (status == Z_STREAM_END)
            break;
        if (status == Z_BUF_ERROR || (status == Z_OK && stream.avail_in == 0 && produced == 0)) {
            result.error = DecodeError::Truncated;
            result.errorOffset = qint64(stream.total_in);
            break;
        }
        if (status != Z_OK) {
            result.error = DecodeError::Corrupt;
            result.errorOffset = qint64(stream.total_in);
            break;
        }
    }
    inflateEnd(&stream);
    return result;
}

QByteArray compressWith(const QByteArray &bytes, int windowBits, int level)
{
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(bytes.size()))) + 32);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    out.resize(status == Z_STREAM_END ? qsizetype(stream.total_out) : 0);
    deflateEnd(&stream);
    return out;
}

} // namespace

Coding codingFromHeader(QByteArrayView value)
{
    const QByteArray v = value.trimmed().toByteArray().toLower();
    if (v.isEmpty() || v == "identity")
        return Coding::Identity;
    if (v == "gzip" || v == "x-gzip")
        return Coding::Gzip;
    if (v == "deflate")
        return Coding::Deflate;
    return Coding::Unsupported;
}

DecodeResult decodeContent(const QByteArray &body, QByteArrayView contentEncoding, qint64 maxOutput)
{
    const Coding coding = codingFromHeader(contentEncoding);
    DecodeResult result;
    switch (coding) {
    case Coding::Identity:
        result.bytes = body;
        break;
    case Coding::Gzip:
        result = inflateWith(body, kGzipWindow, maxOutput);
        break;
    case Coding::Deflate:
        result = inflateWith(body, kZlibWindow, maxOutput);
        if (result.error == DecodeError::Corrupt && result.errorOffset <= 2)
            result = inflateWith(body, kRawWindow, maxOutput);
        break;
    case Coding::Unsupported:
        result.error = DecodeError::UnsupportedCoding;
        result.bytes = body;
        break;
    }
    result.coding = coding;
    result.codingName = contentEncoding.trimmed().toByteArray();
    return result;
}

QByteArray gzipCompress(const QByteArray &bytes, int level)
{
    return compressWith(bytes, kGzipWindow, level);
}

QByteArray deflateCompress(const QByteArray &bytes, int level)
{
    return compressWith(bytes, kZlibWindow, level);
}

QByteArray decodeErrorKey(DecodeError error)
{
    switch (error) {
    case DecodeError::None: return "none"_ba;
    case DecodeError::UnsupportedCoding: return "unsupported-coding"_ba;
    case DecodeError::Corrupt: return "corrupt"_ba;
    case DecodeError::TooLarge: return "too-large"_ba;
    case DecodeError::Truncated: return "truncated"_ba;
    }
    return "unknown"_ba;
}

} // namespace netcore::http

#pragma once

#include <QByteArray>

// Content-Encoding (gzip, deflate) with zlib: the last step from wire bytes to the payload.
namespace netcore::http {

enum class Coding : quint8 { Identity, Gzip, Deflate, Unsupported };

enum class DecodeError : quint8 { None, UnsupportedCoding, Corrupt, TooLarge, Truncated };

struct DecodeResult {
    QByteArray bytes;
    Coding coding = Coding::Identity;
    DecodeError error = DecodeError::None;
    qint64 errorOffset = -1;   // input byte where zlib gave up (Corrupt)
    QByteArray codingName;     // the Content-Encoding value as sent
};

// Reads a Content-Encoding header value ("gzip", "x-gzip", "deflate", "identity", "" ...).
Coding codingFromHeader(QByteArrayView value);

// Decodes `body` per `contentEncoding` (empty or identity: returned as is), refusing to produce more than
// maxOutput bytes (a small gzip can expand a thousandfold).
DecodeResult decodeContent(const QByteArray &body, QByteArrayView contentEncoding, qint64 maxOutput);

// gzip (RFC 1952) of `bytes`, for the capture server's "gzip" answers and for tests.
QByteArray gzipCompress(const QByteArray &bytes, int level = 6);
// zlib-wrapped deflate (RFC 1950), what "Content-Encoding: deflate" means.
QByteArray deflateCompress(const QByteArray &bytes, int level = 6);

QByteArray decodeErrorKey(DecodeError error);

} // namespace netcore::http

#pragma once

#include <QByteArray>

struct evp_md_ctx_st;

namespace netcore::files {

// Incremental SHA-256 over OpenSSL's EVP interface (about 8x faster here than QCryptographicHash).
class Sha256 final
{
    Q_DISABLE_COPY_MOVE(Sha256)

public:
    Sha256();
    ~Sha256();

    void reset();
    void addData(const char *data, qsizetype size);
    void addData(const QByteArray &data) { addData(data.constData(), data.size()); }
    QByteArray hexDigest();     // lower-case hex; the hash starts over afterwards

    static QByteArray hexOf(const QByteArray &data);
    // The hash of the first `length` bytes of a file (length < 0: all of it); empty on a read error.
    static QByteArray hexOfFile(const QString &path, qint64 length = -1);

private:
    evp_md_ctx_st *m_context = nullptr;
};

} // namespace netcore::files

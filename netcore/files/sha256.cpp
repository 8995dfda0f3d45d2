#include "netcore/files/sha256.h"

#include <QFile>

#include <openssl/evp.h>

namespace netcore::files {
namespace {
constexpr qsizetype kFileChunk = 1 << 20;
}

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
{
    Q_CHECK_PTR(m_context);
    reset();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::reset()
{
    EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
}

void Sha256::addData(const char *data, qsizetype size)
{
    if (size > 0)
        EVP_DigestUpdate(m_context, data, size_t(size));
}

QByteArray Sha256::hexDigest()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context, digest, &length);
    reset();
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

QByteArray Sha256::hexOf(const QByteArray &data)
{
    Sha256 hash;
    hash.addData(data);
    return hash.hexDigest();
}

QByteArray Sha256::hexOfFile(const QString &path, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    QByteArray chunk(kFileChunk, Qt::Uninitialized);
    qint64 left = length < 0 ? file.size() : length;
    while (left > 0) {
        const qint64 got = file.read(chunk.data(), qMin<qint64>(left, chunk.size()));
        if (got <= 0)
            return {};
        hash.addData(chunk.constData(), got);
        left -= got;
    }
    return hash.hexDigest();
}

} // namespace netcore::files

#include "netcore/http/tlsinfo.h"

#include <QSslCertificate>
#include <QSslCipher>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace netcore::http {
namespace {

QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    static const QList<QSslCertificate::SubjectInfo> kOrder{
        QSslCertificate::CommonName, QSslCertificate::Organization, QSslCertificate::OrganizationalUnitName,
        QSslCertificate::LocalityName, QSslCertificate::StateOrProvinceName, QSslCertificate::CountryName};
    static const QStringList kKeys{u"CN"_s, u"O"_s, u"OU"_s, u"L"_s, u"ST"_s, u"C"_s};
    QStringList parts;
    for (qsizetype i = 0; i < kOrder.size(); ++i) {
        const QStringList values = issuer ? certificate.issuerInfo(kOrder.at(i)) : certificate.subjectInfo(kOrder.at(i));
        for (const QString &value : values)
            parts.append(kKeys.at(i) + u'=' + value);
    }
    return parts.join(u", "_s);
}

} // namespace

QString protocolName(int sslProtocol)
{
    switch (QSsl::SslProtocol(sslProtocol)) {
    case QSsl::TlsV1_2: return u"TLS 1.2"_s;
    case QSsl::TlsV1_3: return u"TLS 1.3"_s;
    case QSsl::DtlsV1_2: return u"DTLS 1.2"_s;
    default: break;
    }
    return u"unknown"_s;
}

CertificateInfo describeCertificate(const QSslCertificate &certificate)
{
    CertificateInfo info;
    info.subject = distinguishedName(certificate, false);
    info.issuer = distinguishedName(certificate, true);
    const auto names = certificate.subjectAlternativeNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        info.alternativeNames.append(it.value());
    info.notBefore = certificate.effectiveDate();
    info.notAfter = certificate.expiryDate();
    info.sha256 = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'));
    info.selfSigned = certificate.isSelfSigned();
    return info;
}

void fillSessionInfo(TlsInfo &info, const QSslSocket &socket)
{
    info.used = true;
    info.protocol = protocolName(int(socket.sessionProtocol()));
    const QSslCipher cipher = socket.sessionCipher();
    info.cipher = cipher.name();
    info.cipherBits = cipher.usedBits();
    info.chain.clear();
    for (const QSslCertificate &certificate : socket.peerCertificateChain())
        info.chain.append(describeCertificate(certificate));
}

QList<TlsErrorInfo> describeErrors(const QList<QSslError> &errors, const QList<QSslCertificate> &chain)
{
    QList<TlsErrorInfo> list;
    for (const QSslError &error : errors)
        list.append({error.error(), error.errorString(),
                     error.certificate().isNull() ? -1 : int(chain.indexOf(error.certificate()))});
    return list;
}

QByteArray tlsErrorKey(QSslError::SslError code)
{
    switch (code) {
    case QSslError::SelfSignedCertificate: return "self-signed"_ba;
    case QSslError::SelfSignedCertificateInChain: return "self-signed-in-chain"_ba;
    case QSslError::CertificateExpired: return "expired"_ba;
    case QSslError::CertificateNotYetValid: return "not-yet-valid"_ba;
    case QSslError::HostNameMismatch: return "host-mismatch"_ba;
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate: return "unknown-issuer"_ba;
    case QSslError::CertificateUntrusted: return "untrusted"_ba;
    case QSslError::CertificateRevoked: return "revoked"_ba;
    case QSslError::NoPeerCertificate: return "no-certificate"_ba;
    default: break;
    }
    return "other"_ba;
}

} // namespace netcore::http

#pragma once

#include <QDateTime>
#include <QList>
#include <QSslError>
#include <QString>
#include <QStringList>

class QSslSocket;

// What a TLS handshake showed: protocol, cipher, the certificate chain and the verification errors.
namespace netcore::http {

struct CertificateInfo {
    QString subject;           // "CN=localhost, O=..."
    QString issuer;
    QStringList alternativeNames;
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256;            // fingerprint, hex with colons
    bool selfSigned = false;
};

struct TlsErrorInfo {
    QSslError::SslError code = QSslError::NoError;
    QString text;              // Qt's English text (widgets explain the code in their own words)
    int certificateIndex = -1; // position in the chain, -1 when not about one certificate
};

struct TlsInfo {
    bool used = false;
    QString protocol;          // "TLS 1.3"
    QString cipher;            // "TLS_AES_256_GCM_SHA384"
    int cipherBits = 0;
    QString peerVerifyName;    // the name the certificate was checked against (and SNI)
    QList<CertificateInfo> chain;
    QList<TlsErrorInfo> errors;
    bool errorsIgnored = false;  // the user chose to continue despite errors
};

// Fills protocol, cipher and chain from an encrypted socket.
void fillSessionInfo(TlsInfo &info, const QSslSocket &socket);
QList<TlsErrorInfo> describeErrors(const QList<QSslError> &errors, const QList<QSslCertificate> &chain);
CertificateInfo describeCertificate(const QSslCertificate &certificate);
QString protocolName(int sslProtocol);   // QSsl::SslProtocol -> "TLS 1.2"
QByteArray tlsErrorKey(QSslError::SslError code);  // "self-signed", "expired", "host-mismatch", ...

} // namespace netcore::http

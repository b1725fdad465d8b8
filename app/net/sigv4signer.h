#pragma once

#include "net/s3credentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

class QNetworkRequest;
class QUrl;

namespace SeqDrop {

// AWS Signature Version 4 in the Authorization header, for S3 ("Transferring Payload in a
// Single Chunk"). sign() adds Host, x-amz-date, x-amz-content-sha256 and Authorization to a
// request whose other headers are final: a header changed after signing breaks the signature.
// Signed are Host, Content-MD5, Content-Type, Date, Range and every x-amz-* header, which is
// what S3 requires; User-Agent and Content-Length stay unsigned so Qt may set them.
class SigV4Signer {
public:
    SigV4Signer(const S3Credentials &credentials, const QString &region,
                const QString &service = QStringLiteral("s3"));

    // Signs `request` for `method` ("GET", "PUT"...) at `time` (UTC). `payloadHash` is the
    // lower-case hex SHA-256 of the body, or UnsignedPayload.
    void sign(QNetworkRequest *request, const QByteArray &method, const QByteArray &payloadHash,
              const QDateTime &time) const;

    // The steps of sign(), public for the unit tests (AWS publishes each intermediate value).
    QByteArray canonicalRequest(const QNetworkRequest &request, const QByteArray &method,
                                const QByteArray &payloadHash, QByteArray *signedHeaders) const;
    QByteArray stringToSign(const QByteArray &canonicalRequest, const QDateTime &time) const;
    QByteArray signingKey(const QDateTime &time) const;
    QByteArray scope(const QDateTime &time) const;

    // S3's UriEncode(): everything but A-Z a-z 0-9 - . _ ~ (and '/' when keepSlash) as %XX.
    static QByteArray uriEncode(const QByteArray &text, bool keepSlash);
    // The canonical query string: decoded, re-encoded, sorted by name then value.
    static QByteArray canonicalQuery(const QUrl &url);
    // The Host header value Qt sends for `url`: host, plus ":port" when the URL names one.
    static QByteArray hostHeader(const QUrl &url);
    static QByteArray sha256Hex(const QByteArray &data);
    static QByteArray amzDate(const QDateTime &time);

    static constexpr const char *UnsignedPayload = "UNSIGNED-PAYLOAD";
    static constexpr const char *EmptyPayloadHash =
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

private:
    S3Credentials m_credentials;
    QString m_region;
    QString m_service;
};

} // namespace SeqDrop

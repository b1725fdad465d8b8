#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <optional>

// Verifies AWS Signature Version 4 header authentication the way S3 does, with S3's error codes:
// the Authorization header's form, the request time against the server's clock (15 minutes),
// the credential scope (date, region, service), the access key and its expiry, that every
// x-amz-* header is signed, and finally the signature over the canonical request. Pure logic on
// plain values, so it runs on any server thread; the body's hash is checked by the caller as the
// body streams in (see S3Body), against the payloadHash this returns.
class SigV4Verifier {
public:
    static constexpr qint64 MaxSkewMs = 15 * 60 * 1000;
    static constexpr const char *Algorithm = "AWS4-HMAC-SHA256";
    static constexpr const char *UnsignedPayload = "UNSIGNED-PAYLOAD";
    static constexpr const char *StreamingPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

    struct Secret {
        QByteArray secretAccessKey;
        QDateTime expires; // invalid: never
        QString sampleId;  // temporary keys: the one sample they may write
    };
    using SecretLookup = std::function<std::optional<Secret>(const QString &accessKeyId)>;

    struct Request {
        QByteArray method;
        QByteArray path;                              // decoded, as httplib hands it over
        QList<QPair<QByteArray, QByteArray>> query;   // decoded
        QList<QPair<QByteArray, QByteArray>> headers; // as received
    };

    struct Result {
        bool ok = false;
        int status = 0;
        QString code, message;
        QList<QPair<QString, QString>> details; // extra elements of the <Error> answer
        QString accessKeyId;
        Secret secret;
        QByteArray payloadHash; // the x-amz-content-sha256 value as sent
        // What aws-chunked bodies need to verify their chunk signatures.
        QByteArray signature, signingKey, amzDate, scope;
    };

    explicit SigV4Verifier(const QString &region);

    Result verify(const Request &request, const QDateTime &serverNow,
                  const SecretLookup &lookup) const;

    QString region() const { return m_region; }

    // RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ (and '/' if kept).
    static QByteArray uriEncode(const QByteArray &text, bool keepSlash);
    static QByteArray hmac(const QByteArray &key, const QByteArray &message);
    static QByteArray sha256Hex(const QByteArray &data);
    static QByteArray signingKey(const QByteArray &secret, const QByteArray &date,
                                 const QByteArray &region, const QByteArray &service);
    static bool isHexHash(const QByteArray &value);

private:
    QByteArray canonicalRequest(const Request &request, const QList<QByteArray> &signedHeaders,
                                const QByteArray &payloadHash) const;

    QString m_region;
};

#include "sigv4verifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QTimeZone>
#include <algorithm>

namespace {

const QByteArray kService = "s3";
const QByteArray kTerminator = "aws4_request";

QByteArray headerValues(const QList<QPair<QByteArray, QByteArray>> &headers,
                        const QByteArray &lowerName) {
    QList<QByteArray> values;
    for (const auto &h : headers)
        if (h.first.toLower() == lowerName)
            values << h.second.simplified(); // trims and collapses runs of spaces, as SigV4 asks
    return values.join(',');
}

SigV4Verifier::Result refuse(int status, const char *code, const QString &message) {
    SigV4Verifier::Result r;
    r.status = status;
    r.code = QString::fromLatin1(code);
    r.message = message;
    return r;
}

SigV4Verifier::Result malformed(const QString &why) {
    return refuse(400, "AuthorizationHeaderMalformed",
                  QStringLiteral("The authorization header is malformed; %1").arg(why));
}

QDateTime parseAmzDate(const QByteArray &text) {
    QDateTime t =
        QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    t.setTimeZone(QTimeZone::utc());
    return t;
}

} // namespace

SigV4Verifier::SigV4Verifier(const QString &region)
    : m_region(region) {}

QByteArray SigV4Verifier::uriEncode(const QByteArray &text, bool keepSlash) {
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(text.size() * 3);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
            out.append(char(c));
        } else {
            out.append('%');
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        }
    }
    return out;
}

QByteArray SigV4Verifier::hmac(const QByteArray &key, const QByteArray &message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray SigV4Verifier::sha256Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Verifier::signingKey(const QByteArray &secret, const QByteArray &date,
                                     const QByteArray &region, const QByteArray &service) {
    return hmac(hmac(hmac(hmac("AWS4" + secret, date), region), service), kTerminator);
}

bool SigV4Verifier::isHexHash(const QByteArray &value) {
    return value.size() == 64 && std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

QByteArray SigV4Verifier::canonicalRequest(const Request &request,
                                           const QList<QByteArray> &signedHeaders,
                                           const QByteArray &payloadHash) const {
    QList<QPair<QByteArray, QByteArray>> query;
    for (const auto &q : request.query)
        query.append({uriEncode(q.first, false), uriEncode(q.second, false)});
    std::sort(query.begin(), query.end());
    QList<QByteArray> queryText;
    for (const auto &q : query)
        queryText << q.first + '=' + q.second;
    QByteArray headers;
    for (const QByteArray &name : signedHeaders)
        headers += name + ':' + headerValues(request.headers, name) + '\n';
    return request.method + '\n' + uriEncode(request.path, true) + '\n' + queryText.join('&') +
           '\n' + headers + '\n' + signedHeaders.join(';') + '\n' + payloadHash;
}

SigV4Verifier::Result SigV4Verifier::verify(const Request &request, const QDateTime &serverNow,
                                            const SecretLookup &lookup) const {
    const QByteArray auth = headerValues(request.headers, "authorization");
    if (auth.isEmpty())
        return refuse(403, "AccessDenied", QStringLiteral("Access Denied"));
    if (!auth.startsWith(QByteArray(Algorithm) + ' '))
        return refuse(400, "InvalidRequest",
                      QStringLiteral("The authorization mechanism you have provided is not "
                                     "supported. Please use AWS4-HMAC-SHA256."));
    QByteArray credential, signedText, signature;
    for (const QByteArray &item : auth.mid(qsizetype(qstrlen(Algorithm)) + 1).split(',')) {
        const QByteArray part = item.trimmed();
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = part.left(eq), value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        if (name == "Credential")
            credential = value;
        else if (name == "SignedHeaders")
            signedText = value;
        else if (name == "Signature")
            signature = value;
    }
    if (credential.isEmpty() || signedText.isEmpty() || signature.isEmpty())
        return malformed(QStringLiteral("it needs Credential, SignedHeaders and Signature."));

    // The request time, before the scope: a stale request is refused as stale whatever else.
    const QByteArray amzDate = headerValues(request.headers, "x-amz-date");
    const QDateTime requestTime = parseAmzDate(amzDate);
    if (!requestTime.isValid())
        return refuse(403, "AccessDenied",
                      QStringLiteral("AWS authentication requires a valid Date or x-amz-date "
                                     "header"));
    if (std::llabs(requestTime.msecsTo(serverNow)) > MaxSkewMs) {
        Result r = refuse(403, "RequestTimeTooSkewed",
                          QStringLiteral("The difference between the request time and the "
                                         "current time is too large."));
        r.details = {{"RequestTime", QString::fromLatin1(amzDate)},
                     {"ServerTime", serverNow.toUTC().toString(Qt::ISODate)},
                     {"MaxAllowedSkewMilliseconds", QString::number(MaxSkewMs)}};
        return r;
    }

    const QList<QByteArray> scope = credential.split('/');
    if (scope.size() != 5)
        return malformed(QStringLiteral("the Credential is mal-formed; expecting "
                                        "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."));
    if (scope[4] != kTerminator)
        return malformed(QStringLiteral("incorrect terminal \"%1\". This endpoint uses "
                                        "\"aws4_request\".")
                             .arg(QString::fromLatin1(scope[4])));
    if (scope[1] != amzDate.left(8))
        return malformed(
            QStringLiteral("Invalid credential date \"%1\". This date is not the "
                           "same as X-Amz-Date: \"%2\".")
                .arg(QString::fromLatin1(scope[1]), QString::fromLatin1(amzDate.left(8))));
    if (QString::fromLatin1(scope[2]) != m_region) {
        Result r = malformed(QStringLiteral("the region '%1' is wrong; expecting '%2'")
                                 .arg(QString::fromLatin1(scope[2]), m_region));
        r.details = {{"Region", m_region}};
        return r;
    }
    if (scope[3] != kService)
        return malformed(QStringLiteral("incorrect service \"%1\". This endpoint belongs to "
                                        "\"s3\".")
                             .arg(QString::fromLatin1(scope[3])));

    const QString accessKeyId = QString::fromLatin1(scope[0]);
    const std::optional<Secret> secret = lookup(accessKeyId);
    if (!secret) {
        Result r = refuse(403, "InvalidAccessKeyId",
                          QStringLiteral("The AWS Access Key Id you provided does not exist in "
                                         "our records."));
        r.details = {{"AWSAccessKeyId", accessKeyId}};
        return r;
    }
    if (secret->expires.isValid() && secret->expires < serverNow)
        return refuse(400, "ExpiredToken", QStringLiteral("The provided token has expired."));

    const QByteArray payloadHash = headerValues(request.headers, "x-amz-content-sha256");
    if (payloadHash.isEmpty())
        return refuse(400, "InvalidRequest",
                      QStringLiteral("Missing required header for this request: "
                                     "x-amz-content-sha256"));
    if (payloadHash != UnsignedPayload && payloadHash != StreamingPayload &&
        !isHexHash(payloadHash))
        return refuse(400, "InvalidArgument",
                      QStringLiteral("x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                                     "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 "
                                     "value."));

    const QList<QByteArray> signedHeaders = signedText.split(';');
    QStringList unsignedHeaders;
    for (const auto &h : request.headers) {
        const QByteArray name = h.first.toLower();
        if ((name.startsWith("x-amz-") || name == "host") && !signedHeaders.contains(name))
            unsignedHeaders << QString::fromLatin1(name);
    }
    if (!unsignedHeaders.isEmpty()) {
        Result r = refuse(403, "AccessDenied",
                          QStringLiteral("There were headers present in the request which were "
                                         "not signed"));
        r.details = {{"HeadersNotSigned", unsignedHeaders.join(", ")}};
        return r;
    }

    const QByteArray canonical = canonicalRequest(request, signedHeaders, payloadHash);
    const QByteArray scopeText = scope.mid(1).join('/');
    const QByteArray stringToSign =
        QByteArray(Algorithm) + '\n' + amzDate + '\n' + scopeText + '\n' + sha256Hex(canonical);
    const QByteArray key = signingKey(secret->secretAccessKey, scope[1], scope[2], scope[3]);
    const QByteArray expected = hmac(key, stringToSign).toHex();
    if (expected != signature.toLower()) {
        Result r = refuse(403, "SignatureDoesNotMatch",
                          QStringLiteral("The request signature we calculated does not match "
                                         "the signature you provided. Check your key and "
                                         "signing method."));
        r.details = {{"AWSAccessKeyId", accessKeyId},
                     {"StringToSign", QString::fromLatin1(stringToSign)},
                     {"SignatureProvided", QString::fromLatin1(signature)},
                     {"CanonicalRequest", QString::fromUtf8(canonical)}};
        return r;
    }

    Result ok;
    ok.ok = true;
    ok.accessKeyId = accessKeyId;
    ok.secret = *secret;
    ok.payloadHash = payloadHash;
    ok.signature = expected;
    ok.signingKey = key;
    ok.amzDate = amzDate;
    ok.scope = scopeText;
    // Secrets never travel further than needed.
    ok.secret.secretAccessKey.clear();
    return ok;
}

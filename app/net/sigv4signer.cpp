#include "net/sigv4signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace SeqDrop {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool isSignedHeader(const QByteArray &lowerName) {
    return lowerName == "host" || lowerName == "content-md5" || lowerName == "content-type" ||
           lowerName == "date" || lowerName == "range" || lowerName.startsWith("x-amz-");
}

// Trimmed, with runs of spaces inside collapsed to one, as SigV4 canonicalises values.
QByteArray canonicalValue(const QByteArray &value) {
    return value.simplified();
}

} // namespace

SigV4Signer::SigV4Signer(const S3Credentials &credentials, const QString &region,
                         const QString &service)
    : m_credentials(credentials)
    , m_region(region)
    , m_service(service) {}

QByteArray SigV4Signer::uriEncode(const QByteArray &text, bool keepSlash) {
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
                                (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' ||
                                u == '~' || (keepSlash && u == '/');
        if (unreserved) {
            out.append(c);
        } else {
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xF]);
        }
    }
    return out;
}

QByteArray SigV4Signer::canonicalQuery(const QUrl &url) {
    if (!url.hasQuery())
        return {};
    // The query as sent may encode a value differently from S3's canonical form (Qt leaves
    // '$' or ':' alone): decode, then encode the S3 way, so both sides sign the same text.
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    QList<std::pair<QByteArray, QByteArray>> encoded;
    encoded.reserve(items.size());
    for (const auto &item : items)
        encoded.append(
            {uriEncode(item.first.toUtf8(), false), uriEncode(item.second.toUtf8(), false)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto &item : encoded) {
        if (!out.isEmpty())
            out.append('&');
        out.append(item.first + '=' + item.second);
    }
    return out;
}

QByteArray SigV4Signer::hostHeader(const QUrl &url) {
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

QByteArray SigV4Signer::sha256Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::amzDate(const QDateTime &time) {
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::scope(const QDateTime &time) const {
    return amzDate(time).left(8) + '/' + m_region.toUtf8() + '/' + m_service.toUtf8() +
           "/aws4_request";
}

QByteArray SigV4Signer::canonicalRequest(const QNetworkRequest &request, const QByteArray &method,
                                         const QByteArray &payloadHash,
                                         QByteArray *signedHeaders) const {
    const QUrl url = request.url();
    QByteArray path = uriEncode(url.path(QUrl::FullyDecoded).toUtf8(), true);
    if (path.isEmpty())
        path = "/";

    QList<std::pair<QByteArray, QByteArray>> headers;
    bool hasHost = false;
    for (const QByteArray &name : request.rawHeaderList()) {
        const QByteArray lower = name.toLower();
        if (!isSignedHeader(lower))
            continue;
        hasHost = hasHost || lower == "host";
        headers.append({lower, canonicalValue(request.rawHeader(name))});
    }
    if (!hasHost)
        headers.append({"host", hostHeader(url)});
    std::sort(headers.begin(), headers.end());

    QByteArray canonicalHeaders;
    QByteArray names;
    for (const auto &header : headers) {
        canonicalHeaders += header.first + ':' + header.second + '\n';
        if (!names.isEmpty())
            names += ';';
        names += header.first;
    }
    if (signedHeaders)
        *signedHeaders = names;
    return method + '\n' + path + '\n' + canonicalQuery(url) + '\n' + canonicalHeaders + '\n' +
           names + '\n' + payloadHash;
}

QByteArray SigV4Signer::stringToSign(const QByteArray &canonicalRequest,
                                     const QDateTime &time) const {
    return "AWS4-HMAC-SHA256\n" + amzDate(time) + '\n' + scope(time) + '\n' +
           sha256Hex(canonicalRequest);
}

QByteArray SigV4Signer::signingKey(const QDateTime &time) const {
    const QByteArray date =
        hmac("AWS4" + m_credentials.secretAccessKey.toUtf8(), amzDate(time).left(8));
    const QByteArray region = hmac(date, m_region.toUtf8());
    const QByteArray service = hmac(region, m_service.toUtf8());
    return hmac(service, "aws4_request");
}

void SigV4Signer::sign(QNetworkRequest *request, const QByteArray &method,
                       const QByteArray &payloadHash, const QDateTime &time) const {
    // Qt keeps a Host header it is given, so the value signed is the value sent.
    request->setRawHeader("Host", hostHeader(request->url()));
    request->setRawHeader("x-amz-date", amzDate(time));
    request->setRawHeader("x-amz-content-sha256", payloadHash);
    request->setRawHeader("Authorization", QByteArray()); // a previous attempt's is void
    QByteArray signedHeaders;
    const QByteArray canonical = canonicalRequest(*request, method, payloadHash, &signedHeaders);
    const QByteArray signature = hmac(signingKey(time), stringToSign(canonical, time)).toHex();
    request->setRawHeader("Authorization",
                          "AWS4-HMAC-SHA256 Credential=" + m_credentials.accessKeyId.toUtf8() +
                              '/' + scope(time) + ", SignedHeaders=" + signedHeaders +
                              ", Signature=" + signature);
}

} // namespace SeqDrop

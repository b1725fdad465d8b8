#pragma once

// A deliberately small SigV4 signer for the sandbox S3 tests: it signs exactly what it is told
// to, so a test can sign with a wrong key, a stale date, another region, or claim a payload hash
// the body does not have, and see the sandbox refuse it. Written from AWS's documentation, not
// from the sandbox's verifier, so the two check each other.
#include "sandboxtest.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QXmlStreamReader>

namespace S3TestSupport {

constexpr const char *TestKey = "SANDBOXACCESSKEY0000";
constexpr const char *TestSecret = "sandboxsecret0000000000000000000000000000";
constexpr const char *EmptyHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

inline QByteArray sha256Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}
inline QByteArray hmac(const QByteArray &key, const QByteArray &data) {
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}
inline QByteArray md5Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

struct S3Request {
    QByteArray method = "GET";
    QString bucket = QStringLiteral("seqdrop-test");
    QString key;
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers; // signed too (x-amz-*, content-md5, ...)
    QByteArray body;
    QByteArray payloadHash; // empty: the body's real SHA-256
    QDateTime time;         // invalid: now
    QString region = QStringLiteral("us-east-1");
    QByteArray accessKey = TestKey;
    QByteArray secret = TestSecret;
};

struct S3Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QString code() const { return element("Code"); }
    // The text of the first element with this name.
    QString element(const QString &name) const {
        QXmlStreamReader xml(body);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == name)
                return xml.readElementText();
        }
        return QString();
    }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
};

inline QByteArray uriEncode(const QByteArray &s, bool keepSlash) {
    QByteArray exclude = "-_.~";
    if (keepSlash)
        exclude += '/';
    return s.toPercentEncoding(exclude);
}

// A signed request, and what an aws-chunked body's chunk signatures chain from.
struct Signed {
    QNetworkRequest request;
    QByteArray signature, signingKey, amzDate, scope;
};

inline Signed sign(quint16 port, const S3Request &r) {
    const QDateTime time = r.time.isValid() ? r.time : QDateTime::currentDateTimeUtc();
    const QByteArray amzDate = time.toUTC().toString("yyyyMMdd'T'HHmmss'Z'").toLatin1();
    const QByteArray date = amzDate.left(8);
    const QByteArray hash = r.payloadHash.isEmpty() ? sha256Hex(r.body) : r.payloadHash;
    const QByteArray host = "127.0.0.1:" + QByteArray::number(port);
    const QByteArray path =
        uriEncode(('/' + r.bucket + (r.key.isEmpty() ? "" : '/' + r.key)).toUtf8(), true);

    QList<QPair<QByteArray, QByteArray>> query;
    for (const auto &q : r.query)
        query.append({uriEncode(q.first.toUtf8(), false), uriEncode(q.second.toUtf8(), false)});
    std::sort(query.begin(), query.end());
    QList<QByteArray> queryParts;
    for (const auto &q : query)
        queryParts << q.first + '=' + q.second;
    const QByteArray queryText = queryParts.join('&');

    QList<QPair<QByteArray, QByteArray>> headers = r.headers;
    headers << qMakePair(QByteArray("host"), host) << qMakePair(QByteArray("x-amz-date"), amzDate)
            << qMakePair(QByteArray("x-amz-content-sha256"), hash);
    for (auto &h : headers)
        h.first = h.first.toLower();
    std::sort(headers.begin(), headers.end());
    QByteArray canonicalHeaders;
    QList<QByteArray> names;
    for (const auto &h : headers) {
        canonicalHeaders += h.first + ':' + h.second.trimmed() + '\n';
        names << h.first;
    }
    const QByteArray signedHeaders = names.join(';');
    const QByteArray canonical = r.method + '\n' + path + '\n' + queryText + '\n' +
                                 canonicalHeaders + '\n' + signedHeaders + '\n' + hash;
    const QByteArray scope = date + '/' + r.region.toLatin1() + "/s3/aws4_request";
    const QByteArray toSign =
        "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(canonical);
    const QByteArray key =
        hmac(hmac(hmac(hmac("AWS4" + r.secret, date), r.region.toLatin1()), "s3"), "aws4_request");
    const QByteArray signature = hmac(key, toSign).toHex();

    Signed out{QNetworkRequest(QUrl::fromEncoded("http://" + host + path +
                                                 (queryText.isEmpty() ? "" : '?' + queryText))),
               signature, key, amzDate, scope};
    for (const auto &h : headers)
        if (h.first != "host")
            out.request.setRawHeader(h.first, h.second);
    out.request.setRawHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + r.accessKey + '/' +
                                                  scope + ", SignedHeaders=" + signedHeaders +
                                                  ", Signature=" + signature);
    return out;
}

inline S3Reply perform(QNetworkAccessManager &nam, const QNetworkRequest &req,
                       const QByteArray &method, const QByteArray &body) {
    QNetworkReply *reply =
        method == "HEAD" ? nam.head(req) : nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    S3Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.body = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        out.headers.insert(h.first.toLower(), h.second);
    reply->deleteLater();
    return out;
}

inline S3Reply send(QNetworkAccessManager &nam, quint16 port, const S3Request &r) {
    return perform(nam, sign(port, r).request, r.method, r.body);
}

// What a multipart upload needs between its calls.
struct Upload {
    QString bucket = QStringLiteral("seqdrop-test");
    QString key;
    QString uploadId;
    QByteArray accessKey = TestKey;
    QByteArray secret = TestSecret;
};

inline S3Request request(const Upload &u, const QByteArray &method,
                         const QList<QPair<QString, QString>> &query = {},
                         const QByteArray &body = {}) {
    S3Request r;
    r.method = method;
    r.bucket = u.bucket;
    r.key = u.key;
    r.query = query;
    r.body = body;
    r.accessKey = u.accessKey;
    r.secret = u.secret;
    return r;
}

inline QByteArray completeXml(const QList<QPair<int, QByteArray>> &parts) {
    QByteArray xml = "<CompleteMultipartUpload>";
    for (const auto &p : parts)
        xml += "<Part><PartNumber>" + QByteArray::number(p.first) + "</PartNumber><ETag>\"" +
               p.second + "\"</ETag></Part>";
    return xml + "</CompleteMultipartUpload>";
}

} // namespace S3TestSupport

#include "net/s3job.h"

#include "net/errormapper.h"
#include "net/s3client.h"
#include "net/s3xmlreader.h"
#include "net/sigv4signer.h"
#include "net/throttleddevice.h"
#include "net/urlpolicy.h"
#include "util/logging.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace SeqDrop {

using Kind = UploadError::Kind;

namespace {

// Corrections (clock, region) one job makes at most: a server that keeps asking for a
// different one each time is not converging.
constexpr int MaxCorrections = 2;

QDateTime parseHttpDate(const QByteArray &header) {
    // Qt 6.4's RFC 2822 parser refuses "GMT"; it takes "+0000".
    QString text = QString::fromLatin1(header).trimmed();
    if (text.endsWith(QLatin1String(" GMT")))
        text = text.chopped(4) + QLatin1String(" +0000");
    return QDateTime::fromString(text, Qt::RFC2822Date);
}

} // namespace

S3Job::S3Job(S3Client *client, const QByteArray &method, const QString &bucket, const QString &key)
    : NetworkJob(client->networkAccessManager(), client)
    , m_client(client)
    , m_method(method)
    , m_bucket(bucket)
    , m_key(key) {}

QString S3Job::encodeQueryValue(const QString &value) {
    return QString::fromLatin1(SigV4Signer::uriEncode(value.toUtf8(), false));
}

UploadError S3Job::unreadableAnswer(const QString &detail) {
    return UploadError::make(
        Kind::BadResponse, tr("The storage server sent an answer SeqDrop could not read."), detail);
}

QByteArray S3Job::payloadHash() const {
    return SigV4Signer::sha256Hex(body());
}

QUrl S3Job::requestUrl() const {
    if (!m_client)
        return {};
    QUrl url = m_client->objectUrl(m_bucket, m_key);
    url.setQuery(query(), QUrl::TolerantMode);
    return url;
}

QUrl S3Job::targetUrl() const {
    return requestUrl();
}

QNetworkReply *S3Job::sendRequest() {
    if (!m_client) {
        fail(UploadError::make(Kind::Cancelled, tr("Cancelled.")));
        return nullptr;
    }
    const QUrl url = requestUrl();
    const QString refusal = UrlPolicy::check(url, tr("storage address"));
    if (!refusal.isEmpty()) {
        fail(UploadError::make(Kind::InsecureUrl, refusal));
        return nullptr;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("SeqDrop/%1").arg(QStringLiteral(SEQDROP_VERSION)));
    // A redirect would be followed unsigned or to another host: S3's are read instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    const QByteArray data = body();
    if (m_method == "POST" || m_method == "PUT")
        request.setRawHeader("Content-Type", data.startsWith("<?xml") || data.startsWith('<')
                                                 ? QByteArray("application/xml")
                                                 : QByteArray("application/octet-stream"));
    addHeaders(&request);
    // Signed now, not when the job was made: a retry after a backoff, a clock correction or
    // a region switch carries a fresh signature.
    SigV4Signer(m_client->credentials(), m_client->region())
        .sign(&request, m_method, payloadHash(), m_client->now());

    QNetworkReply *reply;
    if (m_method == "GET")
        reply = nam()->get(request);
    else if (m_method == "HEAD")
        reply = nam()->head(request);
    else if (m_method == "DELETE")
        reply = nam()->deleteResource(request);
    else if (m_method == "PUT" && isUpload())
        reply = putThrottled(request, data);
    else if (m_method == "PUT")
        reply = nam()->put(request, data);
    else
        reply = nam()->post(request, data);
    m_sentThisAttempt = 0;
    connect(reply, &QNetworkReply::requestSent, this, [this] {
        ++m_timesSent;
        ++m_sentThisAttempt;
    });
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        noteProgress();
        if (total >= 0 && sent >= total)
            noteRequestSent();
    });
    watchReply(reply);
    return reply;
}

QNetworkReply *S3Job::putThrottled(const QNetworkRequest &request, const QByteArray &data) {
    // Every part goes through the limiter, so a limit set while it runs applies at once.
    auto *buffer = new QBuffer;
    buffer->setData(data); // shared, not copied
    buffer->open(QIODevice::ReadOnly);
    auto *body = new ThrottledDevice(buffer, m_client->bandwidthLimiter());
    body->open(QIODevice::ReadOnly);
    QNetworkReply *reply = nam()->put(request, body);
    body->setParent(reply);
    return reply;
}

bool S3Job::learnFromError(QNetworkReply *reply, const QString &region, const QString &serverTime) {
    if (m_corrections >= MaxCorrections || !m_client)
        return false;
    if (m_s3Code == QLatin1String("RequestTimeTooSkewed")) {
        QDateTime server = parseHttpDate(reply->rawHeader("Date"));
        if (!server.isValid())
            server = QDateTime::fromString(serverTime, Qt::ISODateWithMs);
        if (!server.isValid())
            return false;
        const qint64 offset = QDateTime::currentDateTimeUtc().msecsTo(server);
        qCInfo(lcApi) << "S3 says this computer's clock is off by" << offset / 1000 << "s";
        m_client->setClockOffsetMs(offset);
        ++m_corrections;
        return true;
    }
    QString newRegion = QString::fromLatin1(reply->rawHeader("x-amz-bucket-region")).trimmed();
    if (newRegion.isEmpty())
        newRegion = region.trimmed();
    if (!newRegion.isEmpty() && newRegion != m_client->region() &&
        (m_status == 301 || m_status == 307 || m_status == 400 || m_status == 403 ||
         m_s3Code == QLatin1String("PermanentRedirect") ||
         m_s3Code == QLatin1String("AuthorizationHeaderMalformed"))) {
        m_client->setRegion(newRegion);
        ++m_corrections;
        return true;
    }
    return false;
}

UploadError S3Job::processReply(QNetworkReply *reply) {
    m_retryAtOnce = false;
    const QByteArray data = reply->readAll();
    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_status = statusAttr.toInt();
    m_s3Code.clear();
    qCDebug(lcApi) << m_method << requestUrl().path() << "->" << m_status << reply->error()
                   << "sent" << m_sentThisAttempt << "time(s)";
    // Qt resends a request once by itself when the connection drops before any answer: the
    // first copy may have reached S3 and taken effect.
    if (m_sentThisAttempt > 1)
        m_answerMayBeLost = true;
    if (!statusAttr.isValid()) {
        // No answer: the request may still have reached S3 and taken effect.
        m_answerMayBeLost = true;
        return ErrorMapper::fromReply(reply, data, ErrorMapper::Service::S3);
    }

    S3XmlReader::Error s3Error;
    const bool hasError = S3XmlReader::readError(data, &s3Error);
    if (hasError)
        m_s3Code = s3Error.code;
    if (m_status >= 200 && m_status < 300 && !hasError)
        return readAnswer(reply, data);

    qCDebug(lcApi).noquote() << "S3 error:" << QString::fromUtf8(data.left(2000));
    if (hasError && acceptsError(m_s3Code))
        return {};
    // 5xx, and a 200 that carries an <Error>, leave open whether the operation happened.
    if (m_status >= 500 || m_status < 300)
        m_answerMayBeLost = true;
    UploadError e = m_status < 300
                        ? ErrorMapper::fromS3Error(m_status, s3Error.code, s3Error.message)
                        : ErrorMapper::fromReply(reply, data, ErrorMapper::Service::S3);
    e.httpStatus = m_status;
    if (learnFromError(reply, s3Error.region, s3Error.serverTime)) {
        m_retryAtOnce = true;
        e.retryAfterMs = 0;
    }
    return e;
}

bool S3Job::shouldRetry(const UploadError &e) const {
    // BadDigest: the part was damaged on the way; the bytes here are still right.
    return m_retryAtOnce || e.isRetryable() || m_s3Code == QLatin1String("BadDigest");
}

} // namespace SeqDrop

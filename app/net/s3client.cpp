#include "net/s3client.h"

#include "net/abortmultipartuploadjob.h"
#include "net/completemultipartuploadjob.h"
#include "net/createmultipartuploadjob.h"
#include "net/listpartsjob.h"
#include "net/networkwatcher.h"
#include "net/sigv4signer.h"
#include "net/uploadpartjob.h"
#include "util/logging.h"

#include <QRegularExpression>

namespace SeqDrop {

namespace {

const QLatin1String AwsHost("s3.amazonaws.com");

QString regionFromEnvironment() {
    for (const char *name : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("us-east-1");
}

} // namespace

S3Client::S3Client(QNetworkAccessManager *nam, const S3Credentials &credentials, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_credentials(credentials)
    , m_endpoint(endpointFromEnvironment())
    , m_region(regionFromEnvironment())
    , m_settings(TransferSettings::fromEnvironment()) {
    m_credentials.registerSecret();
}

QUrl S3Client::awsEndpoint() {
    return QUrl(QStringLiteral("https://") + AwsHost);
}

QUrl S3Client::endpointFromEnvironment() {
    for (const char *name : {"AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"}) {
        const QString value = qEnvironmentVariable(name).trimmed();
        if (!value.isEmpty())
            return QUrl(value);
    }
    return awsEndpoint();
}

void S3Client::setRegion(const QString &region) {
    if (region.isEmpty() || region == m_region)
        return;
    qCInfo(lcApi) << "S3 region" << m_region << "->" << region;
    m_region = region;
    Q_EMIT regionChanged(region);
}

void S3Client::setClockOffsetMs(qint64 ms) {
    if (ms == m_clockOffsetMs)
        return;
    qCInfo(lcApi) << "S3 clock offset" << m_clockOffsetMs << "->" << ms << "ms";
    m_clockOffsetMs = ms;
    Q_EMIT clockOffsetChanged(ms);
}

QDateTime S3Client::now() const {
    return QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMs);
}

void S3Client::setNetworkWatcher(NetworkWatcher *watcher) {
    m_watcher = watcher;
}

NetworkWatcher *S3Client::networkWatcher() const {
    return m_watcher;
}

bool S3Client::usesVirtualHost(const QString &bucket) const {
    // Only AWS's own endpoint, and only for names that are one DNS label: a dot in the name
    // would not match the *.s3.amazonaws.com certificate.
    static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$"));
    return m_endpoint.host().compare(AwsHost, Qt::CaseInsensitive) == 0 &&
           dnsLabel.match(bucket).hasMatch();
}

QUrl S3Client::objectUrl(const QString &bucket, const QString &key) const {
    QUrl url = m_endpoint;
    const QByteArray encodedKey = SigV4Signer::uriEncode(key.toUtf8(), true);
    QString path = url.path(QUrl::FullyEncoded);
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (usesVirtualHost(bucket)) {
        url.setHost(bucket + QLatin1Char('.') +
                    (m_region == QLatin1String("us-east-1")
                         ? QString(AwsHost)
                         : QStringLiteral("s3.%1.amazonaws.com").arg(m_region)));
        path += QLatin1Char('/') + QString::fromLatin1(encodedKey);
    } else {
        path += QLatin1Char('/') +
                QString::fromLatin1(SigV4Signer::uriEncode(bucket.toUtf8(), false)) +
                QLatin1Char('/') + QString::fromLatin1(encodedKey);
    }
    url.setPath(path, QUrl::TolerantMode);
    return url;
}

template <class Job> Job *S3Client::prepare(Job *job) {
    job->setRetryPolicy(m_settings.uploadRetry);
    job->setInactivityTimeout(m_settings.stallTimeoutMs);
    job->setAwaitingAnswerTimeout(m_settings.awaitingAnswerTimeoutMs);
    job->setNetworkWatcher(m_watcher);
    return job;
}

CreateMultipartUploadJob *S3Client::createMultipartUpload(const QString &bucket,
                                                          const QString &key) {
    return prepare(new CreateMultipartUploadJob(this, bucket, key));
}

UploadPartJob *S3Client::uploadPart(const QString &bucket, const QString &key,
                                    const QString &uploadId, int number, const QByteArray &data,
                                    const QString &md5Hex) {
    return prepare(new UploadPartJob(this, bucket, key, uploadId, number, data, md5Hex));
}

ListPartsJob *S3Client::listParts(const QString &bucket, const QString &key,
                                  const QString &uploadId) {
    return prepare(new ListPartsJob(this, bucket, key, uploadId));
}

CompleteMultipartUploadJob *S3Client::completeMultipartUpload(const QString &bucket,
                                                              const QString &key,
                                                              const QString &uploadId,
                                                              const QList<S3Part> &parts) {
    return prepare(new CompleteMultipartUploadJob(this, bucket, key, uploadId, parts));
}

AbortMultipartUploadJob *S3Client::abortMultipartUpload(const QString &bucket, const QString &key,
                                                        const QString &uploadId) {
    return prepare(new AbortMultipartUploadJob(this, bucket, key, uploadId));
}

} // namespace SeqDrop

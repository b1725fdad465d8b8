#pragma once

#include "net/bandwidthlimiter.h"
#include "net/s3credentials.h"
#include "net/s3part.h"
#include "net/transfersettings.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace SeqDrop {

class AbortMultipartUploadJob;

class CompleteMultipartUploadJob;
class CreateMultipartUploadJob;
class ListPartsJob;
class NetworkWatcher;
class UploadPartJob;

// S3's multipart upload API with one set of credentials. Hands out jobs (not started, parented
// to the client) like ApiClient; the caller connects to finished(), starts and deletes them.
// Requests go through the storage QNetworkAccessManager and carry a SigV4 signature only:
// never the One Codex API key. The region and the correction of this computer's clock are
// shared by the client's jobs: one job that learns them spares the next its failed attempt.
class S3Client : public QObject {
    Q_OBJECT
public:
    S3Client(QNetworkAccessManager *nam, const S3Credentials &credentials,
             QObject *parent = nullptr);

    // AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL, else https://s3.amazonaws.com (buckets as
    // virtual hosts). Any other endpoint is addressed path-style (endpoint/bucket/key).
    static QUrl endpointFromEnvironment();
    static QUrl awsEndpoint();
    void setEndpoint(const QUrl &endpoint) { m_endpoint = endpoint; }
    const QUrl &endpoint() const { return m_endpoint; }
    // AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1; switched by a region redirect.
    const QString &region() const { return m_region; }
    void setRegion(const QString &region);
    // Server clock minus this computer's, learnt from a RequestTimeTooSkewed answer; every
    // signature after that uses the corrected time.
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    void setClockOffsetMs(qint64 ms);
    QDateTime now() const;

    void setTimeouts(const TransferSettings &settings) { m_settings = settings; }
    const TransferSettings &timeouts() const { return m_settings; }
    void setNetworkWatcher(NetworkWatcher *watcher);
    NetworkWatcher *networkWatcher() const;
    // The one limit all uploads share (its parts are read through it); null: none.
    void setBandwidthLimiter(BandwidthLimiter *limiter) { m_limiter = limiter; }
    BandwidthLimiter *bandwidthLimiter() const { return m_limiter; }
    const S3Credentials &credentials() const { return m_credentials; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    // Where the object `key` of `bucket` lives, the key encoded as S3 signs it.
    QUrl objectUrl(const QString &bucket, const QString &key) const;

    CreateMultipartUploadJob *createMultipartUpload(const QString &bucket, const QString &key);
    UploadPartJob *uploadPart(const QString &bucket, const QString &key, const QString &uploadId,
                              int number, const QByteArray &data, const QString &md5Hex);
    ListPartsJob *listParts(const QString &bucket, const QString &key, const QString &uploadId);
    CompleteMultipartUploadJob *completeMultipartUpload(const QString &bucket, const QString &key,
                                                        const QString &uploadId,
                                                        const QList<S3Part> &parts);
    AbortMultipartUploadJob *abortMultipartUpload(const QString &bucket, const QString &key,
                                                  const QString &uploadId);

Q_SIGNALS:
    void regionChanged(const QString &region);
    void clockOffsetChanged(qint64 ms);

private:
    template <class Job> Job *prepare(Job *job);
    bool usesVirtualHost(const QString &bucket) const;

    QNetworkAccessManager *m_nam;
    QPointer<BandwidthLimiter> m_limiter;
    S3Credentials m_credentials;
    QUrl m_endpoint;
    QString m_region;
    qint64 m_clockOffsetMs = 0;
    TransferSettings m_settings;
    QPointer<NetworkWatcher> m_watcher;
};

} // namespace SeqDrop

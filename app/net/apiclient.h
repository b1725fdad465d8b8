#pragma once

#include "net/apijob.h"
#include "net/proxysettings.h"
#include "net/transfersettings.h"
#include "net/uploadticket.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace SeqDrop {

class BandwidthLimiter;
class NetworkWatcher;
class S3Client;
struct S3Credentials;
class StorageUploadJob;

// The One Codex API over one QNetworkAccessManager. Hands out jobs (not started) for each
// call; the caller connects to finished(), starts them and deletes them when done.
class ApiClient : public QObject {
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);

    static QUrl defaultBaseUrl();

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    const QUrl &baseUrl() const { return m_baseUrl; }
    // The key is also registered with the Redactor, so no log line can carry it.
    void setApiKey(const QString &key);
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    void setTransferSettings(const TransferSettings &settings) { m_settings = settings; }
    const TransferSettings &transferSettings() const { return m_settings; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }
    // The proxy of both managers, API and storage (see ProxyFactory); the password is also
    // registered with the Redactor.
    void setProxy(const ProxySettings &settings);
    const ProxySettings &proxy() const { return m_proxy; }
    // Jobs hold their retries while it says the network is down.
    void setNetworkWatcher(NetworkWatcher *watcher);
    NetworkWatcher *networkWatcher() const;
    // The one bandwidth limit of every upload this client hands out (form POSTs and parts).
    BandwidthLimiter *bandwidth() const { return m_bandwidth; }

    ApiJob *account();
    ApiJob *projects();
    ApiJob *tags();
    ApiJob *initUpload(const QJsonObject &body);
    ApiJob *samples(int page, int perPage);
    // GET /api/v1/samples/<id>: its status on One Codex (importing, validating, available,
    // failed_validation with error_msg, ...).
    ApiJob *sample(const QString &sampleId);
    ApiJob *confirmUpload(const QString &sampleId);
    ApiJob *cancelUpload(const QString &sampleId);
    // Files over the single-request limit: a sample whose files go to S3 as multipart uploads.
    ApiJob *initMultipartUpload(const QJsonObject &body);
    // Once the object(s) are complete: One Codex imports them into the sample. A callback URL
    // on another origin than the API is called on the API's origin with its path: the key
    // goes nowhere else.
    ApiJob *importFileFromS3(const QString &callbackUrl, const QString &s3Path,
                             const QString &filename);
    // An S3 client with these (temporary) credentials, parented to this ApiClient, on the
    // storage network manager and with these transfer settings. Endpoint: the environment's
    // (S3Client::endpointFromEnvironment()) when set, else this API's own origin when it is
    // on this computer (the sandbox serves S3 there), else AWS.
    S3Client *s3Client(const S3Credentials &credentials);
    // POST {sample_id} to the validating proxy's status_url (resolved against the API's base).
    // The key goes along only when the status URL is on the API's own origin.
    ApiJob *proxyStatus(const QUrl &statusUrl, const QString &sampleId);
    StorageUploadJob *storageUpload(const UploadTarget &target, const QStringList &paths,
                                    const QString &uploadName, qint64 size);

private:
    ApiJob *makeJob(ApiJob::Method method, const QString &path, const QJsonObject &body = {});

    QNetworkAccessManager *m_nam;
    // Uploads get their own manager, hence their own connections: Qt allows six connections
    // per host, and where API and storage share one (the sandbox), six long uploads would
    // otherwise hold every connection while init/confirm calls wait behind them.
    QNetworkAccessManager *m_storageNam;
    QPointer<NetworkWatcher> m_watcher;
    BandwidthLimiter *m_bandwidth;
    ProxySettings m_proxy;
    QUrl m_baseUrl;
    QString m_apiKey;
    TransferSettings m_settings;
};

} // namespace SeqDrop

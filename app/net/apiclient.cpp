#include "net/apiclient.h"

#include "net/bandwidthlimiter.h"
#include "net/networkwatcher.h"
#include "net/proxyfactory.h"
#include "net/s3client.h"
#include "net/storageuploadjob.h"
#include "net/urlpolicy.h"
#include "util/logging.h"
#include "util/redactor.h"

#include <QAuthenticator>
#include <QNetworkAccessManager>

namespace SeqDrop {

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_storageNam(new QNetworkAccessManager(this))
    , m_bandwidth(new BandwidthLimiter(this))
    , m_baseUrl(defaultBaseUrl())
    , m_settings(TransferSettings::fromEnvironment()) {}

void ApiClient::setApiKey(const QString &key) {
    m_apiKey = key;
    Redactor::addSecret(key);
}

void ApiClient::setNetworkWatcher(NetworkWatcher *watcher) {
    m_watcher = watcher;
}

NetworkWatcher *ApiClient::networkWatcher() const {
    return m_watcher;
}

void ApiClient::setProxy(const ProxySettings &settings) {
    m_proxy = settings;
    Redactor::addSecret(settings.password);
    for (QNetworkAccessManager *nam : {m_nam, m_storageNam}) {
        nam->setProxyFactory(new ProxyFactory(settings)); // the manager owns it
        // Qt answers a proxy's 407 with the QNetworkProxy's own user and password when it has
        // them; this covers the cases where it asks instead. Once per proxy: Qt asks again
        // only when they were refused, and then the request fails with a proxy error.
        nam->disconnect(this);
        connect(nam, &QNetworkAccessManager::proxyAuthenticationRequired, this,
                [this](const QNetworkProxy &, QAuthenticator *auth) {
                    if (!m_proxy.isManual() || m_proxy.user.isEmpty())
                        return;
                    if (auth->user() == m_proxy.user && auth->password() == m_proxy.password)
                        return; // these were refused
                    auth->setUser(m_proxy.user);
                    auth->setPassword(m_proxy.password);
                });
    }
}

QUrl ApiClient::defaultBaseUrl() {
    const QString fromEnv = qEnvironmentVariable("ONE_CODEX_API_BASE");
    return QUrl(fromEnv.isEmpty() ? QStringLiteral("https://app.onecodex.com") : fromEnv);
}

ApiJob *ApiClient::makeJob(ApiJob::Method method, const QString &path, const QJsonObject &body) {
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    auto *job = new ApiJob(m_nam, method, url, m_apiKey,
                           body.isEmpty() ? QJsonDocument() : QJsonDocument(body), this);
    job->setRetryPolicy(m_settings.apiRetry);
    job->setInactivityTimeout(m_settings.apiTimeoutMs);
    job->setNetworkWatcher(m_watcher);
    return job;
}

ApiJob *ApiClient::account() {
    return makeJob(ApiJob::Method::Get, QStringLiteral("/api/v1/account"));
}

ApiJob *ApiClient::projects() {
    return makeJob(ApiJob::Method::Get, QStringLiteral("/api/v1/projects"));
}

ApiJob *ApiClient::tags() {
    return makeJob(ApiJob::Method::Get, QStringLiteral("/api/v1/tags"));
}

ApiJob *ApiClient::initUpload(const QJsonObject &body) {
    // Retried like any call; a lost answer may have created a sample, which SampleUpload
    // finds and cancels afterwards (OrphanSweep).
    return makeJob(ApiJob::Method::Post, QStringLiteral("/api/v1/samples/init_upload"), body);
}

ApiJob *ApiClient::samples(int page, int perPage) {
    ApiJob *job = makeJob(ApiJob::Method::Get, QStringLiteral("/api/v1/samples"));
    QUrl url = job->url();
    url.setQuery(QStringLiteral("page=%1&per_page=%2").arg(page).arg(perPage));
    job->setUrl(url);
    return job;
}

ApiJob *ApiClient::sample(const QString &sampleId) {
    return makeJob(ApiJob::Method::Get, QStringLiteral("/api/v1/samples/") +
                                            QString::fromLatin1(QUrl::toPercentEncoding(sampleId)));
}

ApiJob *ApiClient::confirmUpload(const QString &sampleId) {
    return makeJob(ApiJob::Method::Post, QStringLiteral("/api/v1/samples/confirm_upload"),
                   {{QStringLiteral("sample_id"), sampleId},
                    {QStringLiteral("upload_type"), QStringLiteral("standard")}});
}

ApiJob *ApiClient::cancelUpload(const QString &sampleId) {
    return makeJob(ApiJob::Method::Post, QStringLiteral("/api/v1/samples/cancel_upload"),
                   {{QStringLiteral("sample_id"), sampleId}});
}

ApiJob *ApiClient::initMultipartUpload(const QJsonObject &body) {
    // Retried like init_upload; a lost answer leaves an orphan that OrphanSweep cancels.
    return makeJob(ApiJob::Method::Post, QStringLiteral("/api/v1/samples/init_multipart_upload"),
                   body);
}

ApiJob *ApiClient::importFileFromS3(const QString &callbackUrl, const QString &s3Path,
                                    const QString &filename) {
    const QUrl callback = m_baseUrl.resolved(QUrl(callbackUrl));
    QString path = callback.path();
    if (!UrlPolicy::sameOrigin(callback, m_baseUrl))
        qCWarning(lcApi) << "import callback on another origin; calling" << path
                         << "on the API's origin instead";
    // makeJob() prefixes the base URL's path; a callback resolved against it already has it.
    QString basePath = m_baseUrl.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    if (!basePath.isEmpty() && path.startsWith(basePath + QLatin1Char('/')))
        path = path.mid(basePath.size());
    ApiJob *job =
        makeJob(ApiJob::Method::Post, path,
                {{QStringLiteral("s3_path"), s3Path}, {QStringLiteral("filename"), filename}});
    // Safe to repeat: a second call answers the same sample (One Codex counts it twice).
    job->setRetriesServerErrors(true);
    if (callback.hasQuery()) {
        QUrl url = job->url();
        url.setQuery(callback.query());
        job->setUrl(url);
    }
    return job;
}

S3Client *ApiClient::s3Client(const S3Credentials &credentials) {
    auto *client = new S3Client(m_storageNam, credentials, this);
    client->setTimeouts(m_settings);
    client->setNetworkWatcher(m_watcher);
    client->setBandwidthLimiter(m_bandwidth);
    const bool fromEnvironment = !qEnvironmentVariableIsEmpty("AWS_ENDPOINT_URL_S3") ||
                                 !qEnvironmentVariableIsEmpty("AWS_ENDPOINT_URL");
    if (!fromEnvironment && UrlPolicy::isLoopback(m_baseUrl)) {
        QUrl origin = m_baseUrl;
        origin.setPath(QString());
        client->setEndpoint(origin);
    }
    return client;
}

ApiJob *ApiClient::proxyStatus(const QUrl &statusUrl, const QString &sampleId) {
    const QUrl url = m_baseUrl.resolved(statusUrl);
    auto *job =
        new ApiJob(m_nam, ApiJob::Method::Post, url,
                   UrlPolicy::sameOrigin(url, m_baseUrl) ? m_apiKey : QString(),
                   QJsonDocument(QJsonObject{{QStringLiteral("sample_id"), sampleId}}), this);
    job->setRetryPolicy(m_settings.apiRetry);
    job->setInactivityTimeout(m_settings.apiTimeoutMs);
    job->setNetworkWatcher(m_watcher);
    return job;
}

StorageUploadJob *ApiClient::storageUpload(const UploadTarget &target, const QStringList &paths,
                                           const QString &uploadName, qint64 size) {
    auto *job = new StorageUploadJob(m_storageNam, target, paths, uploadName, size, this);
    job->setRetryPolicy(m_settings.uploadRetry);
    job->setInactivityTimeout(m_settings.stallTimeoutMs);
    job->setAwaitingAnswerTimeout(m_settings.awaitingAnswerTimeoutMs);
    job->setNetworkWatcher(m_watcher);
    job->setBandwidthLimiter(m_bandwidth);
    return job;
}

} // namespace SeqDrop

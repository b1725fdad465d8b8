#include "sandboxserver.h"

#include "connectionkiller.h"

#include "initupload.h"
#include "jsontext.h"
#include "multipartapi.h"
#include "multipartstore.h"
#include "postpolicy.h"
#include "s3body.h"
#include "s3endpoint.h"
#include "sandboxstore.h"
#include "storageendpoint.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <httplib.h>

#ifndef _WIN32
#include <sys/socket.h>
#endif

namespace {

// Storage credentials of the sandbox's fake S3. The secret is derived from
// the API key so policies survive a restart with the same key.
constexpr const char *kAccessKeyId = "AKIASEQDROPSANDBOX00";

void sendJson(httplib::Response &res, int status, const QJsonValue &value) {
    res.status = status;
    res.set_content(JsonText::encode(value).toStdString(), "application/json");
}

void sendError(httplib::Response &res, int status, const QString &message) {
    sendJson(res, status, QJsonObject{{"message", message}, {"status", status}});
}

// The body of a JSON POST route, or an answered 400.
bool jsonBody(const httplib::Request &req, httplib::Response &res, QJsonObject *body) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        sendError(res, 400, QStringLiteral("Request body must be a JSON object"));
        return false;
    }
    *body = doc.object();
    return true;
}

} // namespace

SandboxServer::SandboxServer(const Options &options)
    : m_options(options)
    , m_faults(options.faults)
    , m_store(std::make_unique<SandboxStore>(options.dataDir))
    , m_policy(std::make_unique<PostPolicy>(
          kAccessKeyId,
          QMessageAuthenticationCode::hash("seqdrop-sandbox storage secret",
                                           options.apiKey.toUtf8(), QCryptographicHash::Sha256)
              .toBase64()))
    , m_storage(std::make_unique<StorageEndpoint>(*m_store, *m_policy, m_faults, m_stopping))
    , m_multipartStore(std::make_unique<MultipartStore>(options.dataDir))
    , m_multipartApi(std::make_unique<MultipartApi>(*m_store, *m_multipartStore, m_faults,
                                                    options.credentialTtl))
    , m_s3(std::make_unique<S3Endpoint>(*m_store, *m_multipartStore, m_faults,
                                        S3Endpoint::Options{options.region, options.minPartSize}))
    , m_proxy(std::make_unique<ProxyEndpoint>(*m_store, *m_storage, m_faults, options.proxyMode,
                                              options.proxyCheckMs))
    , m_http(std::make_unique<httplib::Server>()) {
    httplib::Server &http = *m_http;
    m_store->setFaultPlan(&m_faults);
    m_storage->setMaxPostSize(options.maxPostSize);
    // Stalled uploads hold a thread each on purpose: keep plenty spare.
    http.new_task_queue = [] { return new httplib::ThreadPool(32); };
    // Slow clients (a throttled uplink, a paused debugger) are not dropped.
    http.set_read_timeout(120, 0);
    http.set_write_timeout(120, 0);
    http.set_keep_alive_timeout(30);
    // httplib's default also sets SO_REUSEPORT, which would let a second
    // sandbox silently share a fixed --port; keep only SO_REUSEADDR.
    http.set_socket_options([](socket_t sock) {
        int yes = 1;
        const auto *on = reinterpret_cast<const char *>(&yes); // Winsock takes a char pointer
#ifdef _WIN32
        // Windows' SO_REUSEADDR would let another program take over a bound port.
        setsockopt(sock, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, on, sizeof yes);
#else
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, on, sizeof yes);
#endif
    });

    addApiGet("/api/v1/account", &SandboxServer::account);
    addApiGet("/api/v1/projects", &SandboxServer::projects);
    addApiGet("/api/v1/tags", &SandboxServer::tags);
    addApiGet("/api/v1/samples", &SandboxServer::listSamples);
    addApiGet(R"(/api/v1/samples/([^/]+))", &SandboxServer::getSample);
    addApiPost("/api/v1/samples/init_upload", &SandboxServer::initUpload, "init_upload");
    addApiPost("/api/v1/samples/confirm_upload", &SandboxServer::confirmUpload, "confirm_upload");
    addApiPost("/api/v1/samples/cancel_upload", &SandboxServer::cancelUpload, "cancel_upload");
    addApiPost("/api/v1/samples/init_multipart_upload", &SandboxServer::initMultipartUpload,
               "init_multipart_upload");
    addApiPost(MultipartApi::CallbackPath, &SandboxServer::importFileFromS3, "import_file_from_s3");

    // Control routes: same key, no fault injection, not counted.
    auto control = [this](Handler handler) {
        return [this, handler](const httplib::Request &req, httplib::Response &res) {
            if (!authorized(req))
                return sendError(res, 401,
                                 QStringLiteral("Unauthorized: a valid API key is required"));
            (this->*handler)(req, res);
        };
    };
    http.Get("/_sandbox/state", control(&SandboxServer::sandboxState));
    http.Get("/_sandbox/faults", control(&SandboxServer::sandboxFaults));
    http.Post("/_sandbox/faults", control(&SandboxServer::sandboxFaults));

    http.Post(
        std::string("/s3/") + StorageEndpoint::Bucket,
        [this](const httplib::Request &req, httplib::Response &res,
               const httplib::ContentReader &reader) { m_storage->handle(req, res, reader); });

    // The validating proxy: not an API route (no faults, no key needed: it knows the sample by
    // its id, as the real proxy did).
    http.Post(ProxyEndpoint::UploadPath,
              [this](const httplib::Request &req, httplib::Response &res,
                     const httplib::ContentReader &reader) { m_proxy->upload(req, res, reader); });
    http.Post(ProxyEndpoint::StatusPath,
              // With a content reader like the S3 catch-all below: httplib tries those first.
              [this](const httplib::Request &, httplib::Response &res,
                     const httplib::ContentReader &reader) {
                  std::string body;
                  reader([&body](const char *data, size_t len) {
                      body.append(data, len);
                      return true;
                  });
                  m_proxy->status(body, res);
              });
    // Last: the S3 REST routes take every path the routes above do not.
    m_s3->install(http);

    http.set_logger([](const httplib::Request &req, const httplib::Response &) {
        StorageEndpoint::afterResponse(req);
        S3Body::afterResponse();
    });

    // Unknown routes get the One Codex error shape instead of an empty body.
    http.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request &, httplib::Response &res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            sendError(res, res.status,
                      res.status == 404 ? QStringLiteral("Not found")
                                        : QStringLiteral("Request failed"));
            return httplib::Server::HandlerResponse::Handled;
        }));
}

SandboxServer::~SandboxServer() = default;

int SandboxServer::bind(int port) {
    const char *host = "127.0.0.1";
    const int bound =
        port == 0 ? m_http->bind_to_any_port(host) : (m_http->bind_to_port(host, port) ? port : -1);
    if (bound > 0) {
        m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(bound);
        m_storage->setBaseUrl(m_baseUrl);
    }
    return bound;
}

bool SandboxServer::run() {
    return m_http->listen_after_bind();
}

void SandboxServer::stop() {
    m_stopping = true;
    m_http->stop();
}

std::function<void(const httplib::Request &, httplib::Response &)>
SandboxServer::apiRoute(Handler handler, const char *counter) {
    // Every API route answers the same way before its own work: count the call, apply the
    // injected faults (before auth, as a proxy in front of the API would), check the key.
    return [this, handler, counter](const httplib::Request &req, httplib::Response &res) {
        m_store->count(QStringLiteral("api_calls"));
        if (applyApiFaults(req, res)) {
            m_store->count(QStringLiteral("faults_injected"));
            return;
        }
        if (!authorized(req))
            return sendError(res, 401, QStringLiteral("Unauthorized: a valid API key is required"));
        if (counter)
            m_store->count(QString::fromLatin1(counter));
        (this->*handler)(req, res);
    };
}

void SandboxServer::addApiGet(const char *pattern, Handler handler, const char *counter) {
    m_http->Get(pattern, apiRoute(handler, counter));
}

void SandboxServer::addApiPost(const char *pattern, Handler handler, const char *counter) {
    m_http->Post(pattern, apiRoute(handler, counter));
}

bool SandboxServer::applyApiFaults(const httplib::Request &req, httplib::Response &res) {
    const FaultPlan::ApiVerdict verdict = m_faults.takeApiFault(QString::fromStdString(req.path));
    switch (verdict.fault) {
    case FaultPlan::ApiFault::None:
        return false;
    case FaultPlan::ApiFault::Fail:
        // What a load balancer in front of the API answers: HTML, not JSON.
        res.status = 503;
        res.set_content("<html><body><h1>503 Service Unavailable</h1>\n"
                        "No server is available to handle this request.\n</body></html>\n",
                        "text/html");
        return true;
    case FaultPlan::ApiFault::Throttle:
        sendError(res, 429, QStringLiteral("Too many requests"));
        res.set_header("Retry-After", std::to_string(verdict.retryAfter));
        return true;
    case FaultPlan::ApiFault::Reject:
        // A key revoked or a quota reached in the middle of a queue.
        sendError(res, verdict.status,
                  verdict.status == 402
                      ? QStringLiteral("Upload limit reached for this account")
                      : QStringLiteral("Unauthorized: a valid API key is required"));
        return true;
    case FaultPlan::ApiFault::Garble:
        res.status = 200;
        res.set_content("{\"sample_id\": \"0123", "application/json");
        return true;
    case FaultPlan::ApiFault::Html:
        // A captive portal or a proxy's login page, answered with 200 in place of the API.
        res.status = 200;
        res.set_content("<!DOCTYPE html>\n<html><head><title>Sign in to the network</title>"
                        "</head><body><form action=\"/login\">Guest Wi-Fi</form></body></html>\n",
                        "text/html");
        return true;
    }
    return false;
}

bool SandboxServer::authorized(const httplib::Request &req) const {
    const std::string key = m_options.apiKey.toStdString();
    if (req.has_header("X-API-Key"))
        return req.get_header_value("X-API-Key") == key;
    const std::string auth = req.get_header_value("Authorization");
    const std::string basic = "Basic ";
    if (auth.compare(0, basic.size(), basic) != 0)
        return false;
    // Basic base64("<key>:"): the key is the user name, the password is empty.
    const QByteArray decoded = QByteArray::fromBase64(QByteArray::fromStdString(auth.substr(6)));
    return decoded == QByteArray::fromStdString(key + ":");
}

void SandboxServer::account(const httplib::Request &, httplib::Response &res) {
    sendJson(res, 200,
             QJsonObject{{"email", "sandbox@localhost"},
                         {"user", QJsonObject{{"$ref", QStringLiteral("/api/v1/users/") +
                                                           SandboxStore::UserId}}},
                         {"$uri", "/api/v1/account"}});
}

void SandboxServer::projects(const httplib::Request &, httplib::Response &res) {
    sendJson(res, 200, m_store->projectsJson());
}

void SandboxServer::tags(const httplib::Request &, httplib::Response &res) {
    sendJson(res, 200, m_store->tagsJson());
}

void SandboxServer::listSamples(const httplib::Request &req, httplib::Response &res) {
    bool pageOk = true, perPageOk = true;
    const int page = req.has_param("page")
                         ? QString::fromStdString(req.get_param_value("page")).toInt(&pageOk)
                         : 1;
    const int perPage =
        req.has_param("per_page")
            ? QString::fromStdString(req.get_param_value("per_page")).toInt(&perPageOk)
            : 50;
    if (!pageOk || !perPageOk || page < 1 || perPage < 1 || perPage > 1000)
        return sendError(res, 400, QStringLiteral("page must be >= 1 and per_page 1..1000"));
    const QList<SandboxStore::Sample> all = m_store->samples();
    QJsonArray out;
    for (qsizetype i = qsizetype(page - 1) * perPage; i < all.size() && out.size() < perPage; ++i)
        out.append(m_store->sampleJson(all[i]));
    sendJson(res, 200, out);
    res.set_header("X-Total-Count", std::to_string(all.size()));
}

void SandboxServer::getSample(const httplib::Request &req, httplib::Response &res) {
    const auto sample = m_store->sample(QString::fromStdString(req.matches[1]));
    if (!sample)
        return sendError(res, 404, QStringLiteral("Sample not found"));
    sendJson(res, 200, m_store->sampleJson(*sample));
}

void SandboxServer::initUpload(const httplib::Request &req, httplib::Response &res) {
    QJsonObject body;
    if (!jsonBody(req, res, &body))
        return;
    InitUpload::Parsed parsed;
    const QString error = InitUpload::parse(body, *m_store, &parsed);
    if (!error.isEmpty())
        return sendError(res, 400, error);
    const SandboxStore::Sample sample = m_store->createSample(parsed.sample, parsed.tagNames);
    if (m_faults.takeDropInitAnswer()) {
        m_store->count(QStringLiteral("faults_injected"));
        // The sample exists now but the client never learns its id: the case that makes a
        // client's retry of init_upload leave an orphan unless it cleans up.
        ConnectionKiller::abort(
            ConnectionKiller::find(req.remote_addr, req.remote_port, req.local_port));
        return;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    PostPolicy::Grant grant;
    grant.bucket = QString::fromLatin1(StorageEndpoint::Bucket);
    grant.keyPrefix = sample.keyPrefix();
    grant.keyTemplate = sample.keyPrefix() + QStringLiteral("${filename}");
    // For a pair the declared size is the total, the only bound known per file.
    grant.maxSize = sample.size;
    const bool expired = m_faults.takeExpiredPolicy();
    if (expired)
        m_store->count(QStringLiteral("faults_injected"));
    grant.expiration = expired ? now.addSecs(-60) : now.addSecs(m_options.policyTtl);
    grant.sigv4 = m_options.sigv4;
    const QString uploadUrl = m_proxy->isOn()
                                  ? m_baseUrl + QLatin1String(ProxyEndpoint::UploadPath)
                                  : m_baseUrl + QStringLiteral("/s3/") + StorageEndpoint::Bucket;

    OrderedJsonObject answer;
    OrderedJsonObject fields = m_policy->createFields(grant, now);
    m_proxy->addFields(fields, m_baseUrl);
    answer.add("sample_id", sample.id)
        .add("upload_url", uploadUrl)
        .add("additional_fields", fields);
    if (sample.isPair()) {
        PostPolicy::Grant r2 = grant;
        r2.keyPrefix = sample.r2Prefix();
        r2.keyTemplate = sample.r2Prefix() + QStringLiteral("${filename}");
        OrderedJsonObject r2Fields = m_policy->createFields(r2, now);
        m_proxy->addFields(r2Fields, m_baseUrl);
        answer.add("paired_end_upload_url", uploadUrl)
            .add("paired_end_additional_fields", r2Fields);
    }
    answer.add("fallback_options", QJsonObject{{"note", "sandbox: not used"}});
    res.status = 200;
    res.set_content(answer.toJson().toStdString(), "application/json");
}

void SandboxServer::confirmUpload(const httplib::Request &req, httplib::Response &res) {
    QJsonObject body;
    if (!jsonBody(req, res, &body))
        return;
    const QJsonValue uploadType = body.value("upload_type");
    if (!uploadType.isUndefined() && uploadType != QJsonValue(QStringLiteral("standard")))
        return sendError(res, 400, QStringLiteral("upload_type must be \"standard\""));
    const QString id = body.value("sample_id").toString();
    if (id.isEmpty())
        return sendError(res, 400, QStringLiteral("sample_id is required"));
    const QString blocker = m_proxy->confirmBlocker(id);
    if (!blocker.isEmpty())
        return sendError(res, 400, blocker);
    QString message;
    switch (m_store->confirm(id, &message)) {
    case SandboxStore::Outcome::NotFound:
        return sendError(res, 400, message); // contract: 400 unless the sample exists
    case SandboxStore::Outcome::Invalid:
        return sendError(res, 400, message);
    case SandboxStore::Outcome::Ok:
        break;
    }
    sendJson(res, 200,
             QJsonObject{{"message", message},
                         {"sample", QJsonObject{{"$ref", "/api/v1/samples/" + id}}},
                         {"success", true}});
}

void SandboxServer::cancelUpload(const httplib::Request &req, httplib::Response &res) {
    QJsonObject body;
    if (!jsonBody(req, res, &body))
        return;
    const QString id = body.value("sample_id").toString();
    if (id.isEmpty())
        return sendError(res, 400, QStringLiteral("sample_id is required"));
    QString message;
    switch (m_store->cancel(id, &message)) {
    case SandboxStore::Outcome::NotFound:
        return sendError(res, 404, message);
    case SandboxStore::Outcome::Invalid:
        return sendError(res, 400, message);
    case SandboxStore::Outcome::Ok:
        break;
    }
    sendJson(res, 200, QJsonObject{{"success", true}, {"message", message}});
}

void SandboxServer::initMultipartUpload(const httplib::Request &req, httplib::Response &res) {
    QJsonObject body;
    if (jsonBody(req, res, &body))
        m_multipartApi->initMultipartUpload(body, res);
}

void SandboxServer::importFileFromS3(const httplib::Request &req, httplib::Response &res) {
    QJsonObject body;
    if (jsonBody(req, res, &body))
        m_multipartApi->importFileFromS3(body, res);
}

void SandboxServer::sandboxState(const httplib::Request &, httplib::Response &res) {
    QJsonArray samples;
    for (const SandboxStore::Sample &s : m_store->samples())
        samples.append(m_store->sampleStateJson(s));
    QJsonObject counts = m_store->countsJson();
    counts.insert("open_multipart_uploads", m_multipartStore->openUploads());
    sendJson(res, 200,
             QJsonObject{{"counts", counts},
                         {"multipart", m_multipartStore->ledgerJson()},
                         {"samples", samples},
                         {"faults", m_faults.toJson()},
                         {"proxy", m_proxy->toJson()},
                         {"data", m_store->dataDir()}});
}

void SandboxServer::sandboxFaults(const httplib::Request &req, httplib::Response &res) {
    if (req.method == "POST") {
        QJsonObject body;
        if (!jsonBody(req, res, &body))
            return;
        QString error;
        if (!m_faults.apply(body, &error))
            return sendError(res, 400, error);
    }
    sendJson(res, 200, m_faults.toJson());
}

#pragma once

#include "faultplan.h"
#include "proxyendpoint.h"

#include <QJsonObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

class SandboxStore;
class PostPolicy;
class StorageEndpoint;
class MultipartStore;
class MultipartApi;
class S3Endpoint;

// The HTTP face of the sandbox: One Codex API routes under /api/v1, the S3
// POST route under /s3/<bucket>, and control routes under /_sandbox. Bound to
// 127.0.0.1 only: the sandbox is a local stand-in, never a service.
class SandboxServer {
public:
    struct Options {
        QString dataDir;
        QString apiKey;
        int policyTtl = 3600;
        bool sigv4 = false;
        FaultPlan::Settings faults;
        // The multipart route: its S3's region and smallest part but the last, and how long
        // the temporary keys of init_multipart_upload stay valid.
        QString region = QStringLiteral("us-east-1");
        qint64 minPartSize = 5 * 1024 * 1024;
        int credentialTtl = 36 * 3600;
        // The form route's single-request limit (S3: 5 GiB) and the validating proxy mode.
        qint64 maxPostSize = 5368709120LL;
        ProxyEndpoint::Mode proxyMode = ProxyEndpoint::Mode::None;
        int proxyCheckMs = 2000;
    };

    explicit SandboxServer(const Options &options);
    ~SandboxServer();

    // Binds 127.0.0.1:port (0 = any free port); returns the port or -1.
    int bind(int port);
    // Serves until stop(); blocks the calling thread.
    bool run();
    // Safe from any thread (the signal-waiting thread calls it).
    void stop();

    QString baseUrl() const { return m_baseUrl; }

private:
    using Handler = void (SandboxServer::*)(const httplib::Request &, httplib::Response &);
    std::function<void(const httplib::Request &, httplib::Response &)>
    apiRoute(Handler handler, const char *counter);
    void addApiGet(const char *pattern, Handler handler, const char *counter = nullptr);
    void addApiPost(const char *pattern, Handler handler, const char *counter);
    bool authorized(const httplib::Request &req) const;
    bool applyApiFaults(const httplib::Request &req, httplib::Response &res);

    void account(const httplib::Request &req, httplib::Response &res);
    void projects(const httplib::Request &req, httplib::Response &res);
    void tags(const httplib::Request &req, httplib::Response &res);
    void listSamples(const httplib::Request &req, httplib::Response &res);
    void getSample(const httplib::Request &req, httplib::Response &res);
    void initUpload(const httplib::Request &req, httplib::Response &res);
    void confirmUpload(const httplib::Request &req, httplib::Response &res);
    void cancelUpload(const httplib::Request &req, httplib::Response &res);
    void initMultipartUpload(const httplib::Request &req, httplib::Response &res);
    void importFileFromS3(const httplib::Request &req, httplib::Response &res);
    void sandboxState(const httplib::Request &req, httplib::Response &res);
    void sandboxFaults(const httplib::Request &req, httplib::Response &res);

    Options m_options;
    QString m_baseUrl;
    std::atomic<bool> m_stopping{false};
    FaultPlan m_faults;
    std::unique_ptr<SandboxStore> m_store;
    std::unique_ptr<PostPolicy> m_policy;
    std::unique_ptr<StorageEndpoint> m_storage;
    std::unique_ptr<MultipartStore> m_multipartStore;
    std::unique_ptr<MultipartApi> m_multipartApi;
    std::unique_ptr<S3Endpoint> m_s3;
    std::unique_ptr<ProxyEndpoint> m_proxy;
    std::unique_ptr<httplib::Server> m_http;
};

#pragma once

#include <QString>
#include <atomic>
#include <chrono>

namespace httplib {
struct Request;
struct Response;
class ContentReader;
} // namespace httplib

class SandboxStore;
class PostPolicy;
class FaultPlan;

// The S3 side: "POST Object" with a presigned policy, as browsers and the
// One Codex clients use it. The multipart body is parsed as it streams in;
// the file part goes straight to DATA/tmp (MD5 on the way) and is only
// renamed to DATA/objects/<key> once complete, so memory stays constant and a
// cut upload leaves nothing under its key.
class StorageEndpoint {
public:
    static constexpr const char *Bucket = "seqdrop-sandbox";

    StorageEndpoint(SandboxStore &store, const PostPolicy &policy, FaultPlan &faults,
                    const std::atomic<bool> &stopping);

    // A form POST whose Content-Length is over this is refused before its body is read, with
    // S3's EntityTooLarge (S3 takes no single request over 5 GiB).
    void setMaxPostSize(qint64 bytes) { m_maxPostSize = bytes; }
    // What the validating proxy (ProxyEndpoint) learns of a POST it passed on. Through the
    // proxy the form also carries its status_url / callback_url, which no policy covers.
    struct Stored {
        bool ok = false;
        QString sampleId;
    };
    void setBaseUrl(const QString &baseUrl) { m_baseUrl = baseUrl; }
    void handle(const httplib::Request &req, httplib::Response &res,
                const httplib::ContentReader &reader, Stored *viaProxy = nullptr);

    // Called by the server's logger, after the answer was written: closes
    // the connection of a rejected upload ("answer, then close", like S3).
    static void afterResponse(const httplib::Request &req);

    // Rejected bodies up to this size are read to the end before answering,
    // so a client always gets to read the error; bigger ones are answered
    // and the connection closed at once, as S3 does.
    static constexpr qint64 DrainLimit = 16 * 1024 * 1024;

private:
    struct Upload;
    void startFile(Upload &up, const std::string &fileName);
    bool receiveFile(Upload &up, const char *data, size_t len);
    // The injected cut, stall or held answer: drops the file and the connection.
    void dropConnection(Upload &up);
    // Sleeps until `until`, or until the server stops.
    void waitUntil(std::chrono::steady_clock::time_point until) const;
    void finish(Upload &up, httplib::Response &res);

    SandboxStore &m_store;
    const PostPolicy &m_policy;
    FaultPlan &m_faults;
    const std::atomic<bool> &m_stopping;
    QString m_baseUrl;
    qint64 m_maxPostSize = 5368709120LL;
};
